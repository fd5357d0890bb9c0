"""Pages replayed from the last build (render/replay.py) are the pages a build that lays them all out draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.build import build_booklet
from booklet.illustrate.diagram import _diagram
from booklet.render import replay

# Editions and papers whose pages differ in what a replay must repeat: links and page-number forms
# (contents), columns (A4), print marks and boxes (bleed), check boxes (fillable: not replayable),
# imposed sheets, another content with its own fonts and language.
BUILDS = [
    {"audience": "home"},
    {"audience": "large-print"},
    {"audience": "large-print", "paper": "a4"},
    {"audience": "student", "paper": "a6"},
    {"paper": "letter"},
    {"bleed_mm": 3.0},
    {"fillable": True},
    {"impose": "saddle"},
]


@pytest.mark.parametrize("options", BUILDS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_a_build_replayed_from_the_last_is_the_build_laid_out(options: dict, monkeypatch: pytest.MonkeyPatch):
    _diagram.cache_clear()
    monkeypatch.setattr(replay, "_on", False)
    laid_out = build_booklet(**options)
    monkeypatch.setattr(replay, "_on", True)
    recorded = build_booklet(**options)  # records
    again = build_booklet(**options)  # replays
    assert replay.last["replayed"] >= 2
    assert recorded == laid_out
    assert again == laid_out


def test_another_content_replays_to_its_own_bytes(monkeypatch: pytest.MonkeyPatch):
    _diagram.cache_clear()
    source = Path(__file__).parent / "fixtures" / "schreibtisch-de"
    monkeypatch.setattr(replay, "_on", False)
    laid_out = build_booklet(source)
    monkeypatch.setattr(replay, "_on", True)
    build_booklet(source)
    assert build_booklet(source) == laid_out
    assert replay.last["replayed"] >= 1


def test_nothing_is_kept_in_a_process_that_does_not_build_again(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(replay, "_on", False)
    monkeypatch.setattr(replay, "_kept", [])
    build_booklet()
    assert replay._kept == []


def test_a_page_with_an_image_is_laid_out_every_time(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """An author's image is a PDF object a replay cannot repeat: the runs showing it are never recorded,
    the others are, and the replayed build is the one laid out."""
    from PIL import Image

    _diagram.cache_clear()
    monkeypatch.setattr(replay, "_on", True)
    build_booklet(shipped)
    build_booklet(shipped)
    every = replay.last["replayed"]
    (shipped / "images").mkdir(exist_ok=True)
    Image.new("RGB", (60, 40), "#3a7").save(shipped / "images" / "rake.png")
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    start = text.index("illustration:")
    stroke.write_text(text[:start] + "illustration: {image: images/rake.png, alt: A garden rake}\n", encoding="utf-8")
    replay.forget()  # as watch does when a file other than YAML changed
    build_booklet(shipped)
    again = build_booklet(shipped)
    # the stroke's run, and the glance's and the routine's, which show it too
    assert replay.last["replayed"] == every - 3
    monkeypatch.setattr(replay, "_on", False)
    assert again == build_booklet(shipped)


def test_the_routine_thumbnails_follow_an_edited_diagram(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """Home A5's routine rows show the glance's thumbnails (the glance's forms): after an edit of a
    stroke's diagram the routine is not replayed stale (its key holds what the glance reads; a form
    shared otherwise than recorded would refuse the replay), so the bytes are a laid-out build's."""
    from booklet.options import BuildOptions
    from booklet.watch import rebuild

    _diagram.cache_clear()
    options = BuildOptions(audience="home", paper="a5")
    out = shipped.parent / "warm.pdf"
    assert not rebuild(shipped, options, out).errors
    stroke = shipped / "strokes" / "raking.yaml"
    stroke.write_text(stroke.read_text(encoding="utf-8").replace("repeats: 2", "repeats: 3", 1), encoding="utf-8")
    assert not rebuild(shipped, options, out).errors
    assert replay.last["replayed"] >= 2
    monkeypatch.setattr(replay, "_on", False)
    assert out.read_bytes() == build_booklet(shipped, audience="home", paper="a5")


def _laid_out(source: Path, monkeypatch: pytest.MonkeyPatch, **options: object) -> bytes:
    monkeypatch.setattr(replay, "_on", False)
    try:
        return build_booklet(source, **options)
    finally:
        monkeypatch.setattr(replay, "_on", True)


