"""Reading page sizes + options -> a saddle-stitch Plan: spreads on sheets, with marks and slug places.

``saddle``: one spread per side. ``2up``: two copies of the same spread, one above
the other, so one stack folded and stapled twice over is cut across into two
booklets. With bleed (saddle only), each spread keeps its bleed on the three outer
edges of its pages and sits on an oversize press sheet with crop, fold and staple marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from booklet.impose.place import fit_scale
from booklet.impose.plan import Folding, Line, Matrix, Placement, Plan, Rect, Side
from booklet.impose.saddle import SheetSide, pad_count, plan_saddle, signatures
from booklet.impose.settings import ImposeOptions
from booklet.impose.sheets import SpreadSheet, choose_spread_sheet
from booklet.impose.trims import PRESS_EDGE, MarkStyle, cut_marks, place_slug, segment_box, staple_marks
from booklet.paper import MM

Size = tuple[float, float]


def mark_style(options: ImposeOptions, edge: float) -> MarkStyle:
    return MarkStyle(options.mark_length_mm * MM, options.mark_offset_mm * MM, 0.25, edge)


def creep_pt(options: ImposeOptions, sheets_per_group: int) -> float:
    """Options + sheets folded together -> the innermost sheet's shift toward the fold.

    Print fact: each sheet folded around another is pushed out by about one paper
    thickness, so the innermost of N sheets sticks out (N - 1) thicknesses further.
    """
    if options.paper_thickness_mm:
        return max(0, sheets_per_group - 1) * options.paper_thickness_mm * MM
    return options.creep_mm * MM


@dataclass(frozen=True)
class _Frame:
    """Where the spreads sit on the sheet: fold x, each copy's bottom y, the page size as placed."""

    fold: float
    bottoms: tuple[float, ...]
    width: float  # of one placed page
    height: float


def saddle_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    """Source page sizes -> the saddle-stitch plan: one spread per side."""
    return spread_plan(sizes[0], options, copies=1, scheme="saddle")


def two_up_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    """Source page sizes -> two copies of each spread per side, for two booklets cut apart after folding."""
    if options.bleed_mm:
        raise ValueError("--bleed applies to --impose saddle (a press sheet with marks), not to 2up")
    return spread_plan(sizes[0], options, copies=2, scheme="2up")


