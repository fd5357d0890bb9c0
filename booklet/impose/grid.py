"""Card count + sizes -> N-up card sheets: where each front and back lands, and the marks.

Pure geometry in points. Backs are placed so that a duplex printer's flip brings each
back onto its own front: a flip about the vertical axis (long-edge on a portrait
sheet) mirrors columns; a flip about the horizontal axis (long-edge on a landscape
sheet, or short-edge on a portrait one) mirrors rows.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4
MARK_ROOM = 9 * MM  # sheet margin that holds crop marks and the slug
MARK_GAP = 2 * MM  # crop marks start this far beyond the bleed
GUTTER = 4 * MM  # between cards, so each card has its own cut lines


@dataclass(frozen=True)
class Slot:
    card: int  # 0-based card index
    x: float  # trim box, lower-left corner
    y: float


@dataclass(frozen=True)
class CardSheet:
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]


@dataclass(frozen=True)
class CardPlan:
    sheet_w: float
    sheet_h: float
    card_w: float
    card_h: float
    cols: int
    rows: int
    sheets: tuple[CardSheet, ...]
    marks: tuple[tuple[float, float, float, float], ...]  # crop mark segments x0, y0, x1, y1
    vertical_flip: bool  # True: the sheet turns over about a vertical axis
    back_offset: tuple[float, float]

    def calibration(self) -> tuple[float, float]:
        """Centre of the duplex calibration cross, in the bottom margin of the front."""
        return (self.sheet_w / 2, MARK_ROOM / 2)


def fit(sheet_w: float, sheet_h: float, card_w: float, card_h: float, gutter: float) -> tuple[int, int]:
    cols = int((sheet_w - 2 * MARK_ROOM + gutter) // (card_w + gutter))
    rows = int((sheet_h - 2 * MARK_ROOM + gutter) // (card_h + gutter))
    return max(0, cols), max(0, rows)


def plan_cards(
    n_cards: int,
    card: tuple[float, float],
    sheet: tuple[float, float],
    *,
    bleed: float = 0.0,
    duplex: str = "long-edge",
    back_offset: tuple[float, float] = (0.0, 0.0),
) -> CardPlan:
    """Pick the sheet orientation that holds the most cards, then place fronts and backs."""
    card_w, card_h = card
    gutter = GUTTER + 2 * bleed
    options = []
    for w, h in ((min(sheet), max(sheet)), (max(sheet), min(sheet))):
        cols, rows = fit(w, h, card_w, card_h, gutter)
        options.append((cols * rows, w < h, w, h, cols, rows))
    count, portrait, sheet_w, sheet_h, cols, rows = max(options)
    if count == 0:
        raise ValueError("the cards do not fit on the sheet")
    vertical_flip = portrait == (duplex == "long-edge")
    x0 = (sheet_w - cols * card_w - (cols - 1) * gutter) / 2
    y0 = (sheet_h - rows * card_h - (rows - 1) * gutter) / 2
    cells = [
        (x0 + c * (card_w + gutter), y0 + (rows - 1 - r) * (card_h + gutter)) for r in range(rows) for c in range(cols)
    ]
    sheets = []
    for start in range(0, n_cards, count):
        fronts, backs = [], []
        for card_index, (x, y) in zip(range(start, min(start + count, n_cards)), cells, strict=False):
            fronts.append(Slot(card_index, x, y))
            bx, by = (sheet_w - x - card_w, y) if vertical_flip else (x, sheet_h - y - card_h)
            backs.append(Slot(card_index, bx + back_offset[0], by + back_offset[1]))
        sheets.append(CardSheet(tuple(fronts), tuple(backs)))
    marks = crop_marks(cells, card_w, card_h, sheet_w, sheet_h, bleed)
    return CardPlan(sheet_w, sheet_h, card_w, card_h, cols, rows, tuple(sheets), marks, vertical_flip, back_offset)


def crop_marks(
    cells: list[tuple[float, float]], card_w: float, card_h: float, sheet_w: float, sheet_h: float, bleed: float
) -> tuple[tuple[float, float, float, float], ...]:
    """Short lines on every cut line, in the sheet margin, outside every trim and bleed box."""
    xs = sorted({round(x, 3) for x, _ in cells} | {round(x + card_w, 3) for x, _ in cells})
    ys = sorted({round(y, 3) for _, y in cells} | {round(y + card_h, 3) for _, y in cells})
    low_y, high_y = min(ys) - bleed - MARK_GAP, max(ys) + bleed + MARK_GAP
    low_x, high_x = min(xs) - bleed - MARK_GAP, max(xs) + bleed + MARK_GAP
    length = MARK_ROOM * 0.6
    marks = []
    for x in xs:
        marks += [(x, low_y, x, max(1.0, low_y - length)), (x, high_y, x, min(sheet_h - 1, high_y + length))]
    for y in ys:
        marks += [(low_x, y, max(1.0, low_x - length), y), (high_x, y, min(sheet_w - 1, high_x + length), y)]
    return tuple(marks)
