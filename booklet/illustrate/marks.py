"""Traces + frame -> ReportLab groups: motion arrows, hand markers, grips and step badges.

Each pass is a smooth line with an arrowhead; later passes are lighter, so the order
reads at a glance; a return made with a lighter touch is thin and dashed. A hand
marker sits where the hand first touches: the back of the hand as the giver sees
it, fingers along the way it moves, thumb towards the spine. Badges are small
outlined squares carrying the number of the step they illustrate.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Ellipse, Group, Line, Polygon, Rect, String
from reportlab.lib import colors

from booklet.illustrate.motions import Trace
from booklet.illustrate.pen import Frame, arrowhead, curve, flat, tint

MIN_HAND_PT = 6 * 72 / 25.4  # hand markers are never shorter than 6 mm
MIN_BADGE_TEXT_PT = 7.0  # a badge's number is never set smaller (the booklet's least text size)
BADGE_TEXT_SHARE = 0.82  # the number's size as a share of the badge's side
GLYPHS = ("palms", "heels of hands", "fingertips", "thumbs", "knuckles", "forearms")

Place = Callable[[float, float], tuple[float, float]]


def hand_size(frame: Frame) -> float:
    """Frame -> the length of a hand marker, wrist to fingertip: a tenth of the figure, 6 mm or more."""
    return min(max(MIN_HAND_PT, frame.w * 0.1), frame.w * 0.2)


def motion(
    frame: Frame,
    traces: list[Trace],
    tone: colors.Color,
    font: str,
    badges: dict[str, int],
    keep_off: float | None = None,
    label_size: float | None = None,
) -> Group:
    """Traces -> arrows for each pass (later passes lighter), grips, hands where the hands start, step badges.

    ``keep_off`` is the distance on the page from the spine line that hand markers keep clear of;
    ``label_size`` the least size of a badge's number (large print: 12 pt).
    """
    group = Group()
    last = max((t.order for t in traces), default=1)
    for trace in traces:
        if len(trace.points) > 1:
            group.add(stroke_line(trace, frame, tint(tone, 0.5 * _fade(trace, last)), _fade(trace, last)))
    for trace in traces:
        if len(trace.points) == 1:
            colour = tint(tone, 0.45 * _fade(trace, last))
            if trace.grip == "squeeze":
                group.add(squeeze(frame, trace, colour))
            else:
                group.add(
                    press_mark(
                        frame.at(trace.points[0]),
                        frame.weight,
                        colour,
                        big=trace.hand in ("palms", "forearms", "heels of hands"),
                    )
                )
    for trace in traces:
        if trace.hand:
            fill = tint(tone, 0.55 + 0.3 * _fade(trace, last))
            group.add(hand_marker(trace, frame, fill, tint(tone, 0.3 * _fade(trace, last)), keep_off))
    if badges and frame.detailed:
        group.add(step_badges(frame, traces, tone, font, badges, keep_off or 0.0, label_size))
    return group


def _fade(trace: Trace, last: int) -> float:
    """A pass's place in the sequence -> 0 for the first, 1 for the last."""
    return (trace.order - 1) / (last - 1) if last > 1 else 0.0


def stroke_line(trace: Trace, frame: Frame, colour: colors.Color, fade: float) -> Group:
    """One pass -> its smooth line and arrowhead; a light return thin and dashed."""
    group = Group()
    pts = frame.each(trace.points)
    w = frame.weight
    width = w * (0.9 if trace.light else 1.7 - 0.5 * fade)
    dash = [3.2 * w, 2.2 * w] if trace.light else None
    group.add(curve(pts, strokeColor=colour, strokeWidth=width, fillColor=None, strokeLineCap=1, strokeDashArray=dash))
    if trace.arrow:
        size = (4.2 + 1.6 * (1 - fade)) * w * (0.85 if trace.light else 1.0)
        group.add(arrowhead(*ending(pts), size, colour))
    return group


def ending(pts: list[tuple[float, float]]) -> tuple[tuple[float, float], tuple[float, float]]:
    """A drawn line's points -> (a point behind the end along the curve's tangent, the end).

    The spline's last control point lies a sixth of the way back to the point before last.
    """
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    return (x1 - (x1 - x0) / 6, y1 - (y1 - y0) / 6), (x1, y1)


