"""Edition -> card PDFs: one front page and one back page per card, at trim size plus bleed.

One card per stroke, then a routine card and a cautions card. Text that does not fit
shrinks step by step down to the edition's smallest size (7 pt; 12 pt in large print);
below that the build fails naming the card and the content line it came from. Never
silent truncation. Each card is laid out once: the size found while choosing what a
card carries is the one it is drawn at. Imposition (N-up on sheets, crop marks, duplex
alignment) is impose/'s job; this module only draws single cards.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.finish import finish_plain
from booklet.model import SIGNALS, Booklet, Caution, Edition, SourceRef, Stroke, all_cautions, ref_of
from booklet.paper import CardSize
from booklet.render.card_fit import (
    Fitted,
    back_room,
    card_look,
    check_room,
    fit_back,
    fit_line,
    floor_of,
    refuse,
    too_wide,
)
from booklet.render.card_routine import routine_rows
from booklet.render.card_text import caution_line, more_line, stop_line
from booklet.render.forms import draw_on
from booklet.render.gauges import PressureMeter, Timeline, hex_colour, map_names, minutes
from booklet.render.hyphens import soft
from booklet.render.markup import plain, to_para
from booklet.render.settings import with_render_settings
from booklet.render.styles import INK, MUTED, Look, tint


@dataclass(frozen=True)
class Card:
    """What one card shows: a title, a front painter and the text of its back."""

    key: str
    title: str
    kicker: str
    ref: SourceRef
    front: Callable[[Canvas, Look, CardSize, float, float], None]  # draws below the title band
    back: Callable[[Look, float], list[Flowable]]  # flowables at a given text size


def cards_for(edition: Edition, fit: Callable[[Card], Fitted]) -> list[tuple[Card, Fitted]]:
    """Stroke cards, the routine card, then as many cautions cards as the cautions need; each with
    its back as ``fit`` laid it out, or None where ``fit`` found it too full (or was not asked)."""
    booklet = edition.booklet
    cards: list[tuple[Card, Fitted]] = []
    left_over: list[Caution] = []  # stroke cautions a card had no room for: the cautions cards carry them
    for n, stroke in enumerate(booklet.strokes, 1):
        # Every caution and the stop-at-once line; a card too small for the stop line leaves it to the
        # cautions card, and one too small even for every caution (a business card) keeps the key caution
        # and says where the others are.
        for every, stop in ((True, True), (True, False), (False, False)):
            card = stroke_card(stroke, n, len(booklet.strokes), booklet, with_stop=stop, every_caution=every)
            story = fit(card)
            if story is not None:
                break
        if not every:
            kept = ranked_cautions(stroke)[:1]
            left_over += [replace(c, source=stroke.name) for c in ranked_cautions(stroke) if c not in kept]
        cards.append((card, story))
    if booklet.routine and booklet.routine.steps:
        cards.append((routine_card(edition), None))
    cautions = sorted([*booklet.cautions, *left_over], key=lambda c: SIGNALS.index(c.signal))
    group = cautions_cards(edition, cautions, fit, short=False)
    if len(group) > 2:  # a small card: the authors' card forms, if the full texts need twice the cards
        briefer = cautions_cards(edition, cautions, fit, short=True)
        group = briefer if 2 * len(briefer) < len(group) else group
    return cards + group


def cautions_cards(
    edition: Edition, cautions: list[Caution], fit: Callable[[Card], Fitted], short: bool
) -> list[tuple[Card, Fitted]]:
    """The cautions over as few cards as they fit, shared evenly, each with its fitted back."""
    for parts in range(1, len(cautions) + 1):
        size = -(-len(cautions) // parts)
        chunks = [cautions[i : i + size] for i in range(0, len(cautions), size)]
        group = [cautions_card(edition, chunk, i + 1, len(chunks), short) for i, chunk in enumerate(chunks)]
        stories: list[Fitted] = []
        for card in group:  # stop at the first that does not fit: the next split is tried
            stories.append(fit(card))
            if stories[-1] is None:
                break
        if all(story is not None for story in stories) or parts == len(cautions):
            stories += [None] * (len(group) - len(stories))
            return list(zip(group, stories, strict=True))
    return []


def stroke_card(
    stroke: Stroke, number: int, count: int, words: Booklet, with_stop: bool = True, every_caution: bool = True
) -> Card:
    def front(canv: Canvas, look: Look, size: CardSize, top: float, scale: float) -> None:
        from booklet.illustrate.pictures import stroke_picture

        m = size.margin_pt
        foot = pressure_room(stroke, look, size.width_pt - 2 * m, scale, words)
        box = (size.width_pt - 2 * m, top - foot - m * 1.5)
        drawing = stroke_picture(
            stroke,
            words,
            words.root,
            *box,
            accent=hex_colour(look.accent),
            font=look.fonts.regular,
            label_size=look.min_text if look.large_print else None,
        )
        if drawing is not None:  # the author's image, the diagram, or nothing to picture
            width, _ = drawing.wrap(*box)
            draw_on(canv, drawing, (size.width_pt - width) / 2, foot + m * 0.5)
        pressure_row(canv, stroke, look, (m, m, size.width_pt - 2 * m), scale, words)

    def back(look: Look, text_size: float) -> list[Flowable]:
        styles = card_styles(look, text_size)
        title = Paragraph(to_para(words.label("card_steps", name=stroke.name)), styles["title"])
        title.source = label_source(words, "card_steps", (ref_of(stroke, "name"), "name"))
        story: list[Flowable] = [title]
        for n, step in enumerate(stroke.steps, 1):
            para = Paragraph(f"<b>{n}.</b> " + to_para(soft(step.short or step.text, styles["step"])), styles["step"])
            para.source = (step.ref if step.ref.line else ref_of(stroke, "steps"), f"steps[{n - 1}]")
            story.append(para)
        ranked = ranked_cautions(stroke)[: None if every_caution else 1]
        if ranked:  # every one of the stroke's cautions, in its short form where the author gave one
            story.append(Spacer(1, text_size * 0.3))
        for index, caution in enumerate(ranked):
            line = caution_line(caution, styles["step"], words, look.fonts.bold, short=True)
            line.source = (caution.ref, f"cautions[{index}]")
            story.append(line)
        stop = stop_line(words, styles["step"]) if with_stop else None
        if stop is not None:
            story.append(stop)
        dropped = len(ranked) < len(stroke.cautions) or (not with_stop and bool(getattr(words, "stop_if", ())))
        if dropped:  # the card cannot carry it all: it says where the rest is
            story.append(more_line(words, styles["step"]))
        return story

    return Card(
        stroke.id, stroke.name, words.label("stroke_number", number=number, count=count), stroke.ref, front, back
    )


def ranked_cautions(stroke: Stroke) -> list[Caution]:
    """A stroke's cautions, most severe first (the first is its key caution)."""
    return sorted(stroke.cautions, key=lambda c: SIGNALS.index(c.signal))


