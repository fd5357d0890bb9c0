"""Cautions -> safety panels: one message per panel, styled by signal word (ANSI Z535.6).

A panel is the signal word on its colour band (with the safety alert symbol for
danger, warning and caution; notice has none), then the message on a light tint of
the same colour. A panel never splits across pages: one that does not fit moves
whole. Only a message taller than a whole page is cut, and its second part says
"(continued)" on the next page. The "stop at once if" panel is red and carries a
stop symbol; it appears on the cautions page, the back cover and the cautions card.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.layout import Section
from booklet.model import SIGNALS, Booklet, Caution, all_cautions
from booklet.render.alt import avoid_alt
from booklet.render.flowables import Bulleted, CautionBox, ContentsLine, PageMark
from booklet.render.gauges import hex_colour, map_names
from booklet.render.markup import plain
from booklet.render.sections import Context, heading, para
from booklet.render.styles import SIGNAL_COLOURS, STOP_COLOUR, Look, tint
from booklet.render.tagging import described


def stop_items(booklet: Booklet) -> tuple[str, ...]:
    """The booklet's "stop at once if" items (the ``stop_if`` field), if it gives any."""
    return tuple(getattr(booklet, "stop_if", ()) or ())


def caution_panel(caution: Caution, look: Look, words: Booklet, with_source: bool = False) -> CautionBox:
    """One caution as one panel."""
    text = f"**{caution.source}:** {caution.text}" if with_source and caution.source else caution.text
    if caution.why:
        text += f" {caution.why}" if look.large_print else f" *{caution.why}*"
    return panel(caution.signal, [para(text, look["caution"])], look, words)


def panel(signal: str, paras: list[Flowable], look: Look, words: Booklet) -> CautionBox:
    fill, ink = SIGNAL_COLOURS[signal]
    return CautionBox(
        words.label(signal),
        (fill, ink),
        paras,
        symbol=signal != "notice",
        tint=tint(fill, 0.88 if signal != "caution" else 0.8),
        pad=look.body_size * (0.5 if look.large_print else 0.6),
        band_font=(look.heading_fonts.bold, max(look.min_text, look.body_size * 0.9)),
        continued=words.label("continued", title=words.label(signal)),
        max_h=look.frame_h,
    )


def stop_panel(booklet: Booklet, look: Look, width_share: float = 1.0, compact: bool = False) -> CautionBox | None:
    """The red "stop at once if" panel listing the booklet's stop items, or None without any.

    ``compact`` sets the items a size smaller and closer (a small back cover), never under the least size.
    """
    items = stop_items(booklet)
    if not items:
        return None
    style = look["caution"]
    if compact:
        size = max(look.min_text, style.fontSize * 0.86)
        style = style.clone("stop-compact", fontSize=size, leading=size * 1.24, spaceAfter=size * 0.2)
    rows: list[Flowable] = [
        Bulleted(para(item, style), look.body_size * 1.1, stop_dot(look, style), style.spaceAfter) for item in items
    ]
    return CautionBox(
        booklet.label("stop_heading"),
        (STOP_COLOUR, SIGNAL_COLOURS["danger"][1]),
        rows,
        symbol=False,
        stop=True,
        tint=tint(STOP_COLOUR, 0.9),
        pad=look.body_size * 0.7,
        band_font=(look.heading_fonts.bold, max(look.min_text, look.body_size * 0.95)),
        continued=booklet.label("continued", title=booklet.label("stop_heading")),
        max_h=look.frame_h,
    )


def stop_dot(look: Look, style=None):
    leading = (style or look["caution"]).leading

    def draw(canv, x: float, top: float) -> None:
        size = look.body_size * 0.42
        canv.saveState()
        canv.setFillColor(STOP_COLOUR)
        canv.rect(x + size * 0.2, top - leading * 0.5 - size * 0.35, size, size, stroke=0, fill=1)
        canv.restoreState()

    return draw


def stroke_panels(cautions: tuple[Caution, ...], look: Look, words: Booklet, key: str) -> list[Flowable]:
    """A stroke's cautions, most severe first, one panel each; the first marks the page for the cautions list."""
    ranked = sorted(cautions, key=lambda c: SIGNALS.index(c.signal))
    out: list[Flowable] = []
    for i, caution in enumerate(ranked):
        out.append(caution_panel(caution, look, words))
        if i == 0:
            out.insert(0, PageMark(key))
    return out


def cautions(section: Section, ctx: Context) -> list[Flowable]:
    """The cautions page(s): stop panel, where not to press, each general caution once, then
    one line per stroke pointing to the page where its own cautions are printed."""
    look, booklet = ctx.look, ctx.plan.edition.booklet
    story: list[Flowable] = [heading(section, look), para(booklet.label("cautions_intro"), look["lead"])]
    stop = stop_panel(booklet, look)
    if stop is not None:
        story += [stop, Spacer(1, look.body_size * 0.8)]
    zones = sorted({c.zone for c in all_cautions(booklet) if c.zone})
    if zones:
        from booklet.illustrate.diagram import LARGE_PRINT_LABEL_PT, draw_avoid_map, map_label_size, words_from
        from booklet.illustrate.pictures import no_pressure_zones

        w = look.column_w * (1.0 if look.large_print else 0.8)
        story += [
            para(booklet.label("where_not_to_press"), look["h3"]),
            described(
                draw_avoid_map(
                    zones,
                    w,
                    min(w * 1.1, look.frame_h * 0.42),
                    accent=hex_colour(look.accent),
                    font=look.fonts.regular,
                    words=words_from(booklet.label),
                    zone_names=map_names(booklet),
                    label_size=max(LARGE_PRINT_LABEL_PT, look.min_text)
                    if look.large_print
                    else max(look.min_text, map_label_size(w)),
                    no_pressure=no_pressure_zones(all_cautions(booklet)),
                ),
                "Figure",
                alt=avoid_alt(zones, booklet),
            ),
            Spacer(1, look.body_size * 0.8),
        ]
    general = sorted(booklet.cautions, key=lambda c: SIGNALS.index(c.signal))
    for caution in general:
        story += [caution_panel(caution, look, booklet), Spacer(1, look.body_size * 0.45)]
    story += stroke_references(booklet, look)
    return story


def stroke_references(booklet: Booklet, look: Look) -> list[Flowable]:
    """ "The fan stroke · 2 cautions ..... 7": where each stroke's own cautions are."""
    with_cautions = [s for s in booklet.strokes if s.cautions]
    if not with_cautions:
        return []
    out: list[Flowable] = [para(booklet.label("stroke_cautions"), look["h3"])]
    number_font = (look.fonts.bold, look["toc"].fontSize, look.accent)
    for stroke in with_cautions:
        signals = sorted({c.signal for c in stroke.cautions}, key=SIGNALS.index)
        words = ", ".join(plain(booklet.label(s)) for s in signals)  # as the label has it: never re-cased
        text: Paragraph = para(f"**{stroke.name}** · {words}", look["toc"])
        out += [ContentsLine(text, f"cautions-{stroke.id}", 0, number_font), Spacer(1, look.body_size * 0.3)]
    return out
