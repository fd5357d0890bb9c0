"""Illustration -> motion traces: the hand paths of a stroke as polylines (pure geometry).

A registry of patterns (``MOTIONS``), each a plain function from a ``MotionSpec`` to a
list of ``Trace`` in the figure's normalised coordinates. Every pattern honours the
spec: it starts in the ``start`` zone, travels the ``direction`` (up, down; outward,
inward from the spine; left, right across the page), works the ``side`` (both at
once, one, or one then the other) and draws as many passes as ``repeats`` allows.
``order`` numbers the passes so the drawing can show sequence; ``moment`` names the
part of the stroke a trace shows (so a badge can carry the step number that describes
it); ``hand`` marks where a hand first touches. No trace enters a no-pressure zone.
No third-party imports: the validator and the lint read these paths too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from booklet.illustrate.figure import Figure, crossings, segment_crosses
from booklet.illustrate.figures import figure as figure_named
from booklet.illustrate.zones import Point, Zone
from booklet.model import MOMENTS, NOWHERE, Illustration

DIRECTIONS = ("up", "down", "outward", "inward", "left", "right")
SIDES = ("both", "left", "right", "left-then-right", "right-then-left")
ACROSS = ("outward", "inward", "left", "right")
EDGE = 0.03  # how far inside the body's edge paths stay


@dataclass(frozen=True)
class MotionSpec:
    """What a pattern needs: on which figure, where it starts, which way it goes, how often, with what."""

    pattern: str
    start: str | None = None  # a zone name
    direction: str | None = None
    repeats: int = 3  # 1..12
    side: str = "both"
    hand: str | None = None
    figure: str = "back"


@dataclass(frozen=True)
class Trace:
    """One pass of a hand: a polyline in normalised coordinates, numbered in sequence.

    ``light`` passes are returns made with a lighter touch (drawn thin and dashed);
    ``grip`` names a grip drawn at the trace's single point ("squeeze": lift and
    squeeze a roll of muscle between the heel of the hand and the fingers).
    """

    points: tuple[Point, ...]
    order: int
    hand: str | None = None
    side: str = "right"
    arrow: bool = True
    moment: str = "pass"
    light: bool = False
    grip: str | None = None
    badge_at: float = 0.5  # how far along the trace its step badge points (0 start, 1 end)


def motion_from_illustration(ill: Illustration) -> MotionSpec:
    """An Illustration -> the MotionSpec of its pattern (glide when none is given)."""
    return MotionSpec(
        pattern=ill.pattern or "glide",
        start=ill.start,
        direction=ill.direction,
        repeats=max(1, min(12, int(ill.repeats))),
        side=ill.side if ill.side in SIDES else "both",
        hand=ill.hand,
        figure=getattr(ill, "figure", None) or "back",
    )


# Geometry shared by the patterns


def groups(spec: MotionSpec) -> list[tuple[int, ...]]:
    """Spec -> the sides worked, in order: +1 right, -1 left; sides in one group work at once."""
    found: dict[str, list[tuple[int, ...]]] = {
        "left": [(-1,)],
        "right": [(1,)],
        "left-then-right": [(-1,), (1,)],
        "right-then-left": [(1,), (-1,)],
    }
    return found.get(spec.side, [(1, -1)])


def reach(f: Figure, y: float) -> float:
    """Height -> distance from the spine line to the nearest edge of the body on the right there."""
    xs = [x - f.spine_x for x in f.crossings(y) if x > f.spine_x]
    edge = min(xs, default=0.0)
    edge = min(edge, f.half_width(y)) if f.side and y < f.side[0][1] else edge
    for (cx, cy), (rx, ry) in f.ovals:  # the head is wider than the neck below it
        if abs(y - cy) < ry:
            edge = max(edge, cx - f.spine_x + rx * math.sqrt(1 - ((y - cy) / ry) ** 2))
    return edge


def zone_span(zone: Zone, y: float, sign: int, spine_x: float = 0.5) -> tuple[float, float] | None:
    """A zone, a height and a side -> (inner, outer) distance from the spine of its part there, or None."""
    offsets: list[float] = []
    for polygon in zone.polygons:
        xs = sorted(crossings(polygon, y))
        for a, b in zip(xs[0::2], xs[1::2], strict=False):
            lo, hi = sorted((sign * (a - spine_x), sign * (b - spine_x)))
            if hi > 0:
                offsets += [max(0.0, lo), hi]
    return (min(offsets), max(offsets)) if offsets else None


@lru_cache(maxsize=16)
def guard(f: Figure) -> float:
    """Figure -> the least distance from the spine line a path may come: just outside its no-pressure zones."""
    widest = 0.0
    for name in f.no_pressure():
        for polygon in f.zones[name].polygons:
            widest = max(widest, *(abs(x - f.spine_x) for x, _ in polygon))
    return widest + 0.012


def lane(f: Figure, y: float, want: float) -> float:
    """Height + wanted distance from the spine -> the nearest distance that keeps off the spine and on the body."""
    room = reach(f, y) - EDGE
    least = min(f.clearance, max(guard(f), (room + guard(f)) / 2))
    return max(least, min(want, room))


def at(f: Figure, sign: int, offset: float, y: float) -> Point:
    """Side + distance from the spine + height -> a point."""
    return (f.spine_x + sign * offset, y)


def start_zone(f: Figure, spec: MotionSpec) -> Zone | None:
    """Spec -> its start zone on this figure, if it names one the figure has."""
    return f.zones.get(spec.start or "")


def start_height(f: Figure, spec: MotionSpec, default: float) -> float:
    """Spec -> the height the pattern starts at: its start zone's, else ``default``."""
    zone = start_zone(f, spec)
    return zone.anchor[1] if zone else default


