"""Plan sections -> story flowables: one builder per kind of section.

Text enters ReportLab only through markup.to_para (escaped, with the documented
inline markup); plain strings drawn on the canvas go through markup.plain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, PageBreak, Paragraph, Spacer

from booklet.hyphenate import Hyphenator
from booklet.layout import Plan, Section
from booklet.model import Checklist
from booklet.render.flowables import Anchor, Bulleted, ContentsLine, Heading, SideBySide, Stack
from booklet.render.hyphens import MIN_MEASURE, fit_title, for_text, words_of
from booklet.render.markup import escape, plain, to_para
from booklet.render.measured import Measured
from booklet.render.styles import RULE, Look
from booklet.render.tagging import ARTIFACT, decoration

RUNNING = {"body", "lead", "item", "step", "caution"}  # styles of running text: no lone last word


@dataclass(frozen=True)
class Context:
    """What every section builder reads: the plan, its look and the content folder (for images)."""

    plan: Plan
    look: Look
    root: Path

    @property
    def fillable(self) -> bool:
        return self.plan.fillable


def para(text: str, style) -> Paragraph:
    """Author text as a paragraph; running text keeps its last two words together and hyphenates."""
    if style.name in RUNNING:
        text = tie_last_words(text)
    style = for_text(text, style)
    return Measured(_marked(text, words_of(style)), style)


@lru_cache(maxsize=8192)
def _marked(text: str, words: Hyphenator | None) -> str:
    """Author text -> its paragraph markup with soft hyphens (as soft and to_para): once per text and language."""
    return to_para(words.soft(text) if words else text)


def tie_last_words(text: str) -> str:
    """Join the last two words with a no-break space so no line holds one short word alone."""
    head, space, last = text.rstrip().rpartition(" ")
    if not space or len(last) > 12 or "\n" in last or " " not in head.strip():
        return text
    return f"{head}\u00a0{last}"


def heading(section: Section, look: Look, style: str = "h1") -> Heading:
    text, fitted = section.title, look[style]
    if look.frame_w / look.body_size >= MIN_MEASURE:  # on a tiny custom page long words are cut to fit
        text, fitted = fit_title(section.title, fitted, look.frame_w, look.min_text)
    return Heading(to_para(text), fitted, section.key, plain(section.title), section.level)


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
        size, digit = style.fontSize, max(look.min_text, style.fontSize * 0.82)
        r = size * 0.78
        # The number's top lines up with the first line's (its baseline a little higher, as it is
        # smaller), so the number and its step read as one line; the disc is centred on the number.
        rise = (1 + pdfmetrics.getFont(look.fonts.bold).face.descent / 1000) * (size - digit)
        baseline = top - size + rise - size * 0.05
        cy = baseline + digit * 0.36
        canv.saveState()
        canv.setFillColor(look.accent)
        canv.circle(x + r, cy, r, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(look.fonts.bold, digit)
        canv.drawCentredString(x + r, baseline, str(number))
        canv.restoreState()

    return draw


def routine(section: Section, ctx: Context) -> list[Flowable]:
    """The routine section (render/routine.py lays it out)."""
    from booklet.render.routine import routine as laid_out

    return laid_out(section, ctx)


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

    tag = ARTIFACT  # decoration: what it shows is said in words beside it, or nothing is

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


def references(section: Section, ctx: Context) -> list[Flowable]:
    """Each reference with its QR code, title, link (broken only at / . -) and note."""
    look = ctx.look
    story: list[Flowable] = [heading(section, look)]
    for ref in section.payload:
        story.append(
            KeepTogether([reference_row(ref, look, ctx.plan.edition.booklet.label("scan")), Spacer(1, look.body_size)])
        )
    return story


def reference_row(ref, look: Look, scan: str, share: float = 0.3) -> Flowable:
    from booklet.render.qr import QRCode

    if not ref.url:  # a printed book: title and note, no link to scan
        return Stack([para(f"**{ref.title}**", look["body"]), para(ref.note, look["small"])], 0)
    size = min(30 * mm * look.scale, look.frame_w * share)
    qr = QRCode(ref.url, size, colors.HexColor("#1E272D"))
    text_w = look.frame_w * (1 - share) - look.body_size
    url = "<br/>".join(escape(line) for line in break_url(ref.url, look["url"].fontName, look["url"].fontSize, text_w))
    column = [para(f"**{ref.title}**", look["body"]), Paragraph(url, look["url"])]
    if ref.note:
        column.append(para(ref.note, look["small"]))
    column.append(para(scan, look["small"]))
    row = SideBySide(qr, column, share, look.body_size)
    if row.wrap(look.frame_w, look.frame_h)[1] <= look.frame_h * 0.5:
        return row
    # A narrow page: the code beside the title, the link and the note under them, full width.
    url = "<br/>".join(escape(x) for x in break_url(ref.url, look["url"].fontName, look["url"].fontSize, look.frame_w))
    return Stack([SideBySide(qr, column[:1], share, look.body_size), Paragraph(url, look["url"]), *column[2:]], 0)


def break_url(url: str, font: str, size: float, width: float) -> list[str]:
    """A URL as lines no wider than ``width``, broken only after '/', '.' or '-', no hyphen added.

    A run with none of those that is still wider than a line breaks after '?', '&', '=' or
    '+' (a query string), and only a run with no break point at all is cut between letters.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def wide(text: str) -> bool:
        return stringWidth(text, font, size) > width

    lines: list[str] = []
    line = ""
    for piece in _url_pieces(url, r"/.\-", wide):
        if line and wide(line + piece):
            lines.append(line)
            line = piece
        else:
            line += piece
    if line:
        lines.append(line)
    return lines


