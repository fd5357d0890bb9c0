"""The one imposition plan type: sheets of sides, and a side is a list of placements (plus marks and a slug).

Pure data in points, (0, 0) at a sheet side's lower-left corner as it is printed.
Every scheme (saddle, 2up, cards) produces a :class:`Plan`; pdf.py carries out any plan
with one loop, and instructions.py words the printing instructions from it.
"""

from __future__ import annotations

from dataclasses import dataclass

Matrix = tuple[float, float, float, float, float, float]
Rect = tuple[float, float, float, float]  # left, bottom, right, top
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Placement:
    """One source page drawn on a side: ``matrix`` maps its upright trim space (trim corner at 0, 0) to the sheet.

    ``clip`` keeps it to its own part of the sheet (its trim plus the bleed it may keep);
    ``trim`` is where its trim box lands, the rectangle that is left after cutting.
    """

    page: int  # 0-based page of the source
    matrix: Matrix
    clip: Rect | None = None
    source: int = 0  # which input: 0 the pages (or card fronts), 1 the card backs
    trim: Rect | None = None


@dataclass(frozen=True)
class Line:
    """A printer's mark: a straight line in registration colour."""

    kind: str  # "crop", "fold", "cut", "staple" or "calibration"
    segment: Segment
    width: float = 0.25  # points
    dashed: bool = False


@dataclass(frozen=True)
class Slug:
    """A line of text for the person at the press, set in the margin: sheet number, side, job name."""

    text: str
    x: float  # start of the baseline
    y: float
    room: float  # length available along the baseline; the text shrinks to fit
    size: float  # font size, points
    vertical: bool = False  # True: reads bottom to top, along a side margin


@dataclass(frozen=True)
class Side:
    """One printed side of one sheet."""

    sheet: int  # 1-based
    front: bool
    placements: tuple[Placement, ...]
    lines: tuple[Line, ...] = ()
    slug: Slug | None = None
    file: int = 0  # 0: the main file; 1: the separate backs file
    trim: Rect | None = None  # the side's trim box, when it carries one product (a spread)
    bleed: Rect | None = None  # and its bleed box


@dataclass(frozen=True)
class Folding:
    """What the printing instructions must say about this plan; the tests fold paper by it."""

    duplex: str  # "short-edge" or "long-edge": the edge the printer turns the sheet about
    signatures: tuple[int, ...] = ()  # sheets in each folded group, in order; () for flat work
    nest: bool = False  # True: the folded groups are one booklet, stacked in order
    copies: int = 1  # booklets per sheet, cut apart after folding (2up)
    top_bound: bool = False  # pages turned a quarter: the booklet opens upward like a calendar
    separate_backs: bool = False  # backs are a second file printed after the fronts
    cut: bool = False  # flat work cut apart along the crop marks (cards)
    scale: float = 1.0  # smallest page scale
    creep_mm: float = 0.0  # shift of the innermost sheet toward the fold
    press: bool = False  # an oversize press sheet, trimmed at crop marks after folding
    gang: bool = False  # cards abut and share their cuts
    sheet_name: str = ""


@dataclass(frozen=True)
class Plan:
    """Every side of every sheet, in printing order, for one scheme."""

    scheme: str
    sheet: tuple[float, float]  # width, height of every side
    sides: tuple[Side, ...]
    folding: Folding
    pages: int  # source pages placed

    @property
    def sheets(self) -> int:
        """Sheets of paper (each printed on both sides)."""
        return max((side.sheet for side in self.sides), default=0)

    @property
    def files(self) -> int:
        return 1 + max((side.file for side in self.sides), default=0)
