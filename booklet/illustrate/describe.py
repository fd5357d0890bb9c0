"""Illustration + the booklet's words -> the diagram's text alternative, from the same data it is drawn from.

Figure, pattern, direction, side, hands and zones are read from the illustration and
the motion traces (the start zone is the zone the drawn path starts in), and put into
the booklet's label templates (``alt_*`` keys), so the description is in the booklet's
language. An author image's description is its ``alt`` field. Nothing here is printed:
the accessibility step puts it into the PDF's structure. No third-party imports.
"""

from __future__ import annotations

from collections.abc import Callable

from booklet.illustrate.figures import figure as figure_named
from booklet.illustrate.motions import ACROSS, traces_for
from booklet.illustrate.zones import LIGHT, NO_PRESSURE
from booklet.model import Booklet, Illustration, Stroke

Label = Callable[..., str]


def describe(
    ill: Illustration | None,
    label: Label,
    zone_name: Callable[[str], str],
    hand_name: Callable[[str], str],
    zones: tuple[str, ...] = (),
    with_zones: bool = True,
) -> str:
    """An illustration + label, zone and hand wording -> one sentence describing its diagram ("" for none).

    ``zones`` are the zones the stroke's cautions name; the figure's own no-pressure and
    light-touch zones are described too, as they are always drawn (``with_zones=False``:
    a picture drawn without zones, the cover's).
    """
    if ill is None:
        return ""
    if ill.image:
        return ill.alt
    f = figure_named(ill.figure)
    if not f.drawn:
        return ""
    parts = [_motion(ill, label, zone_name, hand_name)]
    none = [z for z in f.zones if f.zones[z].level == NO_PRESSURE]
    light = [z for z in f.zones if f.zones[z].level == LIGHT or (z in zones and not f.zones[z].level)]
    if not with_zones:
        none, light = [], []
    if none:
        key = "alt_no_pressure" if len(none) == 1 else "alt_no_pressure_many"
        parts.append(label(key, zones=join_names([zone_name(z) for z in none], label)))
    if light:
        parts.append(label("alt_light", zones=join_names([zone_name(z) for z in light], label)))
    text = ""
    for part in (p for p in parts if p):  # "a; b; c" with the language's own semicolon
        text = label("alt_also", first=text, then=part) if text else part
    return label("alt_sentence", figure=label("alt_figure_" + f.name.replace("-", "_")), text=text)


def _motion(ill: Illustration, label: Label, zone_name: Callable[[str], str], hand_name: Callable[[str], str]) -> str:
    """The motion part of the sentence: who does what, which way, on which side, from where, and back how."""
    traces = traces_for(ill)
    if not traces:
        return ""
    f = figure_named(ill.figure)
    side = ill.side or "both"
    key = "alt_both" if side == "both" else "alt_one"
    # "both palms" names what touches; with no hand given, the hands themselves ("both hands")
    hands = label(key, hands=hand_name(ill.hand)) if ill.hand else label(key + "_hands")
    if ill.paths:
        return label("alt_paths", hands=hands)
    direction = ill.direction or "up"
    start = ill.start or next(iter(f.zones_at(traces[0].points[0])), "")
    values = {
        "hands": hands,
        "way": label("alt_way_" + direction),
        "side": label("alt_side_" + side.replace("-", "_")),
        "start": zone_name(start) if start else "",
        "turn": label("alt_turn_down" if direction == "down" else "alt_turn_up"),
        "back": label("alt_back_down" if direction == "down" else "alt_back_up"),
    }
    pattern = ill.pattern or "glide"
    key = f"alt_{pattern}_across" if direction in ACROSS and pattern in ("fan", "circles") else f"alt_{pattern}"
    return label(key, **values)


def join_names(names: list[str], label: Label) -> str:
    """Names -> "a", "a and b", "a, b and c", with the booklet's word for "and"."""
    if len(names) < 2:
        return "".join(names)
    return label("alt_and", first=", ".join(names[:-1]), last=names[-1])


def stroke_alt(stroke: Stroke, booklet: Booklet) -> str:
    """A stroke + its booklet -> the text alternative of the stroke's picture, in the booklet's language."""
    zones = tuple(sorted({c.zone for c in stroke.cautions if c.zone}))
    ill = stroke.illustration
    if ill is None and (stroke.areas or zones):
        ill = Illustration()  # the bare figure with its zones
    return describe(ill, booklet.label, booklet.zone_name, booklet.hand_name, zones)


def alt_texts(booklet: Booklet) -> dict[str, str]:
    """A booklet -> {stroke id: text alternative of its picture} for every stroke that has a picture,
    and "cover" for the cover's picture when it has one."""
    out = {s.id: text for s in booklet.strokes if (text := stroke_alt(s, booklet))}
    if booklet.theme.cover_image:
        out["cover"] = booklet.theme.cover_alt
    elif booklet.strokes:
        first = booklet.strokes[0]
        ill = first.illustration
        cover = describe(ill, booklet.label, booklet.zone_name, booklet.hand_name, with_zones=False) if ill else ""
        if cover:
            out["cover"] = cover
    return out
