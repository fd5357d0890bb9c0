"""A page's furniture (cover, footer, folio, thumb tab) -> the last build's code for it, if drawn from the same.

In ``booklet watch`` every page's furniture is drawn again on every rebuild, also on pages
replayed without layout (render/replay.py), though it mostly comes out as last time: it
depends on the document (the plan without its sections, the booklet without its strokes:
replay.shared_inputs), on the number of strokes (thumb-tab heights), on the page number,
the running section and the page's tab, and on the canvas state it starts in. So its code
is kept, under all of that, and added again instead of drawn when the same furniture is
drawn on a page in the same state:

- the canvas state is render/replay's page-local state (graphics state, transparency
  states, tagging state, what the page has placed so far);
- text is the one thing that depends on more: its bytes are the subset codes the document
  gave its characters, in first-use order. The code is added only when every character
  has the code it had then and every font its PDF name (nothing would be given out);
  else the furniture is drawn, and kept anew;
- what drawing it changed beyond its code (the page's tab, new transparency states) is
  done again; furniture that made a PDF object, placed a form or an annotation, used a
  colour space or marked content (anything but an artifact) is not kept: it is drawn
  every time.

The cover is kept too, under what it shows besides the document (the first stroke's
picture). It is the document's first page, so its text gives out the first subset codes
and font names: its code is added when the fonts are in the states they were in when it
was drawn (replay.Given; on a first page, always), and the states it left are set. It is
also the structure tree's first section, filled with a copy of the elements drawing it made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject

from booklet.render.replay import Given, _as_given, _copy, _fill, _give, _local, _same_codes, _snapshot, text_codes

MAX_DOCUMENTS = 4  # documents (editions, papers) whose furniture is kept


@dataclass(frozen=True)
class Drawn:
    """One piece of furniture as drawn: its code and what else drawing it changed."""

    code: tuple[str, ...]
    codes: dict  # font -> (its PDF name, {character: code}) of its text (replay._same_codes)
    page_tab: tuple[tuple[int, int], ...]  # entries it added to canv.page_tab
    extgstate: tuple[dict, dict]  # the canvas's transparency states after it


@dataclass(frozen=True)
class Cover:
    """The cover as drawn: its code, what its text gave out, and the structure elements it added."""

    code: tuple[str, ...]
    given: Given  # the fonts' subset states before and after it (replay.Given)
    extgstate: tuple[dict, dict]  # the canvas's transparency states after it
    sect: Any  # the cover's structure element as drawn (a copy), or None untagged
    marks: tuple[int, int, bool]  # the recorder's page, next marked-content id and open mark after it


class NotingText(PDFTextObject):
    """A text object that notes the text runs it encodes (font, text) on the canvas's list, and (drawing the
    cover) each font's subset state before its first run."""

    def _formatText(self, text: Any) -> str:
        canv = self._canvas
        first = canv.__dict__.get("furniture_first")
        if first is not None and self._fontname not in first:
            first[self._fontname] = _snapshot(getFont(self._fontname).state.get(canv._doc))
        canv.furniture_runs.append((self._fontname, text))
        return super()._formatText(text)