def label_source(words: Booklet, key: str, otherwise: tuple[SourceRef, str]) -> tuple[SourceRef, str]:
    """Where a printed label came from: the author's ``labels.<key>`` line if they gave one."""
    given = dict(words.field_refs).get(f"labels.{key}")
    return (given, f"labels.{key}") if given is not None else otherwise


def pressure_lines(stroke: Stroke, look: Look, width: float, scale: float, words: Booklet) -> list[tuple[str, float]]:
    """ "Moderate pressure · palms" on one line if it fits at the floor, else the pressure, then the hands below it:
    each line with its size, shrunk to the width if need be; a label too long even alone is blamed at its line."""
    label = words.label("pressure_" + stroke.pressure)
    hands = ", ".join(words.hand_name(h) for h in stroke.hands)
    font, size, floor = look.fonts.bold, look.body_size * scale, floor_of(look)
    indent = look.body_size * 3.4
    given = dict(words.field_refs).get(f"labels.pressure_{stroke.pressure}")
    label_ref = given if given is not None and too_wide(label, font, width - indent, floor) else ref_of(stroke, "hands")
    if hands and not too_wide(f"{label} · {hands}", font, width - indent, floor):
        return [
            (
                f"{label} · {hands}",
                fit_line(f"{label} · {hands}", font, size, width - indent, label_ref, "the line", floor),
            )
        ]
    lines = [(label, fit_line(label, font, size, width - indent, label_ref, "the line", floor))]
    if hands:  # a second line, under the pressure, as wide as the card
        lines.append((hands, fit_line(hands, font, size, width, ref_of(stroke, "hands"), "the line", floor)))
    return lines


