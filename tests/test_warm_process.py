"""A warm process (watch, batch and roster workers) builds the same bytes as a fresh one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from booklet.build import build_booklet
from booklet.illustrate.images import load_image

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><text x="9" y="50">Rinse</text></svg>'


def test_loading_an_svg_does_not_change_later_builds(tmp_path: Path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images/rinse.svg").write_text(SVG)
    load_image(tmp_path, "images/rinse.svg", 100, 100)  # svglib registers its fonts in this process
    warm = build_booklet(None, format="cards")
    out = tmp_path / "fresh.pdf"
    code = (
        f"from booklet.build import build_booklet; open({str(out)!r}, 'wb').write(build_booklet(None, format='cards'))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert warm == out.read_bytes()


def test_a_watch_rebuild_after_an_edit_is_byte_identical_to_a_cold_build(shipped: Path, tmp_path: Path):
    """Whatever a warm process keeps between rebuilds (parsed YAML, fonts, traces, drawings),
    the file after a one-line edit is the file a fresh process builds from the edited content."""
    from booklet.options import BuildOptions
    from booklet.watch import rebuild

    warm_out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm_out).errors  # the first build fills every cache
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    assert "summary: Curved" in text
    stroke.write_text(text.replace("summary: Curved", "summary: Edited, curved", 1), encoding="utf-8")
    event = rebuild(shipped, BuildOptions(), warm_out)
    assert not event.errors
    cold_out = tmp_path / "cold.pdf"
    code = f"from booklet.build import build_booklet; build_booklet({str(shipped)!r}, output={str(cold_out)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert warm_out.read_bytes() == cold_out.read_bytes()


# Edits of several kinds, made one after another in one warm process, as an author saving
# in `booklet watch` makes them: (file, old snippet, new snippet).
EDITS = {
    "step text": (
        "strokes/raking.yaml",
        "  - Draw your fingertips down the back towards the waist in a smooth line.",
        "  - Draw your fingertips down the back towards the waist in one smooth, even line.",
    ),
    "stroke name": ("strokes/raking.yaml", "name: Raking\n", "name: Raking strokes\n"),
    "a character never used before": (
        "strokes/raking.yaml",
        "  - Use the pads of your fingers, not your nails.",
        "  - Use the pads of your fingers, not your nails. Øyvind trims them short; so does Žana.",
    ),
    "a removed step": (
        "strokes/raking.yaml",
        "  - Change sides and repeat on the other half of the back.\n",
        "",
    ),
    "more pages": (
        "strokes/fan-stroke.yaml",
        "tips:\n",
        "tips:\n"
        + "".join(
            f"  - A longer tip, number {n}, to push the stroke onto more pages than before.\n" for n in range(14)
        ),
    ),
}


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_warm_rebuilds_after_edits_of_every_kind_are_byte_identical_to_cold_builds(shipped: Path, tmp_path: Path):
    """Diagram forms replayed from an earlier document, streams compressed in an earlier
    build, parsed YAML: after each kind of edit, the watch output is a fresh process's."""
    from booklet.illustrate.diagram import _diagram
    from booklet.options import BuildOptions
    from booklet.render import forms, replay, streams
    from booklet.watch import rebuild

    _diagram.cache_clear()  # earlier tests may have filled it: strokes are replayed only while it drops none
    warm_out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm_out).errors
    assert not rebuild(shipped, BuildOptions(), warm_out).errors  # diagrams are recorded the second time
    assert forms._PAINTED  # the caches these edits must not fool are filled
    assert streams._packed
    pages = [_pages(warm_out.read_bytes())]
    dropped_badge = False
    for kind, (name, old, new) in EDITS.items():
        path = shipped / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (kind, old)
        text = text.replace(old, new, 1)
        if kind == "a removed step":  # its diagram badge goes with it
            text, dropped_badge = text.replace(", change: 6}", "}"), ", change: 6}" in text
        path.write_text(text, encoding="utf-8")
        event = rebuild(shipped, BuildOptions(), warm_out)
        assert not event.errors, (kind, event.errors)
        cold_out = tmp_path / "cold.pdf"
        code = f"from booklet.build import build_booklet; build_booklet({str(shipped)!r}, output={str(cold_out)!r})"
        subprocess.run([sys.executable, "-c", code], check=True)
        assert warm_out.read_bytes() == cold_out.read_bytes(), kind
        assert replay.last["replayed"] >= 2, kind  # the strokes the edit did not touch were not laid out again
        pages.append(_pages(cold_out.read_bytes()))
    assert dropped_badge
    assert pages[-1] > pages[-2], pages  # the last edit did change the page count