def start_offset(f: Figure, spec: MotionSpec, y: float, sign: int, want: float) -> float:
    """Spec + height + side -> distance from the spine to start at: ``want``, moved into the start zone."""
    zone = start_zone(f, spec)
    span = zone_span(zone, y, sign, f.spine_x) if zone else None
    if span:
        inner, outer = span
        inside = max(inner + 0.015, guard(f))
        want = min(max(want, inside), max(inside, outer - 0.015))
    return lane(f, y, want)


def top(f: Figure, offset: float) -> float:
    """Distance from the spine -> the highest height there that is on the body, ``EDGE`` inside."""
    y = 0.99
    while y > 0.02 and not f.inside((f.spine_x + offset, y), EDGE):
        y -= 0.005
    return y


def bottom(f: Figure, offset: float) -> float:
    """Distance from the spine -> the lowest height there that is on the body, ``EDGE`` inside."""
    y = 0.01
    while y < 0.98 and not f.inside((f.spine_x + offset, y), EDGE):
        y += 0.005
    return y


def vertical(f: Figure, y0: float, down: bool, offset: float, least: float = 0.15, high: float | None = None) -> float:
    """Start height + way -> the end height: the figure's working range, at least ``least`` away, on the body."""
    if down:
        return max(bottom(f, offset), min(f.low, y0 - least))
    return min(top(f, offset), max(f.high if high is None else high, y0 + least))


def outward_sign(direction: str | None, sign: int) -> int:
    """An across direction and a side -> +1 when it moves away from the spine on that side, -1 towards it."""
    if direction == "right":
        return 1 if sign > 0 else -1
    if direction == "left":
        return 1 if sign < 0 else -1
    return -1 if direction == "inward" else 1


def across_span(f: Figure, spec: MotionSpec, y: float, sign: int) -> tuple[float, float]:
    """Height + side -> (near, far) distances from the spine an across pass runs between.

    In a start zone that slopes (the top of the shoulder), the span is the zone's whole
    width on that side; ``follow`` then keeps each point at the zone's middle height.
    """
    zone = start_zone(f, spec)
    if zone is not None and _slopes(zone):
        xs = [abs(x - f.spine_x) for polygon in zone.polygons for x, _ in polygon if (x - f.spine_x) * sign > 0]
        return max(guard(f), min(xs) + 0.03), max(xs) - 0.03
    near = start_offset(f, spec, y, sign, f.clearance)
    span = zone_span(zone, y, sign, f.spine_x) if zone else None
    room = reach(f, y) - EDGE
    far = min(room, span[1] - 0.01) if span and span[1] - near > 0.08 else room * 0.9
    return near, max(far, near + 0.04)


