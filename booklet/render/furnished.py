"""A page's furniture (footer, folio, thumb tab, back cover) -> the last build's code for it, if drawn from the same.

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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject

from booklet.render.replay import _local, _same_codes, text_codes

MAX_DOCUMENTS = 4  # documents (editions, papers) whose furniture is kept


@dataclass(frozen=True)
class Drawn:
    """One piece of furniture as drawn: its code and what else drawing it changed."""

    code: tuple[str, ...]
    codes: dict  # font -> (its PDF name, {character: code}) of its text (replay._same_codes)
    page_tab: tuple[tuple[int, int], ...]  # entries it added to canv.page_tab
    extgstate: tuple[dict, dict]  # the canvas's transparency states after it


class NotingText(PDFTextObject):
    """A text object that notes the text runs it encodes (font, text) on the canvas's list."""

    def _formatText(self, text: Any) -> str:
        self._canvas.furniture_runs.append((self._fontname, text))
        return super()._formatText(text)


class Furniture:
    """The furniture of one document being built: the last build's, and this build's for the next."""

    def __init__(self, shared: Any) -> None:
        self.shared = shared
        self.last = next((kept for key, kept in _kept if key == shared), {})
        self.made: dict[Any, Drawn] = {}
        self.reused = 0

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

    def keep(self) -> None:
        """This build is complete: its furniture is what the next build of the document compares with."""
        _kept[:] = [(key, kept) for key, kept in _kept if key != self.shared][-(MAX_DOCUMENTS - 1) :]
        _kept.append((self.shared, self.made))
        last["reused"], last["kept"] = self.reused, len(self.made)


def _dynamic(runs: list[tuple[str, Any]]) -> bool:
    """Whether every font of the text is a TrueType font whose codes are given out per document."""
    return all(getattr(getFont(name), "_dynamicFont", False) for name, _ in runs)


_kept: list[tuple[Any, dict[Any, Drawn]]] = []  # (shared inputs, furniture), the most recent last
last = {"reused": 0, "kept": 0}  # the last build's pieces added from kept code, and pieces kept (tests, benches)


def forget() -> None:
    """Drop all kept furniture (a font or picture file changed: they are not in the keys)."""
    _kept.clear()
