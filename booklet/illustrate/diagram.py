"""Illustration + size -> ReportLab Drawing: the body diagram with motions and avoid-zones.

One drawing at any size: line weights and arrowheads grow sub-linearly with the
figure, and fine detail (vertebrae, rib hints, numbers, legend) drops out when the
body is drawn small, so a card thumbnail stays crisp rather than a smudge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reportlab import rl_config
from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, String
from reportlab.lib import colors

from booklet.illustrate.motions import Trace, traces_for
from booklet.illustrate.zones import ASPECT, HEAD_CENTRE, HEAD_RADII, RIGHT_OUTLINE, ZONES, Point, mirror
from booklet.model import Illustration

# Shapes are built here from validated numbers; ReportLab's per-attribute checks cost a
# third of a booklet's render time, so they are switched off.
rl_config.shapeChecking = 0

AVOID = colors.HexColor("#D2452F")
GREY = colors.HexColor("#8A969C")
LEGEND_TEXT = "Avoid pressure"
DETAIL_MIN_PT = 120  # body width below which fine detail is left out


@dataclass(frozen=True)
class Frame:
    """Where the unit box of the diagram lands in the drawing, and the stroke weights."""

    x: float
    y: float
    w: float
    h: float

    def at(self, p: Point) -> tuple[float, float]:
        return (self.x + p[0] * self.w, self.y + p[1] * self.h)

    @property
    def weight(self) -> float:
        return (self.w / 200) ** 0.6

    @property
    def detailed(self) -> bool:
        return self.w >= DETAIL_MIN_PT


def fit_body(width: float, height: float) -> Frame:
    """Letterbox the diagram's aspect ratio into a box."""
    w = min(width, height * ASPECT)
    h = w / ASPECT
    return Frame((width - w) / 2, height - h, w, h)


def draw_diagram(
    illustration: Illustration | None,
    width_pt: float,
    height_pt: float,
    *,
    accent: str = "#2E6F73",
    avoid: Iterable[str] = (),
    show_legend: bool = True,
    label_zones: Iterable[str] = (),
    font: str | None = None,
    legend_text: str = LEGEND_TEXT,
) -> Drawing:
    """The body, the avoid-zones shaded, and the stroke's motion on top.

    Drawings are pure functions of their arguments and never changed once made, so a
    warm process (watch, batch) reuses them instead of building them again.
    """
    return _diagram(
        illustration,
        round(width_pt, 3),
        round(height_pt, 3),
        accent,
        tuple(z for z in avoid if z in ZONES),
        show_legend,
        tuple(label_zones),
        font or default_font(),
        legend_text,
    )


@lru_cache(maxsize=128)
def _diagram(
    illustration: Illustration | None,
    width_pt: float,
    height_pt: float,
    accent: str,
    avoid: tuple[str, ...],
    show_legend: bool,
    label_zones: tuple[str, ...],
    font: str,
    legend_text: str,
) -> Drawing:
    legend_h = 0.0
    probe = fit_body(width_pt, height_pt)
    if avoid and show_legend and probe.detailed:
        legend_h = max(9.0, 11 * probe.weight)
    frame = fit_body(width_pt, height_pt - legend_h)
    frame = Frame(frame.x, legend_h, frame.w, frame.h)
    tone = colors.HexColor(accent)
    # No empty band when the box is taller than the body; the initial font keeps Helvetica out of the PDF.
    drawing = Drawing(width_pt, frame.h + legend_h, initialFontName=font)
    drawing.add(body(frame, tone))
    for zone in avoid:
        drawing.add(shade(frame, zone))
    drawing.add(landmarks(frame))
    if illustration is not None:
        drawing.add(motion(frame, traces_for(illustration), tone, font))
    for zone in label_zones:
        drawing.add(zone_label(frame, zone, font))
    if legend_h:
        drawing.add(legend(width_pt, legend_h, frame.weight, font, legend_text))
    return drawing


