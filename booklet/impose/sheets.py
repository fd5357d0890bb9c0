"""Reading page size + scheme -> the sheet it is printed on: a real paper size, chosen at 100% when possible.

Home printing (no bleed) uses desktop sheets: A5 pages go on A4, half-letter on
Letter, A6 on A5, A4 on A3; any other size on the smallest desktop sheet that holds
two pages side by side. A landscape page that fits a smaller sheet turned a quarter is
bound along its top edge instead (calendar style): landscape A5 goes on A4. With
bleed, the sheet is the smallest press sheet (SRA4, SRA3, ... or the US oversize
sizes) that holds the spread, its bleed and its marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from booklet.impose.trims import PRESS_EDGE, MarkStyle
from booklet.paper import HOME_SHEETS, MM, PRESS_SHEETS, SHEETS, Sheet, is_us, parse_sheet

TOLERANCE = 2.0  # points: PDF makers round paper sizes differently


@dataclass(frozen=True)
class SpreadSheet:
    """The chosen sheet, as it lies (width, height), and how the pages go on it."""

    name: str
    size: tuple[float, float]
    rotate: bool  # pages turned a quarter anticlockwise: bound along their top edge
    scale: float  # 1.0: actual size
    press: bool  # an oversize press sheet with crop marks
    margin: float  # room each side of the spreads that marks need (0 at home)


def _need(page: tuple[float, float], copies: int, rotate: bool, margin: float) -> tuple[float, float]:
    """Page size -> (width, height) the spreads and their margins take: two pages wide, ``copies`` high."""
    width, height = (page[1], page[0]) if rotate else page
    return (2 * width + 2 * margin, copies * height + 2 * margin)


def _fits(need: tuple[float, float], sheet: Sheet) -> tuple[float, float] | None:
    """Space needed + a sheet -> the sheet's (width, height) the way it holds it at 100%, or None."""
    long, short = max(sheet.paper.size), min(sheet.paper.size)
    turns = [(long, short), (short, long)] if need[0] >= need[1] else [(short, long), (long, short)]
    for width, height in turns:
        if need[0] <= width + TOLERANCE and need[1] <= height + TOLERANCE:
            return (width, height)
    return None


def _mm(size: tuple[float, float]) -> str:
    return f"{size[0] / MM:.0f} x {size[1] / MM:.0f} mm"


def choose_spread_sheet(
    page: tuple[float, float],
    *,
    copies: int = 1,
    bleed: float = 0.0,
    style: MarkStyle | None = None,
    sheet: str | None = None,
) -> SpreadSheet:
    """Upright page size (points) -> the sheet for its spreads; ValueError naming the smallest sheet that would do."""
    press = bleed > 0
    margin = (style or MarkStyle(edge=PRESS_EDGE)).room(bleed) if press else 0.0
    turnable = copies == 1 and page[0] > page[1] + TOLERANCE
    rotations = (False, True) if turnable else (False,)
    if sheet is not None:
        return _chosen(page, copies, rotations, parse_sheet(sheet), press, margin)
    us = is_us(*page)
    names = PRESS_SHEETS if press else HOME_SHEETS
    candidates = sorted((SHEETS[n] for n in names if SHEETS[n].us == us), key=_area)
    for candidate in candidates:
        for rotate in rotations:
            size = _fits(_need(page, copies, rotate, margin), candidate)
            if size:
                return SpreadSheet(candidate.paper.name, size, rotate, 1.0, press, margin)
    need = _need(page, copies, False, margin)
    bigger = [s for s in sorted(SHEETS.values(), key=lambda s: (s.us != us, _area(s))) if _fits(need, s)]
    what = f"a {_mm(page)} page does not fit a standard {'press' if press else 'desktop'} sheet at 100%"
    if bigger:
        raise ValueError(f"{what}; the smallest sheet that holds its spreads is {bigger[0].paper.name} (--sheet)")
    raise ValueError(f"{what}; its spreads need {_mm(need)}, more than any sheet booklet knows")


def _area(sheet: Sheet) -> float:
    return sheet.paper.width_pt * sheet.paper.height_pt


def _chosen(
    page: tuple[float, float], copies: int, rotations: tuple[bool, ...], sheet: Sheet, press: bool, margin: float
) -> SpreadSheet:
    """A sheet the user named -> how the pages go on it: at 100% with marks (press) or scaled down to fit (home)."""
    best: SpreadSheet | None = None
    for rotate in rotations:
        need = _need(page, copies, rotate, margin)
        long, short = max(sheet.paper.size), min(sheet.paper.size)
        for width, height in ((long, short), (short, long)):
            scale = min(1.0, (width + TOLERANCE) / need[0], (height + TOLERANCE) / need[1])
            if best is None or scale > best.scale + 1e-9:
                best = SpreadSheet(sheet.paper.name, (width, height), rotate, min(1.0, scale), press, margin)
    assert best is not None
    if press and best.scale < 1.0:
        need = _need(page, copies, best.rotate, margin)
        bigger = [s for s in sorted(SHEETS.values(), key=_area) if _fits(need, s)]
        hint = f"; the smallest that does is {bigger[0].paper.name}" if bigger else ""
        raise ValueError(
            f"--sheet {sheet.paper.name} is too small for {_mm(page)} pages with "
            f"{'their bleed and ' if press else ''}crop marks at 100%{hint}"
        )
    return best
