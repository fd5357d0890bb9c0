"""Figure + frame + colours -> ReportLab groups for the body: outline, landmarks, zone shading.

The outline and zones come from the figure's data; this module only decides how they
look. Landmarks are drawn in quiet greys and only when the figure is large enough
for them to read. Zones are shaded by level: "No pressure" red and hatched, "Light
touch only" amber, and the area a stroke works a light tint of the accent.

The body, its landmarks and a zone's shading depend only on the figure, the frame (and
the accent, the zone and its level), and every stroke's diagram of one size draws the
same ones: each is made once and the group shared by the drawings that show it (a
cold booklet made them for every diagram, 2.6% of its build). Shapes are read, never
changed, once made, so a shared group paints as one made for its drawing alone.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Ellipse, Group, Line, Path
from reportlab.lib import colors

from booklet.illustrate.figure import Figure, edge_crossings
from booklet.illustrate.pen import GREY, LIGHT_TOUCH, NO_PRESSURE_RED, Frame, chain, curves, tint
from booklet.illustrate.zones import LIGHT, NO_PRESSURE, mirror

SHARED = 64  # groups kept for sharing: a booklet draws its figure at a few sizes, a handful of zones each


@lru_cache(maxsize=SHARED, typed=True)
def body(figure: Figure, frame: Frame, tone: colors.Color) -> Group:
    """Figure + frame + accent -> torso and head: a soft tint of the accent with an accent outline."""
    fill = tint(tone, 0.9)
    line = 1.1 * frame.weight
    group = Group()
    runs = [frame.each(run) for run in figure.outline_runs()]
    group.add(chain(runs, fillColor=fill, strokeColor=tone, strokeWidth=line, strokeLineJoin=1))
    for (ex, ey), (erx, ery) in figure.paired_ovals:
        for x in (ex, 1 - ex):
            group.add(
                Ellipse(
                    *frame.at((x, ey)),
                    erx * frame.w,
                    ery * frame.h,
                    fillColor=fill,
                    strokeColor=tone,
                    strokeWidth=line * 0.8,
                )
            )
    for centre, (rx, ry) in figure.ovals:
        group.add(
            Ellipse(*frame.at(centre), rx * frame.w, ry * frame.h, fillColor=fill, strokeColor=tone, strokeWidth=line)
        )
    return group


@lru_cache(maxsize=SHARED, typed=True)
def landmarks(figure: Figure, frame: Frame) -> Group:
    """Figure + frame -> spine, shoulder blades, rib and hip hints in grey; only the spine when drawn small."""
    group = Group()
    w = 0.75 * frame.weight
    if figure.vertebrae:
        low, high, count = figure.vertebrae
        bottom, top = frame.at((figure.spine_x, low)), frame.at((figure.spine_x, high))
        if not frame.detailed:
            group.add(Line(*bottom, *top, strokeColor=GREY, strokeWidth=w, strokeDashArray=[2 * w, 1.6 * w]))
            return group
        # Vertebrae: a dashed line whose dashes have round caps, one dot per bone.
        gap = (top[1] - bottom[1]) / (count - 1)
        dot = 2.4 * frame.weight
        group.add(
            Line(
                *bottom,
                *top,
                strokeColor=tint(GREY, 0.3),
                strokeWidth=dot,
                strokeLineCap=1,
                strokeDashArray=[0.01, gap - 0.01],
            )
        )
    if not frame.detailed:
        return group
    style = {"fillColor": None, "strokeColor": tint(GREY, 0.3), "strokeWidth": w * 0.75}
    closed = [frame.each(side) for shape in figure.closed_landmarks for side in (shape, mirror(shape))]
    if closed:
        group.add(curves(closed, closed=True, **style))
    arcs = [frame.each(side) for arc in figure.landmarks for side in (arc, mirror(arc))]
    if arcs:
        group.add(curves(arcs, **style))
    return group


@lru_cache(maxsize=SHARED, typed=True)
def shade(figure: Figure, frame: Frame, zone: str, level: str) -> Group:
    """A zone and its level -> its parts filled: red and hatched (no pressure), amber (light), or a tint (worked)."""
    w = 0.7 * frame.weight
    parts = [frame.each(polygon) for polygon in figure.zones[zone].polygons]
    group = Group()
    if level == NO_PRESSURE:
        group.add(curves(parts, closed=True, fillColor=NO_PRESSURE_RED, fillOpacity=0.16, strokeColor=None))
        group.add(hatch(parts, 2.6 * frame.weight, NO_PRESSURE_RED, 0.55 * frame.weight))
        group.add(
            curves(parts, closed=True, fillColor=None, strokeColor=NO_PRESSURE_RED, strokeWidth=w, strokeLineJoin=1)
        )
    elif level == LIGHT:
        group.add(
            curves(
                parts,
                closed=True,
                fillColor=LIGHT_TOUCH,
                fillOpacity=0.3,
                strokeColor=LIGHT_TOUCH,
                strokeWidth=w,
                strokeDashArray=[2.2 * w, 1.6 * w],
                strokeLineJoin=1,
            )
        )
    return group


def worked(figure: Figure, frame: Frame, zones: tuple[str, ...], tone: colors.Color) -> Group:
    """The zones a stroke works -> one light tint of the accent over all of them, drawn under everything else."""
    parts = [frame.each(polygon) for zone in zones for polygon in figure.zones[zone].polygons]
    group = Group()
    if parts:
        group.add(curves(parts, closed=True, fillColor=tint(tone, 0.62), fillOpacity=0.35, strokeColor=None))
    return group


def hatch(parts: list[list[tuple[float, float]]], gap: float, colour: colors.Color, width: float) -> Path:
    """Polygons on the page -> diagonal hatching clipped to them (lines rising to the right, ``gap`` apart).

    Clipping is computed, not left to the renderer: each 45-degree line is cut where it
    crosses the polygon's edges (as a polygon, its smooth edge is close enough).
    """
    path = Path(strokeColor=colour, strokeWidth=width, fillColor=None, strokeLineCap=0)
    for polygon in parts:
        # Shear so the hatch lines become horizontal: u = y - x is constant along each line.
        sheared = tuple((x, y - x) for x, y in polygon)
        edges = tuple(zip(sheared, sheared[1:] + sheared[:1], strict=True))  # crossings(sheared, u)'s, made once
        us = [u for _, u in sheared]
        u, top = min(us) + gap / 2, max(us)
        while u < top:
            xs = sorted(edge_crossings(edges, u))
            for a, b in zip(xs[0::2], xs[1::2], strict=False):
                path.moveTo(round(a, 2), round(a + u, 2))
                path.lineTo(round(b, 2), round(b + u, 2))
            u += gap
    return path
