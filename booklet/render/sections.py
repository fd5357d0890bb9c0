"""Plan sections -> story flowables: one builder per kind of section.

Text enters ReportLab only through markup.to_para (escaped, with the documented
inline markup); plain strings drawn on the canvas go through markup.plain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from booklet.layout import STROKES_KEY, Plan, Section
from booklet.model import SIGNALS, Booklet, Caution, Checklist, Routine, Stroke, all_cautions
from booklet.render.flowables import Anchor, Bulleted, CautionBox, ContentsLine, Heading, SideBySide, Stack
from booklet.render.markup import plain, to_para
from booklet.render.styles import MUTED, RULE, SIGNAL_COLOURS, Look, tint

BOX_ITEMS = 6


@dataclass(frozen=True)
class Context:
    plan: Plan
    look: Look
    root: Path

    @property
    def fillable(self) -> bool:
        return self.plan.fillable


def para(text: str, style) -> Paragraph:
    return Paragraph(to_para(text), style)


def heading(section: Section, look: Look, style: str = "h1") -> Heading:
    return Heading(to_para(section.title), look[style], section.key, plain(section.title), section.level)


def contents(section: Section, ctx: Context) -> list[Flowable]:
    look = ctx.look
    story: list[Flowable] = [para(section.title, look["h1"]), Spacer(1, look.body_size)]
    number_font = (look.fonts.regular, look["toc"].fontSize, look.accent)
    for entry in ctx.plan.contents():
        style = look["toc1"] if entry.level else look["toc"]
        indent = look.body_size * 1.2 * entry.level
        text = entry.title if entry.level else f"**{entry.title}**"
        line = ContentsLine(para(text, style), entry.key, indent, number_font)
        story += [line, Spacer(1, look.body_size * (0.25 if entry.level else 0.45))]
    return story


def introduction(section: Section, ctx: Context) -> list[Flowable]:
    look, booklet = ctx.look, ctx.plan.edition.booklet
    story: list[Flowable] = [heading(section, look)]
    for i, text in enumerate(booklet.introduction):
        story.append(para(text, look["lead"] if i == 0 else look["body"]))
    return story


def checklist(section: Section, ctx: Context) -> list[Flowable]:
    look = ctx.look
    items: Checklist = section.payload
    story: list[Flowable] = [heading(section, look)]
    box = look.body_size * (1.15 + 0.25 * (look.scale - 1))
    for i, item in enumerate(items.items):
        marker = tick_box(box, look, f"{items.id}-{i + 1}" if ctx.fillable else None, plain(item))
        story.append(Bulleted(para(item, look["item"]), box * 1.9, marker, look["item"].spaceAfter))
    return story


def tick_box(size: float, look: Look, field: str | None, tooltip: str):
    """A marker drawing an empty box to tick; with a field name, also a PDF form check box."""

    def draw(canv: Canvas, x: float, top: float) -> None:
        y = top - look["item"].leading * 0.5 - size * 0.55
        canv.saveState()
        canv.setStrokeColor(look.accent)
        canv.setLineWidth(0.9)
        canv.roundRect(x, y, size, size, size * 0.18, stroke=1, fill=0)
        canv.restoreState()
        if field:
            canv.acroForm.checkbox(
                name=field,
                tooltip=tooltip[:120],
                x=x,
                y=y,
                size=size,
                relative=True,
                borderWidth=0,
                borderColor=None,
                fillColor=None,
                buttonStyle="check",
                textColor=look.accent,
                fieldFlags="",
                annotationFlags="print",
            )

    return draw


def number_badge(number: int, look: Look, style_name: str = "step"):
    """A marker drawing the step number in an accent-coloured disc."""

    def draw(canv: Canvas, x: float, top: float) -> None:
        style = look[style_name]
        r = style.fontSize * 0.78
        cy = top - style.leading * 0.5 - style.fontSize * 0.12
        canv.saveState()
        canv.setFillColor(look.accent)
        canv.circle(x + r, cy, r, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(look.fonts.bold, style.fontSize * 0.82)
        canv.drawCentredString(x + r, cy - style.fontSize * 0.29, str(number))
        canv.restoreState()

    return draw


def stroke(section: Section, ctx: Context) -> list[Flowable]:
    look = ctx.look
    number, count, item = section.payload
    words = ctx.plan.edition.booklet
    story: list[Flowable] = []
    if number == 1:
        story.append(Anchor(STROKES_KEY, words.label("strokes")))
    story += [para(words.label("stroke_number", number=number, count=count), look["kicker"]), heading(section, look)]
    if item.other_names:
        story.append(para(words.label("also_called", names=", ".join(item.other_names)), look["aka"]))
    if item.summary:
        story.append(para(item.summary, look["lead"]))
    picture = figure(item, ctx)
    if picture is not None:
        story.append(SideBySide(picture, glance(item, look, words), 0.56, look.body_size * 1.2))
    else:  # nothing to picture: the facts alone
        story += glance(item, look, words)
    story.append(Spacer(1, look.body_size * 0.6))
    if item.pressure_note:
        story.append(para(f"*{item.pressure_note}*", look["small"]))
    if item.purpose:
        story += [para(words.label("purpose"), look["h3"]), para(item.purpose, look["body"])]
    if item.position:
        story += [para(words.label("position"), look["h3"]), para(item.position, look["body"])]
    if item.muscles:
        story.append(para(f"*{words.label('muscles')}* {', '.join(item.muscles)}", look["small"]))
    story += steps(item, look, words.label("steps"))
    if item.tips:
        story.append(para(words.label("tips"), look["h2"]))
        story += [
            Bulleted(para(t, look["item"]), look.body_size * 1.3, dot(look), look["item"].spaceAfter) for t in item.tips
        ]
    for signal in SIGNALS:
        group = [c for c in item.cautions if c.signal == signal]
        if group:
            story += [Spacer(1, look.body_size * 0.5), caution_box(signal, group, look, words, with_source=False)]
    return story


def steps(item: Stroke, look: Look, title: str) -> list[Flowable]:
    """Numbered steps, kept together on one page when they fit one."""
    block: list[Flowable] = [para(title, look["h2"])]
    indent = look["step"].fontSize * 2.2
    for n, step in enumerate(item.steps, 1):
        block.append(Bulleted(para(step.text, look["step"]), indent, number_badge(n, look), look["step"].spaceAfter))
    return [KeepTogether(block)]


def dot(look: Look):
    def draw(canv: Canvas, x: float, top: float) -> None:
        canv.saveState()
        canv.setFillColor(look.accent)
        canv.circle(x + look.body_size * 0.35, top - look["item"].leading * 0.55, look.body_size * 0.17, 0, 1)
        canv.restoreState()

    return draw


def figure(item: Stroke, ctx: Context) -> Flowable | None:
    """The stroke's diagram (or the author's image) sized for half the text width; None when it has neither."""
    from booklet.illustrate.pictures import label_size_for, stroke_picture

    look = ctx.look
    width = look.frame_w * 0.56
    height = min(look.frame_h * 0.44, width * 1.3)
    ill = item.illustration
    if ill is not None and ill.caption:
        height -= look["small"].leading * 2.5
    words = ctx.plan.edition.booklet
    picture = stroke_picture(
        item,
        words,
        ctx.root,
        width,
        height,
        accent=hex_colour(look.accent),
        font=look.fonts.regular,
        label_size=label_size_for(ctx.plan.edition.font_scale, look.body_size),
        zone_names=map_names(words),
    )
    if picture is None:
        return None
    if ill is not None and ill.caption:
        caption = para(f"*{ill.caption}*", look["small"].clone("caption", alignment=1))
        return Stack([picture, caption], look.body_size * 0.4)
    return picture


def map_names(words: Booklet) -> dict[str, str]:
    """Zone id -> its name as a diagram prints it standing alone, in the booklet's language."""
    from booklet.illustrate.figures import ALL_ZONE_NAMES

    return {zone: words.label("map_zone", zone=words.zone_name(zone)) for zone in ALL_ZONE_NAMES}


