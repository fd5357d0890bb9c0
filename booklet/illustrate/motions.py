"""Illustration -> motion traces: the hand paths of a stroke as polylines (pure geometry).

A registry of patterns (``MOTIONS``), each a plain function from a ``MotionSpec`` to a
list of ``Trace`` in the diagram's normalised coordinates. ``order`` numbers the passes
so the drawing can show sequence. No third-party imports.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from booklet.illustrate.zones import ASPECT, SPINE_X, ZONES, Point, half_width
from booklet.model import Illustration

DIRECTIONS = ("up", "down", "outward", "inward", "left", "right")
SIDES = ("left", "right", "both")


@dataclass(frozen=True)
class MotionSpec:
    pattern: str
    start: str | None = None
    direction: str | None = None
    repeats: int = 3
    side: str = "both"
    hand: str | None = None


@dataclass(frozen=True)
class Trace:
    points: tuple[Point, ...]
    order: int
    hand: str | None = None
    side: str = "right"
    arrow: bool = True


def motion_from_illustration(ill: Illustration) -> MotionSpec:
    return MotionSpec(
        ill.pattern or "glide", ill.start, ill.direction, max(1, min(12, ill.repeats)), ill.side or "both", ill.hand
    )


def sides(spec: MotionSpec) -> list[int]:
    """+1 for the right side, -1 for the left, in the order the hands work."""
    return {"left": [-1], "right": [1]}.get(spec.side, [1, -1])


def start_y(spec: MotionSpec, default: float) -> float:
    zone = ZONES.get(spec.start or "")
    return zone.anchor[1] if zone else default


def _x(sign: int, offset: float) -> float:
    return SPINE_X + sign * offset


def glide(spec: MotionSpec) -> list[Trace]:
    """Long strokes up (or down) either side of the spine, or outward across the back."""
    traces: list[Trace] = []
    if spec.direction in ("outward", "inward", "left", "right"):
        y0 = start_y(spec, 0.45)
        for i in range(spec.repeats):
            y = min(0.68, y0 + i * 0.06)
            for sign in sides(spec):
                path: tuple[Point, ...] = ((_x(sign, 0.05), y), (_x(sign, half_width(y) * 0.85), y + 0.015))
                traces.append(Trace(path if spec.direction != "inward" else path[::-1], i + 1, spec.hand, _side(sign)))
        return traces
    y0, y1 = start_y(spec, 0.26), 0.70
    for i in range(spec.repeats):
        off = 0.075 + i * 0.05
        for sign in sides(spec):
            line = tuple((_x(sign, off), y0 + (y1 - y0) * t / 8) for t in range(9))
            traces.append(Trace(line if spec.direction != "down" else line[::-1], i + 1, spec.hand, _side(sign)))
    return traces


def fan(spec: MotionSpec) -> list[Trace]:
    """Up alongside the spine, fanning out over the shoulders and back down the sides."""
    traces = []
    y0 = start_y(spec, 0.26)
    for i in range(spec.repeats):
        top = 0.69 - i * 0.09
        for sign in sides(spec):
            up = [(_x(sign, 0.07), y0 + (top - y0) * t / 6) for t in range(7)]
            width = half_width(top - 0.06) * 0.84
            arc = [
                (
                    _x(sign, 0.07 + (width - 0.07) * math.sin(a * math.pi / 12)),
                    top + 0.03 * math.sin(a * math.pi / 6) - 0.06 * (1 - math.cos(a * math.pi / 12)),
                )
                for a in range(1, 7)
            ]
            bottom = max(y0 + 0.02, 0.24)
            down = [(_x(sign, half_width(y) * 0.84), y) for y in _steps(arc[-1][1] - 0.03, bottom + i * 0.02, 5)]
            path = tuple(up + arc + down)
            traces.append(Trace(path if spec.direction != "down" else path[::-1], i + 1, spec.hand, _side(sign)))
    return traces


def circles(spec: MotionSpec) -> list[Trace]:
    """Circles climbing the back, alternating sides: right hand, then left."""
    traces = []
    y0 = start_y(spec, 0.28)
    step = (0.66 - y0) / max(1, spec.repeats - 1) if spec.repeats > 1 else 0
    order = 0
    for i in range(spec.repeats):
        y = y0 + step * i
        for sign in sides(spec):
            order += 1
            cx, r = _x(sign, min(0.15, half_width(y) * 0.5)), 0.06
            ry = r * ASPECT  # round on the page, not in the unit box
            pts = tuple(
                (cx + r * math.cos(a), y + ry * math.sin(a))
                for a in [sign * (math.pi / 2 - k * 2 * math.pi * 0.9 / 20) for k in range(21)]
            )
            traces.append(Trace(pts, order, spec.hand, _side(sign)))
    return traces if spec.direction != "down" else [_renumber(t, len(traces)) for t in reversed(traces)]


def knead(spec: MotionSpec) -> list[Trace]:
    """Kneading: small overlapping loops worked in a column, low to high, one side then the other."""
    traces = []
    y0 = start_y(spec, 0.27)
    y1 = 0.66
    for n, sign in enumerate(sides(spec)):
        cx = _x(sign, 0.15)
        loops = max(2, spec.repeats)
        pts = []
        for k in range(loops * 16 + 1):
            t = k / 16 * 2 * math.pi
            pts.append((cx + 0.045 * math.cos(t) * sign, y0 + (y1 - y0) * k / (loops * 16) + 0.03 * math.sin(t)))
        path = tuple(pts) if spec.direction != "down" else tuple(reversed(pts))
        traces.append(Trace(path, n + 1, spec.hand, _side(sign)))
    return traces


def rake(spec: MotionSpec) -> list[Trace]:
    """Fingertip lines drawn down alongside (never on) the spine, alternating hands."""
    traces = []
    y_top = start_y(spec, 0.66) + 0.04
    y_end = 0.30
    order = 0
    for i in range(min(spec.repeats, 2)):  # later passes retrace these two; more lines would only blur
        for sign in sides(spec):
            order += 1
            for f in range(3):
                off = 0.065 + f * 0.04 + i * 0.02  # the second pass sits between the first one's lines
                drift = 0.025 * (i % 2)
                path = (
                    (_x(sign, off), y_top - drift),
                    (_x(sign, off + 0.01), (y_top + y_end) / 2),
                    (_x(sign, off), y_end + drift),
                )
                path = path if spec.direction != "up" else path[::-1]
                traces.append(Trace(path, order, spec.hand if f == 0 else None, _side(sign), arrow=f == 1))
    return traces


def press(spec: MotionSpec) -> list[Trace]:
    """Static presses: a row of points beside the spine, worked in order."""
    traces = []
    y0 = start_y(spec, 0.3)
    order = 0
    for i in range(spec.repeats):
        y = y0 + i * (0.36 / max(1, spec.repeats))
        for sign in sides(spec):
            order += 1
            traces.append(Trace(((_x(sign, 0.08), y),), order, spec.hand, _side(sign), arrow=False))
    return traces


MOTIONS: dict[str, Callable[[MotionSpec], list[Trace]]] = {
    "glide": glide,
    "fan": fan,
    "circles": circles,
    "knead": knead,
    "rake": rake,
    "press": press,
}
PATTERN_NAMES: tuple[str, ...] = tuple(MOTIONS)


def traces_for(ill: Illustration) -> list[Trace]:
    """An illustration's traces: its explicit paths, else its pattern's."""
    if ill.paths:
        return [Trace(tuple(p), i + 1, ill.hand) for i, p in enumerate(ill.paths)]
    if ill.pattern is None:
        return []
    traces = MOTIONS[ill.pattern](motion_from_illustration(ill))
    return [Trace(tuple(_clamp(p) for p in t.points), t.order, t.hand, t.side, t.arrow) for t in traces]


def _clamp(p: Point) -> Point:
    return (min(0.98, max(0.02, p[0])), min(0.98, max(0.02, p[1])))


def _steps(a: float, b: float, n: int) -> list[float]:
    return [a + (b - a) * k / n for k in range(n + 1)]


def _side(sign: int) -> str:
    return "right" if sign > 0 else "left"


def _renumber(trace: Trace, count: int) -> Trace:
    return Trace(trace.points, count + 1 - trace.order, trace.hand, trace.side, trace.arrow)