def _slopes(zone: Zone) -> bool:
    """A zone -> whether it is a long band across the body that climbs or falls (wider than tall, tilted)."""
    polygon = zone.polygons[-1]
    xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
    return (max(xs) - min(xs)) > 2.5 * (max(ys) - min(ys)) and len(zone.polygons) == 2 and max(ys) - min(ys) > 0.05


def follow(f: Figure, spec: MotionSpec, point: Point) -> Point:
    """A point of an across pass -> moved to the middle height of a sloping start zone there (else as it is)."""
    zone = start_zone(f, spec)
    if zone is None or not _slopes(zone):
        return point
    x, y = point
    ys = sorted(yy for polygon in zone.polygons for yy in crossings(tuple((b, a) for a, b in polygon), x))
    return (x, (ys[0] + ys[-1]) / 2) if len(ys) >= 2 else point


def line(f: Figure, sign: int, offset: float, y0: float, y1: float, bow: float = 0.0, n: int = 7) -> tuple[Point, ...]:
    """A pass up or down at a distance from the spine, kept in its lane, bowed out by ``bow`` in the middle."""
    pts = []
    for k in range(n):
        y = y0 + (y1 - y0) * k / (n - 1)
        pts.append(at(f, sign, lane(f, y, offset + bow * math.sin(math.pi * k / (n - 1))), y))
    return tuple(pts)


def flat_pass(
    f: Figure, sign: int, near: float, far: float, y: float, out: int, rise: float = 0.012
) -> tuple[Point, ...]:
    """A pass across at one height from ``near`` to ``far`` (reversed when going in), lifting a little."""
    pts = tuple(at(f, sign, near + (far - near) * k / 4, y + rise * k / 4) for k in range(5))
    return pts if out > 0 else pts[::-1]


class Sequencer:
    """Hands out pass numbers and moments: the first pass, the second hand, later passes, the other side."""

    def __init__(self) -> None:
        self.traces: list[Trace] = []

    def next_order(self) -> int:
        return max((t.order for t in self.traces), default=0) + 1

    def add(self, trace: Trace) -> None:
        self.traces.append(trace)


def _side(sign: int) -> str:
    """+1 / -1 -> "right" / "left"."""
    return "right" if sign > 0 else "left"


# The patterns


def glide(spec: MotionSpec) -> list[Trace]:
    """Spec -> long strokes up or down either side of the spine, or across the back from it or to it."""
    f = figure_named(spec.figure)
    seq = Sequencer()
    across = spec.direction in ACROSS
    for g, sides in enumerate(groups(spec)):
        order = seq.next_order()
        for i in range(min(spec.repeats, 3)):  # more parallel lines would only blur
            for sign in sides:
                moment = "change" if g and not i else ("pass" if not i else "move")
                hand = spec.hand if i == 0 else None
                if across:
                    y0 = start_height(f, spec, (f.low + f.high) / 2)
                    y = y0 + i * 0.07 * (1 if y0 < (f.low + f.high) / 2 else -1)
                    near, far = across_span(f, spec, y, sign)
                    path = flat_pass(f, sign, near, far, y, outward_sign(spec.direction, sign))
                else:
                    down = spec.direction == "down"
                    y0 = start_height(f, spec, f.high if down else f.low)
                    off = start_offset(f, spec, y0, sign, f.clearance + 0.03) + i * 0.05
                    path = line(f, sign, off, y0, vertical(f, y0, down, off))
                seq.add(Trace(path, order + i, hand, _side(sign), moment=moment))
    return seq.traces


