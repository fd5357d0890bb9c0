"""Body diagram as data -> outline, landmarks and named zones in normalised coordinates.

The recipient lies face down, seen from above, head at the top. x runs 0..1 left to
right, y 0..1 from below the hips to the top of the head. The drawing keeps the aspect
ratio ``ASPECT`` (width / height) and is letterboxed into any box. Pure data and a
little geometry: no third-party imports, so the validator can import it cheaply.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

ASPECT = 0.74
SPINE_X = 0.5

Point = tuple[float, float]
Polygon = tuple[Point, ...]

# Right half of the outline in runs that meet at corners: over the shoulder and down
# the outside of the upper arm; straight across where the arm is cut; up the inside of
# the arm into the armpit; down the side of the torso to the hips and the bottom edge.
RIGHT_RUNS: tuple[tuple[Point, ...], ...] = (
    (
        (0.550, 0.850),
        (0.554, 0.814),
        (0.582, 0.791),
        (0.650, 0.772),
        (0.735, 0.756),
        (0.806, 0.738),
        (0.853, 0.710),
        (0.880, 0.668),
        (0.891, 0.612),
        (0.894, 0.552),
        (0.896, 0.498),
    ),
    ((0.896, 0.498), (0.852, 0.503)),
    ((0.852, 0.503), (0.848, 0.540), (0.836, 0.578)),
    (
        (0.836, 0.578),
        (0.823, 0.540),
        (0.814, 0.490),
        (0.799, 0.435),
        (0.781, 0.380),
        (0.773, 0.330),
        (0.783, 0.262),
        (0.803, 0.185),
        (0.814, 0.115),
        (0.813, 0.055),
        (0.795, 0.027),
        (0.740, 0.020),
        (0.500, 0.020),
    ),
)
RIGHT_OUTLINE: tuple[Point, ...] = tuple(p for n, run in enumerate(RIGHT_RUNS) for p in run[1 if n else 0 :])
TORSO_SIDE = RIGHT_RUNS[-1][:10]  # armpit to hip: where half_width() reads the torso's width
HEAD_CENTRE: Point = (0.5, 0.905)
HEAD_RADII: Point = (0.094, 0.076)
EAR: tuple[Point, Point] = ((0.597, 0.896), (0.016, 0.026))  # right ear: centre, radii


# Landmarks, right side: rib hints from beside the spine out and down over the lower
# ribcage; the top of the hip bone (iliac crest); the spine of the shoulder blade.
RIB_ARCS = tuple(
    ((0.535, y), (0.585, y + 0.002), (0.645, y - 0.014), (0.70, y - 0.045), (0.735, y - 0.078))
    for y in (0.560, 0.515, 0.470)
)
HIP_CREST = ((0.58, 0.205), (0.64, 0.224), (0.705, 0.220), (0.75, 0.200))
BLADE_RIDGE = ((0.605, 0.672), (0.68, 0.690), (0.775, 0.712))
VERTEBRAE = (0.175, 0.800, 18)  # lowest, highest, count


def mirror(polygon: Polygon) -> Polygon:
    """A right-hand polygon -> its mirror image on the left, same winding."""
    return tuple((1 - x, y) for x, y in reversed(polygon))


def outline_runs() -> tuple[Polygon, ...]:
    """() -> the closed outline as smooth runs meeting at corners: left side up, then right side down."""
    left = tuple(mirror(run) for run in reversed(RIGHT_RUNS))
    return (*left, *RIGHT_RUNS)


def outline() -> Polygon:
    """() -> the whole outline as one closed polygon: left side up from the hips, right side down."""
    return (*mirror(RIGHT_OUTLINE), *RIGHT_OUTLINE)


def half_width(y: float) -> float:
    """Height y -> distance from the spine to the side of the torso (below the armpits)."""
    side = TORSO_SIDE
    if y >= side[0][1]:
        return side[0][0] - SPINE_X
    for (x0, y0), (x1, y1) in zip(side, side[1:], strict=False):
        if y1 <= y <= y0:
            t = (y - y0) / (y1 - y0)
            return x0 + t * (x1 - x0) - SPINE_X
    return side[-1][0] - SPINE_X


def inside_body(point: Point, margin: float = 0.0) -> bool:
    """A point -> whether it lies on the torso (or neck or head), ``margin`` in from the edge."""
    x, y = point
    hx, hy = HEAD_CENTRE
    rx, ry = HEAD_RADII
    if ((x - hx) / (rx - margin)) ** 2 + ((y - hy) / (ry - margin)) ** 2 <= 1:
        return True
    edges = _edges()
    if not in_polygon(point, edges):
        return False
    return all(distance_to_segment(point, a, b) >= margin for a, b in edges)


@cache
def _edges() -> tuple[tuple[Point, Point], ...]:
    """() -> the outline's edges as (start, end) pairs, computed once."""
    polygon = outline()
    return tuple(zip(polygon, polygon[1:] + polygon[:1], strict=True))