def draw_avoid_map(
    avoid: Iterable[str],
    width_pt: float,
    height_pt: float,
    *,
    accent: str = "#2E6F73",
    font: str | None = None,
    legend_text: str = LEGEND_TEXT,
) -> Drawing:
    """The full 'where not to press' map: every avoid-zone shaded and labelled at the side."""
    zones = tuple(z for z in avoid if z in ZONES)
    return _avoid_map(zones, round(width_pt, 3), round(height_pt, 3), accent, font or default_font(), legend_text)


@lru_cache(maxsize=32)
def _avoid_map(
    zones: tuple[str, ...], width_pt: float, height_pt: float, accent: str, font: str, legend_text: str
) -> Drawing:
    legend_h = max(9.0, 11 * fit_body(width_pt, height_pt).weight)
    label_room = width_pt * 0.26
    frame = fit_body(width_pt - 2 * label_room, height_pt - legend_h)
    frame = Frame(frame.x + label_room, legend_h, frame.w, frame.h)
    drawing = Drawing(width_pt, frame.h + legend_h, initialFontName=font)
    drawing.add(body(frame, colors.HexColor(accent)))
    for zone in zones:
        drawing.add(shade(frame, zone))
    drawing.add(landmarks(frame))
    size = max(6.5, min(9.0, 9 * frame.weight))
    for zone, right, label_y in label_places(frame, zones, size):
        drawing.add(callout(frame, zone, right, label_y, size, font))
    drawing.add(legend(width_pt, legend_h, frame.weight, font, legend_text))
    return drawing


def default_font() -> str:
    from booklet.render.fonts import register_family

    return register_family("NotoSans").regular


def smooth(points: list[tuple[float, float]], closed: bool = False) -> list[tuple[str, tuple[float, ...]]]:
    """Catmull-Rom through the points, as Bezier segments: [(op, coords), ...]."""
    pts = points + points[:3] if closed else [points[0], *points, points[-1]]
    ops: list[tuple[str, tuple[float, ...]]] = [("move", pts[1])]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        ops.append(("curve", (*c1, *c2, *p2)))
    return ops


def path_of(points: list[tuple[float, float]], closed: bool = False, **style) -> Path:
    path = Path(**style)
    for op, coords in smooth(points, closed):
        if op == "move":
            path.moveTo(*coords)
        else:
            path.curveTo(*coords)
    if closed:
        path.closePath()
    return path


def body(frame: Frame, tone: colors.Color) -> Group:
    """Torso, neck and head: a soft tint with an accent outline."""
    fill = _tint(tone, 0.9)
    line = 1.1 * frame.weight
    right = [frame.at(p) for p in RIGHT_OUTLINE]
    left = [frame.at(p) for p in mirror(RIGHT_OUTLINE)]
    outline = left + right
    group = Group()
    hx, hy = frame.at(HEAD_CENTRE)
    neck = [frame.at(p) for p in ((0.455, 0.86), (0.455, 0.80), (0.545, 0.80), (0.545, 0.86))]
    group.add(Polygon(_flat(neck), fillColor=fill, strokeColor=None))
    group.add(path_of(outline, closed=True, fillColor=fill, strokeColor=tone, strokeWidth=line, strokeLineJoin=1))
    group.add(Line(*neck[0], *neck[1], strokeColor=tone, strokeWidth=line))
    group.add(Line(*neck[2], *neck[3], strokeColor=tone, strokeWidth=line))
    group.add(
        Ellipse(
            hx, hy, HEAD_RADII[0] * frame.w, HEAD_RADII[1] * frame.h, fillColor=fill, strokeColor=tone, strokeWidth=line
        )
    )
    return group