def fan(spec: MotionSpec) -> list[Trace]:
    """Spec -> up beside the spine, out over the shoulder blades and round the shoulders, back down the sides.

    Three pieces a side: the pass along the spine, the fan over the top, and the light
    return down the side and in to the start. Direction down works the loop from the
    head end; across directions fan out from the spine and return a little higher.
    A second round, when repeated, is a smaller echo inside the first.
    """
    f = figure_named(spec.figure)
    seq = Sequencer()
    for g, sides in enumerate(groups(spec)):
        first = seq.next_order()
        for echo in range(min(spec.repeats, 2)):
            for sign in sides:
                pieces = _fan_pieces(f, spec, sign, echo)
                hand = spec.hand if echo == 0 else None
                for k, (moment, path, light) in enumerate(pieces):
                    if g and not echo and moment == "pass":
                        moment = "change"
                    seq.add(
                        Trace(
                            path,
                            first + 3 * echo + k,
                            hand if k == 0 else None,
                            _side(sign),
                            moment=moment,
                            light=light,
                        )
                    )
    return seq.traces


def _fan_pieces(f: Figure, spec: MotionSpec, sign: int, echo: int) -> list[tuple[str, tuple[Point, ...], bool]]:
    """One side's fan -> its pieces (moment, points, light) in the order the hands travel."""
    shrink = 0.06 * echo
    if spec.direction in ACROSS:
        y = start_height(f, spec, (f.low + f.high) / 2) + shrink
        near, far = across_span(f, spec, y, sign)
        far -= shrink
        out = outward_sign(spec.direction, sign)
        pass_ = flat_pass(f, sign, near, far, y, out, rise=0.0)
        mid = (near + far) / 2
        turn = (at(f, sign, far if out > 0 else near, y + 0.03), at(f, sign, mid, y + 0.06))
        back = (at(f, sign, mid, y + 0.06), at(f, sign, near if out > 0 else far, y + 0.02))
        return [("pass", pass_, False), ("over", (pass_[-1], *turn), False), ("return", back, True)]
    down = spec.direction == "down"
    y0 = start_height(f, spec, f.high if down else f.low) + (-shrink if down else shrink)
    inner = start_offset(f, spec, y0, sign, f.clearance + 0.03) + shrink * 0.5
    y1 = vertical(f, y0, down, inner, least=0.2, high=f.high - 0.02) + (shrink if down else -shrink)
    side_y = lambda y: lane(f, y, reach(f, y) * (0.86 - 0.5 * shrink))  # noqa: E731
    pass_ = line(f, sign, inner, y0, y1, n=5)
    # Over the top (or bottom): out along the shoulder blades to the widest point, then round.
    turn_y = y1 + (0.02 if not down else -0.02)
    corner_y = y1 - 0.09 if not down else y1 + 0.09
    # Up (or down) over the shoulder blades and round the top of the shoulder where there is one.
    crest = max(turn_y, top(f, (inner + side_y(corner_y)) / 2 + 0.04) - 0.01) if not down else turn_y
    over = (
        pass_[-1],
        at(f, sign, lane(f, turn_y, inner + 0.06), turn_y),
        at(f, sign, lane(f, crest, (inner + side_y(corner_y)) / 2 + 0.04), crest),
        at(f, sign, lane(f, (crest + corner_y) / 2 + 0.02, side_y(corner_y) + 0.02), (crest + corner_y) / 2 + 0.02),
        at(f, sign, side_y(corner_y), corner_y),
    )
    steps = 4
    ys = [corner_y + (y0 + (0.03 if not down else -0.03) - corner_y) * k / steps for k in range(1, steps + 1)]
    back_: tuple[Point, ...] = (over[-1], *(at(f, sign, side_y(y), y) for y in ys))
    home = (at(f, sign, (inner + side_y(ys[-1])) / 2, y0 - (0.015 if not down else -0.015)), pass_[0])
    return [("pass", pass_, False), ("over", over, False), ("return", (*back_, *home), True)]