def pressure_row(
    canv: Canvas, stroke: Stroke, look: Look, box: tuple[float, float, float], scale: float, words: Booklet
) -> None:
    """The pressure meter and "Moderate pressure · palms" (on two lines if need be), and any cap note above."""
    x, y, width = box
    meter = PressureMeter(stroke.pressure, look)
    lines = pressure_lines(stroke, look, width, scale, words)
    below = sum(size * 1.25 for _, size in lines[1:])  # the meter sits on the pressure line, above the hands
    meter.wrap(look.body_size * 4, look.body_size * 2)
    meter.drawOn(canv, x, y + below)
    indent = look.body_size * 3.4
    canv.saveState()
    canv.setFillColor(INK)
    baseline = y + below + look.body_size * 0.35
    for n, (text, size) in enumerate(lines):
        canv.setFont(look.fonts.bold, size)
        canv.drawString(x + indent if n == 0 else x, baseline, text)
        baseline -= lines[n + 1][1] * 1.25 if n + 1 < len(lines) else 0
    if stroke.pressure_note:
        canv.setFont(look.fonts.italic, max(floor_of(look), look.body_size * 0.8 * scale))
        canv.setFillColor(MUTED)
        capped = words.label("card_capped", cap=words.label("level_" + stroke.pressure))
        canv.drawString(x, y + below + look.body_size * 1.6, capped)
    canv.restoreState()


def pressure_room(stroke: Stroke, look: Look, width: float, scale: float, words: Booklet) -> float:
    """Height the pressure row takes at the card's foot, its cap note included."""
    lines = pressure_lines(stroke, look, width, scale, words)
    return look.body_size * 3.2 * scale + sum(size * 1.25 for _, size in lines[1:])


def routine_card(edition: Edition) -> Card:
    routine = edition.booklet.routine
    assert routine is not None
    names = {s.id: s.name for s in edition.booklet.strokes}

    def front(canv: Canvas, look: Look, size: CardSize, top: float, scale: float) -> None:
        m = size.margin_pt
        canv.saveState()
        canv.setFont(look.heading_fonts.bold, look.body_size * 2.2 * scale)
        canv.setFillColor(look.accent)
        canv.drawString(m, top - look.body_size * 3 * scale, minutes(routine.minutes, edition.booklet))
        canv.restoreState()
        line = Timeline(routine, minutes(routine.minutes, edition.booklet), look)
        line.wrap(size.width_pt - 2 * m, top)
        below = top - look.body_size * 6.5 * scale
        line.drawOn(canv, m, below)
        gap = look.body_size * scale
        room = (m, m, size.width_pt - 2 * m, below - gap - m)
        routine_rows(canv, look, room, routine, edition.booklet, look.body_size * scale)

    def back(look: Look, text_size: float) -> list[Flowable]:
        styles = card_styles(look, text_size)
        story: list[Flowable] = [Paragraph(to_para(routine.title), styles["title"])]
        for n, step in enumerate(routine.steps, 1):
            text = f"**{names.get(step.stroke, step.stroke)}** · {minutes(step.minutes, edition.booklet)}"
            if step.note:
                text += f". {step.note}"
            story.append(Paragraph(f"<b>{n}.</b> " + to_para(text), styles["step"]))
        return story

    return Card("routine", routine.title, edition.booklet.label("routine_card"), routine.ref, front, back)


