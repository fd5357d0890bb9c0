"""Card page sizes + options -> a card Plan: fronts N-up with crop marks, backs where the duplex turn brings them.

The grid itself (slots, marks, calibration cross) is grid.py's; this module turns one
grid plan into sheet sides: front sides with crop marks and the cross, back sides
(in the same file for duplex, or in a second file with ``--backs separate``) with
the cross and its millimetre rulers.
"""

from __future__ import annotations

from collections.abc import Sequence

from booklet.impose.grid import CardSheet, CardSheetPlan, plan_cards
from booklet.impose.place import card_placements
from booklet.impose.plan import Folding, Line, Placement, Plan, Rect, Side
from booklet.impose.settings import ImposeOptions
from booklet.impose.trims import MarkStyle, place_slug, segment_box
from booklet.paper import MM, PAPERS, is_us, parse_sheet

Size = tuple[float, float]


def card_sheet(options: ImposeOptions, card: Size) -> Size:
    """Options + card size -> the sheet's portrait size: --sheet, else Letter for US cards, else A4."""
    if options.sheet:
        return parse_sheet(options.sheet).paper.size
    return PAPERS["letter" if is_us(*card) else "a4"].size


def card_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    """Sizes of the fronts (source 0) and backs (source 1) -> the card plan; one source alternates front, back."""
    options.check()
    if len(sizes) > 1:
        fronts = [(0, i) for i in range(len(sizes[0]))]
        backs = [(1, i) for i in range(len(sizes[1]))]
    else:
        fronts = [(0, i) for i in range(0, len(sizes[0]), 2)]
        backs = [(0, i) for i in range(1, len(sizes[0]), 2)]
    card = sizes[fronts[0][0]][fronts[0][1]]
    style = MarkStyle(options.mark_length_mm * MM, options.mark_offset_mm * MM)
    offset = (options.back_offset_mm[0] * MM, options.back_offset_mm[1] * MM)
    grid = plan_cards(
        len(fronts), card, card_sheet(options, card), bleed=options.bleed_pt, style=style, gang=options.gang,
        duplex=options.duplex, back_offset=offset,
    )  # fmt: skip
    separate = options.backs == "separate"
    sides: list[Side] = []
    for number, sheet in enumerate(grid.sheets, 1):
        sides.append(_side(grid, sheet, number, sizes, fronts, back=False, file=0))
        sides.append(_side(grid, sheet, number, sizes, backs, back=True, file=1 if separate else 0))
    folding = Folding(options.duplex, separate_backs=separate, cut=True, gang=options.gang)
    pages = sum(len(s) for s in sizes)
    return Plan("cards", (grid.sheet_w, grid.sheet_h), tuple(sides), folding, pages)


def _side(
    grid: CardSheetPlan,
    sheet: CardSheet,
    number: int,
    sizes: Sequence[Sequence[Size]],
    pages: list[tuple[int, int]],
    *,
    back: bool,
    file: int,
) -> Side:
    """One sheet of the grid -> its front or back side: placements, marks, a slug place."""
    card_sizes = [sizes[src][page] for src, page in pages]
    slots = {slot.card: slot for slot in (sheet.backs if back else sheet.fronts)}
    placed = []
    for p in card_placements(grid, sheet, card_sizes, back=back):
        source, page = pages[p.page]
        slot = slots[p.page]
        trim = (slot.x, slot.y, slot.x + grid.card_w, slot.y + grid.card_h)
        placed.append(Placement(page, p.matrix, _clip(trim, grid, back), source, trim))
    lines = [Line("calibration", s, 0.2) for s in calibration_segments(grid, back=back)]
    if not back:
        lines = [Line("crop", s) for s in grid.marks] + lines
    obstacles = [p.clip for p in placed if p.clip] + [segment_box(line.segment) for line in lines]
    slug = place_slug((grid.sheet_w, grid.sheet_h), obstacles, grid.edge)
    return Side(number, not back, tuple(placed), tuple(lines), slug, file)


def _clip(trim: Rect, grid: CardSheetPlan, back: bool) -> Rect:
    """A card's trim -> what of it is printed: trim + bleed; ganged cards keep bleed only on the block's outside."""
    bleed = grid.bleed
    if not grid.gang:
        return (trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed)
    slots = grid.sheets[0].backs if back else grid.sheets[0].fronts
    xs = [s.x for s in slots]
    ys = [s.y for s in slots]
    left, right = min(xs), max(xs) + grid.card_w
    bottom, top = min(ys), max(ys) + grid.card_h
    near = 0.01
    return (
        trim[0] - (bleed if abs(trim[0] - left) < near else 0),
        trim[1] - (bleed if abs(trim[1] - bottom) < near else 0),
        trim[2] + (bleed if abs(trim[2] - right) < near else 0),
        trim[3] + (bleed if abs(trim[3] - top) < near else 0),
    )


def calibration_segments(plan: CardSheetPlan, *, back: bool) -> list[tuple[float, float, float, float]]:
    """Card plan -> a registration cross; on the back, with millimetre rulers along both arms.

    Print fact: hold a printed sheet to the light, back towards you. The rulers are
    centred on the back's cross; where the front's cross shows through, read off in
    millimetres (right and up are positive), is the amount to add to --back-offset.
    """
    cx, cy = plan.calibration_back if back else plan.calibration_front
    arm = plan.calibration_arm
    segments = [(cx - arm, cy, cx + arm, cy), (cx, cy - arm, cx, cy + arm)]
    if back:
        reach = int(min(5 * MM, arm) // MM)
        for k in range(-reach, reach + 1):
            tick = (0.8 if k % 5 == 0 else 0.4) * MM
            segments += [(cx + k * MM, cy, cx + k * MM, cy + tick), (cx, cy + k * MM, cx + tick, cy + k * MM)]
    return segments