def circles(spec: MotionSpec) -> list[Trace]:
    """Spec -> circles climbing (or descending, or spreading out) beside the spine, then a light glide back.

    Both sides take turns: the right hand's circle, then the left's, a level at a time;
    sides worked one after the other finish one side first. The return glides down the
    sides (up, when the circles went down) to where the circles began.
    """
    f = figure_named(spec.figure)
    count = min(spec.repeats, 6)  # more would stack circles on top of each other
    across = spec.direction in ACROSS
    down = spec.direction == "down"
    seq = Sequencer()
    for g, sides in enumerate(groups(spec)):
        centres: dict[int, list[tuple[float, float, float]]] = {s: [] for s in sides}
        for sign in sides:
            y0 = start_height(f, spec, (f.low + f.high) / 2 if across else (f.high if down else f.low))
            r0 = min(0.065, reach(f, y0) * 0.26)
            if across:
                near, far = across_span(f, spec, y0, sign)
                r = min(r0, max((far - near) / 4, 0.022))  # small circles still read as circles
                fit = min(count, max(2, int((far - near) / (1.4 * r))))
                offs = [near + r * 0.6 + (far - near - 1.2 * r) * k / max(1, fit - 1) for k in range(fit)]
                if outward_sign(spec.direction, sign) < 0:
                    offs.reverse()
                centres[sign] = [(o, follow(f, spec, at(f, sign, o, y0))[1], r) for o in offs]
            else:
                off = start_offset(f, spec, y0, sign, f.clearance + 0.03)
                y1 = vertical(f, y0, down, off + r0, least=0.2, high=f.high - 0.06)
                for k in range(count):
                    y = y0 + (y1 - y0) * k / max(1, count - 1)
                    r = min(0.065, reach(f, y) * 0.26)
                    centres[sign].append((lane(f, y, off) + r, y, r))
        levels = min(len(c) for c in centres.values())
        for k in range(levels):
            for sign in sides:
                o, y, r = centres[sign][k]
                moment = ("change" if g else "pass") if k == 0 and sign == sides[0] else "move"
                if g == 0 and k == 0 and sign != sides[0]:
                    moment = "next"
                hand = spec.hand if k == 0 else None
                seq.add(Trace(_loop(f, at(f, sign, o, y), r, sign), seq.next_order(), hand, _side(sign), moment=moment))
        if not across and levels > 1:
            for sign in sides:
                o_first, y_first, _ = centres[sign][0]
                _, y_last, _ = centres[sign][-1]
                ys = [y_last + (y_first - y_last) * k / 5 for k in range(6)]
                path = tuple(at(f, sign, lane(f, y, reach(f, y) * 0.82), y) for y in ys)
                path = (*path, at(f, sign, lane(f, y_first, o_first), y_first - 0.01 * (1 if not down else -1)))
                seq.add(Trace(path, seq.next_order(), None, _side(sign), moment="return", light=True))
    return seq.traces


def _loop(f: Figure, centre: Point, r: float, sign: int, turns: float = 0.84) -> tuple[Point, ...]:
    """Centre + radius -> a loop (round on the page), clockwise on the right, mirrored on the left."""
    n = max(8, round(14 * turns))
    angles = [math.pi + 2 * math.pi * turns * (1 - k / n) for k in range(n + 1)]
    cx, cy = centre
    return tuple((cx - sign * r * math.cos(a), cy + r * f.aspect * math.sin(a)) for a in angles)


