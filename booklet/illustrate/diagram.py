"""Illustration + size -> ReportLab Drawing: the figure with its zones, the motion and a key.

One drawing at any size: line weights and arrowheads grow sub-linearly with the
figure, and fine detail (landmarks, badges, zone labels) drops out when the figure
is drawn small, so a card thumbnail stays crisp rather than a smudge. Every diagram
carries the two-level zone key ("No pressure", "Light touch only") when it shows
those zones and room allows. Drawings are pure functions of their arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from booklet.illustrate.body import body, hatch, landmarks, shade, worked
from booklet.illustrate.figure import Figure
from booklet.illustrate.figures import figure as figure_named
from booklet.illustrate.marks import hand_glyph, motion
from booklet.illustrate.motions import MOMENTS, traces_for
from booklet.illustrate.origins import memoised
from booklet.illustrate.pen import GREY, LIGHT_TOUCH, NO_PRESSURE_RED, Frame, fit_body, flat, tint
from booklet.illustrate.zones import LIGHT, NO_PRESSURE
from booklet.model import LABELS, NOWHERE, Illustration

LEGEND_TEXT = LABELS["no_pressure"]
KEY_WORDS = ("no_pressure", "light_touch", "worked_area")
LARGE_PRINT_LABEL_PT = 12.0  # the least label size a large-print edition may use
MIN_LABEL_PT = 7.0  # the least label size any drawing uses: a key, a map label, a badge
Words = tuple[tuple[str, str], ...]
LIGHT_TEXT = colors.HexColor("#8A5A00")  # amber dark enough to read as text


def words_from(label: Callable[[str], str] | None) -> Words:
    """A booklet's label function (or None for English) -> the key's words, as a hashable tuple."""
    return tuple((k, label(k) if label else LABELS[k]) for k in KEY_WORDS)


def figure_of(illustration: Illustration | None) -> Figure:
    """An illustration -> the figure it is drawn on (``back`` unless it names another)."""
    return figure_named(getattr(illustration, "figure", None) if illustration is not None else None)


def zone_levels(f: Figure, avoid: Iterable[str], no_pressure: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """A figure + zones cautions name -> (zone, level) to shade: its own care zones, named ones as light,
    and ``no_pressure`` ones (a caution with ``level: no-pressure``, a roster's avoid zones) as no pressure."""
    named = {z for z in avoid if z in f.zones}
    levels = {z: f.zones[z].level for z in f.zones if f.zones[z].level}
    for zone in named:
        levels.setdefault(zone, f.zones[zone].level or LIGHT)
    for zone in no_pressure:
        if zone in f.zones:
            levels[zone] = NO_PRESSURE
    order = list(f.zones)
    return tuple(sorted(levels.items(), key=lambda kv: order.index(kv[0])))


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
    legend_text: str | None = None,
    worked_zones: Iterable[str] = (),
    hands: Iterable[str] = (),
    words: Words | None = None,
    label_size: float | None = None,
    safety: bool = True,
    zone_names: Mapping[str, str] | None = None,
    hand_names: Mapping[str, str] | None = None,
    no_pressure: Iterable[str] = (),
    key_beside: bool = False,
) -> Drawing:
    """An illustration and a box -> the figure, its zones shaded by level, the motion on top, a key below.

    ``avoid`` names zones the cautions name (shaded as light touch unless the figure
    says no pressure); ``worked_zones`` are tinted as the area worked; ``hands`` lists
    the hand parts the stroke uses (a key of them when there are several);
    ``label_size`` sets the key's and labels' type size (large print: 12 pt or more);
    ``safety=False`` leaves the zones out (a cover); ``zone_names`` gives the zones'
    printed names in the booklet's language, ``hand_names`` the hands'. ``key_beside`` sets the key as a
    column beside the figure when that draws the figure larger (a box wider than the figure needs, as
    large print's pages give). ``illustration=None`` draws the bare figure. Unknown zone names are
    ignored; ``legend_text`` is kept for older callers and ignored (the key's words come from ``words``).
    """
    del legend_text
    f = figure_of(illustration)
    return _diagram(
        _drawn_part(illustration),
        round(width_pt, 3),
        round(height_pt, 3),
        accent,
        zone_levels(f, avoid, no_pressure) if safety else (),
        tuple(z for z in worked_zones if z in f.zones and not f.zones[z].level),
        tuple((h, (hand_names or {}).get(h, h)) for h in dict.fromkeys(h for h in hands if h)),
        show_legend,
        tuple(z for z in label_zones if z in f.zones),
        font or default_font(),
        words or words_from(None),
        label_size,
        _names(f, zone_names),
        key_beside,
    )


