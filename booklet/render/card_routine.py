"""Routine + the room under the routine card's timeline -> its steps drawn there, each with its
stroke's small picture, the minutes it runs, its name and pressure.

A pocket card's front should be read at a glance: the order of the strokes, what each looks
like, how long. Rows shrink to the room, and are left out (the front keeps its timeline alone)
when a row could not hold text at the edition's least size, as on a business card.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from booklet.model import Booklet, Routine
from booklet.render.forms import draw_on
from booklet.render.gauges import hex_colour, minutes
from booklet.render.markup import to_para
from booklet.render.styles import INK, MUTED, Look

ROW_MAX = 6.0  # a row is at most this many text sizes high
PICTURE_LEAST = 2.4  # text sizes: a lower row has no room for a picture worth drawing


def routine_rows(
    canv: Canvas, look: Look, box: tuple[float, float, float, float], routine: Routine, words: Booklet, size: float
) -> None:
    """Draw the routine's steps in ``box`` (x, y, width, height), top down, text at ``size`` or less."""
    x, y, width, height = box
    count = len(routine.steps)
    if not count:
        return
    row_h = min(height / count, size * ROW_MAX)
    text = min(size * 1.2, row_h / 2.8)  # two lines a row, with air; a little over the card text size
    if text < look.min_text:
        return
    strokes = {s.id: s for s in words.strokes}
    picture_w = row_h * 0.82 if row_h >= text * PICTURE_LEAST else 0.0
    name_style = ParagraphStyle(
        "routine-row", fontName=look.fonts.bold, fontSize=text, leading=text * 1.2, textColor=INK
    )
    note_style = ParagraphStyle(
        "routine-row-note", parent=name_style, fontName=look.fonts.regular, textColor=look.muted or MUTED
    )
    start = 0.0
    top = y + height
    for step in routine.steps:
        stroke = strokes.get(step.stroke)
        if picture_w and stroke is not None:
            _picture(canv, look, words, stroke, (x, top - row_h * 0.95, picture_w * 0.95, row_h * 0.9))
        text_x = x + (picture_w + text * 0.6 if picture_w else 0.0)
        span = f"{start:g}\u2013{start + step.minutes:g}"
        name = stroke.name if stroke is not None else step.stroke
        facts = minutes(step.minutes, words)
        if stroke is not None:
            facts += " · " + words.label("level_" + stroke.pressure)
        lines = [
            Paragraph(f'<font color="{hex_colour(look.accent)}">{span}</font>\u2002' + to_para(name), name_style),
            Paragraph(to_para(facts), note_style),
        ]
        line_top = top - (row_h - sum(p.wrap(width - text_x + x, row_h)[1] for p in lines)) / 2
        for line in lines:
            _, h = line.wrap(width - text_x + x, row_h)
            line.drawOn(canv, text_x, line_top - h)
            line_top -= h
        top -= row_h
        start += step.minutes


def _picture(canv: Canvas, look: Look, words: Booklet, stroke, box: tuple[float, float, float, float]) -> None:
    """The stroke's small picture (no key: the stroke's own card carries it) centred in its box."""
    from booklet.illustrate.pictures import stroke_picture

    x, y, w, h = box
    drawing = stroke_picture(
        stroke, words, words.root, w, h, accent=hex_colour(look.accent), font=look.fonts.regular, show_legend=False
    )
    if drawing is None:
        return
    dw, dh = drawing.wrap(w, h)
    draw_on(canv, drawing, x + (w - dw) / 2, y + (h - dh) / 2)
