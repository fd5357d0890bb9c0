"""Plan -> PDF bytes: page templates, page furniture and the story, in one layout pass.

The contents page prints page numbers before the pages exist: each number is a form
XObject referenced by name and defined when the document is saved, once every
heading has been placed. So the story is laid out and drawn once, not two or three
times as with multiBuild.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import LayoutError

from booklet.errors import ContentError
from booklet.layout import Plan, Section
from booklet.model import NOWHERE, SourceRef, ref_of
from booklet.render.flowables import SectionMark, number_form
from booklet.render.markup import plain, to_para
from booklet.render.sections import BUILDERS, Context, hex_colour
from booklet.render.settings import with_render_settings
from booklet.render.styles import MUTED, RULE, Look, make_look, tint

log = logging.getLogger(__name__)


class BookletCanvas(Canvas):
    """A canvas that remembers where headings landed and defines page-number forms last."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_of: dict[str, int] = {}
        self.number_forms: dict[str, tuple[str, float, colors.Color]] = {}
        self.section: tuple[str, int] = ("", 0)

    def save(self) -> None:
        for key, (font, size, colour) in sorted(self.number_forms.items()):
            self.beginForm(number_form(key), lowerx=-size * 8, lowery=-size, upperx=size, uppery=size * 2)
            self.setFont(font, size)
            self.setFillColor(colour)
            self.drawRightString(0, 0, str(self.page_of.get(key, "")))
            self.endForm()
        super().save()


@with_render_settings
def render_booklet(plan: Plan) -> tuple[bytes, int]:
    """Lay out and draw a whole booklet; return the PDF bytes and the page count."""
    booklet = plan.edition.booklet
    root = Path(booklet.root)
    look = make_look(plan.edition, plan.paper, root)
    ctx = Context(plan, look, root)
    buffer = io.BytesIO()
    offset = sheet_offset(plan)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(look.page_w + 2 * offset, look.page_h + 2 * offset),
        title=plain(booklet.title),
        author=plain(booklet.author or booklet.publisher),
        subject=plain(booklet.subtitle or booklet.title),
        keywords=", ".join(plain(k) for k in booklet.keywords),
        creator="booklet",
        producer="booklet",
        lang=booklet.language,
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
        initialFontName=look.fonts.regular,
    )
    doc.addPageTemplates(templates(plan, look))
    try:
        doc.build(story(plan, ctx), canvasmaker=BookletCanvas)
    except LayoutError:  # every flowable splits; this is the net under that promise
        ref = getattr(getattr(doc, "canv", None), "section_ref", None) or booklet.ref
        raise ContentError.at(
            ref, f"content too large to lay out on a {plan.paper.name} page; shorten it or use a larger paper", "layout"
        ) from None
    return buffer.getvalue(), doc.page


def story(plan: Plan, ctx: Context) -> list:
    flow: list = [NextPageTemplate("body"), PageBreak()]
    body = [s for s in plan.sections if s.kind != "cover"]
    for i, section in enumerate(body):
        if section.kind == "back-cover":
            flow.append(NextPageTemplate("back"))
        if i and section.kind != "notes":  # notes pages make their own breaks, as many as needed
            flow.append(PageBreak())
        flow.append(SectionMark(plain(section.title) if section.kind == "stroke" else "", _section_ref(section, plan)))
        part = BUILDERS[section.kind](section, ctx)
        while part and isinstance(part[-1], Spacer):  # a trailing spacer could spill onto a page of its own
            part.pop()
        flow += part
        flow.append(SectionMark(""))  # drawn on the section's last page: the next page is not "continued"
    return flow


def _section_ref(section: Section, plan: Plan) -> SourceRef:
    """Where a section's content was written: its stroke, checklist or routine, else its booklet field."""
    booklet = plan.edition.booklet
    payload = section.payload[-1] if isinstance(section.payload, tuple) else section.payload
    own = getattr(payload, "ref", None)
    return own if isinstance(own, SourceRef) and own != NOWHERE else ref_of(booklet, section.kind)


MARK_ZONE = 10 * mm  # room outside the bleed for crop marks and the slug


def sheet_offset(plan: Plan) -> float:
    """Distance from the sheet edge to the trim: bleed plus room for marks, or nothing."""
    return plan.bleed_pt + MARK_ZONE if plan.bleed_pt else 0.0