def length(pts: list[tuple[float, float]]) -> float:
    """A polyline -> its length."""
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:], strict=False))


def partway(pts: list[tuple[float, float]], share: float) -> tuple[float, float]:
    """A polyline and 0..1 -> the point that far along it."""
    left = share * length(pts)
    for a, b in zip(pts, pts[1:], strict=False):
        step = math.dist(a, b)
        if step and left <= step:
            t = left / step
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        left -= step
    return pts[-1]


def heading(trace: Trace, frame: Frame) -> float:
    """A trace -> the angle on the page its hand points along: the way it sets off, else up the body.

    Loops and spots have no one way; their hands point to the head, as a giver's hands mostly do.
    """
    pts = frame.each(trace.points)
    if len(pts) > 1 and math.dist(pts[0], pts[-1]) > 0.4 * length(pts):
        far = partway(pts, 0.25)
        dx, dy = far[0] - pts[0][0], far[1] - pts[0][1]
        if math.hypot(dx, dy) > 0.6 * 0.25 * length(pts):
            return math.atan2(dy, dx)
    return math.pi / 2


def _closed(trace: Trace) -> bool:
    """A trace -> whether it is a loop (ends near where it starts)."""
    (x0, y0), (x1, y1) = trace.points[0], trace.points[-1]
    return len(trace.points) > 6 and math.hypot(x1 - x0, y1 - y0) < 0.1


def _inner_reach(along: tuple[float, float]) -> float:
    """A glyph's heading -> how far (in tenths of the hand) it reaches sideways from its centre, thumb included."""
    return 4.6 if abs(along[1]) > 0.7 else 5.5


def hand_marker(
    trace: Trace, frame: Frame, fill: colors.Color, line: colors.Color, keep_off: float | None = None
) -> Group:
    """A trace -> the back of its hand at its start, fingers along the way it moves, thumb towards the spine."""
    x, y = frame.at(trace.points[0])
    angle = heading(trace, frame)
    along, across = (math.cos(angle), math.sin(angle)), (-math.sin(angle), math.cos(angle))
    size = hand_size(frame) / 10  # glyphs are drawn in tenths of the hand's length, wrist at -5, fingertips at +5

    # A right hand (on the right side) has its thumb on the left of its fingers: towards the
    # spine when the fingers point to the head, as the steps say; mirrored for the left hand.
    thumb = 1.0 if trace.side != "left" else -1.0
    # The palm sits where the hand touches; then it moves outward, if need be, until its
    # spine side is clear of the no-pressure line.
    back = 3.2 if _closed(trace) else 0.5  # behind a small loop, so the loop stays in sight
    cx, cy = x - along[0] * back * size, y - along[1] * back * size
    spine = frame.at((0.5, 0))[0]
    inner = _inner_reach(along) * size
    gap = (cx - spine) * (1 if trace.side != "left" else -1) - inner
    if keep_off is not None and gap < keep_off and trace.side in ("left", "right"):
        cx += (keep_off - gap) * (1 if trace.side != "left" else -1)

    def place(a: float, b: float) -> tuple[float, float]:
        return (cx + (a * along[0] + b * across[0]) * size, cy + (a * along[1] + b * across[1]) * size)

    return hand_glyph(trace.hand or "", place, size, fill, line, thumb)


