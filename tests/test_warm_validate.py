"""A process that builds again keeps what each unchanged file validated to (validate._Kept, and the
typeset, reworded and glyph-checked records made from it): the same booklet, editions and errors as
a process that keeps nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet import warm
from booklet.build import load_booklet, prepare
from booklet.errors import ContentError


def validated(source: Path) -> object:
    """The booklet, or the error lines validate and build print."""
    try:
        return load_booklet(source)
    except ContentError as exc:
        return exc.lines()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_files_errors_come_back_in_order_after_another_file_changed(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(warm, "_again", True)
    edit(shipped / "strokes/raking.yaml", "name: Raking\n", "name: Raking\ncolour: red\n")  # an unknown key
    first = validated(shipped)
    assert isinstance(first, list)
    assert any("unknown key 'colour'" in line for line in first)
    edit(shipped / "strokes/fan-stroke.yaml", "pressure: ", "pressure: hard\nold_pressure: ")
    kept = validated(shipped)
    monkeypatch.setattr(warm, "_again", False)  # nothing kept is used: every file converted again
    fresh = validated(shipped)
    assert kept == fresh
    assert isinstance(kept, list)
    assert len(kept) > len(first)
    assert any("raking.yaml" in line for line in kept)
    assert any("fan-stroke.yaml" in line for line in kept)


def test_after_an_edit_every_edition_is_the_one_a_process_keeping_nothing_makes(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(warm, "_again", True)
    before = load_booklet(shipped)
    for audience in before.audiences:
        prepare(before, audience.id)  # typeset, reworded and checked once: kept
    edit(shipped / "strokes/raking.yaml", "in a smooth line.", "in a smooth line, then back up.")
    kept = load_booklet(shipped)
    unchanged = [s for s in kept.strokes if s.id != "raking"]
    assert all(any(s is b for b in before.strokes) for s in unchanged)  # the unchanged files' own objects
    kept_editions = [prepare(kept, a.id) for a in kept.audiences]
    monkeypatch.setattr(warm, "_again", False)
    fresh = load_booklet(shipped)
    assert fresh == kept
    assert [prepare(fresh, a.id) for a in fresh.audiences] == kept_editions
    assert any("then back up" in step.text for stroke in kept_editions[0].booklet.strokes for step in stroke.steps)


def test_a_glyph_the_font_lacks_in_an_unchanged_file_is_reported_again(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warm, "_again", True)
    edit(shipped / "strokes/raking.yaml", "in a smooth line.", "in a smooth line ☃.")
    booklet = load_booklet(shipped)
    with pytest.raises(ContentError) as first:
        prepare(booklet, None)
    edit(shipped / "strokes/fan-stroke.yaml", "tips:\n", "tips:\n  - One more tip.\n")
    with pytest.raises(ContentError) as kept:
        prepare(load_booklet(shipped), None)
    monkeypatch.setattr(warm, "_again", False)
    with pytest.raises(ContentError) as fresh:
        prepare(load_booklet(shipped), None)
    assert kept.value.lines() == fresh.value.lines() == first.value.lines()
    assert "U+2603" in kept.value.lines()[0]


def test_text_reworded_in_a_warm_process_is_its_own_vocabularys(monkeypatch: pytest.MonkeyPatch):
    """The same text reworded by two vocabularies in one process that keeps what it reworded: each gives
    its own words, as a process keeping nothing does (the kept text is per vocabulary)."""
    from dataclasses import replace

    from booklet.audience import reword

    booklet = load_booklet(None)
    text = "Work on the back, beside the spine."
    booklet = replace(booklet, introduction=text)
    first, second = {"back": "dorsum"}, {"back": "lumbar region", "spine": "vertebral column"}
    monkeypatch.setattr(warm, "_again", False)
    fresh = [reword(booklet, terms).introduction for terms in (first, second)]
    monkeypatch.setattr(warm, "_again", True)
    kept = [reword(booklet, terms).introduction for terms in (first, second, first, second)]
    assert fresh == ["Work on the dorsum, beside the spine.", "Work on the lumbar region, beside the vertebral column."]
    assert kept == fresh + fresh
