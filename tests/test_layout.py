"""The plan is pure data: sections in reading order; contents and bookmarks read it."""

from __future__ import annotations

from pathlib import Path

from booklet.audience import make_edition
from booklet.build import load_booklet
from booklet.layout import plan_booklet
from booklet.paper import PAPERS, parse_paper


def test_sections_in_reading_order(handwash: Path):
    edition = make_edition(load_booklet(handwash))
    plan = plan_booklet(edition, PAPERS["a6"])
    kinds = [s.kind for s in plan.sections]
    assert kinds == [
        "cover",
        "contents",
        "introduction",
        "cautions",  # safety before the procedures
        "checklist",
        "glance",
        "stroke",
        "routine",
        "checklist",
        "references",
        "back-cover",
    ]
    assert [s.key for s in plan.contents()] == [
        "introduction",
        "cautions",
        "checklist-kit",
        "glance",
        "strokes",
        "stroke-lather",
        "routine",
        "checklist-after",
        "references",
    ]


def test_notes_pages_go_before_the_back_cover(handwash: Path):
    edition = make_edition(load_booklet(handwash))
    plan = plan_booklet(edition, PAPERS["a5"], pad_to_four=True)
    kinds = [s.kind for s in plan.sections]
    assert kinds[-2:] == ["notes", "back-cover"]
    assert "notes" not in [s.kind for s in plan_booklet(edition, PAPERS["a5"]).sections]
    assert all(s.key not in {c.key for c in plan.contents()} for s in plan.sections if s.kind == "notes")


def test_paper_parsing():
    assert parse_paper("A5") is PAPERS["a5"]
    custom = parse_paper("105x148mm")
    assert round(custom.width_pt, 2) == round(PAPERS["a6"].width_pt, 2)
    assert parse_paper("Half-Letter").name == "half-letter"
