"""Booklet flowables: each is ReportLab's wrap/draw/split contract and nothing more.

Every flowable that holds text can split, so long content flows to the next page
instead of being clipped or raising LayoutError.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from booklet.render.measured import Measured
from booklet.render.tagging import artifact
from booklet.render.tagging import part as tag_part

Marker = Callable[[Canvas, float, float], None]  # draws at (x, top_y) of the first line


class Heading(Measured):
    """A heading that is also a destination, a bookmark and a page-number source."""

    def __init__(self, text: str, style, key: str, outline: str, level: int = 0, toc: bool = True):
        super().__init__(text, style)
        self.key, self.outline, self.level, self.toc = key, outline, level, toc
        self.keepWithNext = True

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize * 0.8)
        canv.addOutlineEntry(self.outline, self.key, self.level, closed=False)
        canv.page_of[self.key] = canv.getPageNumber()


class Anchor(Flowable):
    """A zero-size destination for sections whose visible heading is drawn elsewhere."""

    def __init__(self, key: str, outline: str, level: int = 0):
        super().__init__()
        self.key, self.outline, self.level = key, outline, level
        self.width = self.height = 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.outline, self.key, self.level, closed=False)
        self.canv.page_of[self.key] = self.canv.getPageNumber()


class PageMark(Flowable):
    """A zero-size destination that records its page, with no bookmark (for "see page N")."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.page_of[self.key] = self.canv.getPageNumber()


class MinimumMeasure(Flowable):
    """Fails the layout where a column is too narrow to read: fewer than ``ems`` of body text a line."""

    def __init__(self, body_size: float, ems: float = 12):
        super().__init__()
        self.body_size, self.ems = body_size, ems
        self.width = self.height = 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if avail_w < self.body_size * self.ems:
            from reportlab.platypus.doctemplate import LayoutError

            raise LayoutError(f"a column of {avail_w:.0f} pt holds fewer than {self.ems:g} ems of text")
        return (0, 0)

    def draw(self) -> None:
        pass


class SectionMark(Flowable):
    """Records the section in progress: its title for 'continued' heads on later pages, how
    many pages it owns before a page counts as continued (2 for a stroke's spread), and
    its thumb-tab position (-1 for none)."""

    def __init__(self, title: str, own_pages: int = 1, tab: int = -1, ref: object = None):
        super().__init__()
        self.title, self.own_pages, self.tab = title, own_pages, tab
        self.ref = ref  # where the section's content was written, for a layout error
        self.width = self.height = 0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        if self.title:
            self.canv.section = (self.title, page, self.own_pages, self.tab)
        else:  # the section ended on this page: the next page is not "continued"
            self.canv.section = ("", page, 1, -1)
        if self.tab >= 0:
            self.canv.page_tab.setdefault(page, self.tab)
        self.canv.section_ref = self.ref


class SectionEnd(ActionFlowable):
    """The end of a section, applied where the story reaches it: it takes no room, so it can
    never spill onto a page of its own the way a zero-size flowable after a full page does."""

    def __init__(self):
        super().__init__(("sectionEnd",))

    def apply(self, doc) -> None:
        canv = doc.canv
        canv.section = ("", canv.getPageNumber(), 1, -1)


def _full_frame(flowable: Flowable, fallback: float) -> float:
    """The height of an empty frame where the flowable is being laid out (``fallback`` if unknown)."""
    try:
        frame = flowable._doctemplateAttr("frame")
    except AttributeError:
        return fallback
    return float(getattr(frame, "_aH", fallback) or fallback)


class Bulleted(Flowable):
    """A paragraph with a marker (number badge, tick box, dot) hanging in its indent."""

    def __init__(
        self,
        para: Paragraph,
        indent: float,
        marker: Marker | None,
        space_after: float = 0,
        min_height: float = 0,
        aside: Marker | None = None,
    ):
        super().__init__()
        self.para, self.indent, self.marker = para, indent, marker
        self.space_after, self.min_height = space_after, min_height  # a marker taller than the text sets the height
        self.aside = aside  # decoration in the indent (a routine row's picture), drawn as an artifact

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        _, h = self.para.wrap(avail_w - self.indent, avail_h)
        self.width, self.height = avail_w, max(h, self.min_height)
        return (avail_w, self.height)

    def getSpaceAfter(self) -> float:
        return self.space_after

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        if self.height < self.para.style.leading * 8 and self.height <= _full_frame(self, avail_h):
            return []  # a short item moves whole: no step or checklist item cut at a page turn
        parts = self.para.split(avail_w - self.indent, avail_h)
        if len(parts) < 2:
            return []
        first = Bulleted(parts[0], self.indent, self.marker)
        return [first] + [Bulleted(p, self.indent, None, self.space_after) for p in parts[1:]]

    def draw(self) -> None:
        if self.aside is not None:
            with artifact(self.canv):
                self.aside(self.canv, 0, self.height)
        if self.marker is not None:
            with tag_part(self.canv, "Lbl", within="LI"):
                self.marker(self.canv, 0, self.height)
        with tag_part(self.canv, "LBody", within="LI"):
            self.para.drawOn(self.canv, self.indent, self.height - self.para.height)


