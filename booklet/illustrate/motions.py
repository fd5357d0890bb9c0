"""Illustration -> motion traces: the hand paths of a stroke as polylines (pure geometry).

A registry of patterns (``MOTIONS``), each a plain function from a ``MotionSpec`` to a
list of ``Trace`` in the diagram's normalised coordinates. ``order`` numbers the passes
so the drawing can show sequence; ``hand`` marks where a hand first touches. Every
generated point lies on the body. No third-party imports.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from booklet.illustrate.zones import ASPECT, SPINE_X, ZONES, Point, half_width
from booklet.model import Illustration

DIRECTIONS = ("up", "down", "outward", "inward", "left", "right")
SIDES = ("left", "right", "both")
ACROSS = ("outward", "inward", "left", "right")
LOW, HIGH = 0.26, 0.70  # the part of the back that patterns work over


@dataclass(frozen=True)
class MotionSpec:
    """What a pattern needs: where it starts, which way it goes, how often, with what."""

    pattern: str
    start: str | None = None  # a zone name
    direction: str | None = None
    repeats: int = 3  # 1..12
    side: str = "both"
    hand: str | None = None


@dataclass(frozen=True)
class Trace:
    """One pass of a hand: a polyline in normalised coordinates, numbered in sequence."""

    points: tuple[Point, ...]
    order: int
    hand: str | None = None
    side: str = "right"
    arrow: bool = True


def motion_from_illustration(ill: Illustration) -> MotionSpec:
    """An Illustration -> the MotionSpec of its pattern (glide when none is given)."""
    return MotionSpec(
        pattern=ill.pattern or "glide",
        start=ill.start,
        direction=ill.direction,
        repeats=max(1, min(12, int(ill.repeats))),
        side=ill.side if ill.side in SIDES else "both",
        hand=ill.hand,
    )


def signs(spec: MotionSpec) -> list[int]:
    """Spec -> +1 for the right side, -1 for the left, in the order the hands work."""
    return {"left": [-1], "right": [1]}.get(spec.side, [1, -1])


def span(spec: MotionSpec, low: float = LOW, high: float = HIGH, least: float = 0.15) -> tuple[float, float]:
    """The spec's start zone and direction -> (from_y, to_y) of a vertical pattern."""
    zone = ZONES.get(spec.start or "")
    down = spec.direction == "down"
    begin = zone.anchor[1] if zone else (high if down else low)
    begin = min(high, max(low, begin))
    if down:
        return max(begin, low + least), low
    return min(begin, high - least), high


def at(sign: int, offset: float, y: float) -> Point:
    """Side + offset from the spine + height -> a point."""
    return (SPINE_X + sign * offset, y)


def glide(spec: MotionSpec) -> list[Trace]:
    """Spec -> long strokes up or down either side of the spine, or across the back."""
    if spec.direction in ACROSS:
        return _glide_across(spec)
    y0, y1 = span(spec)
    traces: list[Trace] = []
    for i in range(min(spec.repeats, 3)):  # more parallel lines would only blur
        for sign in signs(spec):
            line = tuple(at(sign, 0.07 + i * 0.055, y0 + (y1 - y0) * t / 6) for t in range(7))
            traces.append(Trace(line, i + 1, spec.hand if i == 0 else None, _side(sign)))
    return traces


def _glide_across(spec: MotionSpec) -> list[Trace]:
    """Spec -> strokes across the back at climbing heights: out from the spine, in to it, or side to side."""
    zone = ZONES.get(spec.start or "")
    y0 = min(0.62, max(LOW, zone.anchor[1] if zone else 0.4))
    count = min(spec.repeats, 4)
    traces: list[Trace] = []
    for i in range(count):
        y = y0 + i * min(0.08, (0.66 - y0) / max(1, count - 1))
        reach = half_width(y) * 0.8
        if spec.direction in ("left", "right"):
            path = tuple(at(1, reach * (1 - 2 * t / 6), y + 0.012 * math.sin(math.pi * t / 6)) for t in range(7))
            traces.append(Trace(path if spec.direction == "left" else path[::-1], i + 1, spec.hand, "both"))
            continue
        for sign in signs(spec):
            path = tuple(at(sign, 0.05 + (reach - 0.05) * t / 4, y + 0.012 * t / 4) for t in range(5))
            traces.append(Trace(path if spec.direction == "outward" else path[::-1], i + 1, spec.hand, _side(sign)))
    return traces