def _url_pieces(text: str, marks: str, wide) -> list[str]:
    """Text cut after each run of ``marks``; a piece still too wide is cut at the next set of marks."""
    pieces = re.findall(rf"[^{marks}]*[{marks}]+|[^{marks}]+$", text)
    out: list[str] = []
    for piece in pieces:
        if not wide(piece):
            out.append(piece)
        elif marks != "?&=+":
            out += _url_pieces(piece, "?&=+", wide)
        else:  # no break point at all: letters, as few per line as still fill it
            chunk = ""
            for ch in piece:
                if chunk and wide(chunk + ch):
                    out.append(chunk)
                    chunk = ""
                chunk += ch
            out.append(chunk)
    return out


def back_cover(section: Section, ctx: Context) -> list[Flowable]:
    """The back cover's text: the stop panel and the main reference's QR code, on one page."""
    from booklet.render.safety import stop_panel

    look, booklet = ctx.look, ctx.plan.edition.booklet
    from booklet.render.booklet import back_frame

    room = back_frame(look, 0).height - 2
    story: list[Flowable] = []
    # A tight back cover takes a smaller QR code and gap, then closer-set stop items; never tiny type.
    for share, compact in ((1.0, False), (0.8, False), (0.62, False), (0.62, True)):
        story = [Anchor(section.key, plain(section.title))]
        stop = stop_panel(booklet, look, compact=compact)
        if stop is not None:
            story += [stop, Spacer(1, look.body_size * share)]
        if booklet.references and booklet.references[0].url:
            from booklet.render.qr import QRCode

            main = booklet.references[0]
            size = min(24 * mm * look.scale, look.frame_w * 0.26) * share
            qr = QRCode(main.url, size, colors.HexColor("#1E272D"))
            title = para(f"**{main.title}**", look["small" if compact else "body"])
            story.append(
                SideBySide(qr, [para(booklet.label("main_reference"), look["h3"]), title], 0.28, look.body_size)
            )
        if sum(f.wrap(look.frame_w, room)[1] + f.getSpaceAfter() + f.getSpaceBefore() for f in story) <= room:
            break
    return [KeepInFrame(look.frame_w, look.frame_h, story, mode="shrink")]


class EvenPage(Flowable):
    """Before a stroke on pocket paper: if the stroke would start on a right-hand page, a ruled
    Notes page comes first, so its diagram is always on a left-hand page facing its steps."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.width = self.height = 0
        self.added = False

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if not self.added:
            self.added = True
            if self.canv.getPageNumber() % 2:
                look = self.ctx.look
                title = self.ctx.plan.edition.booklet.label("notes")
                self._doctemplateAttr("frame").add_generated_content(  # a filler page: furniture
                    decoration(para(title, unkept(look["h1"]))), decoration(Ruled(look)), PageBreak()
                )
        return (0, 0)

    def draw(self) -> None:
        pass