def knead(spec: MotionSpec) -> list[Trace]:
    """Spec -> kneading (petrissage), one group of sides after the other.

    Up or down the back: small pressing circles with the heel of the hand on the
    muscles beside the spine, from the start zone in the direction given (the ``pass``),
    then lift-and-squeeze grips where the muscle can be picked up: at the side of the
    waist (``next``) and along the top of the shoulder, working out towards the arm
    (``over``), on figures that have those zones. Across: grips in a line.
    """
    f = figure_named(spec.figure)
    count = min(spec.repeats, 5)  # more would touch each other
    seq = Sequencer()
    for g, sides in enumerate(groups(spec)):
        order = seq.next_order()
        for sign in sides:
            if spec.direction in ACROSS:
                spots = _knead_spots(f, spec, sign, count)
                seq.add(Trace(_link(spots), order, None, _side(sign), moment="move"))
                for k, spot in enumerate(spots):
                    moment = ("change" if g else "pass") if k == 0 else "next"
                    seq.add(Trace((spot,), order, None, _side(sign), arrow=False, moment=moment, grip="squeeze"))
                continue
            for k, (centre, r) in enumerate(_heel_circles(f, spec, sign, count)):
                moment = ("change" if g else "pass") if k == 0 else "move"
                hand = spec.hand if k == 0 else None
                seq.add(Trace(_loop(f, centre, r, sign), order, hand, _side(sign), moment=moment))
            if "waist" in f.zones:
                waist = _pick_up(f, "waist", sign, 1)
                seq.add(Trace(waist, order, None, _side(sign), arrow=False, moment="next", grip="squeeze"))
            if "shoulders" in f.zones:
                tops = _pick_up(f, "shoulders", sign, 2)
                seq.add(Trace(_link(tops), order, None, _side(sign), moment="over"))
                for top_spot in tops:
                    seq.add(Trace((top_spot,), order, None, _side(sign), arrow=False, moment="over", grip="squeeze"))
    return seq.traces


def _link(spots: tuple[Point, ...]) -> tuple[Point, ...]:
    """Spots in order -> the line joining them, stopping short of the last so its arrow shows."""
    if len(spots) < 2:
        return spots * 2
    (xa, ya), (xb, yb) = spots[-2:]
    return (*spots[:-1], (xa + (xb - xa) * 0.62, ya + (yb - ya) * 0.62))


def _heel_circles(f: Figure, spec: MotionSpec, sign: int, count: int) -> list[tuple[Point, float]]:
    """Side -> (centre, radius) of the small pressing circles beside the spine, in the order they are made."""
    down = spec.direction == "down"
    y0 = start_height(f, spec, f.high if down else f.low)
    r = 0.03
    off = start_offset(f, spec, y0, sign, guard(f) + r + 0.012)
    y1 = vertical(f, y0, down, off, least=0.2, high=f.high - 0.05)
    out = []
    for k in range(count):
        y = y0 + (y1 - y0) * k / max(1, count - 1)
        out.append((at(f, sign, max(lane(f, y, off), guard(f) + r + 0.01), y), r))
    return out


def _pick_up(f: Figure, zone: str, sign: int, count: int) -> tuple[Point, ...]:
    """A zone where muscle can be picked up -> ``count`` grip spots along its part on one side, inner first."""
    polygon = f.zones[zone].polygons[1 if sign > 0 else 0]
    xs = [abs(x - f.spine_x) for x, _ in polygon]
    lo, hi = min(xs), max(xs)
    spots = []
    for k in range(count):
        off = lo + (hi - lo) * ((k + 1) / (count + 1) if count > 1 else 0.5)
        x = f.spine_x + sign * off
        ys = sorted(crossings(tuple((b, a) for a, b in polygon), x))
        y = (ys[0] + ys[-1]) / 2 if len(ys) >= 2 else f.zones[zone].anchor[1]
        spots.append((x, y))
    return tuple(spots)


def _knead_spots(f: Figure, spec: MotionSpec, sign: int, count: int) -> tuple[Point, ...]:
    """Side -> the spots kneaded, in order: a hand's width from the spine, stepping past light-touch zones."""
    if spec.direction in ACROSS:
        y = start_height(f, spec, (f.low + f.high) / 2)
        near, far = across_span(f, spec, y, sign)
        near += 0.04
        offs = [near + (far - near) * k / max(1, count - 1) for k in range(count)]
        if outward_sign(spec.direction, sign) < 0:
            offs.reverse()
        return tuple(at(f, sign, o, y) for o in offs)
    down = spec.direction == "down"
    y0 = start_height(f, spec, f.high if down else f.low)
    off = start_offset(f, spec, y0, sign, f.clearance + 0.08)
    y1 = vertical(f, y0, down, off + 0.06, least=0.2, high=f.high + 0.04)
    spots: list[Point] = []
    for k in range(count):
        t = k / max(1, count - 1)
        spots.append(_clear_of_light(f, sign, off + 0.07 * t * t, y0 + (y1 - y0) * t, (y1 - y0) / max(1, count - 1)))
    return tuple(spots)