def in_polygon(point: Point, edges: tuple[tuple[Point, Point], ...]) -> bool:
    """Point + edges -> whether the point is inside (even-odd rule)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in edges:
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def distance_to_segment(p: Point, a: Point, b: Point, aspect: float = ASPECT) -> float:
    """Point + segment -> distance on the page (x scaled by the aspect), so a margin is the same both ways."""
    px, ax, bx = p[0] * aspect, a[0] * aspect, b[0] * aspect
    dx, dy = bx - ax, b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(px - ax - t * dx, p[1] - a[1] - t * dy)


def band(y_low: float, y_high: float, inner: float = 0.03, outer_share: float = 0.96, steps: int = 6) -> Polygon:
    """Heights -> the right-hand part of a horizontal band of the torso, from ``inner`` off the spine outward."""
    ys = [y_low + (y_high - y_low) * i / steps for i in range(steps + 1)]
    outer = [(SPINE_X + half_width(y) * outer_share, y) for y in ys]
    return ((SPINE_X + inner, y_low), *outer, (SPINE_X + inner, y_high))


def oval(cx: float, cy: float, rx: float, ry: float, steps: int = 14) -> Polygon:
    """Centre + radii -> an ellipse as a polygon of ``steps`` points."""
    turn = 2 * math.pi / steps
    return tuple((cx + rx * math.cos(i * turn), cy + ry * math.sin(i * turn)) for i in range(steps))


def capsule(x: float, y_low: float, y_high: float, r: float, aspect: float = ASPECT) -> Polygon:
    """Centre line + ends + radius -> a vertical pill: straight sides, round ends, points evenly spread."""
    ry = r * aspect
    ends = [(x + r * math.cos(a * math.pi / 4), y_high - ry + ry * math.sin(a * math.pi / 4)) for a in range(5)]
    sides = round((y_high - y_low - 2 * ry) / 0.06)
    left = [(x - r, y_high - ry - (y_high - y_low - 2 * ry) * k / sides) for k in range(1, sides)]
    bottom = [(x - r * math.cos(a * math.pi / 4), y_low + ry - ry * math.sin(a * math.pi / 4)) for a in range(5)]
    right = [(x + r, y_low + ry + (y_high - y_low - 2 * ry) * k / sides) for k in range(1, sides)]
    return (*ends, *left, *bottom, *right)


NO_PRESSURE, LIGHT = "none", "light"
LEVELS = (NO_PRESSURE, LIGHT)  # the two levels of care a zone can ask for, strictest first


@dataclass(frozen=True)
class Zone:
    """A named area of the diagram: its printed label, its parts and a point for labels."""

    name: str
    label: str
    polygons: tuple[Polygon, ...]  # left and right parts where the zone is paired
    anchor: Point  # inside the zone; on its right part where the zone is paired
    level: str = ""  # "none": never press; "light": light touch only; "": worked normally


def pair(right: Polygon) -> tuple[Polygon, Polygon]:
    """A right-hand polygon -> (left, right)."""
    return (mirror(right), right)


_SHOULDER = (
    (0.560, 0.800),
    (0.600, 0.783),
    (0.670, 0.766),
    (0.745, 0.750),
    (0.810, 0.731),
    (0.852, 0.703),
    (0.872, 0.665),
    (0.835, 0.676),
    (0.775, 0.706),
    (0.700, 0.728),
    (0.625, 0.746),
    (0.565, 0.765),
)
# Scapula: medial border parallel to the spine, inferior angle low and inward.
SHOULDER_BLADE = (
    (0.600, 0.702),
    (0.680, 0.712),
    (0.758, 0.694),
    (0.770, 0.668),
    (0.728, 0.618),
    (0.660, 0.552),
    (0.632, 0.545),
    (0.612, 0.580),
    (0.597, 0.650),
)
_RIBS = (
    (0.700, 0.555),
    (0.785, 0.548),
    (0.802, 0.500),
    (0.792, 0.440),
    (0.768, 0.400),
    (0.716, 0.410),
    (0.684, 0.452),
    (0.676, 0.510),
)
_SPINE = capsule(SPINE_X, 0.155, 0.805, 0.014)
# The side of the waist, where the torso is narrowest: kneading picks up the muscle here.
_WAIST = (
    (0.690, 0.255),
    (0.770, 0.255),
    (0.764, 0.300),
    (0.766, 0.355),
    (0.776, 0.385),
    (0.700, 0.385),
)
_NECK = ((0.458, 0.790), (0.542, 0.790), (0.548, 0.850), (0.452, 0.850))

ZONES: dict[str, Zone] = {
    z.name: z
    for z in (
        Zone("neck", "Neck", (_NECK,), (0.5, 0.82)),
        Zone("shoulders", "Shoulders", pair(_SHOULDER), (0.74, 0.73)),
        Zone("shoulder-blades", "Shoulder blades", pair(SHOULDER_BLADE), (0.68, 0.64)),
        Zone("upper-back", "Upper back", pair(band(0.56, 0.72, outer_share=0.9)), (0.62, 0.64)),
        Zone("mid-back", "Mid back", pair(band(0.42, 0.56)), (0.62, 0.49)),
        Zone("lower-back", "Lower back", pair(band(0.22, 0.42)), (0.62, 0.31)),
        Zone("spine", "Spine", (_SPINE,), (0.5, 0.27), NO_PRESSURE),
        Zone("ribs", "Ribs", pair(_RIBS), (0.745, 0.48), LIGHT),
        Zone("kidney-area", "Kidney area", pair(oval(0.594, 0.365, 0.056, 0.042)), (0.594, 0.365), LIGHT),
        Zone("waist", "Waist", pair(_WAIST), (0.735, 0.30)),
        Zone("hips", "Hips", pair(band(0.06, 0.22)), (0.66, 0.14)),
    )
}

ZONE_NAMES: tuple[str, ...] = tuple(ZONES)

ALIASES = {
    "shoulder blades": "shoulder-blades",
    "shoulder blade": "shoulder-blades",
    "scapula": "shoulder-blades",
    "scapulae": "shoulder-blades",
    "shoulder": "shoulders",
    "upper back": "upper-back",
    "mid back": "mid-back",
    "middle back": "mid-back",
    "lower back": "lower-back",
    "low back": "lower-back",
    "lumbar": "lower-back",
    "kidneys": "kidney-area",
    "kidney": "kidney-area",
    "kidney area": "kidney-area",
    "backbone": "spine",
    "spinal column": "spine",
    "rib": "ribs",
    "rib cage": "ribs",
    "ribcage": "ribs",
    "hip": "hips",
    "side of the waist": "waist",
    "sides of the waist": "waist",
    "base of skull": "base-of-skull",
    "base of the skull": "base-of-skull",
    "occiput": "base-of-skull",
    "side of neck": "side-of-neck",
    "sides of the neck": "side-of-neck",
    "side of the neck": "side-of-neck",
    "tops of the shoulders": "shoulders",
    "scalp": "head",
    "pelvis": "hips",
}


def zone_name(text: str) -> str | None:
    """An author's zone name ("Shoulder blades", "kidneys", "lower_back") -> zone id, or None."""
    key = " ".join(str(text).strip().lower().replace("_", " ").replace("-", " ").split())
    if key.replace(" ", "-") in ZONES:
        return key.replace(" ", "-")
    return ALIASES.get(key)
