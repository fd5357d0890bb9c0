"""Points on the page -> ReportLab shapes: smooth paths, arrowheads, tints.

The small drawing vocabulary shared by the body, the motions and the avoid map.
Curves are Catmull-Rom splines written as cubic Beziers, so a handful of points
gives a smooth line and the PDF stays small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Path, Polygon
from reportlab.lib import colors

from booklet.illustrate.zones import ASPECT, Point

# Shapes are built here from validated numbers; ReportLab's per-attribute checks, a third
# of a booklet's render time, are off during a render (booklet/render/settings.py).

NO_PRESSURE_RED = colors.HexColor("#C8372D")  # "No pressure": red, hatched
LIGHT_TOUCH = colors.HexColor("#D98A00")  # "Light touch only": amber
AVOID = NO_PRESSURE_RED
GREY = colors.HexColor("#8A969C")
DETAIL_MIN_PT = 120  # body width below which fine detail is left out


@dataclass(frozen=True)
class Frame:
    """Where the unit box of the diagram lands in the drawing, and how heavy lines are."""

    x: float
    y: float
    w: float
    h: float

    def at(self, p: Point) -> tuple[float, float]:
        """A normalised point -> drawing coordinates."""
        return (self.x + p[0] * self.w, self.y + p[1] * self.h)

    def each(self, points) -> list[tuple[float, float]]:
        """Normalised points -> drawing coordinates."""
        return [self.at(p) for p in points]

    @property
    def weight(self) -> float:
        """Frame width -> line weight multiplier: grows with the figure, but slower (a thumbnail keeps bold lines)."""
        return round((self.w / 200) ** 0.6, 3)

    @property
    def detailed(self) -> bool:
        """Frame width -> whether fine detail (vertebrae, ribs, numbers, legend) is legible at this size."""
        return self.w >= DETAIL_MIN_PT


def fit_body(width: float, height: float, aspect: float = ASPECT) -> Frame:
    """A box -> the largest frame of the figure's aspect ratio, centred, at the box's top."""
    w = max(0.0, min(width, height * aspect))
    h = w / aspect
    return Frame((width - w) / 2, height - h, w, h)


def smooth(points: list[tuple[float, float]], closed: bool = False) -> list[tuple[float, ...]]:
    """Points -> the start point and Bezier segments (c1, c2, end) of a Catmull-Rom spline through them.

    Coordinates are rounded to 1/20 pt (under a 1,200 dpi dot), so the PDF carries no noise digits.
    """
    pts = [points[-1], *points, *points[:2]] if closed else [points[0], *points, points[-1]]
    segments: list[tuple[float, ...]] = [(round(pts[1][0] * 20) / 20, round(pts[1][1] * 20) / 20)]
    for i in range(1, len(pts) - 2):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        segments.append(
            (
                round((x1 + (x2 - x0) / 6) * 20) / 20,
                round((y1 + (y2 - y0) / 6) * 20) / 20,
                round((x2 - (x3 - x1) / 6) * 20) / 20,
                round((y2 - (y3 - y1) / 6) * 20) / 20,
                round(x2 * 20) / 20,
                round(y2 * 20) / 20,
            )
        )
    return segments


def curve(points: list[tuple[float, float]], closed: bool = False, **style) -> Path:
    """Points -> one smooth ReportLab Path through them."""
    return curves([points], closed, **style)


def curves(lines: list[list[tuple[float, float]]], closed: bool = False, **style) -> Path:
    """Several point lists -> one Path of smooth subpaths sharing one style (one set of PDF state)."""
    path = Path(**style)
    for points in lines:
        first, *rest = smooth(points, closed)
        path.moveTo(*first)
        for segment in rest:
            path.curveTo(*segment)
        if closed:
            path.closePath()
    return path


def chain(runs: list[list[tuple[float, float]]], **style) -> Path:
    """Runs of points, each starting where the last ended -> one closed Path, smooth within a run, cornered between."""
    path = Path(**style)
    path.moveTo(*runs[0][0])
    for run in runs:
        for segment in smooth(run)[1:]:
            path.curveTo(*segment)
    path.closePath()
    return path


def arrowhead(tail: tuple[float, float], tip: tuple[float, float], size: float, colour: colors.Color) -> Polygon:
    """The direction tail -> tip and a size -> a filled, slightly swept-back arrowhead at the tip."""
    angle = math.atan2(tip[1] - tail[1], tip[0] - tail[0])
    point = (tip[0] + math.cos(angle) * size * 0.35, tip[1] + math.sin(angle) * size * 0.35)
    corners = [point]
    for turn, reach in ((-0.42, 1.0), (0.0, 0.72), (0.42, 1.0)):
        corners.append(
            (point[0] - reach * size * math.cos(angle + turn), point[1] - reach * size * math.sin(angle + turn))
        )
    return Polygon([round(c * 20) / 20 for c in flat(corners)], fillColor=colour, strokeColor=None)


def flat(points: list[tuple[float, float]]) -> list[float]:
    """[(x, y), ...] -> [x, y, ...]."""
    return [c for p in points for c in p]


def tint(colour: colors.Color, amount: float) -> colors.Color:
    """A colour and 0..1 -> the colour mixed with that much white."""
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))