def _drawn_part(illustration: Illustration | None) -> Illustration | None:
    """An illustration -> the same drawing data without where it was written, the drawing cache's key.

    Strokes drawn alike (a long booklet's repeated patterns) then share one drawing.
    """
    if illustration is None:
        return None
    return replace(illustration, ref=NOWHERE, field_refs=())


def _names(f: Figure, zone_names: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """Printed zone names (the booklet's language) as a hashable table; the figure's own names by default."""
    names = dict(zone_names or {})
    return tuple((z, names.get(z, found.label)) for z, found in f.zones.items())


@memoised(maxsize=128)
def _diagram(
    illustration: Illustration | None,
    width_pt: float,
    height_pt: float,
    accent: str,
    levels: tuple[tuple[str, str], ...],
    worked_zones: tuple[str, ...],
    hands: tuple[tuple[str, str], ...],
    show_legend: bool,
    label_zones: tuple[str, ...],
    font: str,
    words: Words,
    label_size: float | None,
    names: tuple[tuple[str, str], ...] = (),
    key_beside: bool = False,
) -> Drawing:
    f = figure_of(illustration)
    tone = colors.HexColor(accent)
    probe = fit_body(width_pt, height_pt, f.aspect)
    size = label_size or key_size(probe)
    entries = key_entries(levels, worked_zones, hands if len(hands) > 1 else (), dict(words)) if show_legend else []
    key_h = key_height(entries, width_pt, size, font) if entries and (probe.detailed or label_size) else 0.0
    frame = fit_body(width_pt, max(1.0, height_pt - key_h), f.aspect)
    frame = Frame(frame.x, key_h, frame.w, frame.h)
    column = key_column_place(entries, width_pt, height_pt, size, font, f.aspect) if key_beside and key_h else None
    if column is not None and column[0].w > frame.w:
        frame, key_x = column
        key_h = 0.0
    else:
        column = None
    # No empty band when the box is taller than the figure; the initial font keeps Helvetica out of the PDF.
    tall = len(entries) * size * COLUMN_ROW + size * 0.3 if column is not None else 0.0
    drawing = Drawing(width_pt, max(frame.h + key_h, tall), initialFontName=font)
    if f.drawn:
        drawing.add(body(f, frame, tone))
        drawing.add(worked(f, frame, worked_zones, tone))
        for zone, level in levels:
            drawing.add(shade(f, frame, zone, level))
        drawing.add(landmarks(f, frame))
    if illustration is not None:
        badges = dict(getattr(illustration, "badges", ()) or ())
        from booklet.illustrate.motions import guard

        keep_off = guard(f) * frame.w if f.no_pressure() else None
        drawing.add(motion(frame, traces_for(illustration), tone, font, badges, keep_off, label_size))
    if frame.detailed:
        for zone in label_zones:
            drawing.add(zone_label(f, frame, zone, font, size, dict(names).get(zone)))
    if key_h:
        drawing.add(key(entries, width_pt, key_h, size, font, frame.weight, tone, label_size or MIN_LABEL_PT))
    elif column is not None:
        drawing.add(key_column(entries, key_x, size, font, frame.weight, tone))
    return drawing


COLUMN_ROW = 1.55  # a key set as a column: row pitch in label sizes (a row of entries takes 1.7)


def key_column_place(
    entries: list[tuple[str, str]], width: float, height: float, size: float, font: str, aspect: float
) -> tuple[Frame, float] | None:
    """A box and the key's entries -> the figure's frame with the key as a column at its right, and
    where that column starts; None when the column leaves no room for a figure. The pair is centred."""
    key_w = max(_entry_width(text, size, font) for _, text in entries) - size * 1.4
    gap = size * 1.2
    if width - key_w - gap <= 0 or len(entries) * size * COLUMN_ROW + size * 0.3 > height:
        return None
    fig = fit_body(width - key_w - gap, height, aspect)
    left = (width - fig.w - gap - key_w) / 2
    return Frame(left, 0.0, fig.w, fig.h), left + fig.w + gap


def key_column(
    entries: list[tuple[str, str]], x: float, size: float, font: str, weight: float, tone: colors.Color
) -> Group:
    """Entries -> the key as a column from ``x``, one entry a row, the last row level with the figure's foot."""
    g = Group()
    row_h = size * COLUMN_ROW
    for r, (kind, text) in enumerate(reversed(entries)):
        y = size * 0.3 + row_h * r
        box = size * 1.05
        g.add(swatch(kind, x, y, box, weight, tone))
        colour = {NO_PRESSURE: NO_PRESSURE_RED, LIGHT: LIGHT_TEXT}.get(kind, tone)
        g.add(String(x + box + size * 0.4, y + box * 0.2, text, fontName=font, fontSize=size, fillColor=colour))
    return g


def draw_avoid_map(
    avoid: Iterable[str],
    width_pt: float,
    height_pt: float,
    *,
    accent: str = "#2E6F73",
    font: str | None = None,
    legend_text: str | None = None,
    figure: str | None = None,
    words: Words | None = None,
    label_size: float | None = None,
    zone_names: Mapping[str, str] | None = None,
    no_pressure: Iterable[str] = (),
) -> Drawing:
    """Zone names and a box -> the "where to take care" map: each zone shaded by its level and labelled.

    The figure is ``figure``, else the first that has all the zones; zones it lacks are left out.
    """
    del legend_text
    from booklet.illustrate.figures import figures_with

    named = {z for z in avoid}
    f = figure_named(
        figure or next(iter(figures_with(frozenset(named & set(figure_named(None).zones)) or frozenset(named))), None)
    )
    levels = zone_levels(f, named, no_pressure)
    return _avoid_map(
        f.name,
        levels,
        round(width_pt, 3),
        round(height_pt, 3),
        accent,
        font or default_font(),
        words or words_from(None),
        label_size,
        _names(f, zone_names),
    )


@memoised(maxsize=32)
def _avoid_map(
    figure: str,
    levels: tuple[tuple[str, str], ...],
    width_pt: float,
    height_pt: float,
    accent: str,
    font: str,
    words: Words,
    label_size: float | None,
    names: tuple[tuple[str, str], ...] = (),
) -> Drawing:
    f = figure_named(figure)
    printed = {z: found.label for z, found in f.zones.items()} | dict(names)
    zones = tuple(z for z, _ in levels)
    size = label_size or map_label_size(width_pt)
    label_room = max((stringWidth(printed[z], font, size) for z in zones), default=0) + size * 1.6
    label_room = min(label_room, width_pt * 0.3)
    entries = key_entries(levels, (), (), dict(words))
    key_h = key_height(entries, width_pt, size, font)
    frame = fit_body(width_pt - 2 * label_room, height_pt - key_h, f.aspect)
    frame = Frame(frame.x + label_room, key_h, frame.w, frame.h)
    drawing = Drawing(width_pt, frame.h + key_h, initialFontName=font)
    drawing.add(body(f, frame, colors.HexColor(accent)))
    for zone, level in levels:
        drawing.add(shade(f, frame, zone, level))
    drawing.add(landmarks(f, frame))
    level_of = dict(levels)
    for zone, right, label_y in label_places(f, frame, zones, size):
        drawing.add(callout(f, frame, zone, right, label_y, size, font, level_of[zone], printed[zone]))
    drawing.add(
        key(entries, width_pt, key_h, size, font, frame.weight, colors.HexColor(accent), label_size or MIN_LABEL_PT)
    )
    return drawing


def default_font() -> str:
    """() -> the booklet's embedded sans, registered on first use (no Helvetica in drawings)."""
    from booklet.fonts import register_family

    return register_family("NotoSans").regular


def map_label_size(width_pt: float) -> float:
    """Map width -> label type size: legible on a card, never shouting on a page."""
    return max(MIN_LABEL_PT, min(9.0, width_pt / 32))


label_size = map_label_size  # the older name


def key_size(frame: Frame) -> float:
    """Figure frame -> the key's type size when none is asked for."""
    return max(MIN_LABEL_PT, min(8.0, 7 * frame.weight))


def key_entries(
    levels: tuple[tuple[str, str], ...],
    worked_zones: tuple[str, ...],
    hands: tuple[tuple[str, str], ...],
    words: dict[str, str],
) -> list[tuple[str, str]]:
    """What the drawing shows -> the key's entries (kind, text): zone levels strictest first, area worked, hands."""
    shown = {level for _, level in levels}
    entries = [
        (kind, words[word]) for kind, word in ((NO_PRESSURE, "no_pressure"), (LIGHT, "light_touch")) if kind in shown
    ]
    if worked_zones:
        entries.append(("worked", words["worked_area"]))
    entries += [("hand:" + h, printed[:1].upper() + printed[1:]) for h, printed in hands]
    return entries


def _entry_width(text: str, size: float, font: str) -> float:
    return size * 1.45 + stringWidth(text, font, size) + size * 1.4


def key_rows(entries: list[tuple[str, str]], width: float, size: float, font: str) -> list[list[tuple[str, str]]]:
    """Entries + width -> rows of entries that fit side by side (a long entry gets a row of its own)."""
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for entry in entries:
        need = _entry_width(entry[1], size, font)
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append(entry)
        used += need
    return [row for row in rows if row]


def key_height(entries: list[tuple[str, str]], width: float, size: float, font: str) -> float:
    """Entries -> the height of the band the key needs below the figure."""
    if not entries:
        return 0.0
    return len(key_rows(entries, width, size, font)) * size * 1.7 + size * 0.5


def key(
    entries: list[tuple[str, str]],
    width: float,
    height: float,
    size: float,
    font: str,
    weight: float,
    tone: colors.Color,
    least: float = MIN_LABEL_PT,
) -> Group:
    """Entries -> the key: a swatch (hatched red, amber, tint, or a hand) and its words, rows centred in the band.

    A row too wide for the band shrinks, but never under ``least`` (the drawing's label size).
    """
    g = Group()
    rows = key_rows(entries, width, size, font)
    row_h = size * 1.7
    for r, row in enumerate(rows):
        total = sum(_entry_width(text, size, font) for _, text in row) - size * 1.4
        fit = min(1.0, width / total) if total else 1.0  # a long translation shrinks rather than spills
        s = max(size * fit, min(size, least))
        x = max(0.0, (width - total * s / size) / 2)
        y = height - size * 0.3 - row_h * (r + 1) + (row_h - s) / 2
        for kind, text in row:
            box = s * 1.05
            g.add(swatch(kind, x, y, box, weight, tone))
            colour = {NO_PRESSURE: NO_PRESSURE_RED, LIGHT: LIGHT_TEXT}.get(kind, tone)
            g.add(String(x + box + s * 0.4, y + box * 0.2, text, fontName=font, fontSize=s, fillColor=colour))
            x += _entry_width(text, s, font)
    return g


def swatch(kind: str, x: float, y: float, box: float, weight: float, tone: colors.Color) -> Group:
    """A key entry's kind -> its little picture: the zone's fill, or the hand's glyph."""
    g = Group()
    square = [(x, y), (x + box, y), (x + box, y + box), (x, y + box)]
    if kind == NO_PRESSURE:
        g.add(Polygon(flat(square), fillColor=NO_PRESSURE_RED, fillOpacity=0.16, strokeColor=None))
        g.add(hatch([square], box / 3.2, NO_PRESSURE_RED, 0.55 * weight))
        g.add(Polygon(flat(square), fillColor=None, strokeColor=NO_PRESSURE_RED, strokeWidth=0.7 * weight))
    elif kind == LIGHT:
        g.add(
            Polygon(
                flat(square),
                fillColor=LIGHT_TOUCH,
                fillOpacity=0.3,
                strokeColor=LIGHT_TOUCH,
                strokeWidth=0.7 * weight,
                strokeDashArray=[1.5 * weight, 1.1 * weight],
            )
        )
    elif kind == "worked":
        g.add(
            Rect(
                x,
                y,
                box,
                box,
                fillColor=tint(tone, 0.62),
                fillOpacity=0.35,
                strokeColor=tint(tone, 0.5),
                strokeWidth=0.4 * weight,
            )
        )
    elif kind.startswith("hand:"):
        unit = box / 10
        cx, cy = x + box / 2, y + box / 2

        def place(a: float, b: float) -> tuple[float, float]:
            return (cx - b * unit, cy + a * unit)

        g.add(hand_glyph(kind[5:], place, unit, tint(tone, 0.35), tone, 1.0))
    return g


def zone_label(f: Figure, frame: Frame, zone: str, font: str, size: float, name: str | None = None) -> String:
    """Zone (and its printed name) -> the name, small and grey, at its anchor."""
    found = f.zones[zone]
    x, y = frame.at(found.anchor)
    return String(
        x, y - size * 0.35, name or found.label, fontName=font, fontSize=size, fillColor=GREY, textAnchor="middle"
    )


def label_places(f: Figure, frame: Frame, zones: tuple[str, ...], size: float) -> list[tuple[str, bool, float]]:
    """Zones -> (zone, on the right?, label y): alternating sides top to bottom, never overlapping."""
    ordered = sorted(zones, key=lambda z: (-f.zones[z].anchor[1], z))
    places = []
    for right in (True, False):
        floor = frame.y + frame.h
        for zone in ordered[0::2] if right else ordered[1::2]:
            y = max(frame.y + size, min(frame.at(f.zones[zone].anchor)[1], floor - size * 1.6))
            places.append((zone, right, y))
            floor = y
    return places


def callout(
    f: Figure, frame: Frame, zone: str, right: bool, label_y: float, size: float, font: str, level: str, name: str = ""
) -> Group:
    """Zone + label height -> a label beside the body with a leader line to the zone (right or left part)."""
    found = f.zones[zone]
    ax, ay = frame.at(found.anchor if right else (1 - found.anchor[0], found.anchor[1]))
    edge = frame.x + frame.w if right else frame.x
    step = 1 if right else -1
    w = 0.6 * frame.weight
    colour = NO_PRESSURE_RED if level == NO_PRESSURE else LIGHT_TEXT
    g = Group()
    g.add(Line(ax, ay, edge + 2 * step, label_y, strokeColor=colour, strokeWidth=w))
    g.add(Line(edge + 2 * step, label_y, edge + 5 * step, label_y, strokeColor=colour, strokeWidth=w))
    g.add(Circle(ax, ay, 1.6 * frame.weight, fillColor=colour, strokeColor=None))
    anchor = "start" if right else "end"
    g.add(
        String(
            edge + 6 * step,
            label_y - size * 0.35,
            name or found.label,
            fontName=font,
            fontSize=size,
            fillColor=colour,
            textAnchor=anchor,
        )
    )
    return g


def badge_moments() -> tuple[str, ...]:
    """() -> the moments an illustration's ``badges`` may name."""
    return MOMENTS
