"""Traces + frame -> ReportLab groups: motion arrows, hand markers and sequence badges.

Each pass is a smooth line with an arrowhead; later passes are lighter, so the order
reads at a glance even where numbers are left out. A hand marker sits where the hand
first touches, turned to the way it moves: a small hand for palms, dots for
fingertips, a pad for thumbs, a bar for forearms, a row of knuckles.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Group, Line, Polygon, String
from reportlab.lib import colors

from booklet.illustrate.motions import Trace
from booklet.illustrate.pen import Frame, arrowhead, curve, flat, tint
from booklet.illustrate.zones import inside_body


def motion(frame: Frame, traces: list[Trace], tone: colors.Color, font: str) -> Group:
    """Traces -> arrows for each pass (later passes lighter), hand markers where the hands start, numbers."""
    group = Group()
    last = max((t.order for t in traces), default=1)
    for trace in traces:
        group.add(stroke_line(trace, frame, tint(tone, 0.55 * _fade(trace, last)), _fade(trace, last)))
    combs = _combs(traces)
    for trace in traces:
        comb = combs.get((trace.order, trace.side))
        if not trace.hand or (comb and trace.hand != "fingertips" and trace is not comb[len(comb) // 2]):
            continue  # a comb of lines shows one dot per finger, or one hand on its middle line
        group.add(hand_marker(trace, frame, tint(tone, 0.55 * _fade(trace, last)), single=bool(comb)))
    if frame.detailed and last > 1:
        group.add(order_badges(frame, traces, tone, font))
    return group


def _fade(trace: Trace, last: int) -> float:
    """A pass's place in the sequence -> 0 for the first, 1 for the last."""
    return (trace.order - 1) / (last - 1) if last > 1 else 0.0


def stroke_line(trace: Trace, frame: Frame, colour: colors.Color, fade: float) -> Group:
    """One pass -> its smooth line and arrowheads, or the rings of a press on one spot."""
    group = Group()
    pts = frame.each(trace.points)
    w = frame.weight
    if len(pts) == 1:
        group.add(press_mark(pts[0], w, colour, big=trace.hand in ("palms", "forearms", "heels of hands")))
        return group
    group.add(curve(pts, strokeColor=colour, strokeWidth=w * (1.6 - 0.5 * fade), fillColor=None, strokeLineCap=1))
    if trace.arrow:
        size = (4.2 + 1.6 * (1 - fade)) * w
        group.add(arrowhead(*ending(pts), size, colour))
        if length(pts) > 0.9 * frame.h:  # a long loop: show the way at its first bend too
            group.add(arrowhead(*partway(pts, 0.3), size * 0.85, colour))
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


