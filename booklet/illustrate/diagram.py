"""Illustration + size -> ReportLab Drawing: the body diagram with motions and avoid-zones.

One drawing at any size: line weights and arrowheads grow sub-linearly with the
figure, and fine detail (vertebrae, rib hints, numbers, labels, legend) drops out
when the body is drawn small, so a card thumbnail stays crisp rather than a smudge.
Drawings are pure functions of their arguments: the same input gives the same shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from booklet.illustrate.body import body, landmarks, shade
from booklet.illustrate.marks import motion
from booklet.illustrate.motions import traces_for
from booklet.illustrate.pen import AVOID, GREY, Frame, fit_body, flat
from booklet.illustrate.zones import ZONES
from booklet.model import Illustration

LEGEND_TEXT = "Avoid pressure"


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
    zone_names: Mapping[str, str] | None = None,
) -> Drawing:
    """An illustration and a box -> the body, avoid-zones shaded, the motion on top.

    ``illustration=None`` draws the bare body. The drawing is as wide as the box and
    no taller than the body needs; unknown zone names are ignored. Drawings are never
    changed once made, so a warm process (watch, batch) reuses them.
    """
    return _diagram(
        illustration,
        round(width_pt, 3),
        round(height_pt, 3),
        accent,
        tuple(sorted({z for z in avoid if z in ZONES})),
        show_legend,
        tuple(z for z in label_zones if z in ZONES),
        font or default_font(),
        legend_text,
        _names(zone_names),
    )


def _names(zone_names: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """Printed zone names (the booklet's language) as a hashable table; the built-in names by default."""
    names = dict(zone_names or {})
    return tuple((z, names.get(z, found.label)) for z, found in ZONES.items())


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
    names: tuple[tuple[str, str], ...] = (),
) -> Drawing:
    legend_h = 0.0
    if avoid and show_legend and fit_body(width_pt, height_pt).detailed:
        legend_h = legend_height(fit_body(width_pt, height_pt))
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
    if frame.detailed:
        for zone in label_zones:
            drawing.add(zone_label(frame, zone, font, dict(names).get(zone, ZONES[zone].label)))
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
    zone_names: Mapping[str, str] | None = None,
) -> Drawing:
    """Zone names and a box -> the full "where not to press" map: each zone shaded and labelled."""
    zones = tuple(sorted({z for z in avoid if z in ZONES}))
    return _avoid_map(
        zones, round(width_pt, 3), round(height_pt, 3), accent, font or default_font(), legend_text, _names(zone_names)
    )


@lru_cache(maxsize=32)
def _avoid_map(
    zones: tuple[str, ...],
    width_pt: float,
    height_pt: float,
    accent: str,
    font: str,
    legend_text: str,
    names: tuple[tuple[str, str], ...] = (),
) -> Drawing:
    size = label_size(width_pt)
    printed = {z: found.label for z, found in ZONES.items()} | dict(names)
    label_room = max((stringWidth(printed[z], font, size) for z in zones), default=0) + size * 1.6
    label_room = min(label_room, width_pt * 0.3)
    legend_h = legend_height(fit_body(width_pt - 2 * label_room, height_pt))
    frame = fit_body(width_pt - 2 * label_room, height_pt - legend_h)
    frame = Frame(frame.x + label_room, legend_h, frame.w, frame.h)
    drawing = Drawing(width_pt, frame.h + legend_h, initialFontName=font)
    drawing.add(body(frame, colors.HexColor(accent)))
    for zone in zones:
        drawing.add(shade(frame, zone))
    drawing.add(landmarks(frame))
    for zone, right, label_y in label_places(frame, zones, size):
        drawing.add(callout(frame, zone, right, label_y, size, font, printed[zone]))
    drawing.add(legend(width_pt, legend_h, frame.weight, font, legend_text))
    return drawing


def default_font() -> str:
    """() -> the booklet's embedded sans, registered on first use (no Helvetica in drawings)."""
    from booklet.render.fonts import register_family

    return register_family("NotoSans").regular


def label_size(width_pt: float) -> float:
    """Map width -> label type size: legible on a card, never shouting on a page."""
    return max(6.5, min(9.0, width_pt / 32))


def legend_height(frame: Frame) -> float:
    """Body frame -> height of the band the legend sits in."""
    return max(10.0, 12 * frame.weight)


def zone_label(frame: Frame, zone: str, font: str, name: str) -> String:
    """Zone and its printed name -> the name, small and grey, at its anchor."""
    found = ZONES[zone]
    x, y = frame.at(found.anchor)
    size = max(5.5, 7 * frame.weight)
    return String(x, y - size * 0.35, name, fontName=font, fontSize=size, fillColor=GREY, textAnchor="middle")


def label_places(frame: Frame, zones: tuple[str, ...], size: float) -> list[tuple[str, bool, float]]:
    """Zones -> (zone, on the right?, label y): alternating sides top to bottom, never overlapping."""
    ordered = sorted(zones, key=lambda z: (-ZONES[z].anchor[1], z))
    places = []
    for right in (True, False):
        floor = frame.y + frame.h
        for zone in ordered[0::2] if right else ordered[1::2]:
            y = max(frame.y + size, min(frame.at(ZONES[zone].anchor)[1], floor - size * 1.6))
            places.append((zone, right, y))
            floor = y
    return places


def callout(frame: Frame, zone: str, right: bool, label_y: float, size: float, font: str, name: str) -> Group:
    """Zone + label height -> a label beside the body with a leader line to the zone (right or left part)."""
    found = ZONES[zone]
    ax, ay = frame.at(found.anchor if right else (1 - found.anchor[0], found.anchor[1]))
    edge = frame.x + frame.w if right else frame.x
    step = 1 if right else -1
    w = 0.6 * frame.weight
    g = Group()
    g.add(Line(ax, ay, edge + 2 * step, label_y, strokeColor=AVOID, strokeWidth=w))
    g.add(Line(edge + 2 * step, label_y, edge + 5 * step, label_y, strokeColor=AVOID, strokeWidth=w))
    g.add(Circle(ax, ay, 1.6 * frame.weight, fillColor=AVOID, strokeColor=None))
    anchor = "start" if right else "end"
    g.add(
        String(
            edge + 6 * step,
            label_y - size * 0.35,
            name,
            fontName=font,
            fontSize=size,
            fillColor=AVOID,
            textAnchor=anchor,
        )
    )
    return g


def legend(width: float, height: float, weight: float, font: str, text: str) -> Group:
    """Band size + text -> a tinted swatch and "Avoid pressure", centred in the band."""
    size = max(6.0, min(8.0, 7 * weight))
    total = size * 1.45 + stringWidth(text, font, size)
    fit = min(1.0, width / total)  # a long translation shrinks rather than spills
    size, total = size * fit, total * fit
    box = size * 1.05
    x = (width - total) / 2
    y = (height - box) / 2
    g = Group()
    swatch = [(x, y), (x + box, y), (x + box, y + box), (x, y + box)]
    g.add(Polygon(flat(swatch), fillColor=AVOID, fillOpacity=0.22, strokeColor=AVOID, strokeWidth=0.6 * weight))
    g.add(String(x + box + size * 0.4, y + box * 0.2, text, fontName=font, fontSize=size, fillColor=AVOID))
    return g
