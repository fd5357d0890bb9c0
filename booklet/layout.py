"""Edition + paper -> Plan: which sections a booklet has, in order, and how they nest.

Pure data, no ReportLab: the contents page, the PDF bookmarks and the renderer all
read the same plan, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from booklet.model import Edition
from booklet.paper import Paper

STROKES_KEY = "strokes"


@dataclass(frozen=True)
class Section:
    """One part of the booklet as planned: its kind, destination name, title and contents level, what
    it shows (payload), and whether the contents page lists it."""

    kind: str  # cover, contents, introduction, checklist, glance, stroke, routine, cautions,
    # references, notes, back-cover ("notes" is as many ruled pages as make the page count a
    # multiple of four; "glance" is the strokes at a glance, one or two pages so that the
    # first stroke starts on a left-hand page)
    key: str  # destination name, unique in the document
    title: str
    level: int = 0
    payload: Any = None
    toc: bool = True


@dataclass(frozen=True)
class Plan:
    """An edition laid out as sections on a paper size, with its print options (fillable boxes, bleed)."""

    edition: Edition
    paper: Paper
    sections: tuple[Section, ...]
    fillable: bool = False
    bleed_pt: float = 0.0  # print-shop output: bleed around the trim, crop marks outside it

    def contents(self) -> list[Section]:
        """Entries of the contents page, with the strokes grouped under one heading."""
        out: list[Section] = []
        for section in self.sections:
            if section.kind == "stroke" and not any(s.key == STROKES_KEY for s in out):
                out.append(Section("group", STROKES_KEY, self.edition.booklet.label("strokes")))
            if section.toc:
                out.append(section)
        return out


def plan_booklet(
    edition: Edition,
    paper: Paper,
    *,
    fillable: bool = False,
    pad_to_four: bool = False,
    back_pages: int = 1,
    bleed_pt: float = 0.0,
) -> Plan:
    """Lay the edition's parts out in reading order."""
    booklet = edition.booklet
    sections = [
        Section("cover", "cover", booklet.title, toc=False),
        Section("contents", "contents", booklet.label("contents"), toc=False),
    ]
    if booklet.introduction:
        sections.append(Section("introduction", "introduction", booklet.label("introduction")))
    # Grouped safety messages come before the procedures (ANSI Z535.6): when not to, then how.
    sections.append(Section("cautions", "cautions", booklet.label("cautions")))
    sections += _checklists(edition, "before")
    count = len(booklet.strokes)
    if count:
        sections.append(Section("glance", "glance", booklet.label("at_a_glance"), payload=booklet.strokes))
    for number, stroke in enumerate(booklet.strokes, 1):
        sections.append(Section("stroke", f"stroke-{stroke.id}", stroke.name, 1, (number, count, stroke)))
    if booklet.routine and booklet.routine.steps:
        sections.append(Section("routine", "routine", booklet.routine.title, payload=booklet.routine))
    sections += _checklists(edition, "after")
    if booklet.references:
        sections.append(Section("references", "references", booklet.label("references"), payload=booklet.references))
    if pad_to_four:  # saddle stitching: "Notes" pages fill the last sheet, before the back cover
        sections.append(Section("notes", "notes", booklet.label("notes"), toc=False, payload=back_pages))
    sections.append(Section("back-cover", "back-cover", booklet.title, toc=False))
    return Plan(edition, paper, tuple(sections), fillable, bleed_pt)


def _checklists(edition: Edition, placement: str) -> list[Section]:
    return [
        Section("checklist", f"checklist-{c.id}", c.title, payload=c)
        for c in edition.booklet.checklists
        if c.placement == placement and c.items
    ]
