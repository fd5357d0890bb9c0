"""Stroke and routine facts -> the drawings and words that booklet pages and cards share.

The pressure meter, the routine's time bar, minutes in the booklet's language, and
what a diagram is drawn with (the accent as hex, zone names as a map prints them).
Both render/sections.py (and the stroke pages) and render/cards.py import these, so
neither imports the other.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from booklet.model import Booklet, Routine
from booklet.render.markup import plain
from booklet.render.styles import RULE, Look, tint
from booklet.render.tagging import ARTIFACT


def hex_colour(colour: colors.Color) -> str:
    return "#" + colour.hexval()[2:].upper()


def map_names(words: Booklet) -> dict[str, str]:
    """Zone id -> its name as a diagram prints it standing alone, in the booklet's language."""
    from booklet.illustrate.figures import ALL_ZONE_NAMES

    return {zone: words.label("map_zone", zone=words.zone_name(zone)) for zone in ALL_ZONE_NAMES}


class PressureMeter(Flowable):
    """Three bars, filled up to the stroke's pressure."""

    tag = ARTIFACT  # decoration: what it shows is said in words beside it, or nothing is

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


def minutes(value: float, words: Booklet) -> str:
    """Minutes in the booklet's language: number format and plural form."""
    from booklet.locale import minutes as in_words

    return in_words(value, words)


PRESSURE_TINT = {"light": 0.62, "moderate": 0.32, "firm": 0.0}  # deeper colour, firmer touch


class Timeline(Flowable):
    """The routine as a time bar: one segment per step in proportion to its minutes, tinted by
    pressure, a tick every minute, and each stroke's name under its segment."""

    tag = ARTIFACT  # decoration: what it shows is said in words beside it, or nothing is

    def __init__(
        self,
        item: Routine,
        total: str,
        look: Look,
        names: dict[str, str] | None = None,
        pressure: dict[str, str] | None = None,
    ):
        super().__init__()
        self.item, self.total, self.look = item, total, look
        self.names, self.pressure = names or {}, pressure or {}

    @property
    def label_size(self) -> float:
        return max(self.look.min_text, self.look.body_size * 0.72)

    def _name_lines(self, width: float) -> list[list[str]]:
        from reportlab.lib.utils import simpleSplit

        total = self.item.minutes or 1
        out = []
        for step in self.item.steps:
            w = width * step.minutes / total - 3
            name = plain(self.names.get(step.stroke, ""))
            lines = simpleSplit(name, self.look.fonts.regular, self.label_size, w) if name else []
            from reportlab.pdfbase.pdfmetrics import stringWidth

            fits = len(lines) <= 2 and all(stringWidth(x, self.look.fonts.regular, self.label_size) <= w for x in lines)
            out.append(lines if fits else [])
        return out

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.lines = self._name_lines(avail_w) if self.names else []
        rows = max((len(x) for x in self.lines), default=0)
        self.width = avail_w
        self.height = self.look.body_size * 1.5 + self.label_size * (1.9 + 1.2 * rows) + 2
        return (self.width, self.height)

    def draw(self) -> None:
        canv, look, total = self.canv, self.look, self.item.minutes or 1
        bar_h, size = look.body_size * 1.5, self.label_size
        top = self.height
        x = 0.0
        canv.saveState()
        for n, step in enumerate(self.item.steps, 1):
            w = self.width * step.minutes / total
            amount = PRESSURE_TINT.get(self.pressure.get(step.stroke, ""), 0.3)
            canv.setFillColor(tint(look.accent, amount))
            canv.rect(x, top - bar_h, w - 1.2, bar_h, stroke=0, fill=1)
            if w > size * 1.6:
                canv.setFillColor(colors.white if amount < 0.4 else look["body"].textColor)
                canv.setFont(look.fonts.bold, size)
                canv.drawCentredString(x + w / 2, top - bar_h / 2 - size * 0.35, str(n))
            for i, line in enumerate(self.lines[n - 1] if self.lines else []):
                canv.setFillColor(look["body"].textColor)
                canv.setFont(look.fonts.regular, size)
                canv.drawString(x + 1, top - bar_h - size * (3.2 + 1.2 * i), line)
            x += w
        canv.setStrokeColor(look.muted)
        canv.setLineWidth(0.6)
        canv.setFillColor(look.muted)
        canv.setFont(look.fonts.regular, size)
        whole = int(total)
        every = 1 if self.width / max(whole, 1) > size * 2.2 else 5
        from reportlab.pdfbase.pdfmetrics import stringWidth

        # A minute number keeps clear of "0" at the left and of the total ("12 minutes") at the right.
        left = stringWidth("0", look.fonts.regular, size) + size * 0.5
        right = self.width - stringWidth(self.total, look.fonts.regular, size) - size * 0.5
        for minute in range(whole + 1):
            tx = min(self.width - 0.3, self.width * minute / total)
            tick = size * (0.55 if minute % every else 0.8)
            canv.line(tx, top - bar_h - 1, tx, top - bar_h - 1 - tick)
            half = stringWidth(str(minute), look.fonts.regular, size) / 2
            if minute % every == 0 and 0 < minute < whole and left <= tx - half and tx + half <= right:
                canv.drawCentredString(tx, top - bar_h - size * 1.9, str(minute))
        canv.drawString(0, top - bar_h - size * 1.9, "0")
        canv.drawRightString(self.width, top - bar_h - size * 1.9, self.total)
        canv.restoreState()
