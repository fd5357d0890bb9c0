"""The library and the one write path: typed options, every file a build makes, batch, new, watch and paths:."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from booklet import build_booklet
from booklet.build import BuildOptions, build, load_booklet, output_names
from booklet.cli import main
from booklet.errors import BookletError, OptionError
from booklet.options import OPTIONS, parse_options
from booklet.watch import Event, watch

from .conftest import pdf_text

# Library calls that must be refused, and words the refusal must contain (the choices).
REFUSED = [
    ({"format": "poster"}, "--format: unknown value 'poster' (expected booklet or cards)"),
    ({"impose": "sadle"}, "--impose: unknown value 'sadle' (expected none, saddle or 2up) (did you mean 'saddle'?)"),
    ({"format": "cards", "card": "a7"}, "--card: unknown value 'a7' (expected a6, index or business)"),
    ({"paper": "b9"}, "--paper: unknown paper size 'b9' (expected a3, a4, a5, a6, half-letter, letter, or WxHmm)"),
    ({"format": "cards", "duplex": "long"}, "--duplex: unknown value 'long' (expected long-edge or short-edge)"),
    ({"format": "cards", "backs": "both"}, "--backs: unknown value 'both' (expected duplex or separate)"),
    ({"format": "cards", "sheet": "b9"}, "--sheet: unknown value 'b9' (expected a5, a4, a3, a2"),
    ({"bleed_mm": "lots"}, "--bleed: expected a number of mm, got 'lots'"),
    ({"bleed_mm": float("nan")}, "--bleed: nan is out of range (0 to 10 mm)"),
    ({"impose": "saddle", "signature": 0}, "--signature: 0 is out of range (1 to 64)"),
    ({"fillable": "yes"}, "--fillable is on or off (True or False), not 'yes'"),
    ({"creep_mm": 1}, "--creep applies to --impose saddle or 2up only"),
    ({"format": "cards", "impose": "saddle"}, "--impose applies to -f booklet only"),
    ({"back_offset": "1x1mm"}, "--back-offset applies to -f cards only"),
    ({"colour": "red"}, "unknown option 'colour'"),
    ({"audience": "nobody"}, "unknown audience 'nobody' (expected kids)"),
]


@pytest.mark.parametrize(("options", "words"), REFUSED, ids=[str(r[0])[:40] for r in REFUSED])
def test_the_library_refuses_bad_options_naming_the_choices(handwash: Path, options, words):
    with pytest.raises(OptionError) as caught:
        build_booklet(handwash, **options)
    assert words in str(caught.value)
    assert isinstance(caught.value, BookletError)


def test_options_read_values_as_typed():
    options = parse_options({"format": "Cards", "card": "INDEX", "bleed": "2.5", "back-offset": "0.5x-1mm"})
    assert (options.format, options.card, options.bleed_mm, options.back_offset) == ("cards", "index", 2.5, "0.5x-1mm")
    assert parse_options({"paper": "A5"}).paper == "a5"
    assert parse_options({"paper": "halfletter"}).paper == "half-letter"
    assert parse_options({"impose": "saddle", "signature": "4"}).signature == 4
    assert BuildOptions(impose="saddle", creep_mm=0.3).given() == {"impose": "saddle", "creep_mm": 0.3}


def test_every_option_has_help_and_a_field():
    fields = set(BuildOptions.__dataclass_fields__)
    assert {o.field for o in OPTIONS} == fields
    for option in OPTIONS:
        assert option.help.strip(), option.field
        assert option.flag.startswith("--")


def test_build_booklet_returns_the_pdf(handwash: Path):
    pdf = build_booklet(handwash, audience="kids", paper="a6")
    assert isinstance(pdf, bytes)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(105 * 72 / 25.4, abs=0.5)
    assert "Washing Your Hands" in pdf_text(pdf)


def test_build_booklet_writes_cards_with_separate_backs_as_two_files(handwash: Path, tmp_path: Path):
    paths = build_booklet(handwash, format="cards", backs="separate", output=tmp_path / "cards.pdf")
    assert paths == [tmp_path / "cards.pdf", tmp_path / "cards-backs.pdf"]
    fronts, backs = (pdf_text(p.read_bytes()) for p in paths)
    assert "STROKE 1 OF 1" in fronts  # the default audience, kids, keeps one stroke
    assert "Lather: steps" in backs
    assert "Lather: steps" not in fronts


def test_build_booklet_into_a_folder_uses_the_default_names(handwash: Path, tmp_path: Path):
    paths = build_booklet(handwash, format="cards", backs="separate", output_dir=tmp_path)
    assert [p.name for p in paths] == ["handwash-cards-fronts.pdf", "handwash-cards-backs.pdf"]
    assert all(p.stat().st_size > 1000 for p in paths)


@pytest.mark.parametrize(
    ("options", "names"),
    [
        ({}, ["handwash.pdf"]),
        ({"audience": "kids"}, ["handwash-kids.pdf"]),
        ({"paper": "a6"}, ["handwash.pdf"]),  # the theme's own paper: not in the name
        ({"paper": "105x148mm"}, ["handwash.pdf"]),
        ({"paper": "a5"}, ["handwash-a5.pdf"]),
        ({"paper": "120x170mm"}, ["handwash-120x170mm.pdf"]),
        ({"impose": "saddle"}, ["handwash-saddle.pdf"]),
        ({"impose": "saddle", "sheet": "letter"}, ["handwash-saddle-on-letter.pdf"]),
        ({"fillable": True, "bleed_mm": 3}, ["handwash-fillable-bleed-3mm.pdf"]),
        ({"format": "cards"}, ["handwash-cards.pdf"]),
        ({"format": "cards", "card": "business"}, ["handwash-cards-business.pdf"]),
        ({"format": "cards", "backs": "separate"}, ["handwash-cards-fronts.pdf", "handwash-cards-backs.pdf"]),
        ({"audience": "kids", "format": "cards", "paper": "letter"}, ["handwash-kids-cards-letter.pdf"]),
    ],
)
def test_default_names_say_what_was_built(handwash: Path, options, names):
    assert output_names(load_booklet(handwash), parse_options(options)) == names


def test_builds_at_several_papers_and_audiences_never_collide(handwash: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runs = [
        [],
        ["-a", "kids"],
        ["--paper", "a5"],
        ["--paper", "a5", "-a", "kids"],
        ["--paper", "a4"],
        ["--impose", "saddle"],
    ]
    for args in runs:
        result = CliRunner().invoke(main, ["build", str(handwash), *args])
        assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "output").iterdir())) == len(runs)


def test_cli_reports_pages_sheets_and_sides(handwash: Path, tmp_path: Path):
    out = tmp_path / "s.pdf"
    result = CliRunner().invoke(main, ["build", str(handwash), "--impose", "saddle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sides = len(PdfReader(out).pages)
    reading = build(load_booklet(handwash), BuildOptions()).summary()
    assert f"pages on {sides // 2} sheets, {sides} sides" in result.output.splitlines()[0]
    assert reading.endswith("pages")
    assert "sheets" not in reading


def test_cli_cards_with_separate_backs_writes_both(handwash: Path, tmp_path: Path):
    out = tmp_path / "c.pdf"
    result = CliRunner().invoke(main, ["build", str(handwash), "-f", "cards", "--backs", "separate", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}, {tmp_path / 'c-backs.pdf'} (")
    assert "Lather: steps" in pdf_text((tmp_path / "c-backs.pdf").read_bytes())


def test_watch_writes_every_file_of_cards_with_separate_backs(handwash: Path, tmp_path: Path):
    events: list[Event] = []
    options = parse_options({"format": "cards", "backs": "separate"})
    watch(handwash, events.append, options=options, folder=tmp_path, max_cycles=0)
    assert [e.errors for e in events] == [()]
    assert [p.name for p in events[0].paths] == ["handwash-cards-fronts.pdf", "handwash-cards-backs.pdf"]
    assert "Lather: steps" in pdf_text((tmp_path / "handwash-cards-backs.pdf").read_bytes())


def test_batch_builds_every_asked_edition_and_format(handwash: Path, tmp_path: Path):
    out = tmp_path / "out"
    args = ["batch", str(handwash), "-f", "booklet", "-f", "cards", "-f", "saddle", "-j", "1", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["handwash-kids-cards.pdf", "handwash-kids-saddle.pdf", "handwash-kids.pdf"]
    for name in names:
        assert "Washing Your Hands" in pdf_text((out / name).read_bytes())
    assert "3 built, 0 failed" in result.output


def test_batch_reports_a_failing_edition_and_builds_the_rest(handwash: Path, tmp_path: Path, edit):
    step = " ".join(["Rub each finger slowly, one at a time, and count to five."] * 60)
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {step}")
    out = tmp_path / "out"
    args = ["batch", str(handwash), "-f", "booklet", "-f", "cards", "-j", "1", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "1 built, 1 failed" in result.output
    assert [p.name for p in out.iterdir()] == ["handwash-kids.pdf"]


def test_new_makes_content_that_validates_and_builds(tmp_path: Path):
    folder = tmp_path / "stretching"
    result = CliRunner().invoke(main, ["new", str(folder), "--title", "Stretching at Work"])
    assert result.exit_code == 0, result.output
    assert (folder / "booklet.yaml").is_file()
    assert CliRunner().invoke(main, ["validate", str(folder)]).exit_code == 0
    pdf = build_booklet(folder)
    assert isinstance(pdf, bytes)
    assert "Stretching at Work" in pdf_text(pdf)


def test_yaml_paths_reach_the_diagram(handwash: Path, edit):
    before = build(load_booklet(handwash), BuildOptions()).pdf
    edit(
        handwash / "strokes/lather.yaml",
        "tips:",
        "illustration:\n  hand: palms\n  paths:\n"
        "    - [[0.40, 0.30], [0.45, 0.60], [0.46, 0.70]]\n    - [[0.6, 0.3], [0.7, 0.5]]\ntips:",
    )
    booklet = load_booklet(handwash)
    ill = booklet.stroke("lather").illustration
    assert ill is not None
    assert ill.paths == (((0.40, 0.30), (0.45, 0.60), (0.46, 0.70)), ((0.6, 0.3), (0.7, 0.5)))
    after = build(booklet, BuildOptions()).pdf
    assert _stroke_page_curves(after) > _stroke_page_curves(before)  # the diagram draws the two paths


def _stroke_page_curves(pdf: bytes) -> int:
    """Path segments (line and curve operators) drawn on the Lather stroke page."""
    import re

    page = next(p for p in PdfReader(io.BytesIO(pdf)).pages if "STROKE 1 OF 1" in (p.extract_text() or ""))
    data = page.get_contents().get_data().decode("latin-1")
    for xobject in (page["/Resources"].get("/XObject") or {}).values():
        data += xobject.get_object().get_data().decode("latin-1")
    return len(re.findall(r" [lc]\n", data))