def hex_colour(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:].upper()


def glance(item: Stroke, look: Look, words: Booklet) -> list[Flowable]:
    """The at-a-glance facts: pressure, hands, areas, time."""
    rows = [("pressure", words.label(item.pressure))]
    if item.hands:
        rows.append(("hands", words.label("glance_list", items=", ".join(words.hand_name(h) for h in item.hands))))
    if item.areas:
        rows.append(("areas", words.label("glance_list", items=", ".join(words.zone_name(a) for a in item.areas))))
    if item.duration:
        rows.append(("time", item.duration))
    out: list[Flowable] = []
    for key, value in rows:
        out.append(para(words.label(key), look["label"]))
        if key == "pressure":
            out.append(PressureMeter(item.pressure, look))
        value_style = look["value"]
        out += [para(value, value_style), Spacer(1, look.body_size * 0.55)]
    return out


class PressureMeter(Flowable):
    """Three bars, filled up to the stroke's pressure."""

    LEVELS = ("light", "moderate", "firm")

    def __init__(self, pressure: str, look: Look):
        super().__init__()
        self.level = self.LEVELS.index(pressure) + 1 if pressure in self.LEVELS else 0
        self.look = look

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, self.look.body_size * 1.25
        return (self.width, self.height)

    def draw(self) -> None:
        canv, size = self.canv, self.look.body_size
        canv.saveState()
        for i in range(3):
            h = size * (0.45 + 0.3 * i)
            canv.setFillColor(self.look.accent if i < self.level else RULE)
            canv.roundRect(i * size * 1.05, size * 0.15, size * 0.8, h, size * 0.12, stroke=0, fill=1)
        canv.restoreState()