def fan(spec: MotionSpec) -> list[Trace]:
    """Spec -> loops up beside the spine, out over the shoulder blades and shoulders, down the sides.

    Direction down works the loop the other way round, from the head end: down beside
    the spine, out over the hips, up the sides. A second pass, when repeated, is a
    lighter echo inside the first.
    """
    base = min(span(spec, high=0.66, least=0.2))
    traces: list[Trace] = []
    for i in range(min(spec.repeats, 2)):
        for sign in signs(spec):
            up, over, down, back = _fan_loop(sign, base, i)
            if spec.direction == "down":
                path = (*up[::-1], *back, *down[::-1], *over[::-1])
            else:
                path = (*up, *over, *down, *back)
            traces.append(Trace(path, i + 1, spec.hand if i == 0 else None, _side(sign)))
    return traces


def _fan_loop(sign: int, y0: float, echo: int) -> tuple[tuple[Point, ...], ...]:
    """Side + base height + echo number -> one fan's four legs (up, over, down, back); echoes are smaller."""
    inner, top, out = 0.075, 0.722, 0.86  # out: share of the torso's half width on the way down
    up = [(inner, y0), (inner, y0 + 0.14), (inner + 0.006, top - 0.13)]
    over = [
        (inner + 0.03, top - 0.05),
        (inner + 0.09, top - 0.005),
        (0.245, top),
        (half_width(top - 0.13) * (out + 0.06), top - 0.045),
    ]
    down = [(half_width(y) * out, y) for y in (top - 0.16, (top - 0.16 + y0) / 2, y0 + 0.02)]
    back = [(inner + 0.5 * (half_width(y0) * out - inner), y0 - 0.03)]
    scale = 1 - 0.3 * echo
    cx, cy = (inner + half_width(y0) * out) / 2, (y0 + top) / 2 - 0.03

    def placed(leg: list[Point]) -> tuple[Point, ...]:
        return tuple(at(sign, cx + (x - cx) * scale, cy + (y - cy) * scale) for x, y in leg)

    return placed(up), placed(over), placed(down), placed(back)


def circles(spec: MotionSpec) -> list[Trace]:
    """Spec -> clockwise circles climbing the back, right hand then left, alternating sides."""
    y0, y1 = span(spec, high=0.64, least=0.2)
    count = min(spec.repeats, 6)  # more would stack circles on top of each other
    step = (y1 - y0) / max(1, count - 1)
    traces: list[Trace] = []
    for i in range(count):
        y = y0 + step * i
        for sign in signs(spec):
            r = min(0.065, half_width(y) * 0.26)
            centre = at(sign, 0.075 + r, y)
            first = i == 0
            traces.append(Trace(_loop(centre, r, 0.84), len(traces) + 1, spec.hand if first else None, _side(sign)))
    return traces


def _loop(centre: Point, r: float, turns: float, end_angle: float = math.pi) -> tuple[Point, ...]:
    """Centre + radius + turns -> a clockwise loop (round on the page) ending at ``end_angle``."""
    n = max(8, round(14 * turns))
    angles = [end_angle + 2 * math.pi * turns * (1 - k / n) for k in range(n + 1)]
    return tuple((centre[0] + r * math.cos(a), centre[1] + r * ASPECT * math.sin(a)) for a in angles)


def knead(spec: MotionSpec) -> list[Trace]:
    """Spec -> kneading: clusters of small overlapping loops, worked low to high, one side then the other."""
    y0, y1 = span(spec, high=0.70, least=0.2)
    count = min(spec.repeats, 5)  # more clusters than this would touch each other
    step = (y1 - y0) / max(1, count - 1)
    traces: list[Trace] = []
    for sign in signs(spec):
        for i in range(count):
            y = y0 + step * i
            offset = min(0.195, half_width(y) * 0.72) - 0.05 * max(0.0, (y - 0.5) / 0.2)
            path = _cluster(at(sign, offset, y), rise=min(0.06, step * 0.5), sign=sign)
            path = path if spec.direction != "down" else path[::-1]
            traces.append(Trace(path, i + 1, spec.hand if i == 0 else None, _side(sign)))
    return traces