class ContentsLine(Flowable):
    """Title, dotted leader and page number; the whole line links to the section."""

    def __init__(self, para: Paragraph, key: str, indent: float, number_font: tuple[str, float, colors.Color]):
        super().__init__()
        self.para, self.key, self.indent = para, key, indent
        self.number_font = number_font

    @staticmethod
    def text_w(avail_w: float, indent: float, number_font: tuple[str, float, colors.Color]) -> float:
        """The width its title is set in, on a line ``avail_w`` wide: the page number takes the rest."""
        return avail_w - indent - number_font[1] * 2.6 - 6

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.num_w = self.number_font[1] * 2.6
        _, h = self.para.wrap(self.text_w(avail_w, self.indent, self.number_font), avail_h)
        self.width, self.height = avail_w, h
        return (avail_w, h)

    def draw(self) -> None:
        canv, para = self.canv, self.para
        para.drawOn(canv, self.indent, 0)
        font, size, colour = self.number_font
        lines = para.blPara.lines
        extra = para.width if not lines else getattr(lines[-1], "extraSpace", None)
        if extra is None:
            extra = lines[-1][0]
        end_x = self.indent + (para.width - extra) + 4
        baseline = para.style.leading - para.style.fontSize
        with artifact(canv):
            canv.saveState()
            canv.setStrokeColor(colour)
            canv.setLineWidth(0.7)
            canv.setDash(0.6, 2.4)
            canv.setLineCap(1)
            if self.width - self.num_w - end_x > 8:
                canv.line(end_x, baseline + 0.5, self.width - self.num_w, baseline + 0.5)
            canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.number_forms[self.key] = self.number_font
        canv.doForm(number_form(self.key))
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def number_form(key: str) -> str:
    return "pg-" + "".join(ch if ch.isalnum() else "_" for ch in key)


class CautionBox(Flowable):
    """A caution panel styled by signal word: a coloured band, then the messages."""

    def __init__(
        self,
        label: str,
        band: tuple[colors.Color, colors.Color],
        paras: list[Paragraph],
        *,
        symbol: bool,
        tint: colors.Color,
        pad: float,
        band_font: tuple[str, float],
        continued: str = "",
        max_h: float = 0.0,
        stop: bool = False,
    ):
        super().__init__()
        self.label, self.band, self.paras = label, band, paras
        self.continued = continued or f"{label} (continued)"  # the band on the part after a page break
        self.symbol, self.tint, self.pad, self.band_font = symbol, tint, pad, band_font
        self.max_h, self.stop = max_h, stop  # a panel no taller than max_h (a page) never splits

    @property
    def band_h(self) -> float:
        return self.band_font[1] * 1.75

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        inner = avail_w - 2 * self.pad
        heights = [p.wrap(inner, avail_h)[1] + p.getSpaceAfter() for p in self.paras]
        self.width = avail_w
        self.height = self.band_h + self.pad * 1.2 + sum(heights)
        return (self.width, self.height)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        if self.max_h and self.wrap(avail_w, avail_h)[1] <= self.max_h:
            return []  # a safety message is one panel: it moves whole to the next page
        room = avail_h - self.band_h - self.pad * 1.2
        inner = avail_w - 2 * self.pad
        taken: list[Paragraph] = []
        rest: list[Paragraph] = []
        for i, para in enumerate(self.paras):
            h = para.wrap(inner, room)[1] + para.getSpaceAfter()
            if h <= room:
                taken.append(para)
                room -= h
                continue
            # The first part of a split paragraph still carries the space after it.
            room -= para.getSpaceAfter()
            parts = para.split(inner, room) if room > para.style.leading * 2 else []
            taken += parts[:1]
            rest = parts[1:] + self.paras[i + 1 :] if parts else self.paras[i:]
            break
        first = self._with(self.label, taken)
        if not taken or not rest or first.wrap(avail_w, avail_h)[1] > avail_h:
            return []  # nothing fits here (the box moves to the next page) or it already fits whole
        return [first, self._with(self.continued, rest)]

    def _with(self, label: str, paras: list[Paragraph]) -> CautionBox:
        return CautionBox(
            label,
            self.band,
            paras,
            symbol=self.symbol,
            tint=self.tint,
            pad=self.pad,
            band_font=self.band_font,
            continued=self.continued,
            stop=self.stop,
        )

    def draw(self) -> None:
        canv, w, h, pad = self.canv, self.width, self.height, self.pad
        fill, ink = self.band
        canv.saveState()
        with artifact(canv):  # the panel and its band are decoration; the signal word is read
            canv.setFillColor(self.tint)
            canv.setStrokeColor(fill)
            canv.setLineWidth(0.8)
            canv.roundRect(0, 0, w, h, 3, stroke=1, fill=1)
            canv.setFillColor(fill)
            path = canv.beginPath()
            path.roundRect(0, h - self.band_h, w, self.band_h, 3)
            canv.drawPath(path, stroke=0, fill=1)
            canv.rect(0, h - self.band_h, w, self.band_h / 2, stroke=0, fill=1)
            x = pad
            if self.symbol:
                alert_symbol(canv, x, h - self.band_h * 0.78, self.band_h * 0.58, ink, fill)
                x += self.band_h * 0.85
            elif self.stop:
                stop_symbol(canv, x, h - self.band_h * 0.82, self.band_h * 0.64, ink, fill)
                x += self.band_h * 0.85
        canv.setFillColor(ink)
        font, size = self.band_font
        canv.setFont(font, size)
        with tag_part(canv, "signal", "P", once=True):
            canv.drawString(x, h - self.band_h * 0.66, self.label)
        canv.restoreState()
        y = h - self.band_h - pad * 0.6
        for para in self.paras:
            _, ph = para.wrap(w - 2 * pad, h)
            y -= ph
            para.drawOn(canv, pad, y)
            y -= para.getSpaceAfter()