def spread_plan(pages: Sequence[Size], options: ImposeOptions, *, copies: int, scheme: str) -> Plan:
    """Page sizes + options -> every side, in printing order, of a saddle-stitched job."""
    options.check()
    n_pages = len(pages)
    positions = n_pages + pad_count(n_pages)
    groups = [len(g) // 4 for g in signatures(positions, options.signature or positions // 4)]
    bleed = options.bleed_pt
    choice = choose_spread_sheet(
        pages[0], copies=copies, bleed=bleed, style=mark_style(options, PRESS_EDGE), sheet=options.sheet
    )
    order = plan_saddle(n_pages, signature=options.signature, creep_pt=creep_pt(options, groups[0]), pad=options.pad)
    centres = {sum(groups[: i + 1]) for i in range(len(groups))}  # the last sheet of each signature
    style = mark_style(options, PRESS_EDGE)
    sides = []
    scale = 1.0
    for side in order:
        placements, frame = _placements(side, pages, choice, copies, bleed)
        scale = min([scale, *(p.matrix[0] ** 2 + p.matrix[1] ** 2 for p in placements)]) if placements else scale
        lines = _marks(placements, frame, choice, bleed, style, centre=not side.front and side.sheet in centres)
        trim, bleed_box = _boxes(placements, frame, bleed) if copies == 1 else (None, None)
        obstacles = [p.clip for p in placements if p.clip] + [segment_box(line.segment) for line in lines]
        sides.append(
            Side(
                side.sheet,
                side.front,
                tuple(placements),
                tuple(lines),
                place_slug(choice.size, obstacles),
                0,
                trim,
                bleed_box,
            )  # fmt: skip
        )
    duplex = "short-edge" if choice.size[0] > choice.size[1] else "long-edge"  # the flip axis lies along the fold
    folding = Folding(
        duplex,
        signatures=tuple(groups),
        nest=options.signature is None,
        copies=copies,
        top_bound=choice.rotate,
        scale=scale**0.5,
        creep_mm=creep_pt(options, groups[0]) / MM,
        press=choice.press,
        sheet_name=choice.name,
    )
    return Plan(scheme, choice.size, tuple(sides), folding, n_pages)


def _placements(
    side: SheetSide, pages: Sequence[Size], choice: SpreadSheet, copies: int, bleed: float
) -> tuple[list[Placement], _Frame]:
    """One side of the saddle order -> its pages placed left and right of the fold, once per copy."""
    width, height = choice.size
    fold = width / 2
    room_w, room_h = fold - choice.margin, (height - 2 * choice.margin) / copies
    first = pages[0] if not choice.rotate else (pages[0][1], pages[0][0])
    base = min(choice.scale, fit_scale(*first, room_w, room_h))
    page_w, page_h = first[0] * base, first[1] * base
    block_bottom = (height - copies * page_h) / 2
    bottoms = tuple(block_bottom + (copies - 1 - k) * page_h for k in range(copies))  # top copy first
    out = []
    for bottom in bottoms:
        for slot, page, dx in ((0, side.left, side.shift_pt), (1, side.right, -side.shift_pt)):
            if page is None:
                continue
            w, h = pages[page - 1] if not choice.rotate else (pages[page - 1][1], pages[page - 1][0])
            scale = min(base, fit_scale(w, h, room_w, room_h))
            pw, ph = w * scale, h * scale
            x = (fold - pw if slot == 0 else fold) + dx
            y = bottom + (page_h - ph) / 2
            matrix: Matrix = (0, scale, -scale, 0, x + pw, y) if choice.rotate else (scale, 0, 0, scale, x, y)
            trim: Rect = (x, y, min(x + pw, fold), y + ph) if slot == 0 else (max(x, fold), y, x + pw, y + ph)
            outer = bleed if copies == 1 else 0.0
            clip: Rect = (
                (max(0.0, x - outer), y - outer, fold, y + ph + outer)
                if slot == 0
                else (fold, y - outer, min(width, x + pw + outer), y + ph + outer)
            )
            out.append(Placement(page - 1, matrix, clip, 0, trim))
    return out, _Frame(fold, bottoms, page_w, page_h)


def _boxes(placements: Sequence[Placement], frame: _Frame, bleed: float) -> tuple[Rect | None, Rect | None]:
    """A spread's placements -> its trim box (both pages, fold to fore-edges) and bleed box."""
    trims = [p.trim for p in placements if p.trim]
    if not trims:
        return None, None
    left = min(t[0] for t in trims)
    right = max(t[2] for t in trims)
    if len(trims) == 1:  # a blank beside it: the spread is still a whole sheet's width of paper
        left, right = min(left, 2 * frame.fold - right), max(right, 2 * frame.fold - left)
    bottom, top = frame.bottoms[-1], frame.bottoms[0] + frame.height
    trim = (left, bottom, right, top)
    return trim, (left - bleed, bottom - bleed, right + bleed, top + bleed)


def _marks(
    placements: Sequence[Placement],
    frame: _Frame,
    choice: SpreadSheet,
    bleed: float,
    style: MarkStyle,
    *,
    centre: bool,
) -> list[Line]:
    """A side's placements -> crop and fold marks (press sheets only) and staple marks on a centre spread."""
    lines: list[Line] = []
    if centre:
        for bottom in frame.bottoms:
            lines += staple_marks(frame.fold, bottom, bottom + frame.height)
    if not choice.press:
        return lines
    trim, _ = _boxes(placements, frame, bleed)
    if trim is None:
        return lines
    lines += cut_marks((trim[0], trim[2]), (trim[1], trim[3]), trim, bleed, style, choice.size)
    lines += cut_marks((frame.fold,), (), trim, bleed, style, choice.size, kind="fold")
    return lines
