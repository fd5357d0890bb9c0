"""A section's flowables -> the same with a balancing page break, chosen where the section starts.

A section that would end with a few lines alone on a page, when the next section starts
a page of its own, shares its last two pages about evenly instead: a reader turns to a
page that is half full, not to three lines and white paper. Where the section starts is
only known during layout, so the decision is taken then: a zero-size action at its start
measures the room left on the page and picks the break; a zero-size action between each
pair of flowables turns into a page break if it is the one picked.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

SHORT_PAGE = 0.35  # a last page filled less than this share of the frame is balanced with the one before


def balanced_cut(heights: list[float], keep: list[bool], room: float, frame_h: float) -> int | None:
    """Heights of flowables (and whether each keeps with the next), the room left on the first
    page and a full page's -> the index to break before so the last two pages are even, or None.

    Pages are filled greedily, flowables whole; nothing is done when the section fits one page,
    when its last page is full enough, or when a flowable is taller than a page.
    """
    if any(h > frame_h for h in heights):
        return None
    pages: list[list[int]] = [[]]
    used, avail = 0.0, room
    for i, h in enumerate(heights):
        if used + h > avail and (pages[-1] or avail < frame_h):
            pages.append([])
            used, avail = 0.0, frame_h
        pages[-1].append(i)
        used += h
    if len(pages) < 2 or not pages[-2] or used >= SHORT_PAGE * frame_h:
        return None
    first = pages[-2][0]
    first_room = room if len(pages) == 2 else frame_h
    both = sum(heights[first:])
    best, best_gap, running = None, 0.0, 0.0
    for cut in range(first + 1, len(heights)):
        running += heights[cut - 1]
        if running > first_room:
            break
        if keep[cut - 1] or both - running > frame_h:
            continue
        if best is None or abs(running - both / 2) < best_gap:
            best, best_gap = cut, abs(running - both / 2)
    return best if best != pages[-1][0] else None


@dataclass
class Decision:
    """The balancing break a section's start picked: the index of the flowable to break before, or None."""

    cut: int | None = None


class BalanceStart(ActionFlowable):
    """Where the section starts: decides the balancing break from the room left on the page."""

    def __init__(self, heights: list[float], keep: list[bool], frame_h: float, decision: Decision):
        super().__init__(("balanceStart",))
        self.heights, self.keep, self.frame_h, self.decision = heights, keep, frame_h, decision

    def apply(self, doc) -> None:
        frame = doc.frame
        room = frame._y - frame._y1p
        self.decision.cut = balanced_cut(self.heights, self.keep, room, self.frame_h)


class BalanceCut(ActionFlowable):
    """Between two flowables: a page break if it is the one picked, else nothing."""

    def __init__(self, index: int, decision: Decision):
        super().__init__(("balanceCut",))
        self.index, self.decision = index, decision

    def apply(self, doc) -> None:
        if self.decision.cut == self.index:
            doc.handle_pageBreak()


def balanced(part: list[Flowable], heights: list[float], frame_h: float) -> list[Flowable]:
    """A section's flowables and their heights -> the flowables with the balancing actions among them."""
    decision = Decision()
    keep = [bool(getattr(f, "keepWithNext", False)) for f in part]
    out: list[Flowable] = [BalanceStart(heights, keep, frame_h, decision)]
    for i, f in enumerate(part):
        if i and not keep[i - 1]:  # never between a heading and what it keeps with
            out.append(BalanceCut(i, decision))
        out.append(f)
    return out