class Furniture:
    """The furniture of one document being built: the last build's, and this build's for the next."""

    def __init__(self, shared: Any) -> None:
        self.shared = shared
        self.last = next((kept for key, kept in _kept if key == shared), {})
        self.made: dict[Any, Any] = {}  # key -> Drawn, or Cover
        self.reused = 0
        self.covered = False  # the cover's kept code was added

    def draw(self, canv: Any, doc: Any, name: str, strokes: int, paint: Callable[[], None]) -> None:
        """Draw furniture ``name`` (``paint()``) on the page begun or ending now, or add its kept code."""
        page = canv.getPageNumber()
        key = (name, strokes, page, canv.section, canv.page_tab.get(page), _local(doc, canv))
        known = self.last.get(key)
        if known is not None and _same_codes(canv._doc, known.codes):
            canv._code.extend(known.code)
            canv.page_tab.update(known.page_tab)
            gs = canv._extgstate
            gs._d, gs._c = dict(known.extgstate[0]), dict(known.extgstate[1])
            self.made[key] = known
            self.reused += 1
            return
        start, tabs, made = len(canv._code), dict(canv.page_tab), canv.references
        runs: list[tuple[str, Any]] = []
        fonts = (len(canv._doc.fontMapping), len(canv._doc.delayedFonts))
        canv.furniture_runs = runs
        try:
            paint()
        finally:
            canv.furniture_runs = None
        after, before = _local(doc, canv), key[-1]
        if canv.references != made or after[4:] != before[4:] or after[:2] != before[:2] or not _dynamic(runs):
            return  # it made an object, or changed what a page places or its marks: drawn every time
        if (len(canv._doc.fontMapping), len(canv._doc.delayedFonts)) != fonts:
            return  # it named a font in the document
        gs = canv._extgstate
        drawn = Drawn(
            tuple(canv._code[start:]),
            text_codes(canv._doc, runs),
            tuple((p, t) for p, t in canv.page_tab.items() if p not in tabs),
            (dict(gs._d), dict(gs._c)),
        )
        self.made[key] = drawn

    def cover(self, canv: Any, doc: Any, reads: Any, paint: Callable[[], None]) -> None:
        """Draw the cover (``paint()``), or add its kept code and elements: the cover is the document's first
        page, so its text gives out the first subset codes and font names (kept as replay.Given), and it is the
        structure tree's first section."""
        tags = canv.tags
        sect = tags.root.kept("cover") if tags is not None else None
        fresh = tags is None or (sect is not None and _empty(sect) and not tags.stack and not tags.boxed)
        parts = len(tags.root.kids) if tags is not None else 0
        page = canv.getPageNumber()
        key = ("cover", reads, page, canv.section, canv.page_tab.get(page), _local(doc, canv))
        known = self.last.get(key)
        if known is not None and fresh and _as_given(canv._doc, known.given):
            canv._code.extend(known.code)
            _give(canv._doc, known.given)
            gs = canv._extgstate
            gs._d, gs._c = dict(known.extgstate[0]), dict(known.extgstate[1])
            if tags is not None and sect is not None:
                _fill(sect, known.sect, 0)
                tags.boxed += [e for e in sect.walk() if e.boxes and any(b[0] == page for b in e.boxes)]
                tags.page, tags.next_mcid, tags.open = known.marks
            self.made[key] = known
            self.reused += 1
            self.covered = True
            return
        doc_ = canv._doc
        start, tabs, made = len(canv._code), dict(canv.page_tab), canv.references
        names = (len(doc_.fontMapping), len(doc_.delayedFonts))
        runs: list[tuple[str, Any]] = []
        first: dict[str, Any] = {}
        canv.furniture_runs, canv.furniture_first = runs, first
        try:
            paint()
        finally:
            canv.furniture_runs, canv.furniture_first = None, None
        after, before = _local(doc, canv), key[-1]
        if not fresh or canv.references != made or canv.page_tab != tabs or not _dynamic(runs):
            return  # it made an object or a tab, or its text is not all given codes per document: drawn every time
        if after[:2] != before[:2] or after[4:6] != before[4:6] or after[7:] != before[7:]:
            return  # it changed the graphics state or what a page places
        if tags is not None and (tags.stack or len(tags.root.kids) != parts):
            return
        mapping = list(doc_.fontMapping.items())
        given = Given(
            first,
            {name: _snapshot(getFont(name).state.get(doc_)) for name in first},
            names,
            tuple(mapping[names[0] :]),
            tuple(font.fontName for font in doc_.delayedFonts[names[1] :]),
        )
        drawn, marks = None, (0, 0, False)
        if tags is not None and sect is not None:
            drawn, marks = _copy(sect, 0), (tags.page, tags.next_mcid, tags.open)
        gs = canv._extgstate
        self.made[key] = Cover(tuple(canv._code[start:]), given, (dict(gs._d), dict(gs._c)), drawn, marks)

    def keep(self) -> None:
        """This build is complete: its furniture is what the next build of the document compares with."""
        _kept[:] = [(key, kept) for key, kept in _kept if key != self.shared][-(MAX_DOCUMENTS - 1) :]
        _kept.append((self.shared, self.made))
        last["reused"], last["kept"], last["cover"] = self.reused, len(self.made), self.covered


def _empty(el: Any) -> bool:
    """Whether a structure element is as made, before anything was drawn in it."""
    return not el.kids and el.boxes is None and el.keyed is None and not (el.alt or el.lang or el.title or el.contents)


def _dynamic(runs: list[tuple[str, Any]]) -> bool:
    """Whether every font of the text is a TrueType font whose codes are given out per document."""
    return all(getattr(getFont(name), "_dynamicFont", False) for name, _ in runs)


_kept: list[tuple[Any, dict[Any, Any]]] = []  # (shared inputs, furniture), the most recent last
# the last build's pieces added from kept code, pieces kept, and whether the cover was one (tests, benches)
last: dict[str, Any] = {"reused": 0, "kept": 0, "cover": False}


def forget() -> None:
    """Drop all kept furniture (a font or picture file changed: they are not in the keys)."""
    _kept.clear()