def templates(plan: Plan, look: Look) -> list[PageTemplate]:
    o = sheet_offset(plan)
    frame = Frame(
        o + look.margin_x,
        o + look.margin_bottom,
        look.frame_w,
        look.frame_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    cover_frame = Frame(o, o, look.page_w, look.page_h, id="cover")

    def painter(draw):
        def on_page(canv: BookletCanvas, doc) -> None:
            if o:
                print_marks(canv, plan, look, o)
            canv.saveState()
            canv.translate(o, o)
            draw(canv, plan, look)
            canv.restoreState()

        return on_page

    return [
        PageTemplate("cover", [cover_frame], onPage=painter(draw_cover)),
        PageTemplate("body", [frame], onPage=painter(draw_furniture)),
        PageTemplate("back", [frame], onPage=painter(draw_back)),
    ]


def print_marks(canv: Canvas, plan: Plan, look: Look, o: float) -> None:
    """TrimBox and BleedBox, crop marks outside the bleed, and a slug line naming the page."""
    b, w, h = plan.bleed_pt, look.page_w, look.page_h
    canv.setTrimBox((o, o, o + w, o + h))
    canv.setBleedBox((o - b, o - b, o + w + b, o + h + b))
    canv.saveState()
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.25)
    start, end = b + 1 * mm, o - 1 * mm
    for x in (o, o + w):
        canv.line(x, o - start, x, o - end)
        canv.line(x, o + h + start, x, o + h + end)
    for y in (o, o + h):
        canv.line(o - start, y, o - end, y)
        canv.line(o + w + start, y, o + w + end, y)
    canv.setFont(look.fonts.regular, 5.5)
    canv.setFillColor(colors.black)
    words = plan.edition.booklet
    page = canv.getPageNumber()
    slug = words.label("page_slug", title=plain(words.title), edition=plain(plan.edition.name), page=page)
    canv.drawCentredString(o + w / 2, o - b - 5 * mm, fit(slug, look, 5.5))
    canv.restoreState()


def draw_furniture(canv: BookletCanvas, plan: Plan, look: Look) -> None:
    """Running footer (folio on the outer edge, edition name) and 'continued' heads."""
    page = canv.getPageNumber()
    style = look["footer"]
    y = look.margin_bottom * 0.45
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(look.margin_x, y + style.fontSize * 1.6, look.page_w - look.margin_x, y + style.fontSize * 1.6)
    canv.setFont(look.fonts.regular, style.fontSize)
    canv.setFillColor(MUTED)
    left_page = page % 2 == 0
    title = plain(plan.edition.booklet.title)
    edition = plain(plan.edition.name)
    running = f"{title} · {edition}" if edition else title
    canv.setFont(look.fonts.bold, style.fontSize * 1.1)
    canv.setFillColor(look.accent)
    if left_page:
        canv.drawString(look.margin_x, y, str(page))
        canv.setFont(look.fonts.regular, style.fontSize)
        canv.setFillColor(MUTED)
        canv.drawRightString(look.page_w - look.margin_x, y, fit(running, look, style.fontSize))
    else:
        canv.drawRightString(look.page_w - look.margin_x, y, str(page))
        canv.setFont(look.fonts.regular, style.fontSize)
        canv.setFillColor(MUTED)
        canv.drawString(look.margin_x, y, fit(running, look, style.fontSize))
    section, started = canv.section
    if section and started and started < page:
        canv.setFont(look.heading_fonts.bold, style.fontSize * 1.05)
        canv.setFillColor(look.accent)
        canv.drawString(
            look.margin_x,
            look.page_h - look.margin_top * 0.6,
            fit(plan.edition.booklet.label("continued", title=section), look, style.fontSize * 1.05),
        )
    canv.restoreState()