def test_a_save_that_changes_nothing_writes_the_last_build_again(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Autosave, touch, trailing spaces: the same booklet record, options and other files give the
    last build's bytes, unbuilt; a change to any other file of the folder (a picture, a font, a
    translation) builds again."""
    from booklet import watch
    from booklet.options import BuildOptions

    built = []
    real_build = watch.build
    monkeypatch.setattr(watch, "build", lambda booklet, options: built.append(1) or real_build(booklet, options))
    out = tmp_path / "out.pdf"
    assert not watch.rebuild(shipped, BuildOptions(), out).errors
    first = out.read_bytes()
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text, encoding="utf-8")  # saved again, unchanged
    assert not watch.rebuild(shipped, BuildOptions(), out).errors
    stroke.write_text(text.replace("name: Raking\n", "name: Raking   \n", 1), encoding="utf-8")  # trailing spaces
    assert not watch.rebuild(shipped, BuildOptions(), out).errors
    assert len(built) == 1
    assert out.read_bytes() == first
    (shipped / "notes.txt").write_text("a file the booklet does not name")
    assert not watch.rebuild(shipped, BuildOptions(), out).errors
    assert len(built) == 2  # another file changed: built, though to the same bytes
    assert out.read_bytes() == first
    assert not watch.rebuild(shipped, BuildOptions(paper="a4"), out).errors
    assert len(built) == 3  # other options: built


def test_a_comment_edit_rebuilds_an_edition_that_carries_its_sources(shipped: Path, tmp_path: Path):
    """PDF/A-3 embeds every source file: a comment edit leaves the booklet record as it was but
    changes the output, so watch builds again and writes what a cold build writes."""
    from booklet import watch
    from booklet.build import build_booklet
    from booklet.options import BuildOptions

    options = BuildOptions(pdf_standard=("ua-1", "a-3b"))
    out = tmp_path / "out.pdf"
    assert not watch.rebuild(shipped, options, out).errors
    first = out.read_bytes()
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text + "# a comment at the end: no line of the stroke moves\n", encoding="utf-8")
    assert not watch.rebuild(shipped, options, out).errors
    cold = tmp_path / "cold.pdf"
    build_booklet(shipped, output=cold, pdf_standard=("ua-1", "a-3b"))
    assert out.read_bytes() == cold.read_bytes()
    assert out.read_bytes() != first


def test_a_replay_that_meets_another_page_state_builds_afresh(shipped: Path, tmp_path: Path):
    """A recorded stroke whose second page would begin in another state than recorded: the replay
    stops (render/replay.Refused) and the whole document is built afresh, to a fresh process's bytes."""
    from booklet.illustrate.diagram import _diagram
    from booklet.options import BuildOptions
    from booklet.render import replay
    from booklet.watch import rebuild

    _diagram.cache_clear()
    out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), out).errors
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text.replace("name: Raking\n", "name: Raking strokes\n", 1), encoding="utf-8")
    groups = [g for _, kept in replay._kept for g in kept if len(g.pages) > 1]
    assert groups
    for group in groups:  # as if the second page's furniture had left another graphics state
        group.pages[1].start = (*group.pages[1].start[:1], "another state", *group.pages[1].start[2:])
    refused = replay.last["refused"]
    assert not rebuild(shipped, BuildOptions(), out).errors
    assert replay.last["refused"] == refused + 1
    assert replay.last["replayed"] == 0
    cold = tmp_path / "cold.pdf"
    code = f"from booklet.build import build_booklet; build_booklet({str(shipped)!r}, output={str(cold)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert out.read_bytes() == cold.read_bytes()


# A field of every kind a stroke has, then the booklet itself: (file, old, new). Each edit is
# made in one warm process, after the ones before it.
FIELD_EDITS = [
    ("strokes/raking.yaml", "name: Raking\n", "name: Raking, lightly\n"),
    ("strokes/raking.yaml", "other_names: [Fingertip raking, Combing]", "other_names: [Combing]"),
    ("strokes/raking.yaml", "like a rake through soil.", "like a rake through sand."),
    ("strokes/raking.yaml", "adds variety between", "adds welcome variety between"),
    ("strokes/raking.yaml", "pressure: moderate", "pressure: light"),
    ("strokes/raking.yaml", "areas: [upper-back, mid-back, lower-back]", "areas: [upper-back, mid-back]"),
    ("strokes/raking.yaml", "level with their waist", "level with their hips"),
    ("strokes/raking.yaml", "tags: [fingertips, stimulating]", "tags: [fingertips]"),
    ("strokes/raking.yaml", "duration: 2 minutes\n", "duration: 2 minutes\nmuscles: [trapezius]\n"),
    ("strokes/raking.yaml", "duration: 2 minutes", "duration: 3 minutes"),
    ("strokes/raking.yaml", "like a rake.\n", "like a garden rake.\n"),
    ("strokes/raking.yaml", "not your nails.", "never your nails."),
    ("strokes/raking.yaml", "never on it.", "never on top of it."),
    ("strokes/raking.yaml", "  - signal: caution\n    id: ribs", "  - signal: warning\n    id: ribs"),
    ("strokes/raking.yaml", "repeats: 2", "repeats: 3"),
    ("strokes/fan-stroke.yaml", "tips:\n", "tips:\n  - A tip at the top, one line long.\n"),
]