def cautions_card(
    edition: Edition, cautions: list[Caution], part: int = 1, parts: int = 1, short: bool = False
) -> Card:
    words = edition.booklet
    zones = sorted({c.zone for c in all_cautions(edition.booklet) if c.zone})

    def front(canv: Canvas, look: Look, size: CardSize, top: float, scale: float) -> None:
        from booklet.illustrate.diagram import draw_avoid_map, words_from
        from booklet.illustrate.pictures import no_pressure_zones

        m = size.margin_pt
        if not zones:  # no caution names a zone: no map
            return
        drawing = draw_avoid_map(
            zones,
            size.width_pt - 2 * m,
            top - m * 1.5,
            accent=hex_colour(look.accent),
            font=look.fonts.regular,
            words=words_from(words.label),
            zone_names=map_names(words),
            label_size=look.min_text if look.large_print else None,
            no_pressure=no_pressure_zones(all_cautions(edition.booklet)),
        )
        draw_on(canv, drawing, (size.width_pt - drawing.width) / 2, m)

    def back(look: Look, text_size: float) -> list[Flowable]:
        styles = card_styles(look, text_size)
        title = words.label("cautions")
        if parts > 1:
            title += " (" + words.label("part", part=part, parts=parts) + ")"
        story: list[Flowable] = [Paragraph(to_para(title), styles["title"])]
        stop = stop_line(words, styles["step"]) if part == 1 else None
        if stop is not None:  # the stop list leads the first cautions card: stroke cards may leave it here
            story.append(stop)
        return story + [
            caution_line(c, styles["step"], words, look.fonts.bold, short=short or bool(c.source), named=True)
            for c in cautions
        ]

    kicker = words.label("read_first_part", part=part, parts=parts) if parts > 1 else words.label("read_first")
    return Card(f"cautions-{part}", words.label("cautions"), kicker, edition.booklet.ref, front, back)


def card_styles(look: Look, size: float) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "card",
        fontName=look.fonts.regular,
        fontSize=size,
        leading=size * 1.28,
        textColor=INK,
        splitLongWords=1,
        hyphenationLang=look["body"].hyphenationLang,  # the booklet's language (render/hyphens.py)
        embeddedHyphenation=1,
    )
    return {
        "title": ParagraphStyle(
            "cardtitle",
            parent=body,
            fontName=look.heading_fonts.bold,
            fontSize=size * 1.15,
            leading=size * 1.45,
            textColor=look.accent,
            spaceAfter=size * 0.4,
        ),
        "step": ParagraphStyle(
            "cardstep", parent=body, spaceAfter=size * 0.3, leftIndent=size * 1.1, firstLineIndent=-size * 1.1
        ),
    }


@with_render_settings
def render_cards(edition: Edition, size: CardSize, bleed_pt: float = 0.0) -> tuple[bytes, bytes, int]:
    """Draw every card; return (fronts PDF, backs PDF, card count), one card per page."""
    look = card_look(edition, size)
    check_room(edition, look, size)
    width, height = size.width_pt - 2 * size.margin_pt, back_room(look, size)
    floor = floor_of(look)

    def choose(card: Card) -> Fitted:  # cautions split over more cards rather than shrink to the minimum
        return fit_back(card, look, size, width, height, floor=floor + 0.5)

    cards: list[Card] = []
    backs: list[list[Flowable]] = []
    for card, story in cards_for(edition, choose):  # laid out once where the choice already fitted it
        story = story if story is not None else fit_back(card, look, size, width, height, floor)
        if story is None:
            raise refuse(card, look, size, width, height)
        cards.append(card)
        backs.append(story)
    page = (size.width_pt + 2 * bleed_pt, size.height_pt + 2 * bleed_pt)
    fronts_pdf = _draw(
        page, bleed_pt, edition, look, size, cards, lambda canv, card, i: draw_front(canv, card, look, size)
    )
    backs_pdf = _draw(
        page, bleed_pt, edition, look, size, cards, lambda canv, card, i: draw_back(canv, card, backs[i], look, size)
    )
    return fronts_pdf, backs_pdf, len(cards)


