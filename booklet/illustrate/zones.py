"""The posterior-torso diagram as data: outline and named zones in normalised coordinates.

The recipient lies face down, seen from above, head at the top. x runs 0..1 left to
right, y 0..1 from below the hips to the top of the head. The drawing keeps the aspect
ratio ``ASPECT`` (width / height) and is letterboxed into any box. No third-party imports.
"""

from __future__ import annotations

from dataclasses import dataclass

ASPECT = 0.74
SPINE_X = 0.5

Point = tuple[float, float]
Polygon = tuple[Point, ...]

# Right half of the torso outline, from the base of the neck down to the hips.
RIGHT_OUTLINE: tuple[Point, ...] = (
    (0.545, 0.815),
    (0.57, 0.79),
    (0.66, 0.765),
    (0.77, 0.745),
    (0.845, 0.72),
    (0.885, 0.68),
    (0.895, 0.63),
    (0.875, 0.585),
    (0.835, 0.56),
    (0.815, 0.50),
    (0.80, 0.43),
    (0.775, 0.36),
    (0.755, 0.30),
    (0.765, 0.24),
    (0.795, 0.17),
    (0.81, 0.10),
    (0.805, 0.04),
)
HEAD_CENTRE: Point = (0.5, 0.905)
HEAD_RADII: Point = (0.088, 0.066)
NECK: tuple[Point, ...] = ((0.455, 0.845), (0.545, 0.845))


def half_width(y: float) -> float:
    """Distance from the spine to the outline's side at height y (torso below the shoulders)."""
    side = [p for p in RIGHT_OUTLINE if p[1] <= 0.62]
    if y >= side[0][1]:
        return side[0][0] - SPINE_X
    for (x0, y0), (x1, y1) in zip(side, side[1:], strict=False):
        if y1 <= y <= y0:
            t = (y - y0) / (y1 - y0)
            return x0 + t * (x1 - x0) - SPINE_X
    return side[-1][0] - SPINE_X


def mirror(polygon: Polygon) -> Polygon:
    return tuple((1 - x, y) for x, y in reversed(polygon))


def band(y_low: float, y_high: float, inner: float, outer_share: float = 0.97, steps: int = 6) -> Polygon:
    """The right-hand part of a horizontal band of the torso, from ``inner`` off the spine outward."""
    ys = [y_low + (y_high - y_low) * i / steps for i in range(steps + 1)]
    outer = [(SPINE_X + half_width(y) * outer_share, y) for y in ys]
    return ((SPINE_X + inner, y_low), *outer, (SPINE_X + inner, y_high))


def blob(cx: float, cy: float, rx: float, ry: float, steps: int = 14) -> Polygon:
    import math

    return tuple(
        (cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps)) for i in range(steps)
    )


@dataclass(frozen=True)
class Zone:
    name: str
    label: str
    polygons: tuple[Polygon, ...]
    anchor: Point  # a point inside the zone, right side where the zone is paired


def pair(right: Polygon) -> tuple[Polygon, Polygon]:
    return (mirror(right), right)


_SHOULDER = (
    (0.56, 0.765),
    (0.66, 0.745),
    (0.77, 0.725),
    (0.85, 0.695),
    (0.87, 0.655),
    (0.80, 0.665),
    (0.68, 0.690),
    (0.57, 0.715),
)
_BLADE = ((0.585, 0.685), (0.735, 0.675), (0.745, 0.63), (0.69, 0.545), (0.64, 0.54), (0.60, 0.60))

_RIBS = (
    (0.70, 0.565),
    (0.78, 0.555),
    (0.805, 0.50),
    (0.80, 0.44),
    (0.775, 0.39),
    (0.72, 0.40),
    (0.675, 0.45),
    (0.665, 0.51),
)

ZONES: dict[str, Zone] = {
    z.name: z
    for z in (
        Zone("neck", "Neck", (((0.46, 0.78), (0.54, 0.78), (0.545, 0.845), (0.455, 0.845)),), (0.5, 0.81)),
        Zone("shoulders", "Shoulders", pair(_SHOULDER), (0.72, 0.715)),
        Zone("shoulder-blades", "Shoulder blades", pair(_BLADE), (0.665, 0.62)),
        Zone("upper-back", "Upper back", pair(band(0.55, 0.70, 0.035, 0.92)), (0.62, 0.625)),
        Zone("mid-back", "Mid back", pair(band(0.40, 0.55, 0.035)), (0.62, 0.475)),
        Zone("lower-back", "Lower back", pair(band(0.20, 0.40, 0.035)), (0.62, 0.30)),
        Zone("spine", "Spine", (((0.485, 0.14), (0.515, 0.14), (0.515, 0.80), (0.485, 0.80)),), (0.5, 0.47)),
        Zone("ribs", "Ribs", pair(_RIBS), (0.74, 0.48)),
        Zone("kidney-area", "Kidney area", pair(blob(0.60, 0.355, 0.065, 0.045)), (0.60, 0.355)),
        Zone("hips", "Hips", pair(band(0.06, 0.20, 0.035)), (0.64, 0.13)),
    )
}

ZONE_NAMES: tuple[str, ...] = tuple(ZONES)

ALIASES = {
    "shoulder blade": "shoulder-blades",
    "shoulder blades": "shoulder-blades",
    "scapula": "shoulder-blades",
    "scapulae": "shoulder-blades",
    "shoulder": "shoulders",
    "upper back": "upper-back",
    "mid back": "mid-back",
    "middle back": "mid-back",
    "lower back": "lower-back",
    "low back": "lower-back",
    "kidneys": "kidney-area",
    "kidney": "kidney-area",
    "kidney area": "kidney-area",
    "backbone": "spine",
    "spinal column": "spine",
    "rib": "ribs",
    "rib cage": "ribs",
    "ribcage": "ribs",
    "hip": "hips",
    "pelvis": "hips",
}


def zone_name(text: str) -> str | None:
    """Normalise an author's zone name ("Shoulder blades", "kidneys") to a zone id, or None."""
    key = " ".join(text.strip().lower().replace("_", " ").split())
    if key.replace(" ", "-") in ZONES:
        return key.replace(" ", "-")
    return ALIASES.get(key)