def _clear_of_light(f: Figure, sign: int, offset: float, y: float, gap: float) -> Point:
    """A kneading spot -> moved along its line (under half the gap to the next) off light-touch zones."""
    light = set(f.light())
    for k in range(9):
        for shift in (k, -k) if k else (0,):
            yy = y + shift * gap / 16
            point = at(f, sign, lane(f, yy, offset), yy)
            if not light & set(f.zones_at(point)):
                return point
    return at(f, sign, lane(f, y, offset), y)


def rake(spec: MotionSpec) -> list[Trace]:
    """Spec -> combs of three fingertip lines drawn beside (never on) the spine, one side at a time.

    The first comb starts in the start zone and runs the direction given; the next
    works a little further out from the spine (or further along, going across). With
    both sides the first side is finished before the other, as one hand after the
    other rakes the far side.
    """
    f = figure_named(spec.figure)
    seq = Sequencer()
    side_groups = groups(spec)
    if spec.side == "both":
        side_groups = [(-1,), (1,)]  # raking works one side at a time
    for g, sides in enumerate(side_groups):
        for lane_no in range(min(spec.repeats, 2)):
            order = seq.next_order()
            moment = "change" if g and not lane_no else ("pass" if not lane_no else "move")
            for sign in sides:
                for finger, path in enumerate(_comb(f, spec, sign, lane_no)):
                    at_ = 0.92 if moment == "pass" else 0.08  # "draw down to the waist"; "start further out"
                    hand = spec.hand if finger == 1 else None
                    seq.add(Trace(path, order, hand, _side(sign), moment=moment, badge_at=at_))
    return seq.traces


def _comb(f: Figure, spec: MotionSpec, sign: int, lane_no: int) -> list[tuple[Point, ...]]:
    """One pass of the fingertips -> three parallel lines, a lane further out for later passes."""
    if spec.direction in ACROSS:
        y0 = start_height(f, spec, (f.low + f.high) / 2)
        y0 += lane_no * 0.09 * (1 if y0 < (f.low + f.high) / 2 else -1)  # later lanes towards the middle
        lines = []
        for finger in range(3):
            y = y0 + finger * 0.025
            near, far = across_span(f, spec, y, sign)
            lines.append(flat_pass(f, sign, near, far, y, outward_sign(spec.direction, sign), rise=-0.01))
        return lines
    down = spec.direction == "down"
    y0 = start_height(f, spec, f.high if down else f.low)
    base = start_offset(f, spec, y0, sign, f.clearance) + lane_no * 0.085
    y1 = vertical(f, y0, down, base + 0.06, least=0.2)
    return [line(f, sign, base + finger * 0.028, y0, y1, bow=0.01 * (1 + lane_no), n=5) for finger in range(3)]


def press(spec: MotionSpec) -> list[Trace]:
    """Spec -> static presses: a row of points from the start zone in the direction given, worked in order."""
    f = figure_named(spec.figure)
    count = min(spec.repeats, 6)
    seq = Sequencer()
    for g, sides in enumerate(groups(spec)):
        for k in range(count):
            order = seq.next_order()
            for sign in sides:
                if spec.direction in ACROSS:
                    y = start_height(f, spec, (f.low + f.high) / 2)
                    near, far = across_span(f, spec, y, sign)
                    offs = [near + (far - near) * j / max(1, count - 1) for j in range(count)]
                    off = offs[k] if outward_sign(spec.direction, sign) > 0 else offs[-1 - k]
                    point = at(f, sign, off, y)
                else:
                    down = spec.direction == "down"
                    y0 = start_height(f, spec, f.high if down else f.low)
                    off = start_offset(f, spec, y0, sign, f.clearance + 0.02)
                    y1 = vertical(f, y0, down, off, least=0.2)
                    y = y0 + (y1 - y0) * k / max(1, count - 1)
                    point = at(f, sign, lane(f, y, off), y)
                moment = "change" if g and not k else ("pass" if not k else "move")
                seq.add(Trace((point,), order, spec.hand, _side(sign), arrow=False, moment=moment))
    return seq.traces


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
    """An illustration -> its traces: its explicit paths, else its pattern's, else none.

    Cached on the drawing data alone: where the illustration was written (its refs) does
    not change the path, so strokes drawn alike share one computation.
    """
    return list(_traces(replace(ill, ref=NOWHERE, field_refs=())))


