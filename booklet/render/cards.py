"""Edition -> card PDFs: one front page and one back page per card, at trim size plus bleed.

One card per stroke, then a routine card and a cautions card. Text that does not fit
shrinks step by step down to 7 pt; below that the build fails naming the card and the
content line it came from. Never silent truncation. Imposition (N-up on sheets, crop
marks, duplex alignment) is impose/'s job; this module only draws single cards.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.errors import ContentError
from booklet.model import SIGNALS, Booklet, Caution, Edition, SourceRef, Stroke, all_cautions, ref_of
from booklet.paper import CardSize
from booklet.render.gauges import PressureMeter, Timeline, hex_colour, map_names, minutes
from booklet.render.hyphens import soft
from booklet.render.markup import plain, to_para
from booklet.render.settings import with_render_settings
from booklet.render.styles import INK, MUTED, SIGNAL_COLOURS, Look, make_look, tint

MIN_SIZE = 7.0


@dataclass(frozen=True)
class Card:
    """What one card shows: a title, a front painter and the text of its back."""

    key: str
    title: str
    kicker: str
    ref: SourceRef
    front: Callable[[Canvas, Look, CardSize, float, float], None]  # draws below the title band
    back: Callable[[Look, float], list[Flowable]]  # flowables at a given text size


def cards_for(edition: Edition, fits: Callable[[Card], bool]) -> list[Card]:
    """Stroke cards, the routine card, then as many cautions cards as the cautions need."""
    booklet = edition.booklet
    cards = []
    for n, stroke in enumerate(booklet.strokes, 1):
        # Every caution and the stop-at-once line; a card too small for the stop line leaves it to the
        # cautions card, and one too small even for every caution (a business card) keeps the key caution.
        for every, stop in ((True, True), (True, False), (False, False)):
            card = stroke_card(stroke, n, len(booklet.strokes), booklet, with_stop=stop, every_caution=every)
            if fits(card):
                break
        cards.append(card)
    if booklet.routine and booklet.routine.steps:
        cards.append(routine_card(edition))
    cautions = sorted(booklet.cautions, key=lambda c: SIGNALS.index(c.signal))
    for parts in range(1, len(cautions) + 1):
        size = -(-len(cautions) // parts)
        chunks = [cautions[i : i + size] for i in range(0, len(cautions), size)]
        group = [cautions_card(edition, chunk, i + 1, len(chunks)) for i, chunk in enumerate(chunks)]
        if all(fits(card) for card in group) or parts == len(cautions):
            return cards + group
    return cards


def stroke_card(
    stroke: Stroke, number: int, count: int, words: Booklet, with_stop: bool = True, every_caution: bool = True
) -> Card:
    def front(canv: Canvas, look: Look, size: CardSize, top: float, scale: float) -> None:
        from booklet.illustrate.pictures import stroke_picture

        m = size.margin_pt
        foot = look.body_size * 3.2 * scale
        box = (size.width_pt - 2 * m, top - foot - m * 1.5)
        drawing = stroke_picture(
            stroke, words, words.root, *box, accent=hex_colour(look.accent), font=look.fonts.regular
        )
        if drawing is not None:  # the author's image, the diagram, or nothing to picture
            width, _ = drawing.wrap(*box)
            drawing.drawOn(canv, (size.width_pt - width) / 2, foot + m * 0.5)
        pressure_row(canv, stroke, look, (m, m, size.width_pt - 2 * m), scale, words)

    def back(look: Look, text_size: float) -> list[Flowable]:
        styles = card_styles(look, text_size)
        story: list[Flowable] = [Paragraph(to_para(words.label("card_steps", name=stroke.name)), styles["title"])]
        for n, step in enumerate(stroke.steps, 1):
            para = Paragraph(f"<b>{n}.</b> " + to_para(soft(step.short or step.text, styles["step"])), styles["step"])
            para.source = (step.ref if step.ref.line else ref_of(stroke, "steps"), f"steps[{n - 1}]")
            story.append(para)
        ranked = sorted(stroke.cautions, key=lambda c: SIGNALS.index(c.signal))[: None if every_caution else 1]
        if ranked:  # every one of the stroke's cautions, in its short form where the author gave one
            story.append(Spacer(1, text_size * 0.3))
        for index, caution in enumerate(ranked):
            line = caution_line(caution, styles["step"], words, short=True)
            line.source = (caution.ref, f"cautions[{index}]")
            story.append(line)
        stop = stop_line(words, styles["step"]) if with_stop else None
        if stop is not None:
            story.append(stop)
        return story

    return Card(
        stroke.id, stroke.name, words.label("stroke_number", number=number, count=count), stroke.ref, front, back
    )


def stop_line(words: Booklet, style: ParagraphStyle) -> Paragraph | None:
    """The stop-at-once list as one line ("Stop at once if: sharp pain; dizziness; ..."), if the booklet has one."""
    items = tuple(getattr(words, "stop_if", ()) or ())
    if not items:
        return None
    text = f"<b>{to_para(words.label('stop_heading'))}:</b> " + "; ".join(to_para(item) for item in items)
    line = Paragraph(text, ParagraphStyle("stopline", parent=style, firstLineIndent=0, leftIndent=0))
    line.source = (ref_of(words, "stop_if"), "stop_if")
    return line


def caution_line(caution: Caution, style: ParagraphStyle, words: Booklet, short: bool = False) -> Paragraph:
    """A caution as one compact line: the signal word in its colour, then the text (its card form if ``short``)."""
    fill, _ = SIGNAL_COLOURS[caution.signal]
    colour = fill if caution.signal != "caution" else colors.HexColor("#8A6D00")  # yellow is unreadable as text
    label = f'<font color="{colour.hexval().replace("0x", "#")}"><b>{to_para(words.label(caution.signal))}</b></font> '
    text = (caution.short or caution.text) if short else caution.text
    return Paragraph(
        label + to_para(soft(text, style)),
        ParagraphStyle("keycaution", parent=style, firstLineIndent=0, leftIndent=0),
    )


def pressure_row(
    canv: Canvas, stroke: Stroke, look: Look, box: tuple[float, float, float], scale: float, words: Booklet
) -> None:
    """The pressure meter and "Moderate pressure · palms", shrunk to the card's width if need be."""
    x, y, width = box
    meter = PressureMeter(stroke.pressure, look)
    meter.wrap(look.body_size * 4, look.body_size * 2)
    meter.drawOn(canv, x, y)
    text = words.label("pressure_" + stroke.pressure)
    label_only = text
    if stroke.hands:
        text += " · " + ", ".join(words.hand_name(h) for h in stroke.hands)
    indent = look.body_size * 3.4
    ref = ref_of(stroke, "hands")
    if _too_wide(label_only, look.fonts.bold, width - indent):  # the labels alone are too long: blame them
        given = [f"labels.{k}" for k in ("pressure_" + stroke.pressure,) if dict(words.field_refs).get(f"labels.{k}")]
        ref = ref_of(words, given[0]) if given else ref
    size = fit_line(text, look.fonts.bold, look.body_size * scale, width - indent, ref, "the line")
    canv.saveState()
    canv.setFillColor(INK)
    canv.setFont(look.fonts.bold, size)
    canv.drawString(x + indent, y + look.body_size * 0.35, text)
    if stroke.pressure_note:
        canv.setFont(look.fonts.italic, max(MIN_SIZE, look.body_size * 0.8 * scale))
        canv.setFillColor(MUTED)
        capped = words.label("card_capped", cap=words.label("level_" + stroke.pressure))
        canv.drawString(x, y + look.body_size * 1.6, capped)
    canv.restoreState()


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
        line.drawOn(canv, m, top - look.body_size * 6.5 * scale)

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