def hand_glyph(hand: str, place: Place, size: float, fill: colors.Color, line: colors.Color, thumb: float) -> Group:
    """A hand word + placing function -> its glyph: palms, heels, fingertips, thumbs, knuckles, forearms, or a ring."""
    g = Group()
    w = max(0.5, size * 0.22)
    style = {"fillColor": fill, "strokeColor": line, "strokeWidth": w, "strokeLineJoin": 1}
    word = hand.strip().lower()
    if word in ("palms", "palm", "heels of hands", "heel of hand", "hands", "hand"):
        _flat_hand(g, place, size, style, thumb, heel=word.startswith("heel"))
    elif word in ("fingertips", "fingers", "fingertip"):
        _curled_hand(g, place, size, style, thumb)
    elif word in ("thumbs", "thumb"):
        _fist(g, place, size, style, thumb, thumb_out=True)
    elif word in ("knuckles", "knuckle", "fists"):
        _fist(g, place, size, style, thumb, thumb_out=False)
    elif word in ("forearms", "forearm"):
        g.add(Line(*place(-9, 0), *place(3, 0), strokeColor=line, strokeWidth=3.2 * size, strokeLineCap=1))
        g.add(Line(*place(-9, 0), *place(3, 0), strokeColor=fill, strokeWidth=2.4 * size, strokeLineCap=1))
    else:  # any other tool or touch: a ring where it lands
        g.add(Circle(*place(2.5, 0), 2.2 * size, **style))
    return g


def _outline(place: Place, points: list[tuple[float, float]]) -> list[float]:
    return flat([place(a, b) for a, b in points])


def _flat_hand(g: Group, place: Place, size: float, style: dict, thumb: float, heel: bool) -> None:
    """The back of a flat hand: palm, four fingers with nails, the thumb out towards ``thumb``."""
    palm = [(-5.0, -2.2), (-5.0, 2.2), (-1.0, 2.8), (0.6, 2.5), (0.6, -2.5), (-1.0, -2.8)]
    palm = [(a, b * thumb) for a, b in palm]
    fingers = ((-1.85, 3.4), (-0.62, 4.2), (0.62, 4.0), (1.85, 3.2))  # across offset, reach beyond the palm
    for b, reach in fingers:
        b = -b * thumb
        g.add(_finger(place, 0.2, 0.2 + reach, b, 0.62, style))
    g.add(_finger(place, -3.8, -0.4, 2.4 * thumb, 0.72, style, tilt=1.5 * thumb))  # thumb, angled out
    g.add(Polygon(_outline(place, palm), **style))
    if heel:  # the heel of the hand is what presses: a darker pad at the wrist end
        g.add(Ellipse(*place(-3.6, 0), 1.5 * size, 1.5 * size, fillColor=style["strokeColor"], strokeColor=None))
    for b, reach in fingers:  # nails: the back of the hand faces the giver
        g.add(Circle(*place(reach - 0.2, -b * thumb), 0.32 * size, fillColor=colors.white, strokeColor=None))


def _finger(place: Place, a0: float, a1: float, b: float, half: float, style: dict, tilt: float = 0.0) -> Polygon:
    """A finger from ``a0`` to ``a1`` along the hand at ``b`` across, rounded at the tip; ``tilt`` leans the tip out."""
    pts = [(a0, b - half), (a1 - half, b - half + tilt), (a1, b + tilt), (a1 - half, b + half + tilt), (a0, b + half)]
    return Polygon(_outline(place, pts), **style)


def _curled_hand(g: Group, place: Place, size: float, style: dict, thumb: float) -> None:
    """The back of a hand with curved fingers, tips down on the skin: knuckles, short fingers, tip dots."""
    palm = [(-5.0, -2.0), (-5.0, 2.0), (-0.6, 2.8), (0.2, 0.0), (-0.6, -2.8)]
    g.add(_finger(place, -3.4, -0.8, 2.4 * thumb, 0.65, style, tilt=1.8 * thumb))
    for b in (-1.9, -0.63, 0.63, 1.9):
        g.add(_finger(place, -0.8, 2.2, -b * thumb, 0.58, style))
    g.add(Polygon(_outline(place, [(a, b * thumb) for a, b in palm]), **style))
    for b in (-1.9, -0.63, 0.63, 1.9):
        g.add(Circle(*place(2.6, -b * thumb), 0.62 * size, fillColor=style["strokeColor"], strokeColor=None))