def test_warm_rebuilds_after_edits_of_every_field_equal_builds_without_replay(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Whatever field of a stroke an edit touches, the replayed rebuild (render/replay.py) is the build
    that lays every page out: the replay keys hold everything a section's pages are made from."""
    from booklet.build import build_booklet
    from booklet.illustrate.diagram import _diagram
    from booklet.options import BuildOptions
    from booklet.render import replay
    from booklet.watch import rebuild

    _diagram.cache_clear()
    warm = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm).errors
    replayed = []
    booklet_yaml = next(p for p in shipped.glob("booklet.y*ml"))
    title = booklet_yaml.read_text(encoding="utf-8").split("\n", 1)
    edits = [*FIELD_EDITS, (booklet_yaml.name, title[0], title[0] + " # a comment")]
    for name, old, new in edits:
        path = shipped / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert not rebuild(shipped, BuildOptions(), warm).errors, new
        replayed.append(replay.last["replayed"])
        with monkeypatch.context() as m:
            m.setattr(replay, "_on", False)
            laid_out = build_booklet(shipped)
        assert warm.read_bytes() == laid_out, new
    assert min(replayed) >= 2, replayed  # every edit left some sections to replay


def test_watch_settles_the_collector_between_rebuilds_and_leaves_it_as_it_was(shipped: Path, tmp_path: Path):
    """After each rebuild watch collects and sets aside what lives on (watch.settle), so the next
    rebuild's collections walk only what it makes; a rebuild itself runs without the collector."""
    import gc

    from booklet.watch import watch

    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    seen: list[tuple[int, bool]] = []
    calls = []

    def stop() -> bool:
        calls.append(1)
        if len(calls) == 1:  # after the first rebuild and its settle: an edit for the next one
            stroke.write_text(text.replace("name: Raking\n", "name: Raking again\n", 1), encoding="utf-8")
        return len(seen) >= 2

    def on_event(event) -> None:
        assert not event.errors
        seen.append((gc.get_freeze_count(), gc.isenabled()))

    gc.unfreeze()
    watch(shipped, on_event, output=tmp_path / "out.pdf", interval=0.01, stop=stop, max_cycles=1_000)
    assert seen[0][0] == 0
    assert seen[1][0] > 1000  # the first rebuild's survivors were set aside before the second
    assert all(enabled for _, enabled in seen)  # each rebuild gave the collector back
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_an_edit_that_only_moves_lines_replays_every_run(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Where text was written (its file, line and column) is for error messages, which no page shows: runs'
    keys leave it out, so lines moved by an edit above (here a comment) lay nothing out again; a line more in a
    stroke's tips lays out only that stroke (and what shows its tips), and both equal builds without replay."""
    from booklet.build import build_booklet
    from booklet.illustrate.diagram import _diagram
    from booklet.options import BuildOptions
    from booklet.render import replay
    from booklet.watch import rebuild

    _diagram.cache_clear()
    out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), out).errors
    fan = shipped / "strokes" / "fan-stroke.yaml"
    text = fan.read_text(encoding="utf-8")
    fan.write_text("# a comment: every line of the file moves down one\n" + text, encoding="utf-8")
    assert not rebuild(shipped, BuildOptions(), out).errors
    everything = replay.last["replayed"]
    with monkeypatch.context() as m:
        m.setattr(replay, "_on", False)
        assert out.read_bytes() == build_booklet(shipped)
    assert everything == len(replay._kept[-1][1])  # every run of the document
    fan.write_text(text.replace("tips:\n", "tips:\n  - One more tip, one line long.\n", 1), encoding="utf-8")
    assert not rebuild(shipped, BuildOptions(), out).errors
    assert replay.last["replayed"] >= everything - 2  # the fan stroke's run, and its page moves nothing after
    with monkeypatch.context() as m:
        m.setattr(replay, "_on", False)
        assert out.read_bytes() == build_booklet(shipped)