def cautions_card(edition: Edition, cautions: list[Caution], part: int = 1, parts: int = 1) -> Card:
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
            no_pressure=no_pressure_zones(all_cautions(edition.booklet)),
        )
        drawing.drawOn(canv, (size.width_pt - drawing.width) / 2, m)

    def back(look: Look, text_size: float) -> list[Flowable]:
        styles = card_styles(look, text_size)
        title = words.label("cautions")
        if parts > 1:
            title += " (" + words.label("part", part=part, parts=parts) + ")"
        story: list[Flowable] = [Paragraph(to_para(title), styles["title"])]
        return story + [caution_line(c, styles["step"], words) for c in cautions]

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


def fit_back(
    card: Card, look: Look, size: CardSize, width: float, height: float, floor: float = MIN_SIZE
) -> list[Flowable]:
    """Largest text size from the card's base down to ``floor`` (7 pt) at which the back fits."""
    text_size = max(size.base_size * 1.3 * look.scale, floor)
    while text_size >= floor - 1e-6:
        story = card.back(look, text_size)
        used = 0.0
        for flowable in story:
            used += flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
        if used <= height:
            return story
        text_size -= 0.25
    ref, where = _overflowing(card.back(look, floor), width, height) or (card.ref, "cards")
    raise ContentError.at(
        ref,
        f"card '{plain(card.title)}' does not fit {card_name(size)} even at "
        f"{MIN_SIZE:g} pt from here on; shorten this text or give steps a 'short' form",
        where,
    )