def _built_then_step_edited(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the shipped guide with replay on (from no cached diagram), then edit one of raking's steps."""
    _diagram.cache_clear()
    monkeypatch.setattr(replay, "_on", True)
    build_booklet(shipped)
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text.replace("in a smooth line.", "in a smooth, even line.", 1), encoding="utf-8")


def test_pages_that_gave_out_codes_are_replayed_as_drawn(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """After an edit of one stroke's step, the pages before and after it that gave out subset codes begin in
    the fonts' recorded states: their recorded text is added as it was, and the states they left are set
    (a later page that gives out codes too comes out as in a laid-out build only if they are)."""
    _built_then_step_edited(shipped, monkeypatch)
    again = build_booklet(shipped)
    assert replay.last["given"] >= 3
    assert again == _laid_out(shipped, monkeypatch)


def test_a_new_character_encodes_the_later_pages_again(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """A character no page used before, in the first stroke, takes a code that a later page's first-used
    character had: those later pages do not begin in their recorded states and are encoded again."""
    _diagram.cache_clear()
    monkeypatch.setattr(replay, "_on", True)
    build_booklet(shipped)
    build_booklet(shipped)
    every = replay.last["given"]
    stroke = shipped / "strokes" / "fan-stroke.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text.replace("Warm a little oil", "Warm a little oil (Ø)", 1), encoding="utf-8")
    again = build_booklet(shipped)
    assert replay.last["given"] < every
    assert again == _laid_out(shipped, monkeypatch)


def test_the_first_rebuild_after_an_edit_paints_no_unchanged_diagram(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """In a process that builds again, a diagram's painting is recorded the first time it is painted, so the
    first rebuild after an edit of a step's words (no diagram changed) replays every painting, and is the
    build a process that paints them all makes."""
    from booklet import warm
    from booklet.options import BuildOptions
    from booklet.render import forms, painter
    from booklet.watch import rebuild

    _diagram.cache_clear()
    monkeypatch.setattr(warm, "_again", True)
    monkeypatch.setattr(forms, "_PAINTED", type(forms._PAINTED)())
    monkeypatch.setattr(forms, "_SEEN", type(forms._SEEN)())
    monkeypatch.setattr(forms, "_AS_BEFORE", type(forms._AS_BEFORE)())
    out = shipped.parent / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), out).errors
    painted = []
    draw = painter.draw
    monkeypatch.setattr(painter, "draw", lambda drawing, canv: painted.append(drawing) or draw(drawing, canv))
    stroke = shipped / "strokes" / "raking.yaml"
    stroke.write_text(stroke.read_text(encoding="utf-8").replace("in a smooth line.", "in one line.", 1), "utf-8")
    assert not rebuild(shipped, BuildOptions(), out).errors
    assert painted == []
    monkeypatch.setattr(replay, "_on", False)
    monkeypatch.setattr(warm, "_again", False)
    assert out.read_bytes() == build_booklet(shipped)


def test_after_a_step_edit_no_replayed_page_encodes_its_text_again(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """Every page that gave out codes begins in its recorded fonts' states, also those that define a diagram's
    form (painted in the states it was painted in then): no replayed text is encoded again, and the build is
    the one laid out."""
    _built_then_step_edited(shipped, monkeypatch)
    encoded = []
    code = replay.Text.code
    monkeypatch.setattr(replay.Text, "code", lambda self, canv: encoded.append(self) or code(self, canv))
    again = build_booklet(shipped)
    assert replay.last["replayed"] >= 8
    assert encoded == []
    assert again == _laid_out(shipped, monkeypatch)


def test_a_fillable_routine_keeps_the_glance_thumbnails_when_only_lines_moved(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    """With check boxes the routine is laid out on every rebuild while the glance is replayed: a tip added above
    a stroke's illustration moves its lines only, and the routine still finds the glance's thumbnail box (the
    box is kept under the illustration without its places), so it shares the glance's forms as a fresh build."""
    from booklet.options import BuildOptions
    from booklet.watch import rebuild

    _diagram.cache_clear()
    options = BuildOptions(fillable=True)
    out = shipped.parent / "warm.pdf"
    assert not rebuild(shipped, options, out).errors
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text.replace("tips:\n", "tips:\n  - Warm your hands first.\n", 1), encoding="utf-8")
    assert not rebuild(shipped, options, out).errors
    assert replay.last["replayed"] >= 2
    monkeypatch.setattr(replay, "_on", False)
    assert out.read_bytes() == build_booklet(shipped, fillable=True)