def _fist(g: Group, place: Place, size: float, style: dict, thumb: float, thumb_out: bool) -> None:
    """A loose fist seen from behind: knuckles leading, or the thumb pad out in front."""
    g.add(Polygon(_outline(place, [(-5, -2.4), (-5, 2.4), (0.8, 2.8), (1.6, 0), (0.8, -2.8)]), **style))
    if thumb_out:
        g.add(_finger(place, -2.0, 3.8, 2.2 * thumb, 0.8, style, tilt=-1.6 * thumb))
        g.add(Circle(*place(3.4, 0.7 * thumb), 0.7 * size, fillColor=style["strokeColor"], strokeColor=None))
    else:
        for b in (-2.0, -0.7, 0.7, 2.0):
            g.add(Circle(*place(1.2, b), 0.6 * size, fillColor=style["strokeColor"], strokeColor=None))


def squeeze(frame: Frame, trace: Trace, colour: colors.Color) -> Group:
    """A kneading spot -> a roll of muscle between the heel of the hand (spine side) and the fingers, arrows meeting.

    Reads as "lift and squeeze": the roll stands up between two grips that close on it.
    """
    x, y = frame.at(trace.points[0])
    s = hand_size(frame) / 8
    out = 1.0 if trace.side == "right" else -1.0
    g = Group()
    g.add(
        Ellipse(
            x, y, 1.5 * s, 3.4 * s, fillColor=tint(colour, 0.55), strokeColor=colour, strokeWidth=0.6 * frame.weight
        )
    )
    g.add(Ellipse(x - out * 4.6 * s, y, 1.4 * s, 2.2 * s, fillColor=colour, strokeColor=None))  # heel of the hand
    for dy in (-2.1, -0.7, 0.7, 2.1):  # fingertips
        g.add(Circle(x + out * 4.4 * s, y + dy * s, 0.62 * s, fillColor=colour, strokeColor=None))
    for side in (-1, 1):  # the two grips close on the roll
        tip = (x + side * out * 1.9 * s, y)
        tail = (x + side * out * 3.6 * s, y)
        g.add(Line(*tail, *tip, strokeColor=colour, strokeWidth=0.7 * frame.weight))
        g.add(arrowhead(tail, tip, 1.9 * s, colour))
    return g


def press_mark(at: tuple[float, float], w: float, colour: colors.Color, big: bool = False) -> Group:
    """A point -> a static press: two rings spreading from it (round a whole hand when ``big``)."""
    g = Group()
    inner = 10.5 if big else 5.0
    g.add(Circle(*at, inner * w, fillColor=colour, fillOpacity=0.12, strokeColor=colour, strokeWidth=0.9 * w))
    g.add(
        Circle(
            *at,
            (inner + 3.0) * w,
            fillColor=None,
            strokeColor=colour,
            strokeWidth=0.5 * w,
            strokeDashArray=[1.5 * w, 1.5 * w],
        )
    )
    return g


def badge_size(frame: Frame, label_size: float | None = None) -> float:
    """Frame (and the least label size) -> the side of a step badge: its number is never under 7 pt,
    nor under ``label_size``."""
    least = max(MIN_BADGE_TEXT_PT, label_size or 0.0) / BADGE_TEXT_SHARE
    return max(8.5, 9.5 * frame.weight, least)


def step_badges(
    frame: Frame,
    traces: list[Trace],
    tone: colors.Color,
    font: str,
    badges: dict[str, int],
    keep_off: float = 0.0,
    label_size: float | None = None,
) -> Group:
    """Traces + {moment: step number} -> an outlined square badge with the step's number by each moment it shows.

    "place" sits beside where the hands first touch; other moments beside the first
    trace that shows them, on the outer side, at a spot clear of the paths and of
    the badges already placed.
    """
    g = Group()
    side = badge_size(frame, label_size)
    taken: list[tuple[float, float]] = []
    paths = [p for t in traces for p in _dense(frame.each(t.points))]
    for moment, number in sorted(badges.items(), key=lambda kv: kv[1]):
        anchor = _anchor(frame, traces, moment)
        if anchor is None:
            continue
        (ax, ay), out = anchor
        spot = _clear_spot(frame, ax, ay, out, side, taken, paths, keep_off)
        taken.append(spot)
        cx, cy = spot
        g.add(Line(ax, ay, cx, cy, strokeColor=tint(tone, 0.4), strokeWidth=0.45 * frame.weight))
        g.add(
            Rect(
                cx - side / 2,
                cy - side / 2,
                side,
                side,
                fillColor=colors.white,
                strokeColor=tone,
                strokeWidth=0.9 * frame.weight,
            )
        )
        g.add(
            String(
                cx,
                cy - side * 0.34,
                str(number),
                fontName=font,
                fontSize=side * BADGE_TEXT_SHARE,
                fillColor=tone,
                textAnchor="middle",
            )
        )
    return g


