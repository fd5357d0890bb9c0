"""new, preview, watch, schema and lint, as an author uses them."""

from __future__ import annotations

import glob
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image

from booklet.build import BuildOptions, build, load_booklet
from booklet.cli import main
from booklet.errors import BookletError
from booklet.jsonschema import json_schema
from booklet.lint import lint
from booklet.readability import reading
from booklet.scaffold import scaffold
from booklet.watch import Event, watch

from .conftest import FIXTURES, SHIPPED, pdf_text


def test_scaffold_validates_and_builds(tmp_path: Path):
    folder = tmp_path / "stretching"
    written = scaffold(folder, "Morning Stretches")
    assert (folder / "booklet.yaml") in written
    first = (folder / "strokes" / "shoulder-roll.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../stroke.schema.json"
    booklet = load_booklet(folder)
    assert booklet.title == "Morning Stretches"
    text = pdf_text(build(booklet, BuildOptions()).pdf)
    assert "Shoulder roll" in text
    assert "Lift both shoulders towards your ears" in text


def test_scaffold_refuses_a_folder_with_files(tmp_path: Path):
    (tmp_path / "x.txt").write_text("keep me")
    with pytest.raises(BookletError, match="already exists and is not empty"):
        scaffold(tmp_path)
    assert (tmp_path / "x.txt").read_text() == "keep me"


def test_preview_writes_pngs_and_a_contact_sheet(tmp_path: Path):
    out = tmp_path / "preview"
    result = CliRunner().invoke(
        main, ["preview", str(FIXTURES / "handwash"), "--pages", "1-3", "--dpi", "50", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    pages = sorted(out.glob("handwash-0*.png"))
    assert [p.name for p in pages] == ["handwash-001.png", "handwash-002.png", "handwash-003.png"]
    with Image.open(pages[0]) as image:
        width, height = image.size  # A6 at 50 dpi, to the pixel
        assert abs(width - 105 / 25.4 * 50) <= 1
        assert abs(height - 148 / 25.4 * 50) <= 1
    assert (out / "handwash-contact.png").is_file()


def validator(kind: str):
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(json_schema(kind))


@pytest.mark.parametrize(
    ("kind", "pattern"),
    [
        ("booklet", f"{SHIPPED}/booklet.yaml"),
        ("stroke", f"{SHIPPED}/strokes/*.yaml"),
        ("audience", f"{SHIPPED}/audiences/*.yaml"),
        ("booklet", f"{FIXTURES}/handwash/booklet.yaml"),
        ("stroke", f"{FIXTURES}/handwash/strokes/*.yaml"),
    ],
)
def test_schema_accepts_the_shipped_content(kind, pattern):
    check = validator(kind)
    for path in glob.glob(pattern):
        errors = [e.message for e in check.iter_errors(yaml.safe_load(Path(path).read_text()))]
        assert not errors, (path, errors)


@pytest.mark.parametrize(
    ("kind", "document"),
    [
        ("stroke", {"id": "x", "name": "X", "steps": ["a"], "pressure": "hard"}),
        ("stroke", {"id": "x", "name": "X", "steps": ["a"], "presure": "light"}),
        ("stroke", {"id": "x", "name": "X"}),
        ("stroke", {"id": "x", "name": "X", "steps": ["a"], "illustration": {"pattern": "swirl"}}),
        ("booklet", {"id": "b", "title": "B", "cautions": [{"signal": "note", "text": "t"}]}),
        ("audience", {"id": "a", "name": "A", "max_pressure": "strong"}),
    ],
)
def test_schema_rejects_broken_content(kind, document):
    assert list(validator(kind).iter_errors(document))


def test_schema_command_prints_json():
    result = CliRunner().invoke(main, ["schema", "--kind", "stroke"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$ref"] == "#/$defs/stroke"
    assert schema["$defs"]["stroke"]["properties"]["pressure"]["anyOf"][0]["enum"] == ["light", "moderate", "firm"]


def test_watch_rebuilds_after_a_change_and_survives_a_bad_edit(handwash: Path, tmp_path: Path):
    """Each edit is made right after the build before it, as a person would; no clock is involved."""
    output = tmp_path / "out.pdf"
    events: list[Event] = []
    stroke = handwash / "strokes" / "lather.yaml"
    edits = [("pressure: light", "pressure: hard"), ("pressure: hard", "pressure: moderate")]

    def on_event(event: Event) -> None:
        events.append(event)
        if edits:
            old, new = edits.pop(0)
            stroke.write_text(stroke.read_text().replace(old, new))

    watch(handwash, on_event, output=output, interval=0.01, stop=lambda: len(events) >= 3, max_cycles=10_000)
    assert [bool(e.errors) for e in events] == [False, True, False]
    assert "unknown pressure 'hard'" in events[1].errors[0]
    assert "Moderate" in pdf_text(output.read_bytes())


def test_lint_passes_content_without_a_body_diagram(handwash: Path):
    """Hand washing has no body to mark: no zone warnings, and --strict passes."""
    booklet = load_booklet(handwash)
    warnings, level = lint(booklet)
    assert not warnings
    assert level.value is not None
    assert 0 < level.value < 12
    result = CliRunner().invoke(main, ["lint", str(handwash), "--strict"])
    assert result.exit_code == 0, result.output
    assert "): Flesch-Kincaid grade " in result.output


def test_shipped_home_edition_reads_below_grade_eight():
    from booklet.audience import make_edition

    warnings, level = lint(make_edition(load_booklet(SHIPPED), "home").booklet)
    assert level.formula is not None
    assert level.formula.name == "Flesch-Kincaid grade"
    assert level.value is not None
    assert level.value < 8
    assert not [w for w in warnings if "no caution names a zone" in w.message]


def test_reading_level_arithmetic():
    assert reading("The cat sat. The dog ran.", "en").value < 2
    hard = "Comprehensive musculoskeletal considerations necessitate individualized evaluation."
    assert reading(hard, "en").value > 14
