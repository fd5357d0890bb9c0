"""Outline, landmark and zone data -> a Figure: one body (or none) that diagrams are drawn on.

A figure is pure data in its own normalised box (x 0..1 left to right as seen from
above, y 0..1 bottom to top) plus the little geometry motion patterns need: how far
the sides are from the spine at a height, whether a point is on the body, which
zones a point is in. The figures themselves live in ``booklet.illustrate.figures``.
No third-party imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from booklet.illustrate.zones import LIGHT, NO_PRESSURE, Point, Polygon, Zone, distance_to_segment, in_polygon, mirror

Oval = tuple[Point, Point]  # centre, radii
Box = tuple[float, float, float, float]  # x low, y low, x high, y high


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per figure
class Figure:
    """A body seen from above: what is drawn, where the zones are, where hands may travel.

    ``right_runs`` is the right half of the outline as smooth runs meeting at corners,
    from the top centre round to the bottom centre; the left half is its mirror image.
    ``side`` is the right side of the torso from the armpit down, for ``half_width``.
    ``low``..``high`` is the height range patterns work over; ``clearance`` how far
    from the spine line hands stay (beyond the no-pressure zone).
    """

    name: str
    label: str
    aspect: float  # width / height of the box
    zones: Mapping[str, Zone]
    right_runs: tuple[Polygon, ...] = ()
    ovals: tuple[Oval, ...] = ()  # head, ears (right ear; mirrored), drawn filled like the body
    paired_ovals: tuple[Oval, ...] = ()  # ovals drawn on both sides (ears)
    landmarks: tuple[Polygon, ...] = ()  # open grey lines (right side; mirrored)
    closed_landmarks: tuple[Polygon, ...] = ()  # closed grey shapes (right side; mirrored)
    centre_landmarks: tuple[Polygon, ...] = ()  # open grey lines drawn once, as given
    vertebrae: tuple[float, float, int] | None = None  # lowest, highest, count, on the spine line
    side: Polygon = ()
    low: float = 0.0
    high: float = 1.0
    clearance: float = 0.05
    spine_x: float = 0.5
    places: Mapping[str, Point] = field(default_factory=dict)  # named points patterns aim for

    @property
    def drawn(self) -> bool:
        """Whether this figure has a body to draw (``none`` has not)."""
        return bool(self.right_runs)

    def outline_runs(self) -> tuple[Polygon, ...]:
        """() -> the closed outline as runs: left side up, then right side down."""
        left = tuple(mirror(run) for run in reversed(self.right_runs))
        return (*left, *self.right_runs)

    @cached_property
    def outline(self) -> Polygon:
        """() -> the whole outline as one closed polygon."""
        right = tuple(p for n, run in enumerate(self.right_runs) for p in run[1 if n else 0 :])
        return (*mirror(right), *right)

    @cached_property
    def edges(self) -> tuple[tuple[Point, Point], ...]:
        polygon = self.outline
        return tuple(zip(polygon, polygon[1:] + polygon[:1], strict=True))

    @cached_property
    def _bands(self) -> EdgeBands:
        return EdgeBands(self.edges)

    def half_width(self, y: float) -> float:
        """Height y -> distance from the spine line to the side of the torso there."""
        side = self.side
        if not side:
            return 0.5
        if y >= side[0][1]:
            return side[0][0] - self.spine_x
        for (x0, y0), (x1, y1) in zip(side, side[1:], strict=False):
            if y1 <= y <= y0:
                t = (y - y0) / (y1 - y0) if y1 != y0 else 0.0
                return x0 + t * (x1 - x0) - self.spine_x
        return side[-1][0] - self.spine_x

    def inside(self, point: Point, margin: float = 0.0) -> bool:
        """A point -> whether it lies on the body, ``margin`` in from its edge."""
        if not self.drawn:
            return 0 <= point[0] <= 1 and 0 <= point[1] <= 1
        x, y = point
        for (cx, cy), (rx, ry) in self.ovals:
            if rx > margin and ry > margin and ((x - cx) / (rx - margin)) ** 2 + ((y - cy) / (ry - margin)) ** 2 <= 1:
                return True
        bands = self._bands
        if not in_polygon(point, bands.at(y)):
            return False
        if margin <= 0:
            return True
        reach_y, reach_x = margin, margin / self.aspect  # edges farther than this in y or x cannot be too close
        for a, b, (x_low, y_low, x_high, y_high) in bands.between(y - reach_y, y + reach_y):
            if y_low - reach_y > y or y_high + reach_y < y or x_low - reach_x > x or x_high + reach_x < x:
                continue
            if distance_to_segment(point, a, b, self.aspect) < margin:
                return False
        return True

    def crossings(self, y: float) -> list[float]:
        """A height -> the x of every outline edge crossing it: ``crossings(self.outline, y)``, in no set order."""
        return edge_crossings(self._bands.at(y), y)

    def zones_at(self, point: Point) -> tuple[str, ...]:
        """A point -> the names of every zone it lies in, in the figure's zone order."""
        return tuple(name for name, zone in self.zones.items() if zone_contains(zone, point))

    def no_pressure(self) -> tuple[str, ...]:
        """() -> the zones never to press on."""
        return tuple(n for n, z in self.zones.items() if z.level == NO_PRESSURE)

    def light(self) -> tuple[str, ...]:
        """() -> the zones to touch only lightly."""
        return tuple(n for n, z in self.zones.items() if z.level == LIGHT)


