"""One check step: `validate` refuses everything `build` would, for every edition and format, with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from booklet.build import BuildOptions, build, load_booklet
from booklet.check import check_builds, editions
from booklet.cli import main
from booklet.errors import ContentError

from .conftest import SHIPPED


def validate_lines(source: Path) -> list[str]:
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()


def build_error(source: Path, **options) -> str:
    with pytest.raises(ContentError) as caught:
        build(load_booklet(source), BuildOptions(**options))
    return caught.value.lines()[0]


def test_unknown_font_family_is_found_by_validate_with_its_line(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  font: Comic")
    lines = validate_lines(handwash)
    assert lines[0].startswith(f"{handwash}/booklet.yaml:41:9: error: theme.font: font family 'Comic' not found")
    assert build_error(handwash) == lines[0]  # build refuses it in the same words


def test_unknown_heading_font_too(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  heading_font: Papyrus")
    assert validate_lines(handwash)[0].startswith(
        f"{handwash}/booklet.yaml:41:17: error: theme.heading_font: font family 'Papyrus' not found"
    )


def test_missing_glyph_is_found_by_validate(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "Sing a short song twice to time it.", "Sing \u266b twice.")
    lines = validate_lines(handwash)
    assert lines[0] == (
        f"{handwash}/strokes/lather.yaml:14:3: error: tips: the font NotoSans has no glyph for '\u266b' "
        "(U+266B); change the text or theme.font"
    )
    assert build_error(handwash) == lines[0]


def test_a_card_that_cannot_fit_is_found_by_validate(handwash: Path, edit):
    step = " ".join(["Rub each finger slowly, one at a time, and count to five."] * 60)
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {step}")
    lines = validate_lines(handwash)
    assert any("strokes/lather.yaml" in line and "does not fit a" in line for line in lines), lines
    build(load_booklet(handwash), BuildOptions())  # the booklet itself still builds: only cards fail


def test_a_page_that_cannot_be_laid_out_names_the_stroke_and_the_edition(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "    font_scale: 1.3", "    font_scale: 1.3\n    paper: 50x60mm")
    edit(handwash / "booklet.yaml", "default_audience: kids", "")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {figure: back}\ntips:")  # a diagram too big
    lines = validate_lines(handwash)
    assert any(
        line.startswith(f"{handwash}/strokes/lather.yaml:1:1: error: layout: content too large to lay out")
        and line.endswith("(in the kids edition)")
        for line in lines
    ), lines
    build(load_booklet(handwash), BuildOptions())  # the standard edition builds


def test_editions_are_every_audience_and_the_standard_one_when_reachable(handwash: Path, edit):
    assert editions(load_booklet(handwash)) == ["kids"]
    edit(handwash / "booklet.yaml", "default_audience: kids", "")
    assert editions(load_booklet(handwash)) == [None, "kids"]


def test_shipped_content_passes_every_check():
    booklet = load_booklet(SHIPPED)
    check_builds(booklet)
    assert len(editions(booklet)) == len(booklet.audiences) == 3
