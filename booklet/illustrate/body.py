"""Frame + colours -> ReportLab groups for the body: outline, landmarks, avoid shading.

The outline and zones come from zones.py; this module only decides how they look.
Landmarks (vertebrae, shoulder blades, ribs, hip bones) are drawn in quiet greys and
only when the figure is large enough for them to read.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Ellipse, Group, Line, Path
from reportlab.lib import colors

from booklet.illustrate.pen import AVOID, GREY, Frame, chain, curves, tint
from booklet.illustrate.zones import EAR, HEAD_CENTRE, HEAD_RADII, SHOULDER_BLADE, ZONES, mirror, outline_runs

# Rib hints: arcs from beside the spine out and down over the lower ribcage (right side).
RIB_ARCS = tuple(
    ((0.535, y), (0.585, y + 0.002), (0.645, y - 0.014), (0.70, y - 0.045), (0.735, y - 0.078))
    for y in (0.560, 0.515, 0.470)
)
# Top of the hip bone (iliac crest), right side.
HIP_CREST = ((0.58, 0.205), (0.64, 0.224), (0.705, 0.220), (0.75, 0.200))
# Spine of the shoulder blade: from its inner edge out to the top of the shoulder.
BLADE_RIDGE = ((0.605, 0.672), (0.68, 0.690), (0.775, 0.712))
VERTEBRAE = (0.175, 0.800, 18)  # lowest, highest, count


def body(frame: Frame, tone: colors.Color) -> Group:
    """Frame + accent -> torso, ears and head: a soft tint of the accent with an accent outline."""
    fill = tint(tone, 0.9)
    line = 1.1 * frame.weight
    group = Group()
    runs = [frame.each(run) for run in outline_runs()]
    group.add(chain(runs, fillColor=fill, strokeColor=tone, strokeWidth=line, strokeLineJoin=1))
    (ex, ey), (erx, ery) = EAR
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
    hx, hy = frame.at(HEAD_CENTRE)
    rx, ry = HEAD_RADII[0] * frame.w, HEAD_RADII[1] * frame.h
    group.add(Ellipse(hx, hy, rx, ry, fillColor=fill, strokeColor=tone, strokeWidth=line))
    return group


def landmarks(frame: Frame) -> Group:
    """Frame -> spine, shoulder blades, rib and hip hints in grey; only the spine when drawn small."""
    group = Group()
    w = 0.75 * frame.weight
    low, high, count = VERTEBRAE
    bottom, top = frame.at((0.5, low)), frame.at((0.5, high))
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
    style = {"fillColor": None, "strokeColor": tint(GREY, 0.3), "strokeWidth": w * 0.75}
    blades = [frame.each(shape) for shape in (SHOULDER_BLADE, mirror(SHOULDER_BLADE))]
    group.add(curves(blades, closed=True, **style))
    arcs = [frame.each(side) for arc in (*RIB_ARCS, BLADE_RIDGE, HIP_CREST) for side in (arc, mirror(arc))]
    group.add(curves(arcs, **style))
    return group


def shade(frame: Frame, zone: str) -> Path:
    """A zone -> its parts filled in the warm "avoid" colour, with a dashed edge."""
    w = 0.7 * frame.weight
    return curves(
        [frame.each(polygon) for polygon in ZONES[zone].polygons],
        closed=True,
        fillColor=AVOID,
        fillOpacity=0.2,
        strokeColor=AVOID,
        strokeWidth=w,
        strokeDashArray=[2.2 * w, 1.6 * w],
        strokeLineJoin=1,
    )
