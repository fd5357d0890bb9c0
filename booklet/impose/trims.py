"""Trim rectangles + a sheet -> printer's marks (crop, fold, cut, staple) and a free place for the slug.

Pure geometry in points. Marks start ``max(offset, bleed + 0.5 mm)`` beyond the trim, so they
never enter the bleed, run at most ``length`` outward, and stop ``edge`` short of the
paper's edge. The slug goes in a band at least 5 mm inside the sheet edge, on the
longest stretch that no mark, bleed or page crosses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from booklet.impose.plan import Line, Rect, Slug
from booklet.paper import MM

SAFE = 5 * MM  # desktop printers leave about 4 mm unprinted: nothing of ours goes nearer the edge
PRESS_EDGE = 1 * MM  # a press prints closer to the edge of an oversize sheet
MIN_MARK = 3 * MM  # a crop mark shorter than this is hard to line a blade up with
CLEAR = 0.5 * MM  # between the slug and anything else
SLUG_SIZE = 6.0  # points
SLUG_BAND = 7.5  # points: the slug's line height
MIN_SLUG = 30 * MM
STAPLE = 6 * MM  # a staple mark's length along the fold


@dataclass(frozen=True)
class MarkStyle:
    """Crop mark geometry: length, distance from the trim, line width, and how near the paper edge they may go."""

    length: float = 5 * MM
    offset: float = 3 * MM
    width: float = 0.25
    edge: float = SAFE

    def start(self, bleed: float) -> float:
        """Distance from the trim to where a mark begins: never inside the bleed, nor touching it."""
        return max(self.offset, bleed + CLEAR) if bleed else self.offset

    def room(self, bleed: float) -> float:
        """The margin outside a trim that marks need: their start, the shortest mark, the edge keep."""
        return self.start(bleed) + MIN_MARK + self.edge


def cut_marks(
    xs: Iterable[float],
    ys: Iterable[float],
    block: Rect,
    bleed: float,
    style: MarkStyle,
    sheet: tuple[float, float],
    kind: str = "crop",
) -> list[Line]:
    """Cut lines (x = const for each of ``xs``, y = const for each of ``ys``) -> marks in the margins outside ``block``.

    ``block`` is the rectangle all trims (and their bleed) lie in, so marks there cross
    no product. ValueError if a margin is too narrow for a mark of MIN_MARK.
    """
    left, bottom, right, top = block
    width, height = sheet
    start = style.start(bleed)
    out: list[Line] = []

    def add(segment: tuple[float, float, float, float]) -> None:
        length = abs(segment[2] - segment[0]) + abs(segment[3] - segment[1])
        if length < MIN_MARK - 0.01:
            raise ValueError(f"the sheet margin leaves no room for {kind} marks {start / MM:.1f} mm from the trim")
        out.append(Line(kind, segment, style.width, dashed=kind == "fold"))

    for x in xs:
        add((x, bottom - start, x, max(style.edge, bottom - start - style.length)))
        add((x, top + start, x, min(height - style.edge, top + start + style.length)))
    for y in ys:
        add((left - start, y, max(style.edge, left - start - style.length), y))
        add((right + start, y, min(width - style.edge, right + start + style.length), y))
    return out


def staple_marks(fold_x: float, bottom: float, top: float) -> list[Line]:
    """A spread's fold and trim height -> two short marks on the fold, a quarter in from the head and the foot.

    They go on the centre spread of a signature, where the staples' legs close over them.
    """
    out = []
    for y in (bottom + (top - bottom) / 4, bottom + 3 * (top - bottom) / 4):
        out.append(Line("staple", (fold_x, y - STAPLE / 2, fold_x, y + STAPLE / 2), 0.5))
    return out


def segment_box(segment: tuple[float, float, float, float], grow: float = CLEAR) -> Rect:
    """A line -> the rectangle around it, grown by ``grow``."""
    x0, y0, x1, y1 = segment
    return (min(x0, x1) - grow, min(y0, y1) - grow, max(x0, x1) + grow, max(y0, y1) + grow)


def _free(lo: float, hi: float, blocked: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """An interval and blocked parts of it -> the longest free stretch (start, length)."""
    best, cursor = (lo, 0.0), lo
    for a, b in sorted(blocked):
        end = min(a, hi)
        if end - cursor > best[1]:
            best = (cursor, end - cursor)
        cursor = max(cursor, b)
    if hi - cursor > best[1]:
        best = (cursor, hi - cursor)
    return best


def place_slug(sheet: tuple[float, float], obstacles: Sequence[Rect], edge: float = SAFE) -> Slug | None:
    """A sheet and what is printed on it -> where a slug line fits: the longest free stretch of a margin band.

    Bands run along the four edges, ``edge`` inside the paper. None if no stretch is MIN_SLUG long.
    """
    width, height = sheet
    bands = [  # (band rectangle, runs along x)
        ((edge, edge, width - edge, edge + SLUG_BAND), True),
        ((edge, height - edge - SLUG_BAND, width - edge, height - edge), True),
        ((edge, edge, edge + SLUG_BAND, height - edge), False),
        ((width - edge - SLUG_BAND, edge, width - edge, height - edge), False),
    ]
    best: tuple[float, Slug] | None = None
    for band, along_x in bands:
        x0, y0, x1, y1 = band
        blocked = []
        for a, b, c, d in obstacles:
            if a < x1 and c > x0 and b < y1 and d > y0:  # overlaps the band
                blocked.append((a, c) if along_x else (b, d))
        lo, hi = (x0, x1) if along_x else (y0, y1)
        start, length = _free(lo, hi, blocked)
        if length < MIN_SLUG or (best is not None and length <= best[0] + 0.01):
            continue
        if along_x:
            slug = Slug("", start + CLEAR, y0 + 2.0, length - 2 * CLEAR, SLUG_SIZE)
        else:  # reads bottom to top: the baseline near the band's right side, the glyphs rising to its left
            slug = Slug("", x1 - 2.0, start + CLEAR, length - 2 * CLEAR, SLUG_SIZE, vertical=True)
        best = (length, slug)
    return best[1] if best else None
