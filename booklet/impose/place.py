"""Plans + page sizes -> placement matrices: where each source page is drawn on a sheet.

Pure geometry in points. A source page arrives upright with its trim box's lower-left
corner at (0, 0) (apply.py makes it so); a matrix here scales and moves it onto the
sheet, and an optional clip rectangle (x, y, w, h) keeps it on its own part of the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from booklet.impose.grid import CardSheet, CardSheetPlan
from booklet.impose.saddle import SheetSide
from booklet.paper import PAPERS, SHEET_FOR, Paper

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top
SIZE_TOLERANCE = 2.0  # points: PDF makers round paper sizes differently


@dataclass(frozen=True)
class Placement:
    """One source page (0-based index) on a sheet side."""

    page: int
    matrix: Matrix
    clip: tuple[float, float, float, float] | None = None


def sheet_size(page_w: float, page_h: float, sheet: Paper | None = None) -> tuple[float, float]:
    """Reading page size (+ a chosen sheet) -> the landscape sheet that holds two pages side by side.

    A5 -> A4, half-letter -> Letter, A6 -> A5, A4 -> A3; a chosen sheet is turned
    landscape; any other page size gets a sheet exactly two pages wide.
    """
    if sheet is not None:
        return max(sheet.size), min(sheet.size)
    for name, big in SHEET_FOR.items():
        paper = PAPERS[name]
        if abs(paper.width_pt - page_w) <= SIZE_TOLERANCE and abs(paper.height_pt - page_h) <= SIZE_TOLERANCE:
            return PAPERS[big].landscape
    return 2 * page_w, page_h


def fit_scale(width: float, height: float, room_w: float, room_h: float) -> float:
    """Page size + the room for it -> scale: 1, or smaller to fit; never enlarged."""
    return min(1.0, room_w / width, room_h / height)


def saddle_placements(
    side: SheetSide, sizes: Sequence[tuple[float, float]], sheet: tuple[float, float]
) -> list[Placement]:
    """A sheet side + source page sizes -> left and right pages against the fold, vertically centred.

    Each page is clipped to its half of the sheet, so creep compensation (which moves
    pages toward the fold) trims the gutter instead of overlapping the neighbour.
    """
    sheet_w, sheet_h = sheet
    half = sheet_w / 2
    out = []
    for slot, page, (dx, dy) in ((0, side.left, side.offsets[0]), (1, side.right, side.offsets[1])):
        if page is None:
            continue
        width, height = sizes[page - 1]
        scale = fit_scale(width, height, half, sheet_h)
        x = (half - width * scale if slot == 0 else half) + dx
        y = (sheet_h - height * scale) / 2 + dy
        clip = (0.0, 0.0, half, sheet_h) if slot == 0 else (half, 0.0, half, sheet_h)
        out.append(Placement(page - 1, (scale, 0, 0, scale, x, y), clip))
    return out


def slug_origin(placed: Sequence[Placement], room: float = 8.0) -> tuple[float, float] | None:
    """A side's placements -> where the slug line starts in the bottom margin; None if under ``room`` pt."""
    bottom = min((p.matrix[5] for p in placed), default=0.0)
    return (12.0, bottom / 2 - 2) if bottom >= room else None


def card_placements(
    plan: CardSheetPlan, sheet: CardSheet, sizes: Sequence[tuple[float, float]], *, back: bool
) -> list[Placement]:
    """One sheet of a card plan + card page sizes -> fronts (or backs) centred in their trim slots.

    ``sizes`` are indexed by card; a card without a page (a missing back) is skipped.
    Backs are turned 180 degrees in their slot when the plan says so.
    """
    out = []
    for slot in sheet.backs if back else sheet.fronts:
        if slot.card >= len(sizes):
            continue
        width, height = sizes[slot.card]
        scale = fit_scale(width, height, plan.card_w, plan.card_h)
        x = slot.x + (plan.card_w - width * scale) / 2
        y = slot.y + (plan.card_h - height * scale) / 2
        if back and plan.rotate_backs:
            matrix: Matrix = (-scale, 0, 0, -scale, x + width * scale, y + height * scale)
        else:
            matrix = (scale, 0, 0, scale, x, y)
        out.append(Placement(slot.card, matrix))
    return out


def normal_box(values: Sequence[float]) -> Box:
    """Four numbers from a PDF -> (left, bottom, right, top); NaN, infinity or a wrong count give a zero box."""
    if len(values) != 4 or not all(abs(v) < 1e9 for v in values):
        return (0.0, 0.0, 0.0, 0.0)
    x0, y0, x1, y1 = values
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def grow(box: Box, by: float) -> Box:
    """A box -> the box grown by ``by`` on every side."""
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def inside(box: Box, outer: Box) -> Box:
    """A box -> the part of it within ``outer``; ``outer`` itself if less than a point is left."""
    cut = (max(box[0], outer[0]), max(box[1], outer[1]), min(box[2], outer[2]), min(box[3], outer[3]))
    return cut if cut[2] - cut[0] >= 1 and cut[3] - cut[1] >= 1 else outer


def upright(trim: Box, rotation: int) -> Matrix:
    """Trim box + the page's /Rotate (degrees clockwise) -> matrix putting the trim corner at 0,0, upright."""
    left, bottom, right, top = trim
    return {
        0: (1, 0, 0, 1, -left, -bottom),
        90: (0, -1, 1, 0, -bottom, right),
        180: (-1, 0, 0, -1, right, top),
        270: (0, 1, -1, 0, top, -left),
    }[rotation]
