"""Card plans + page sizes -> placement matrices, and the box arithmetic the imposition shares.

Pure geometry in points. A source page arrives upright with its trim box's lower-left
corner at (0, 0) (pdf.py makes it so); a matrix here scales and moves it onto the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from booklet.impose.grid import CardSheet, CardSheetPlan
from booklet.impose.plan import Matrix, Placement, Rect

Box = Rect


def fit_scale(width: float, height: float, room_w: float, room_h: float) -> float:
    """Page size + the room for it -> scale: 1, or smaller to fit; never enlarged."""
    return min(1.0, room_w / width, room_h / height)


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