def _cluster(centre: Point, rise: float, sign: int, loops: float = 2.25, r: float = 0.034) -> tuple[Point, ...]:
    """Centre + rise -> a short ribbon of overlapping loops climbing through ``rise``."""
    n = round(9 * loops)
    cx, cy = centre
    points = []
    for k in range(n + 1):
        t = 2 * math.pi * loops * k / n
        climb = rise * (k / n - 0.5)
        points.append((cx - sign * r * math.sin(t), cy + climb - r * ASPECT * math.cos(t)))
    return tuple(points)


def rake(spec: MotionSpec) -> list[Trace]:
    """Spec -> combs of three fingertip lines drawn beside (never on) the spine, alternating hands.

    A second pass, when there is one, works a little further out, as raking moves away
    from the spine every few strokes; later passes retrace these two. Across directions
    rake from the spine out to the side (or back) at two heights.
    """
    if spec.direction in ACROSS:
        return _rake_across(spec)
    y0, y1 = span(spec, low=0.36, high=0.66, least=0.2)
    traces: list[Trace] = []
    for i in range(min(spec.repeats, 2)):
        for sign in signs(spec):
            order = len({t.order for t in traces}) + 1
            for finger in range(3):
                off = 0.05 + i * 0.095 + finger * 0.03
                bow = 0.012 * (1 + i)
                path = tuple(at(sign, off + bow * math.sin(math.pi * t / 4), y0 + (y1 - y0) * t / 4) for t in range(5))
                traces.append(Trace(path, order, spec.hand, _side(sign)))
    return traces


def _rake_across(spec: MotionSpec) -> list[Trace]:
    """Spec -> combs raked from the spine out to the side (or back in), at two heights."""
    zone = ZONES.get(spec.start or "")
    y0 = min(0.56, max(0.34, zone.anchor[1] if zone else 0.42))
    traces: list[Trace] = []
    for i in range(min(spec.repeats, 2)):
        for sign in signs(spec):
            order = len({t.order for t in traces}) + 1
            for finger in range(3):
                y = y0 + i * 0.11 + finger * 0.025
                reach = half_width(y) * 0.82
                path = tuple(at(sign, 0.05 + (reach - 0.05) * t / 3, y - 0.01 * t / 3) for t in range(4))
                path = path if spec.direction in ("outward", "right" if sign > 0 else "left") else path[::-1]
                traces.append(Trace(path, order, spec.hand, _side(sign)))
    return traces


def press(spec: MotionSpec) -> list[Trace]:
    """Spec -> static presses: a row of points beside the spine, worked in order."""
    y0, y1 = span(spec, high=0.66)
    count = min(spec.repeats, 6)
    step = (y1 - y0) / max(1, count - 1)
    traces: list[Trace] = []
    for i in range(count):
        for sign in signs(spec):
            traces.append(
                Trace((at(sign, 0.085, y0 + step * i),), len(traces) + 1, spec.hand, _side(sign), arrow=False)
            )
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
    """An illustration -> its traces: its explicit paths, else its pattern's, else none."""
    if ill.paths:
        return [Trace(tuple(_clamp(p) for p in path), i + 1, ill.hand) for i, path in enumerate(ill.paths) if path]
    if ill.pattern not in MOTIONS:
        return []
    return MOTIONS[ill.pattern](motion_from_illustration(ill))


def _clamp(p: Point) -> Point:
    """Point -> the nearest point in the unit box."""
    return (min(1.0, max(0.0, float(p[0]))), min(1.0, max(0.0, float(p[1]))))


def _side(sign: int) -> str:
    """+1 / -1 -> "right" / "left"."""
    return "right" if sign > 0 else "left"
