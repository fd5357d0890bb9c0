"""Cautions and the stop list -> the lines a card back carries, styled as ANSI Z535.6 asks.

A safety message on a card is one line that never splits: the signal word on a chip of
its colour (danger red, warning orange, caution yellow, notice blue), with the safety
alert symbol before the word for danger, warning and caution (notice has none), then
the message. The chip has the same colours, symbol and ink as the booklet's panels
(render/safety.py), so a hazard looks the same on a card as on a page.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from booklet.model import Booklet, Caution, ref_of
from booklet.render.flowables import alert_symbol
from booklet.render.hyphens import soft
from booklet.render.markup import to_para
from booklet.render.styles import SIGNAL_COLOURS, STOP_COLOUR


class SignalLine(Flowable):
    """One safety message: the signal word on its colour chip, then the text running on after it."""

    def __init__(self, signal: str, label: str, text: str, style: ParagraphStyle, bold_font: str):
        super().__init__()
        self.signal, self.label, self.bold_font = signal, label, bold_font
        size = style.fontSize
        self.size = size
        self.pad = size * 0.3
        self.symbol_w = size * 1.05 if signal != "notice" else 0.0
        self.chip_w = self.pad * 2 + self.symbol_w + _width(label, bold_font, size)
        indent = self.chip_w + size * 0.35
        self.para = Paragraph(
            text, ParagraphStyle(f"signal-{signal}", parent=style, firstLineIndent=indent, leftIndent=0)
        )

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, self.para.wrap(avail_w, avail_h)[1]
        return (self.width, self.height)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        return []  # one safety message, one piece: it moves whole or the card is refused

    def getSpaceAfter(self) -> float:  # noqa: N802 (the Flowable protocol)
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        canv, size = self.canv, self.size
        fill, ink = SIGNAL_COLOURS[self.signal]
        baseline = self.height - size  # where ReportLab sets the paragraph's first line
        canv.saveState()
        canv.setFillColor(fill)
        canv.roundRect(0, baseline - size * 0.28, self.chip_w, size * 1.22, size * 0.18, stroke=0, fill=1)
        x = self.pad
        if self.symbol_w:
            alert_symbol(canv, x, baseline - size * 0.08, size * 0.9, ink, fill)
            x += self.symbol_w
        canv.setFillColor(ink)
        canv.setFont(self.bold_font, size)
        canv.drawString(x, baseline, self.label)
        canv.restoreState()
        self.para.drawOn(canv, 0, 0)


def caution_line(
    caution: Caution, style: ParagraphStyle, words: Booklet, bold_font: str, short: bool = False, named: bool = False
) -> SignalLine:
    """A caution as one compact safety message (its card form if ``short``); ``named``: led by its stroke's name."""
    text = to_para(soft((caution.short or caution.text) if short else caution.text, style))
    if named and caution.source:  # on the cautions card: "Kneading: Light on the kidney area."
        text = f"<b>{to_para(caution.source)}:</b> {text}"
    return SignalLine(caution.signal, words.label(caution.signal), text, style, bold_font)


def stop_line(words: Booklet, style: ParagraphStyle) -> Paragraph | None:
    """The stop-at-once list as one line ("Stop at once if: sharp pain; dizziness; ..."), if the booklet has one."""
    items = tuple(getattr(words, "stop_if", ()) or ())
    if not items:
        return None
    colour = STOP_COLOUR.hexval().replace("0x", "#")
    heading = f'<font color="{colour}"><b>{to_para(words.label("stop_heading"))}:</b></font> '
    line = Paragraph(
        heading + "; ".join(to_para(item) for item in items),
        ParagraphStyle("stopline", parent=style, firstLineIndent=0, leftIndent=0),
    )
    line.source = (ref_of(words, "stop_if"), "stop_if")
    return line


def more_line(words: Booklet, style: ParagraphStyle) -> Paragraph:
    """On a card too small for all its cautions: where the rest (and the stop list) are."""
    return Paragraph(
        f"<b>{to_para(words.label('card_see_cautions'))}</b>",
        ParagraphStyle("moreline", parent=style, firstLineIndent=0, leftIndent=0),
    )


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)