@lru_cache(maxsize=256)
def _traces(ill: Illustration) -> tuple[Trace, ...]:
    return tuple(_compute(ill))


def _compute(ill: Illustration) -> list[Trace]:
    if ill.paths:
        return [Trace(tuple(_clamp(p) for p in path), i + 1, ill.hand) for i, path in enumerate(ill.paths) if path]
    if ill.pattern not in MOTIONS:
        return []
    spec = motion_from_illustration(ill)
    f = figure_named(spec.figure)
    traces = MOTIONS[ill.pattern](spec)
    if spec.direction in ACROSS and ill.pattern != "circles":  # circles follow the zone by their centres
        traces = [replace(t, points=tuple(follow(f, spec, p) for p in t.points)) for t in traces]
    return [replace(t, points=tuple(settle(f, p) for p in t.points)) for t in traces]


def settle(f: Figure, point: Point) -> Point:
    """A generated point -> itself when it is on the body, else the nearest point in from the edge at its height.

    Patterns aim inside; this catches the corners (a fan started at the very top, a
    pass across the narrow neck) by pulling the point in towards the spine line, never
    into the no-pressure zone, and down when that is not enough.
    """
    if not f.drawn or f.inside(point, EDGE * 0.5):
        return point
    x, y = point
    sign = 1 if x >= f.spine_x else -1
    for _ in range(60):
        offset = max(guard(f), min(abs(x - f.spine_x), reach(f, y) - EDGE))
        x = f.spine_x + sign * offset
        if f.inside((x, y), EDGE * 0.5):
            return (x, y)
        y += -0.01 if y > 0.5 else 0.01
    return point


def crosses_no_pressure(traces: list[Trace], figure: str | Figure = "back") -> list[tuple[int, str]]:
    """Traces + figure -> (trace index, zone) for every trace that enters a no-pressure zone; empty when none do.

    A press on one spot counts when the spot lies in the zone; a line counts when any
    point along any of its segments does.
    """
    f = figure if isinstance(figure, Figure) else figure_named(figure)
    found = []
    for i, trace in enumerate(traces):
        pts = trace.points
        for name in f.no_pressure():
            polygons = f.zones[name].polygons
            segments = list(zip(pts, pts[1:], strict=False)) or [(pts[0], pts[0])]
            if any(segment_crosses(a, b, polygon) for a, b in segments for polygon in polygons):
                found.append((i, name))
                break
    return found


def path_crosses_no_pressure(ill: Illustration) -> list[str]:
    """An illustration -> the no-pressure zones its drawn paths cross (empty when it is safe)."""
    traces = traces_for(ill)
    zones = crosses_no_pressure(traces, getattr(ill, "figure", None) or "back")
    return sorted({zone for _, zone in zones})


def moments_of(ill: Illustration) -> tuple[str, ...]:
    """An illustration -> the parts of the stroke its drawing shows ("place" first), in MOMENTS order."""
    traces = traces_for(ill)
    found = {t.moment for t in traces} | ({"place"} if traces else set())
    return tuple(m for m in MOMENTS if m in found)


def _clamp(p: Point) -> Point:
    """Point -> the nearest point in the unit box."""
    return (min(1.0, max(0.0, float(p[0]))), min(1.0, max(0.0, float(p[1]))))