def fit(text: str, look: Look, size: float) -> str:
    """Shorten a running head with an ellipsis so it never runs into the folio."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = look.frame_w * 0.8
    if stringWidth(text, look.fonts.regular, size) <= room:
        return text
    low, high = 0, len(text)  # binary search for the longest prefix that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", look.fonts.regular, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw_cover(canv: BookletCanvas, plan: Plan, look: Look) -> None:
    """Accent panel with title and edition; the body diagram below; author at the foot."""
    booklet, w, h, b = plan.edition.booklet, look.page_w, look.page_h, plan.bleed_pt
    panel_y = h * 0.46
    canv.saveState()
    canv.setFillColor(look.accent)
    canv.rect(-b, panel_y, w + 2 * b, h - panel_y + b, stroke=0, fill=1)
    x, text_w = look.margin_x, w - 2 * look.margin_x
    top = h - look.margin_top * 1.4
    if booklet.theme.logo:
        draw_logo(canv, plan, look, top)
        text_w -= look.page_w * 0.16 + look.body_size * 1.5  # keep clear of the logo tile
    kicker_style = look["kicker"].clone("ck", textColor=tint(look.accent, 0.6))
    kicker = Paragraph(to_para(booklet.label("cover_kicker")), kicker_style)
    top = place(canv, kicker, x, top, text_w)
    top = place(canv, Paragraph(to_para(booklet.title), look["cover_title"]), x, top - 4, text_w)
    if booklet.subtitle:
        top = place(canv, Paragraph(to_para(booklet.subtitle), look["cover_sub"]), x, top - 6, text_w)
    if plan.edition.name:
        edition_badge(canv, plain(plan.edition.name), look, x, top - look.body_size * 4.5)
        top -= look.body_size * 5.5
    if plan.edition.recipient:
        prepared = booklet.label("prepared_for", name=plan.edition.recipient)
        place(canv, Paragraph(to_para(prepared), look["cover_sub"]), x, top - 6, text_w)
    from booklet.illustrate.pictures import cover_picture

    figure_h = panel_y + look.body_size * 3 - look.margin_bottom * 1.05
    drawing = cover_picture(booklet, w * 0.7, figure_h, accent=hex_colour(look.accent), font=look.fonts.regular)
    if drawing is not None:  # the theme's cover image, the first stroke's image or diagram; else none
        width, _ = drawing.wrap(w * 0.7, figure_h)
        drawing.drawOn(canv, (w - width) / 2, look.margin_bottom * 1.05)
    byline = " · ".join(plain(t) for t in (booklet.author, booklet.publisher) if t)
    if byline:
        canv.setFont(look.fonts.regular, look["footer"].fontSize)
        canv.setFillColor(MUTED)
        canv.drawCentredString(w / 2, look.margin_bottom * 0.55, fit(byline, look, look["footer"].fontSize))
    canv.restoreState()


def draw_logo(canv: Canvas, plan: Plan, look: Look, top: float) -> None:
    """The theme's logo in the cover's top right corner, on a white tile so any logo reads."""
    from booklet.illustrate.images import load_image

    size = look.page_w * 0.16
    logo = load_image(Path(plan.edition.booklet.root), plan.edition.booklet.theme.logo or "", size, size)
    width, height = logo.wrap(size, size)
    x = look.page_w - look.margin_x - size
    pad = size * 0.08
    canv.saveState()
    canv.setFillColor(colors.white)
    canv.roundRect(x - pad, top - size - pad, size + 2 * pad, size + 2 * pad, pad, stroke=0, fill=1)
    canv.restoreState()
    logo.drawOn(canv, x + (size - width) / 2, top - size + (size - height) / 2)


def place(canv: Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw a paragraph with its top at ``top``; return the y below it."""
    _, height = paragraph.wrap(width, top)
    paragraph.drawOn(canv, x, top - height)
    return top - height


def edition_badge(canv: Canvas, name: str, look: Look, x: float, y: float) -> None:
    size = look.body_size * 0.9
    text = fit(name, look, size)  # the author's edition name, as typed: never re-cased
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(text, look.heading_fonts.bold, size) + size * 2
    canv.saveState()
    canv.setFillColor(colors.white)
    canv.roundRect(x, y, width, size * 2.1, size * 1.05, stroke=0, fill=1)
    canv.setFillColor(look.accent)
    canv.setFont(look.heading_fonts.bold, size)
    canv.drawString(x + size, y + size * 0.72, text)
    canv.restoreState()


def draw_back(canv: BookletCanvas, plan: Plan, look: Look) -> None:
    """The back cover: an accent foot band with the colophon."""
    booklet = plan.edition.booklet
    band, b = look.margin_bottom * 0.95, plan.bleed_pt
    canv.saveState()
    canv.setFillColor(look.accent)
    canv.rect(-b, -b, look.page_w + 2 * b, band + b, stroke=0, fill=1)
    parts = [booklet.title, plan.edition.name, booklet.publisher or booklet.author]
    canv.setFillColor(colors.white)
    size = look["footer"].fontSize
    canv.setFont(look.fonts.regular, size)
    canv.drawCentredString(look.page_w / 2, band * 0.42, fit(" · ".join(plain(p) for p in parts if p), look, size))
    canv.restoreState()
