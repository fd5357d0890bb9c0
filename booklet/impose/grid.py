"""Card count + sizes -> N-up card sheets: where each front and back lands, and the marks.

Pure geometry in points, (0, 0) at the sheet's lower-left corner. A duplex printer
turns the sheet over about its long edge ("long-edge") or its short edge
("short-edge"). On a portrait sheet the long edge is vertical, so a long-edge flip
mirrors columns left <-> right; on a landscape sheet it is horizontal and mirrors rows
top <-> bottom; a short-edge flip does the opposite. Backs are placed where the flip
brings their front.

Print fact, the convention here: a cut card is turned over sideways, like a page, and
its back must then read upright. A flip that mirrors columns already gives that; a
flip that mirrors rows would leave the back upside down, so those backs are turned
180 degrees in their slot (``rotate_backs``).
"""

from __future__ import annotations

from dataclasses import dataclass

from booklet.impose.trims import CLEAR, MarkStyle, cut_marks
from booklet.paper import MM

GAP = 4 * MM  # between neighbouring cards' bleed, so each card has its own cut lines
MIN_ARM = 1.5 * MM  # the calibration cross's smallest arm
DUPLEX = ("long-edge", "short-edge")

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class Slot:
    """One card on one side of a sheet: the lower-left corner of its trim box."""

    card: int  # 0-based card index
    x: float
    y: float


@dataclass(frozen=True)
class CardSheet:
    """One sheet: its fronts and, in back-side coordinates, its backs."""

    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]


@dataclass(frozen=True)
class CardSheetPlan:
    """Every sheet of a card run, the crop marks (fronts only) and the calibration cross."""

    sheet_w: float
    sheet_h: float
    card_w: float  # trim size
    card_h: float
    bleed: float
    cols: int
    rows: int
    sheets: tuple[CardSheet, ...]
    marks: tuple[Segment, ...]
    vertical_flip: bool  # True: the sheet turns over about a vertical axis (columns mirror)
    rotate_backs: bool  # True: each back is drawn turned 180 degrees in its slot
    back_offset: tuple[float, float]
    calibration_front: tuple[float, float]  # centre of the cross
    calibration_back: tuple[float, float]
    calibration_arm: float
    gang: bool = False  # abutting cards, shared cuts: bleed only on the block's outer edges
    edge: float = 5 * MM  # marks stop this far from the paper edge

    def flip(self, x: float, y: float) -> tuple[float, float]:
        """A point on the front -> the same spot of paper in back-side coordinates (no offset)."""
        return Flip(self.sheet_w, self.sheet_h, self.vertical_flip)(x, y)


@dataclass(frozen=True)
class Flip:
    """The duplex turn of one sheet: a front point -> the same spot of paper seen from the back."""

    sheet_w: float
    sheet_h: float
    vertical: bool  # about a vertical axis (columns mirror) or a horizontal one (rows mirror)

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return (self.sheet_w - x, y) if self.vertical else (x, self.sheet_h - y)