def caution_box(signal: str, cautions: list[Caution], look: Look, words: Booklet, with_source: bool) -> CautionBox:
    paras = []
    for c in cautions:
        text = f"**{c.source}:** {c.text}" if with_source and c.source else c.text
        if c.why:
            text += f" *{c.why}*"
        paras.append(para(text, look["caution"]))
    fill, ink = SIGNAL_COLOURS[signal]
    return CautionBox(
        words.label(signal),
        (fill, ink),
        paras,
        symbol=signal != "notice",
        tint=tint(fill, 0.9),
        pad=look.body_size * 0.8,
        band_font=(look.heading_fonts.bold, look.body_size * 0.95),
        continued=words.label("continued", title=words.label(signal)),
    )


def routine(section: Section, ctx: Context) -> list[Flowable]:
    look = ctx.look
    item: Routine = section.payload
    words = ctx.plan.edition.booklet
    names = {s.id: s.name for s in words.strokes}
    pressure = {s.id: s.pressure for s in ctx.plan.edition.booklet.strokes}
    story: list[Flowable] = [heading(section, look)]
    if item.intro:
        story.append(para(item.intro, look["lead"]))
    story += [Timeline(item, minutes(item.minutes, words), look), Spacer(1, look.body_size)]
    indent = look["step"].fontSize * 2.2
    for n, step in enumerate(item.steps, 1):
        name = names.get(step.stroke, step.stroke)
        text = f"**{name}** · {minutes(step.minutes, words)}"
        if step.stroke in pressure:
            text += " · " + words.label("pressure_" + pressure[step.stroke])
        if step.note:
            text += f". {step.note}"
        story.append(Bulleted(para(text, look["step"]), indent, number_badge(n, look), look["step"].spaceAfter))
    story.append(para(f"**{words.label('total', time=minutes(item.minutes, words))}**", look["body"]))
    return story


def minutes(value: float, words: Booklet) -> str:
    """Minutes in the booklet's language: number format and plural form."""
    from booklet.locale import minutes as in_words

    return in_words(value, words)


class Timeline(Flowable):
    """A bar split in proportion to each step's minutes, numbered like the list below."""

    def __init__(self, item: Routine, total: str, look: Look):
        super().__init__()
        self.item, self.total, self.look = item, total, look

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, self.look.body_size * 2.4
        return (self.width, self.height)

    def draw(self) -> None:
        canv, look, total = self.canv, self.look, self.item.minutes or 1
        x, bar_h = 0.0, look.body_size * 1.5
        canv.saveState()
        canv.setFont(look.fonts.bold, look.body_size * 0.8)
        for n, step in enumerate(self.item.steps, 1):
            w = self.width * step.minutes / total
            canv.setFillColor(tint(look.accent, 0.15 + 0.6 * ((n - 1) % 3) / 2))
            canv.rect(x, self.height - bar_h, w - 1.2, bar_h, stroke=0, fill=1)
            if w > look.body_size * 1.4:
                canv.setFillColor(colors.white if (n - 1) % 3 == 0 else look.accent)
                canv.drawCentredString(x + w / 2, self.height - bar_h * 0.68, str(n))
            x += w
        canv.setFillColor(MUTED)
        canv.setFont(look.fonts.regular, look.body_size * 0.75)
        canv.drawString(0, 0, "0")
        canv.drawRightString(self.width, 0, self.total)
        canv.restoreState()