def _anchor(frame: Frame, traces: list[Trace], moment: str) -> tuple[tuple[float, float], float] | None:
    """A moment -> (the point on the page its badge points at, +1/-1 the outer side there), or None."""
    if moment == "place":
        first = next((t for t in traces if t.hand), traces[0] if traces else None)
        if first is None:
            return None
        return frame.at(first.points[0]), 1.0 if first.side != "left" else -1.0
    found = next((t for t in traces if t.moment == moment), None)
    if found is None:
        return None
    pts = frame.each(found.points)
    point = pts[0] if len(pts) == 1 else partway(pts, found.badge_at)
    return point, 1.0 if found.side != "left" else -1.0


def _dense(pts: list[tuple[float, float]], step: float = 3.0) -> list[tuple[float, float]]:
    """Points on the page -> the same polyline with a point at least every ``step`` points."""
    out = pts[:1]
    for a, b in zip(pts, pts[1:], strict=False):
        n = max(1, int(math.dist(a, b) / step))
        out += [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(1, n + 1)]
    return out


def _clear_spot(
    frame: Frame,
    ax: float,
    ay: float,
    out: float,
    side: float,
    taken: list[tuple[float, float]],
    paths: list[tuple[float, float]],
    keep_off: float = 0.0,
) -> tuple[float, float]:
    """A badge's anchor -> the nearest spot around it (outer side first) clear of paths, badges, spine, edge."""
    spine = frame.at((0.5, 0))[0]
    best, best_cost = (ax + out * side * 1.6, ay), math.inf
    rings = (1.4, 2.0, 2.7, 3.5)
    near = side * 0.8  # a path point closer than this to a spot costs it
    # Only path points within reach of some spot can be near one: the spots lie within
    # the widest ring of the anchor (the margin covers rounding), so the rest are skipped.
    reach = (side * rings[-1] + near) * 1.01
    cells = _cells([p for p in paths if abs(p[0] - ax) <= reach and abs(p[1] - ay) <= reach], near)
    for ring in rings:
        for k in range(12):
            angle = math.pi * k / 6
            dx, dy = math.cos(angle) * out, math.sin(angle)
            cx, cy = ax + dx * side * ring, ay + dy * side * ring
            if not (
                frame.x + side / 2 <= cx <= frame.x + frame.w - side / 2
                and frame.y + side / 2 <= cy <= frame.y + frame.h - side / 2
            ):
                continue
            near_badge = min((math.dist((cx, cy), t) for t in taken), default=math.inf)
            on_spine = keep_off and abs(cx - spine) < keep_off + side * 0.6
            cost = ring + (8 if near_badge < side * 1.3 else 0) + 0.1 * k
            cost += 6 if on_spine else 0
            if cost >= best_cost:
                continue  # a path nearby only adds to the cost
            if _near(cells, near, cx, cy):
                cost += 3
            if cost < best_cost:
                best, best_cost = (cx, cy), cost
    return best


def _cells(points: list[tuple[float, float]], size: float) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Points -> the same, filed in square cells of side ``size`` (for "is any point within ``size``")."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for p in points:
        cells.setdefault((math.floor(p[0] / size), math.floor(p[1] / size)), []).append(p)
    return cells


def _near(cells: dict[tuple[int, int], list[tuple[float, float]]], size: float, x: float, y: float) -> bool:
    """Whether a filed point lies closer than ``size`` to (x, y): only the 3 x 3 cells around it can hold one."""
    i, j = math.floor(x / size), math.floor(y / size)
    return any(
        math.dist((x, y), p) < size for di in (-1, 0, 1) for dj in (-1, 0, 1) for p in cells.get((i + di, j + dj), ())
    )
