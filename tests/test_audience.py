"""Audience selection is pure: Booklet + audience id -> Edition."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from booklet.audience import cap_pressure, make_edition, reword
from booklet.build import load_booklet
from booklet.errors import BookletError
from booklet.model import Step, Stroke


def test_default_audience_applies_its_profile(handwash: Path):
    edition = make_edition(load_booklet(handwash))
    assert edition.audience is not None
    assert edition.audience.id == "kids"
    assert [s.id for s in edition.booklet.strokes] == ["lather"]
    assert edition.font_scale == 1.3
    assert edition.booklet.edition == "Kids’ edition"  # with the language's apostrophe
    assert any("grown-up" in c.text for c in edition.booklet.cautions)
    assert [s.stroke for s in edition.booklet.routine.steps] == ["lather"]


def test_unknown_audience_is_a_user_error(handwash: Path):
    with pytest.raises(BookletError, match=r"unknown audience 'kidz' \(expected kids\) \(did you mean 'kids'\?\)"):
        make_edition(load_booklet(handwash), "kidz")


def test_pressure_cap_rewrites_and_says_so():
    stroke = Stroke("s", "S", (Step("x"),), pressure="firm")
    capped = cap_pressure(stroke, "moderate", "Large-print edition")
    assert capped.pressure == "moderate"
    assert "kept to moderate" in capped.pressure_note
    assert "firm" not in capped.pressure_note  # never points the reader at firmer work
    assert cap_pressure(stroke, "firm", "e") is stroke
    light = replace(stroke, pressure="light")
    assert cap_pressure(light, "moderate", "e") is light


def test_vocabulary_rewords_reader_text_only(handwash: Path):
    booklet = load_booklet(handwash)
    reworded = reword(booklet, {"palm": "palmar surface"})
    steps = [s.text for s in reworded.strokes[0].steps]
    assert steps[1].startswith("Rub palmar surface to palmar surface")
    assert reworded.strokes[0].hands == ("palms", "fingertips")  # enum values untouched
    assert reworded.strokes[0].id == "lather"


def test_include_and_exclude_by_id_or_tag(handwash: Path, edit):
    edit(handwash / "strokes/rinse.yaml", "name: Rinse", "name: Rinse\ntags: [water]")
    edit(handwash / "booklet.yaml", "exclude: [rinse]", "include: [water]")
    edition = make_edition(load_booklet(handwash), "kids")
    assert [s.id for s in edition.booklet.strokes] == ["rinse"]