def card_name(size: CardSize) -> str:
    """'a6' -> 'an A6 card', 'index' -> 'an index card', 'business' -> 'a business card'."""
    name = size.name.upper() if size.name[:1] == "a" and size.name[1:].isdigit() else size.name
    return f"{'an' if name[:1].lower() in 'aeio' else 'a'} {name} card"


def _overflowing(story: list[Flowable], width: float, height: float) -> tuple[SourceRef, str] | None:
    """The story at the smallest size -> where the first piece that crosses the card's foot was written."""
    used = 0.0
    for flowable in story:
        used += flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
        if used > height:
            return getattr(flowable, "source", None)
    return None


@with_render_settings
def render_cards(edition: Edition, size: CardSize, bleed_pt: float = 0.0) -> tuple[bytes, bytes, int]:
    """Draw every card; return (fronts PDF, backs PDF, card count), one card per page."""
    from booklet.paper import Paper

    look = make_look(edition, Paper(size.name, size.width_pt, size.height_pt), Path(edition.booklet.root))
    width, height = size.width_pt - 2 * size.margin_pt, back_room(look, size)

    def fits(card: Card) -> bool:  # cautions split over more cards rather than shrink to the minimum
        try:
            fit_back(card, look, size, width, height, floor=MIN_SIZE + 0.5)
        except ContentError:
            return False
        return True

    cards = cards_for(edition, fits)
    backs = [fit_back(c, look, size, width, height) for c in cards]
    page = (size.width_pt + 2 * bleed_pt, size.height_pt + 2 * bleed_pt)
    fronts_pdf = _draw(
        page, bleed_pt, edition, look, size, cards, lambda canv, card, i: draw_front(canv, card, look, size)
    )
    backs_pdf = _draw(
        page, bleed_pt, edition, look, size, cards, lambda canv, card, i: draw_back(canv, card, backs[i], look, size)
    )
    return fronts_pdf, backs_pdf, len(cards)


def back_room(look: Look, size: CardSize) -> float:
    return size.height_pt - 2 * size.margin_pt - look.body_size * 1.2


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
        canv.setFont(look.heading_fonts.bold, 6.5 * scale + 0.5)
        canv.drawString(m, h - m - 6 * scale, card.kicker)
    canv.setFillColor(colors.white)
    canv.setFont(look.heading_fonts.bold, title_size)
    canv.drawString(m, h - band + m * 0.9, plain(card.title))
    canv.restoreState()
    card.front(canv, look, size, h - band, scale)


def fit_title(card: Card, look: Look, width: float, size: float) -> float:
    """The title's size on one line: shrunk to fit, never below 7 pt."""
    return fit_line(plain(card.title), look.heading_fonts.bold, size, width, card.ref, "card title")


def fit_line(text: str, font: str, size: float, width: float, ref: SourceRef, what: str) -> float:
    """The size at which one line of text fits ``width``: shrunk if needed, never below 7 pt."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = max(size, MIN_SIZE)  # 7 pt is the least anyone should have to read
    natural = stringWidth(text, font, size)
    fitted = size if natural <= width else size * width / natural
    if fitted < MIN_SIZE:
        raise ContentError.at(
            ref, f"{what} '{text}' does not fit on one line of a card even at {MIN_SIZE:g} pt; shorten it", "cards"
        )
    return fitted


def _too_wide(text: str, font: str, width: float) -> bool:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, MIN_SIZE) > width


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
    canv.setFont(look.fonts.regular, 6)
    canv.setFillColor(MUTED)
    canv.drawRightString(w - m, m * 0.45, plain(card.title))
    canv.restoreState()