def landmarks(frame: Frame) -> Group:
    """Spine, shoulder blades and rib hints in grey; only the spine when drawn small."""
    group = Group()
    w = 0.8 * frame.weight
    top, bottom = frame.at((0.5, 0.795)), frame.at((0.5, 0.13))
    group.add(Line(*top, *bottom, strokeColor=GREY, strokeWidth=w, strokeDashArray=[2 * w, 1.6 * w]))
    if not frame.detailed:
        return group
    # Vertebrae: one line dashed into round dots (zero-length dashes with round caps).
    low, high = frame.at((0.5, 0.16)), frame.at((0.5, 0.16 + 17 * 0.037))
    gap = 0.037 * frame.h
    group.add(
        Line(
            *low,
            *high,
            strokeColor=GREY,
            strokeWidth=2.2 * frame.weight,
            strokeLineCap=1,
            strokeDashArray=[0.01, gap - 0.01],
        )
    )
    for polygon in ZONES["shoulder-blades"].polygons:
        group.add(
            path_of([frame.at(p) for p in polygon], closed=True, fillColor=None, strokeColor=GREY, strokeWidth=w * 0.8)
        )
    for sign in (1, -1):
        for k in range(3):
            y = 0.54 - k * 0.05
            pts = [frame.at((0.5 + sign * (0.06 + t * 0.05), y - 0.018 * t * t)) for t in range(5)]
            group.add(path_of(pts, strokeColor=GREY, strokeWidth=w * 0.7, fillColor=None))
    return group


def shade(frame: Frame, zone: str) -> Group:
    group = Group()
    w = 0.7 * frame.weight
    for polygon in ZONES[zone].polygons:
        pts = [frame.at(p) for p in polygon]
        group.add(
            path_of(
                pts,
                closed=True,
                fillColor=AVOID,
                fillOpacity=0.18,
                strokeColor=AVOID,
                strokeWidth=w,
                strokeDashArray=[2 * w, 1.5 * w],
                strokeLineJoin=1,
            )
        )
    return group


def motion(frame: Frame, traces: list[Trace], tone: colors.Color, font: str) -> Group:
    """Arrows for each pass (later passes lighter), hand markers where the hands start."""
    group = Group()
    last = max((t.order for t in traces), default=1)
    weight = 1.7 * frame.weight
    for trace in traces:
        fade = 1.0 - 0.5 * (trace.order - 1) / max(1, last - 1) if last > 1 else 1.0
        colour = _tint(tone, 1 - fade)
        pts = [frame.at(p) for p in trace.points]
        if len(pts) == 1:
            group.add(
                Circle(
                    *pts[0],
                    4 * frame.weight,
                    fillColor=colour,
                    fillOpacity=0.3,
                    strokeColor=colour,
                    strokeWidth=weight * 0.6,
                )
            )
        else:
            group.add(path_of(pts, strokeColor=colour, strokeWidth=weight, fillColor=None, strokeLineCap=1))
            if trace.arrow:
                group.add(arrowhead(pts, 5.5 * frame.weight, colour))
        if trace.hand:
            group.add(hand_marker(trace.hand, pts[0], frame.weight, colour))
    if frame.detailed and 1 < last <= 4:
        group.add(order_badges(frame, traces, tone, font))
    return group