def alert_symbol(canv: Canvas, x: float, y: float, size: float, fill: colors.Color, mark: colors.Color) -> None:
    """The safety alert symbol: an exclamation mark in an equilateral triangle."""
    canv.saveState()
    canv.setFillColor(fill)
    path = canv.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + size, y)
    path.lineTo(x + size / 2, y + size * 0.9)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.setFillColor(mark)
    cx = x + size / 2
    canv.rect(cx - size * 0.055, y + size * 0.3, size * 0.11, size * 0.36, stroke=0, fill=1)
    canv.circle(cx, y + size * 0.17, size * 0.065, stroke=0, fill=1)
    canv.restoreState()


def stop_symbol(canv: Canvas, x: float, y: float, size: float, ring: colors.Color, fill: colors.Color) -> None:
    """A stop sign: an octagon with a bar, so the panel reads as "stop" before it is read."""
    import math

    canv.saveState()
    canv.setFillColor(ring)
    path = canv.beginPath()
    r, cx, cy = size / 2, x + size / 2, y + size / 2
    for i in range(8):
        angle = math.pi / 8 + i * math.pi / 4
        point = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        path.moveTo(*point) if i == 0 else path.lineTo(*point)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.setFillColor(fill)
    canv.rect(cx - r * 0.55, cy - r * 0.16, r * 1.1, r * 0.32, stroke=0, fill=1)
    canv.restoreState()


class SideBySide(Flowable):
    """A figure beside a column of flowables; stacks them when they cannot share a page."""

    def __init__(self, figure: Flowable, column: list[Flowable], figure_share: float, gap: float):
        super().__init__()
        self.figure, self.column = figure, column
        self.share, self.gap = figure_share, gap

    def _sizes(self, avail_w: float, avail_h: float) -> tuple[float, float, float]:
        fig_w = avail_w * self.share
        col_w = avail_w - fig_w - self.gap
        self.drawn_w, fig_h = self.figure.wrap(fig_w, avail_h)
        col_h = sum(f.wrap(col_w, avail_h)[1] + f.getSpaceAfter() for f in self.column)
        return fig_w, fig_h, col_h

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.fig_w, self.fig_h, self.col_h = self._sizes(avail_w, avail_h)
        self.width, self.height = avail_w, max(self.fig_h, self.col_h)
        return (self.width, self.height)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        if self.figure.wrap(avail_w, avail_h)[1] > avail_h:
            return []  # stacked, the figure would not fit either: the whole moves on to the next frame
        return [self.figure, *self.column]

    def draw(self) -> None:
        canv = self.canv
        self.figure.drawOn(canv, (self.fig_w - self.drawn_w) / 2, self.height - self.fig_h)
        x = self.fig_w + self.gap
        col_w = self.width - x
        y = self.height
        for flowable in self.column:
            _, h = flowable.wrap(col_w, self.height)
            y -= h
            flowable.drawOn(canv, x, y)
            y -= flowable.getSpaceAfter()


class Stack(Flowable):
    """Flowables one above the other, centred, treated as one (a figure and its caption)."""

    def __init__(self, parts: list[Flowable], gap: float = 0.0):
        super().__init__()
        self.parts, self.gap = parts, gap

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.sizes = [p.wrap(avail_w, avail_h) for p in self.parts]
        self.width = max(w for w, _ in self.sizes)
        self.height = sum(h for _, h in self.sizes) + self.gap * (len(self.parts) - 1)
        return (self.width, self.height)

    def draw(self) -> None:
        y = self.height
        for part, (w, h) in zip(self.parts, self.sizes, strict=True):
            y -= h
            part.drawOn(self.canv, (self.width - w) / 2, y)
            y -= self.gap
