"""Routine section -> story flowables: the timeline, then one row per step, with its stroke's picture
when the page has room for one.

The routine starts a page of its own. When its rows leave much of a pocket page empty, each row
carries a small picture of its stroke (the strokes-at-a-glance page's thumbnail drawn smaller:
the same form, so no diagram is painted again), sized so the section fills the page without
running over. Without the room, the rows are as they always were.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from booklet.layout import Section
from booklet.model import Routine, Stroke
from booklet.render.flowables import Bulleted
from booklet.render.gauges import Timeline, minutes
from booklet.render.sections import Context, heading, para
from booklet.render.styles import WIDE_PAPER, Look

SLACK = 6.0  # points kept free on the page: measuring is exact, frames round
FILL = 0.72  # the rows get pictures only when the page would otherwise be less full than this
THUMB_EMS = (6.0, 5.5, 5.0, 4.5, 4.0, 3.5)  # picture heights tried, in body sizes, largest first
THUMB_SHARE = 0.8  # a picture's box is this much as wide as it is high (the back is 0.74)


def routine(section: Section, ctx: Context) -> list[Flowable]:
    look = ctx.look
    item: Routine = section.payload
    words = ctx.plan.edition.booklet
    names = {s.id: s.name for s in words.strokes}
    pressure = {s.id: s.pressure for s in words.strokes}
    head: list[Flowable] = [heading(section, look)]
    if item.intro:
        head.append(para(item.intro, look["lead"]))
    head += [Timeline(item, minutes(item.minutes, words), look, names, pressure), Spacer(1, look.body_size)]
    texts: list[str] = []
    for step in item.steps:
        text = f"**{names.get(step.stroke, step.stroke)}** · {minutes(step.minutes, words)}"
        if step.stroke in pressure:
            text += " · " + words.label("level_" + pressure[step.stroke])
        if step.note:
            text += f". {step.note}"
        texts.append(text)
    total = para(f"**{words.label('total', time=minutes(item.minutes, words))}**", look["body"])
    strokes = {s.id: s for s in words.strokes}
    pictured = [strokes.get(step.stroke) for step in item.steps]
    size = thumb_size(head, total, texts, look) if all(s is not None and has_thumb(s) for s in pictured) else None
    rows = [
        row(text, step.stroke, start, step.minutes, look, ctx, size)
        for text, step, start in zip(texts, item.steps, starts(item), strict=True)
    ]
    return [*head, *rows, total]


def starts(item: Routine) -> list[float]:
    out, start = [], 0.0
    for step in item.steps:
        out.append(start)
        start += step.minutes
    return out


def has_thumb(stroke: Stroke) -> bool:
    from booklet.render.stroke import has_picture

    return has_picture(stroke)


def row(text: str, stroke: str, start: float, length: float, look: Look, ctx: Context, size: float | None) -> Bulleted:
    """One routine step: its minutes tag (and its stroke's picture when ``size`` is given), then the text."""
    tag_w = look["step"].fontSize * 3.6
    if size is None:
        return Bulleted(
            para(text, look["step"]), tag_w, minute_tag(start, start + length, look), look["step"].spaceAfter
        )
    box_w, gap = size * THUMB_SHARE, look.body_size * 0.8
    tag = minute_tag(start, start + length, look)
    thumb = Thumb(stroke, ctx, box_w, size)

    def picture(canv: Canvas, x: float, top: float) -> None:
        thumb.paint(canv, x, top - size)

    def marker(canv: Canvas, x: float, top: float) -> None:
        tag(canv, x + box_w + gap, top)

    indent = box_w + gap + tag_w
    # The picture repeats what the row's words say (the glance page's figure carries the alt text): decoration.
    return Bulleted(para(text, look["step"]), indent, marker, look.body_size * 0.6, min_height=size, aside=picture)


def thumb_size(head: list[Flowable], total: Flowable, texts: list[str], look: Look) -> float | None:
    """The rows' picture height that best fills the routine's page, or None when the plain rows
    fill it well already (or no picture of a legible size fits)."""
    if look.page_w >= WIDE_PAPER:
        return None  # A4 and Letter: the short section after the routine shares its page instead
    room = look.frame_h - SLACK
    fixed = sum(_height(f, look.frame_w, room) for f in [*head, total])
    tag_w = look["step"].fontSize * 3.6
    plain = sum(_height(para(t, look["step"]), look.frame_w - tag_w, room) + look["step"].spaceAfter for t in texts)
    if fixed + plain >= FILL * room:
        return None
    for ems in THUMB_EMS:
        size = look.body_size * ems
        width = look.frame_w - size * THUMB_SHARE - look.body_size * 0.8 - tag_w
        rows = sum(max(size, _height(para(t, look["step"]), width, room)) + look.body_size * 0.6 for t in texts)
        if fixed + rows <= room:
            return size
    return None


def _height(f: Flowable, width: float, room: float) -> float:
    return f.wrap(width, room)[1] + f.getSpaceBefore() + f.getSpaceAfter()


class Thumb:
    """A stroke's small picture in a box: the strokes-at-a-glance thumbnail scaled down (the same
    drawing, so its form is reused and nothing is painted again), else drawn for the box."""

    def __init__(self, stroke: str, ctx: Context, width: float, height: float):
        self.stroke, self.ctx, self.width, self.height = stroke, ctx, width, height

    def paint(self, canv: Canvas, x: float, y: float) -> None:
        from booklet.render.forms import form_for
        from booklet.render.stroke import picture_for, thumbnail

        stroke = next((s for s in self.ctx.plan.edition.booklet.strokes if s.id == self.stroke), None)
        if stroke is None:
            return
        picture = thumbnail(stroke, self.ctx) or picture_for(stroke, self.ctx, self.width, self.height, key=False)
        if picture is None:
            return
        if isinstance(picture, Drawing):
            factor = min(1.0, self.width / picture.width, self.height / picture.height)
            w, h = picture.width * factor, picture.height * factor
            canv.saveState()
            canv.translate(x + (self.width - w) / 2, y + self.height - h)
            canv.scale(factor, factor)
            canv.doForm(form_for(canv, picture))
            canv.restoreState()
            return
        w, h = picture.wrap(self.width, self.height)
        picture.drawOn(canv, x + (self.width - w) / 2, y + self.height - h)


def minute_tag(start: float, end: float, look: Look):
    """The routine's own numbering: the minutes a step runs, in an outlined tag (steps use discs)."""
    text = f"{start:g}\u2013{end:g}"

    def draw(canv: Canvas, x: float, top: float) -> None:
        style = look["step"]
        size = max(look.min_text, style.fontSize * 0.78)
        h = size * 1.6
        w = look["step"].fontSize * 3.1
        y = top - style.leading * 0.5 - h / 2 + style.fontSize * 0.1
        canv.saveState()
        canv.setStrokeColor(look.accent)
        canv.setLineWidth(1)
        canv.roundRect(x, y, w, h, h * 0.25, stroke=1, fill=0)
        canv.setFillColor(look.accent)
        canv.setFont(look.fonts.bold, size)
        canv.drawCentredString(x + w / 2, y + h / 2 - size * 0.35, text)
        canv.restoreState()

    return draw