def cautions(section: Section, ctx: Context) -> list[Flowable]:
    look, booklet = ctx.look, ctx.plan.edition.booklet
    gathered = all_cautions(booklet)
    story: list[Flowable] = [heading(section, look)]
    story.append(para(booklet.label("cautions_intro"), look["lead"]))
    zones = sorted({c.zone for c in gathered if c.zone})
    if zones:
        from booklet.illustrate.diagram import draw_avoid_map, words_from
        from booklet.illustrate.pictures import label_size_for, no_pressure_zones

        w = look.frame_w * 0.8
        story += [
            para(booklet.label("where_not_to_press"), look["h3"]),
            draw_avoid_map(
                zones,
                w,
                min(w * 1.1, look.frame_h * 0.45),
                accent=hex_colour(look.accent),
                font=look.fonts.regular,
                words=words_from(booklet.label),
                zone_names=map_names(booklet),
                label_size=label_size_for(ctx.plan.edition.font_scale, look.body_size),
                no_pressure=no_pressure_zones(gathered),
            ),
            Spacer(1, look.body_size),
        ]
    for signal in SIGNALS:
        group = [c for c in gathered if c.signal == signal]
        # Boxes of a few cautions each: a box that spans pages re-measures what is left on
        # every page, so one box per group would cost quadratic time in a long booklet.
        for start in range(0, len(group), BOX_ITEMS):
            box = caution_box(signal, group[start : start + BOX_ITEMS], look, booklet, with_source=True)
            if start:
                box.label = box.continued
            story += [box, Spacer(1, look.body_size * (0.8 if start + BOX_ITEMS >= len(group) else 0.3))]
    return story


def notes(section: Section, ctx: Context) -> list[Flowable]:
    """Ruled "Notes" pages, as many as bring the booklet to a multiple of four pages."""
    look = ctx.look
    return [NotesPadding(lambda: [para(section.title, unkept(look["h1"])), Ruled(look)], section.payload)]


class NotesPadding(Flowable):
    """Decides at layout time how many notes pages to add, from the page it lands on.

    It sits at the end of the last section; the back cover (``back_pages`` long, usually
    one) follows. One folded sheet carries four pages, so the total must be a multiple of four.
    """

    def __init__(self, page: Callable[[], list[Flowable]], back_pages: int = 1):
        super().__init__()
        self.page, self.back_pages = page, back_pages
        self.width = self.height = 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if not getattr(self, "added", False):
            self.added = True
            current = self.canv.getPageNumber()
            count = (-(current + self.back_pages)) % 4
            content: list[Flowable] = []
            for _ in range(count):
                content += [PageBreak(), *self.page()]
            self._doctemplateAttr("frame").add_generated_content(*content)
        return (0, 0)

    def draw(self) -> None:
        pass


def unkept(style):
    """A heading style that does not keep with the next flowable: Ruled takes whatever room is left."""
    return style.clone(style.name + "-unkept", keepWithNext=0)


class Ruled(Flowable):
    """Writing lines filling the rest of the frame."""

    def __init__(self, look: Look):
        super().__init__()
        self.look = look

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, max(0.0, avail_h - 2)
        return (self.width, self.height)

    def draw(self) -> None:
        gap = self.look.body_size * 2.1
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        y = self.height - gap
        while y > 0:
            canv.line(0, y, self.width, y)
            y -= gap
        canv.restoreState()


def back_cover(section: Section, ctx: Context) -> list[Flowable]:
    look, booklet = ctx.look, ctx.plan.edition.booklet
    story: list[Flowable] = [heading(section, look)]
    for ref in booklet.references:
        story.append(KeepTogether([reference_row(ref, look, booklet.label("scan")), Spacer(1, look.body_size)]))
    story += [para(booklet.label("notes"), unkept(look["h2"])), Ruled(look)]
    return story


def reference_row(ref, look: Look, scan: str) -> Flowable:
    from booklet.render.qr import QRCode

    if not ref.url:  # a printed book: title and note, no link to scan
        return Stack([para(f"**{ref.title}**", look["body"]), para(ref.note, look["small"])], 0)
    size = min(32 * look.scale * 2.83, look.frame_w * 0.36)
    qr = QRCode(ref.url, size, colors.HexColor("#1E272D"))
    column = [para(f"**{ref.title}**", look["body"]), para(ref.url, look["small"])]
    if ref.note:
        column.append(para(ref.note, look["small"]))
    column.append(para(scan, look["small"]))
    return SideBySide(qr, column, 0.36, look.body_size)


BUILDERS = {
    "contents": contents,
    "introduction": introduction,
    "checklist": checklist,
    "stroke": stroke,
    "routine": routine,
    "cautions": cautions,
    "notes": notes,
    "back-cover": back_cover,
}