def _draw(
    page: tuple[float, float],
    bleed: float,
    edition: Edition,
    look: Look,
    size: CardSize,
    cards: list[Card],
    paint: Callable[[Canvas, Card, int], None],
) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=page,
        invariant=1,
        pageCompression=1,
        lang=edition.booklet.language,
        initialFontName=look.fonts.regular,
    )
    canv.setTitle(plain(f"{edition.booklet.title}: cards"))
    canv.setAuthor(plain(edition.booklet.author or edition.booklet.publisher))
    for i, card in enumerate(cards):
        if bleed:
            canv.setTrimBox((bleed, bleed, bleed + size.width_pt, bleed + size.height_pt))
            canv.setBleedBox((0, 0, page[0], page[1]))
        canv.saveState()
        canv.translate(bleed, bleed)
        paint(canv, card, i)
        canv.restoreState()
        canv.showPage()
    finish_plain(canv)
    canv.save()
    return buffer.getvalue()


def draw_front(canv: Canvas, card: Card, look: Look, size: CardSize) -> None:
    w, h, m = size.width_pt, size.height_pt, size.margin_pt
    scale = size.base_size / 9.0
    band = max(h * 0.2, look.body_size * 4.2 * scale)
    canv.saveState()
    canv.setFillColor(look.accent)
    bleed_pad = 20  # the band runs into any bleed; the trim box hides the rest
    canv.rect(-bleed_pad, h - band, w + 2 * bleed_pad, band + bleed_pad, stroke=0, fill=1)
    title_size = fit_title(card, look, w - 2 * m, 17 * scale)
    if band > title_size * 2.8:  # room for the kicker above the title
        canv.setFillColor(tint(look.accent, 0.6))
        canv.setFont(look.heading_fonts.bold, max(floor_of(look), 6.5 * scale + 0.5))
        canv.drawString(m, h - m - 6 * scale, card.kicker)
    canv.setFillColor(colors.white)
    canv.setFont(look.heading_fonts.bold, title_size)
    canv.drawString(m, h - band + m * 0.9, plain(card.title))
    canv.restoreState()
    card.front(canv, look, size, h - band, scale)


def fit_title(card: Card, look: Look, width: float, size: float) -> float:
    """The title's size on one line: shrunk to fit, never below 7 pt."""
    return fit_line(plain(card.title), look.heading_fonts.bold, size, width, card.ref, "card title", floor_of(look))


def draw_back(canv: Canvas, card: Card, story: list[Flowable], look: Look, size: CardSize) -> None:
    w, h, m = size.width_pt, size.height_pt, size.margin_pt
    canv.saveState()
    canv.setStrokeColor(look.accent)
    canv.setLineWidth(2)
    canv.line(m, h - m * 0.6, w - m, h - m * 0.6)
    canv.restoreState()
    y = h - m - look.body_size * 0.6
    for flowable in story:
        _, fh = flowable.wrap(w - 2 * m, y)
        y -= fh
        flowable.drawOn(canv, m, y)
        y -= flowable.getSpaceAfter()
    canv.saveState()
    canv.setFont(look.fonts.regular, floor_of(look))  # the card's name, small but never under the floor
    canv.setFillColor(MUTED)
    canv.drawRightString(w - m, m * 0.45, plain(card.title))
    canv.restoreState()