class EdgeBands:
    """A closed outline's edges -> the same edges filed by height, so a test at one height reads a few, not all.

    The outline's height range is cut into ``count`` equal bands; each band lists, in
    outline order, every edge whose height range meets it. ``at(y)`` holds every edge that
    crosses height y (the only ones an even-odd test counts), ``between(y0, y1)`` every
    edge that reaches into that range, with its box: the answers are exactly those of
    reading all edges.
    """

    def __init__(self, edges: tuple[tuple[Point, Point], ...], count: int = 64):
        ys = [p[1] for edge in edges for p in edge]
        self.low = min(ys, default=0.0)
        self.step = (max(ys, default=0.0) - self.low) / count or 1.0
        self.count = count
        bands: list[list[tuple[Point, Point]]] = [[] for _ in range(count)]
        boxed: list[list[tuple[Point, Point, Box]]] = [[] for _ in range(count)]
        for a, b in edges:
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            for k in range(self._band(box[1]), self._band(box[3]) + 1):
                bands[k].append((a, b))
                boxed[k].append((a, b, box))
        self.bands = tuple(tuple(band) for band in bands)
        self.boxed = tuple(tuple(band) for band in boxed)

    def _band(self, y: float) -> int:
        """A height -> its band, heights past either end in the end band (monotonic in y)."""
        k = int((y - self.low) / self.step)
        return k if 0 <= k < self.count else 0 if k < 0 else self.count - 1

    def at(self, y: float) -> tuple[tuple[Point, Point], ...]:
        """A height -> the edges of its band: every edge crossing it, and a few more."""
        k = int((y - self.low) / self.step)  # _band, inline: a figure's tests ask this thousands of times
        return self.bands[k if 0 <= k < self.count else 0 if k < 0 else self.count - 1]

    def between(self, y0: float, y1: float) -> Iterator[tuple[Point, Point, Box]]:
        """A height range -> the edges of its bands with their boxes (an edge in two bands comes twice)."""
        return chain.from_iterable(self.boxed[self._band(y0) : self._band(y1) + 1])


def crossings(polygon: tuple[Point, ...], y: float) -> list[float]:
    """A closed polygon and a height -> the x of every edge crossing that height."""
    return edge_crossings(zip(polygon, polygon[1:] + polygon[:1], strict=True), y)


def edge_crossings(edges: Iterable[tuple[Point, Point]], y: float) -> list[float]:
    """Edges and a height -> the x of every edge crossing that height, in the edges' order."""
    out = []
    for (x0, y0), (x1, y1) in edges:
        if (y0 > y) != (y1 > y):
            out.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return out


def zone_contains(zone: Zone, point: Point) -> bool:
    """A zone and a point -> whether the point lies in one of the zone's parts."""
    return any(in_polygon(point, tuple(zip(p, p[1:] + p[:1], strict=True))) for p in zone.polygons)


def segment_crosses(a: Point, b: Point, polygon: Polygon, steps: int = 12) -> bool:
    """A segment and a polygon -> whether any point along the segment lies inside the polygon."""
    edges = tuple(zip(polygon, polygon[1:] + polygon[:1], strict=True))
    return any(
        in_polygon((a[0] + (b[0] - a[0]) * k / steps, a[1] + (b[1] - a[1]) * k / steps), edges)
        for k in range(steps + 1)
    )