def partway(pts: list[tuple[float, float]], share: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """A polyline and 0..1 -> (a point just behind, the point) that far along it."""
    left = share * length(pts)
    for a, b in zip(pts, pts[1:], strict=False):
        step = math.dist(a, b)
        if step and left <= step:
            t = left / step
            return a, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        left -= step
    return pts[-2], pts[-1]


def _combs(traces: list[Trace]) -> dict[tuple[int, str], list[Trace]]:
    """Traces -> the passes drawn as several parallel lines (raking fingers), by (order, side)."""
    passes: dict[tuple[int, str], list[Trace]] = {}
    for trace in traces:
        if len(trace.points) > 1:
            passes.setdefault((trace.order, trace.side), []).append(trace)
    return {key: lines for key, lines in passes.items() if len(lines) > 1}


def heading(trace: Trace, frame: Frame) -> float:
    """A trace -> the angle on the page its hand points along: the way it goes overall, else up the back.

    Loops and clusters end near where they start; their hands point to the head, as
    a giver's hands mostly do.
    """
    pts = frame.each(trace.points)
    dx, dy = pts[-1][0] - pts[0][0], pts[-1][1] - pts[0][1]
    if len(pts) > 1 and math.hypot(dx, dy) > 0.4 * length(pts):
        return math.atan2(dy, dx)
    return math.pi / 2


def hand_marker(trace: Trace, frame: Frame, colour: colors.Color, single: bool = False) -> Group:
    """A trace -> a glyph of its hand at its start, turned to the way the hand moves."""
    x, y = frame.at(trace.points[0])
    w = frame.weight
    angle = heading(trace, frame)
    along, across = (math.cos(angle), math.sin(angle)), (-math.sin(angle), math.cos(angle))

    def place(a: float, b: float) -> tuple[float, float]:
        return (x + (a * along[0] + b * across[0]) * w, y + (a * along[1] + b * across[1]) * w)

    g = Group()
    style = {"fillColor": colour, "strokeColor": None}
    if trace.hand == "fingertips":
        for b in (0,) if single else (-3.0, 0.0, 3.0):
            g.add(Circle(*place(1.2 if b == 0 and not single else 0, b), 1.55 * w, **style))
    elif trace.hand in ("thumbs", "knuckles"):
        for b in (0.0,) if trace.hand == "thumbs" else (-3.6, -1.2, 1.2, 3.6):
            g.add(Circle(*place(0, b), (2.6 if trace.hand == "thumbs" else 1.3) * w, **style))
    elif trace.hand == "forearms":
        g.add(Line(*place(-7, 0), *place(3, 0), strokeColor=colour, strokeWidth=4.2 * w, strokeLineCap=1))
    else:  # palms, heels of hands, or a hand we have no glyph for
        thumb = -1 if trace.side == "right" else 1  # thumbs towards the spine
        g.add(palm(place, w, colour, fingers=trace.hand != "heels of hands", thumb_side=thumb))
    return g


def palm(place, w: float, colour: colors.Color, fingers: bool = True, thumb_side: int = 1) -> Group:
    """A placing function and weight -> a small flat hand: rounded palm, four fingers, thumb to one side."""
    g = Group()
    body = [place(4.2 * math.sin(t * math.pi / 6) - 1.0, 3.6 * math.cos(t * math.pi / 6)) for t in range(12)]
    g.add(Polygon(flat(body), fillColor=colour, strokeColor=None))
    if fingers:
        for b, reach in ((-2.55, 3.2), (-0.85, 4.0), (0.85, 3.8), (2.55, 3.0)):
            b = b * -thumb_side
            g.add(
                Line(*place(2.0, b), *place(2.0 + reach, b), strokeColor=colour, strokeWidth=1.45 * w, strokeLineCap=1)
            )
    g.add(
        Line(
            *place(-1.5, 3.0 * thumb_side),
            *place(1.4, 5.6 * thumb_side),
            strokeColor=colour,
            strokeWidth=1.6 * w,
            strokeLineCap=1,
        )
    )
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


def order_badges(frame: Frame, traces: list[Trace], tone: colors.Color, font: str) -> Group:
    """Traces -> a small numbered disc by the start of each pass (the first two only when there are many).

    Behind the start of a straight pass, beside a loop on its outer side. Passes that
    start close to the one before (echoes of one loop) get no numbers: fading says enough.
    """
    g = Group()
    firsts: dict[int, Trace] = {}
    for trace in traces:
        firsts.setdefault(trace.order, trace)
    r = 4.0 * frame.weight
    ordered = [firsts[k] for k in sorted(firsts)]
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.side == b.side and math.dist(frame.at(a.points[0]), frame.at(b.points[0])) < 0.08 * frame.h:
            return g
    shown = ordered[: 4 if len(ordered) <= 4 else 2]
    outside = all(badge_place(t, frame, r, outer=True)[1] for t in shown)
    for trace in shown:
        (cx, cy), _ = badge_place(trace, frame, r, outer=outside)
        g.add(Circle(cx, cy, r, fillColor=colors.white, strokeColor=tone, strokeWidth=0.7 * frame.weight))
        g.add(
            String(
                cx,
                cy - r * 0.45,
                str(trace.order),
                fontName=font,
                fontSize=r * 1.3,
                fillColor=tone,
                textAnchor="middle",
            )
        )
    return g


def badge_place(trace: Trace, frame: Frame, r: float, outer: bool) -> tuple[tuple[float, float], bool]:
    """A pass -> where its number goes, and whether that spot is on the body.

    Behind a straight start; beside a loop, on its outer side (away from the spine) or its inner side.
    """
    pts = frame.each(trace.points)
    x, y = pts[0]
    if len(pts) > 1 and math.dist(pts[0], pts[-1]) > 0.4 * length(pts):
        angle = heading(trace, frame)
        away = r + (8.5 if trace.hand == "palms" else 4.0) * frame.weight
        return (x - away * math.cos(angle), y - away * math.sin(angle)), True
    gap = r + 2.5 * frame.weight + (13.5 * frame.weight if len(pts) == 1 else 0.0)
    right = (trace.side != "left") == outer
    cx = max(p[0] for p in pts) + gap if right else min(p[0] for p in pts) - gap
    room = (r + frame.weight) / frame.h
    return (cx, y), inside_body(((cx - frame.x) / frame.w, (y - frame.y) / frame.h), room)