def fit(sheet_w: float, sheet_h: float, card_w: float, card_h: float, gutter: float, margin: float) -> tuple[int, int]:
    """Sheet and card sizes -> (columns, rows) of trim boxes that fit inside the margins."""
    cols = int((sheet_w - 2 * margin + gutter + 0.01) // (card_w + gutter))
    rows = int((sheet_h - 2 * margin + gutter + 0.01) // (card_h + gutter))
    return max(0, cols), max(0, rows)


def choose_layout(
    card: tuple[float, float], sheet: tuple[float, float], gutter: float, margin: float
) -> tuple[float, float, int, int]:
    """Card and sheet sizes -> (sheet_w, sheet_h, cols, rows) for the orientation holding most cards."""
    options = []
    for w, h in ((min(sheet), max(sheet)), (max(sheet), min(sheet))):
        cols, rows = fit(w, h, card[0], card[1], gutter, margin)
        options.append((cols * rows, w < h, w, h, cols, rows))  # a tie goes to portrait
    count, _, sheet_w, sheet_h, cols, rows = max(options)
    if count == 0:
        least = (card[0] + 2 * margin, card[1] + 2 * margin)
        raise ValueError(
            f"a {card[0] / MM:.0f} x {card[1] / MM:.0f} mm card does not fit on a "
            f"{min(sheet) / MM:.0f} x {max(sheet) / MM:.0f} mm sheet with room for crop marks "
            f"(it needs at least {min(least) / MM:.0f} x {max(least) / MM:.0f} mm)"
        )
    return sheet_w, sheet_h, cols, rows


def plan_cards(
    n_cards: int,
    card: tuple[float, float],
    sheet: tuple[float, float],
    *,
    bleed: float = 0.0,
    gap_pt: float = GAP,
    style: MarkStyle | None = None,
    gang: bool = False,
    duplex: str = "long-edge",
    back_offset: tuple[float, float] = (0.0, 0.0),
) -> CardSheetPlan:
    """Card count, trim size and sheet size (points) -> the N-up plan for fronts and backs.

    Each margin holds the crop marks (from ``max(offset, bleed)`` beyond the trim to the
    paper's 5 mm edge keep) and the bottom one the calibration cross. ``gang`` abuts
    the cards so neighbours share one cut. ``back_offset`` moves every back (and its
    calibration cross) to correct a printer that does not register its two sides; it
    is bounded so no back leaves the sheet.
    """
    style = style or MarkStyle()
    _check_options(n_cards, duplex)
    card_w, card_h = card
    gutter = 0.0 if gang else gap_pt + 2 * bleed
    margin = max(style.room(bleed), style.edge + 2 * MIN_ARM + bleed + CLEAR)
    sheet_w, sheet_h, cols, rows = choose_layout(card, sheet, gutter, margin)
    vertical = (sheet_w < sheet_h) == (duplex == "long-edge")
    cells = grid_cells((sheet_w, sheet_h), card, cols, rows, gutter)
    y0 = min(y for _, y in cells)
    flip = Flip(sheet_w, sheet_h, vertical)
    _check_offset(back_offset, cells, card, bleed, (sheet_w, sheet_h))
    sheets = tuple(_sheet(flip, cells, card, start, n_cards, back_offset) for start in range(0, n_cards, len(cells)))
    # The calibration cross sits in the bottom margin, under the middle of a card: clear of every crop mark.
    low, high = style.edge, y0 - bleed - CLEAR
    front_cal = (cells[0][0] + card_w / 2, (low + high) / 2)
    back_cal = flip(*front_cal)
    return CardSheetPlan(
        sheet_w=sheet_w,
        sheet_h=sheet_h,
        card_w=card_w,
        card_h=card_h,
        bleed=bleed,
        cols=cols,
        rows=rows,
        sheets=sheets,
        marks=crop_marks(cells, card, (sheet_w, sheet_h), bleed, style),
        vertical_flip=vertical,
        rotate_backs=not vertical,
        back_offset=back_offset,
        calibration_front=front_cal,
        calibration_back=(back_cal[0] + back_offset[0], back_cal[1] + back_offset[1]),
        calibration_arm=min(3 * MM, card_w / 4, (high - low) / 2),
        gang=gang,
        edge=style.edge,
    )


def _check_options(n_cards: int, duplex: str) -> None:
    """Options -> None, or ValueError naming the one that cannot work."""
    if duplex not in DUPLEX:
        raise ValueError(f"unknown duplex {duplex!r} (expected long-edge or short-edge)")
    if n_cards < 1:
        raise ValueError("there are no cards to place")


def offset_range(
    cells: list[tuple[float, float]], card: tuple[float, float], bleed: float, sheet: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The grid -> the (least, most) back offset across and up that keeps every back, with its bleed, on the sheet."""
    left = min(x for x, _ in cells) - bleed
    right = max(x for x, _ in cells) + card[0] + bleed
    bottom = min(y for _, y in cells) - bleed
    top = max(y for _, y in cells) + card[1] + bleed
    return (-left, sheet[0] - right), (-bottom, sheet[1] - top)


def _check_offset(
    offset: tuple[float, float],
    cells: list[tuple[float, float]],
    card: tuple[float, float],
    bleed: float,
    sheet: tuple[float, float],
) -> None:
    """A back offset -> None, or ValueError saying the largest allowed (the grid is symmetric, so the least too)."""
    (x_lo, x_hi), (y_lo, y_hi) = offset_range(cells, card, bleed, sheet)
    if x_lo - 0.01 <= offset[0] <= x_hi + 0.01 and y_lo - 0.01 <= offset[1] <= y_hi + 0.01:
        return
    raise ValueError(
        f"--back-offset {offset[0] / MM:g}x{offset[1] / MM:g}mm moves the backs off the sheet; the largest allowed is "
        f"{x_lo / MM:.1f} to {x_hi / MM:.1f} mm across and {y_lo / MM:.1f} to {y_hi / MM:.1f} mm up"
    )


def grid_cells(
    sheet: tuple[float, float], card: tuple[float, float], cols: int, rows: int, gutter: float
) -> list[tuple[float, float]]:
    """Grid shape -> the lower-left trim corner of each cell, centred on the sheet, in reading order."""
    x0 = (sheet[0] - cols * card[0] - (cols - 1) * gutter) / 2
    y0 = (sheet[1] - rows * card[1] - (rows - 1) * gutter) / 2
    # Reading order: left to right, top row first.
    return [
        (x0 + c * (card[0] + gutter), y0 + (rows - 1 - r) * (card[1] + gutter))
        for r in range(rows)
        for c in range(cols)
    ]


def _sheet(
    flip: Flip,
    cells: list[tuple[float, float]],
    card: tuple[float, float],
    start: int,
    n_cards: int,
    offset: tuple[float, float],
) -> CardSheet:
    """Cells + the first card on this sheet -> its fronts, and backs where the flip takes them."""
    fronts, backs = [], []
    for index, (x, y) in zip(range(start, n_cards), cells, strict=False):
        fronts.append(Slot(index, x, y))
        (ax, ay), (bx, by) = flip(x, y), flip(x + card[0], y + card[1])
        backs.append(Slot(index, min(ax, bx) + offset[0], min(ay, by) + offset[1]))
    return CardSheet(tuple(fronts), tuple(backs))


def crop_marks(
    cells: list[tuple[float, float]],
    card: tuple[float, float],
    sheet: tuple[float, float],
    bleed: float,
    style: MarkStyle | None = None,
) -> tuple[Segment, ...]:
    """Card cells -> short lines on every cut line, in the sheet margin, outside every trim and bleed box.

    The cards sit in a grid, so each cut runs the full width or height of the sheet and
    marks at the four outer margins define every cut.
    """
    card_w, card_h = card
    xs = sorted({round(x, 3) for x, _ in cells} | {round(x + card_w, 3) for x, _ in cells})
    ys = sorted({round(y, 3) for _, y in cells} | {round(y + card_h, 3) for _, y in cells})
    block = (xs[0], ys[0], xs[-1], ys[-1])
    return tuple(line.segment for line in cut_marks(xs, ys, block, bleed, style or MarkStyle(), sheet))