def arrowhead(pts: list[tuple[float, float]], size: float, colour: colors.Color) -> Polygon:
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    tip = (x1 + math.cos(angle) * size * 0.3, y1 + math.sin(angle) * size * 0.3)
    left = (tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    right = (tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    return Polygon(_flat([tip, left, right]), fillColor=colour, strokeColor=None)


# Oval markers: (half width, half height) in line weights, and fill opacity.
OVALS = {"thumbs": (2.2, 3.2, 0.5), "forearms": (9.0, 3.2, 0.3), "palms": (5.2, 6.4, 0.28)}


def hand_marker(hand: str, at: tuple[float, float], weight: float, colour: colors.Color) -> Group:
    """Fingertips: three dots; palms, thumbs and forearms: an oval of their size."""
    x, y = at
    g = Group()
    if hand == "fingertips":
        for dx in (-3.2, 0, 3.2):
            lift = 1.2 if dx == 0 else 0
            g.add(Circle(x + dx * weight, y + lift * weight, 1.4 * weight, fillColor=colour, strokeColor=None))
        return g
    rx, ry, opacity = OVALS.get(hand, OVALS["palms"])
    g.add(
        Ellipse(
            x,
            y,
            rx * weight,
            ry * weight,
            fillColor=colour,
            fillOpacity=opacity,
            strokeColor=colour,
            strokeWidth=0.6 * weight,
        )
    )
    return g


def order_badges(frame: Frame, traces: list[Trace], tone: colors.Color, font: str) -> Group:
    """A small numbered disc at the start of the first trace of each pass."""
    g = Group()
    seen: set[tuple[int, str]] = set()
    r = 4.2 * frame.weight
    for trace in traces:
        key = (trace.order, trace.side)
        if key in seen or len(trace.points) < 2:
            continue
        seen.add(key)
        x, y = frame.at(trace.points[0])
        dx = (r + 4 * frame.weight) * (1 if trace.side == "right" else -1)
        g.add(Circle(x + dx, y - r * 0.6, r, fillColor=colors.white, strokeColor=tone, strokeWidth=0.7 * frame.weight))
        g.add(
            String(
                x + dx,
                y - r * 0.6 - r * 0.45,
                str(trace.order),
                fontName=font,
                fontSize=r * 1.25,
                fillColor=tone,
                textAnchor="middle",
            )
        )
    return g


def zone_label(frame: Frame, zone: str, font: str) -> String:
    found = ZONES[zone]
    x, y = frame.at(found.anchor)
    return String(
        x, y, found.label, fontName=font, fontSize=max(5.0, 7 * frame.weight), fillColor=GREY, textAnchor="middle"
    )


def label_places(frame: Frame, zones: tuple[str, ...], size: float) -> list[tuple[str, bool, float]]:
    """Alternate labels right and left, top to bottom, pushed apart so none overlap."""
    ordered = sorted(zones, key=lambda z: -ZONES[z].anchor[1])
    places = []
    for side in (True, False):
        mine = ordered[0::2] if side else ordered[1::2]
        floor = frame.y + frame.h
        for zone in mine:
            y = min(frame.at(ZONES[zone].anchor)[1], floor - size * 1.6)
            places.append((zone, side, y))
            floor = y
    return places


def callout(frame: Frame, zone: str, right: bool, label_y: float, size: float, font: str) -> Group:
    """A label at the side of the map with a leader line to the zone."""
    found = ZONES[zone]
    ax, ay = frame.at(found.anchor if right else (1 - found.anchor[0], found.anchor[1]))
    tx = frame.x + frame.w + 6 if right else frame.x - 6
    elbow = frame.x + frame.w + 2 if right else frame.x - 2
    g = Group()
    g.add(Line(ax, ay, elbow, label_y, strokeColor=AVOID, strokeWidth=0.6 * frame.weight))
    g.add(Line(elbow, label_y, tx - (1 if right else -1), label_y, strokeColor=AVOID, strokeWidth=0.6 * frame.weight))
    g.add(Circle(ax, ay, 1.5 * frame.weight, fillColor=AVOID, strokeColor=None))
    g.add(
        String(
            tx,
            label_y - size * 0.35,
            found.label,
            fontName=font,
            fontSize=size,
            fillColor=AVOID,
            textAnchor="start" if right else "end",
        )
    )
    return g


def legend(width: float, height: float, weight: float, font: str, text: str) -> Group:
    size = max(5.5, min(8.0, 7 * weight))
    g = Group()
    box = size * 1.1
    from reportlab.pdfbase.pdfmetrics import stringWidth

    x = width / 2 - (box + 3 + stringWidth(text, font, size)) / 2
    y = (height - box) / 2
    g.add(
        Polygon(
            _flat([(x, y), (x + box, y), (x + box, y + box), (x, y + box)]),
            fillColor=AVOID,
            fillOpacity=0.26,
            strokeColor=AVOID,
            strokeWidth=0.6,
        )
    )
    g.add(String(x + box + 3, y + box * 0.18, text, fontName=font, fontSize=size, fillColor=AVOID))
    return g


def _flat(points: list[tuple[float, float]]) -> list[float]:
    return [c for p in points for c in p]


def _tint(colour: colors.Color, amount: float) -> colors.Color:
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))
