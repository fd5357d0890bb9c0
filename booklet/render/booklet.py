"""Plan -> PDF bytes: page templates, page furniture and the story, in one layout pass.

The contents page prints page numbers before the pages exist: each number is a form
XObject referenced by name and defined when the document is saved, once every
heading has been placed. So the story is laid out and drawn once, not two or three
times as with multiBuild.
"""

from __future__ import annotations

import functools
import gc
import io
import logging
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import (
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

import booklet.warm as warm
from booklet.errors import BookletError, ContentError
from booklet.finish import PDF_VERSION, Finisher, finish_plain
from booklet.finish.output import page_shown, saved
from booklet.layout import Plan, Section
from booklet.model import NOWHERE, SourceRef, ref_of
from booklet.render import safety, sections, stroke
from booklet.render.alt import cover_alt
from booklet.render.arcs import circle_path
from booklet.render.balance import balanced
from booklet.render.flowables import SectionEnd, SectionMark, number_form
from booklet.render.forms import draw_on
from booklet.render.furnished import Furniture, NotingText
from booklet.render.gauges import hex_colour
from booklet.render.hyphens import fit_title, soft
from booklet.render.markup import plain, to_para
from booklet.render.outlines import outline
from booklet.render.replay import GroupEnd, GroupStart, Pages, RecordingText, Refused, ReplayingDoc
from booklet.render.sections import Context, EvenPage
from booklet.render.settings import with_render_settings
from booklet.render.styles import RULE, Look, make_look
from booklet.render.tagging import Element, Recorder, artifact, part, tag_story
from booklet.render.tagging import section as tagged_section

BUILDERS = {
    "contents": sections.contents,
    "introduction": sections.introduction,
    "checklist": sections.checklist,
    "glance": stroke.glance,
    "stroke": stroke.stroke,
    "routine": sections.routine,
    "cautions": safety.cautions,
    "references": sections.references,
    "notes": sections.notes,
    "back-cover": sections.back_cover,
}

log = logging.getLogger(__name__)


class BookletCanvas(Canvas):
    """A canvas that remembers where headings landed and defines page-number forms last."""

    def __init__(
        self,
        *args,
        tags: Recorder | None = None,
        finish: Finisher | None = None,
        furniture: Furniture | None = None,
        **kwargs,
    ):
        super().__init__(*args, pdfVersion=PDF_VERSION, **kwargs)
        self.furniture = furniture  # the last build's page furniture, in booklet watch (render/furnished.py)
        self.furniture_runs: list | None = None  # the text runs of furniture being drawn, when it is kept
        self.tags = tags  # records marked content for the structure tree, when tagging
        self.finish = finish or finish_plain  # completes the document just before it is written
        self.page_of: dict[str, int] = {}
        self.number_forms: dict[str, tuple[str, float, colors.Color]] = {}
        self.section: tuple[str, int, int, int] = ("", 0, 1, -1)  # see SectionMark
        self.page_tab: dict[int, int] = {}  # page -> thumb-tab position of the section on it
        self.pdf = b""  # the document's bytes, once saved
        self.journal = None  # a stroke page's content being recorded (render/replay.py), if any
        self.references = 0  # PDF objects made so far: a recorded page may make none but its diagrams' forms
        self.written = True  # False: the pages are recorded (render/replay.py) but never written
        made = self._doc.Reference

        def counted(obj, name=None):
            self.references += 1
            return made(obj, name)

        self._doc.Reference = counted

    def circle(self, x_cen, y_cen, r, stroke=1, fill=0):
        """Canvas.circle, its quarters' factors worked out once (render/arcs.py): the same operators."""
        x, y, curves = circle_path(x_cen, y_cen, r)
        PDFPathObject(code=self._code).moveTo(x, y)  # as ReportLab begins a path on the page
        self._code.extend(curves)
        self._strokeAndFill(stroke, fill)

    def beginText(self, x=0, y=0, direction=None):
        if self.journal is not None and not self.journal.suspended:
            return RecordingText(self, x, y, direction)
        if self.furniture_runs is not None:
            return NotingText(self, x, y, direction)
        return super().beginText(x, y, direction)

    def drawText(self, aTextObject) -> None:
        journal = self.journal
        if journal is None or journal.suspended:
            super().drawText(aTextObject)
        elif isinstance(aTextObject, RecordingText) and aTextObject._journal is journal:
            index = len(self._code)
            super().drawText(aTextObject)
            journal.text(self, index, aTextObject)
        else:  # made before this page's recording began: not repeatable
            journal.ok = False
            super().drawText(aTextObject)

    def bookmarkPage(self, key, *args, **kwargs):
        if self.journal is not None and not self.journal.suspended:
            self.journal.call(self, "bookmarkPage", (key, *args), kwargs)
        return super().bookmarkPage(key, *args, **kwargs)

    def doForm(self, name) -> None:
        super().doForm(name)
        if self.journal is not None and not self.journal.suspended:
            self.journal.named(len(self._code) - 1, name)

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, relative=1, **kwargs):
        if self.journal is None or self.journal.suspended:
            return super().linkRect(contents, destinationname, Rect, addtopage, name, relative, **kwargs)
        rect = self._absRect(Rect, relative)  # the call is repeated where no transformation is in effect
        return self.journal.link(self, (contents, destinationname, rect, addtopage, name, 0), kwargs)

    def addOutlineEntry(self, *args, **kwargs):
        if self.journal is not None and not self.journal.suspended:
            self.journal.call(self, "addOutlineEntry", args, kwargs)
        return super().addOutlineEntry(*args, **kwargs)

    def showPage(self) -> None:
        if not self.written:  # render/parallel.py's second process: only the recordings of its pages are used
            del self._code[:]
        super().showPage()
        annotated = page_shown(self, self.written)  # its operators wait for the save compressed, not as text
        if self.tags is not None:
            self.tags.page_done(self.getPageNumber() - 1, annotated)

    def save(self) -> None:
        for key, (font, size, colour) in sorted(self.number_forms.items()):
            self.beginForm(number_form(key), lowerx=-size * 8, lowery=-size, upperx=size, uppery=size * 2)
            self.setFont(font, size)
            self.setFillColor(colour)
            self.drawRightString(0, 0, str(self.page_of.get(key, "")))
            self.endForm()
        if len(self._code):  # what Canvas.save would do first: the last page is shown before finishing
            self.showPage()
        self.finish(self)  # the cycle collector is paused here too (cycles_uncollected)
        self.pdf = saved(self)  # written piece by piece into one buffer, framed and identified: render_booklet takes it


@with_render_settings
def render_booklet(plan: Plan, tags: Recorder | None = None, finish: Finisher | None = None) -> tuple[bytes, int]:
    """Lay out and draw a whole booklet; return the PDF bytes and the page count.

    With a recorder, the story is tagged and the marked content is recorded into it;
    ``finish`` completes the document as it is saved (booklet.finish: the structure
    tree and metadata of a reading edition), else it gets the plain repairs. In a process
    that keeps pages (``booklet watch``), the strokes drawn last time are replayed where
    they can be (render/replay.py); a replay that meets another state builds afresh.
    """
    from booklet.render import replay

    keeping = replay.keeping()
    shared = replay.shared_inputs(plan, tags is not None) if keeping else None
    pages = replay.pages_for(shared) if keeping else _two_processes(plan)
    furniture = Furniture(shared) if keeping else None
    try:
        data, count = _render(plan, tags, finish, pages, furniture)
        if pages is not None and not pages.sound():
            raise Refused("a drawing cache filled while two processes laid out the booklet")
    except Refused as exc:
        log.debug("replay refused (%s): building afresh", exc)
        replay.reset(tags)
        pages = Pages([]) if keeping else None
        data, count = _render(plan, tags, finish, pages, furniture)
    if pages is not None and keeping:
        replay.keep(shared, pages)
    if furniture is not None:
        furniture.keep()
    return data, count


def _two_processes(plan: Plan) -> Pages | None:
    """For a one-off build of a long story: pages whose later runs a second process lays out (render/parallel.py)."""
    if warm.keeps():
        return None
    from booklet.render import parallel

    body = [s for s in plan.sections if s.kind != "cover"]
    runs = page_groups(body)
    if not parallel.wanted(len(runs)):
        return None
    strokes = len(plan.edition.booklet.strokes)
    first = parallel.split([sum(weight(s, strokes) for s in body[a:b]) for a, b in sorted(runs.items())])
    return parallel.Fed(first) if first < len(runs) else None


def weight(section: Section, strokes: int) -> float:
    """A section's rough cost to lay out, in strokes' worth (render/parallel.py splits the story by it): the
    contents and the strokes at a glance grow with the number of strokes."""
    return 1.0 + PER_STROKE.get(section.kind, 0.0) * strokes


PER_STROKE = {"contents": 0.08, "cautions": 0.08, "glance": 0.16, "routine": 0.01}  # measured at 320 strokes


def _render(
    plan: Plan, tags: Recorder | None, finish: Finisher | None, pages: Pages | None, furniture: Furniture | None = None
) -> tuple[bytes, int]:
    """One layout pass: the PDF bytes and the page count."""
    booklet = plan.edition.booklet
    root = Path(booklet.root)
    look = make_look(plan.edition, plan.paper, root)
    ctx = Context(plan, look, root)
    offset = sheet_offset(plan)
    doc = ReplayingDoc(
        io.BytesIO(),  # never written to: the canvas keeps its bytes (BookletCanvas.save)
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
    doc.pages = pages
    doc.addPageTemplates(templates(plan, look))
    if tags is not None:
        tags.root.part("cover", "Sect")  # drawn by the cover's page template, read first
    try:
        with cycles_uncollected():
            flow = story(plan, ctx, tags, pages is not None)
            maker = functools.partial(BookletCanvas, tags=tags, finish=finish, furniture=furniture)
            if pages is not None:
                pages.start(doc, flow, maker)
            doc.build(flow, canvasmaker=maker)
    except LayoutError:  # every flowable splits; this is the net under that promise
        ref = getattr(getattr(doc, "canv", None), "section_ref", None) or booklet.ref
        raise ContentError.at(
            ref, f"content too large to lay out on a {plan.paper.name} page; shorten it or use a larger paper", "layout"
        ) from None
    finally:
        if pages is not None:
            pages.close()
    data, count = doc.canv.pdf, doc.page
    return data, count


@contextmanager
def cycles_uncollected() -> Iterator[None]:
    """Python's cycle collector paused while a booklet is laid out and drawn, then as it was.

    The layout keeps every flowable, page and tag alive until it ends, so each full
    collection walks a heap that only grows: at 900 pages the collector took 0.9 s of the
    render (7%), growing faster than the page count, and found almost nothing (peak memory
    1 MB higher without it). Reference counting still frees everything that is not a cycle.

    In a process that does not build again, what the layout allocated goes to the oldest
    generation as it is (freeze, then unfreeze: two list moves) before the collector
    resumes: else its first young collection walks everything the build made, about 2%
    of a long build's time, to find a few thousand small cycles. They stay collectable
    at a full collection. A process that builds again (warm.py) collects them as before,
    so its heap never holds more than one build's leftovers.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not warm.keeps():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def story(plan: Plan, ctx: Context, tags: Recorder | None = None, grouped: bool = False) -> list:
    """The plan's sections as flowables. ``grouped``: each run of sections from one page break of the
    story to the next is a marker render/replay.py either replays or, where the layout reaches it, makes
    the run's flowables from (so a replayed run's sections are never built)."""
    flow: list = [NextPageTemplate("body"), PageBreak()]
    body = [s for s in plan.sections if s.kind != "cover"]
    groups = page_groups(body) if grouped else {}
    sects = [tags.root.add("Sect", title=plain(s.title)) if tags else Element("Sect") for s in body]
    i = runs = 0
    while i < len(body):
        end = groups.get(i)
        if end is None:
            flow += section_flow(plan, ctx, body, i, sects[i], tags)
            i += 1
            continue
        flow.append(NextPageTemplate(template_of(body[i], ctx.look)))
        if i:
            flow.append(PageBreak())  # a run starts after a page break of its own (page_groups)
        key = functools.partial(run_key, plan, body[i:end])
        make = functools.partial(run_flow, plan, ctx, body, i, end, sects, tags)
        marker = GroupStart(key, sects[i:end], GroupEnd(), make, runs)
        flow += [marker, marker.end]
        i, runs = end, runs + 1
    return flow


def run_key(plan: Plan, run: list[Section]) -> tuple:
    """A run of sections' replay key: what each section's builder reads (reads)."""
    return tuple(reads(s, plan) for s in run)


def run_flow(
    plan: Plan, ctx: Context, body: list[Section], first: int, end: int, sects: list, tags: Recorder | None
) -> list:
    """The flowables of a run of sections, after the first one's page break."""
    out = section_flow(plan, ctx, body, first, sects[first], tags, head=False)
    for i in range(first + 1, end):
        out += section_flow(plan, ctx, body, i, sects[i], tags)
    return out


def section_flow(
    plan: Plan, ctx: Context, body: list[Section], i: int, sect: Element, tags: Recorder | None, head: bool = True
) -> list:
    """One section's flowables: its page template and break (with ``head``), marks, content and end."""
    section = body[i]
    columns = ctx.look.columns > 1
    flow: list = []
    content = BUILDERS[section.kind](section, ctx)
    if head:
        flow.append(NextPageTemplate(template_of(section, ctx.look)))
        if i and runs_on(section, body[i - 1]):
            flow.append(CondPageBreak(run_on_room(content, ctx.look)))  # short sections share a page
        elif i and section.kind != "notes":  # notes pages make their own breaks, as many as needed
            flow.append(PageBreak())
    if section.kind == "stroke" and not columns:
        flow.append(EvenPage(ctx))  # a stroke's diagram is on a left-hand page, its steps face it
    flow.append(section_mark(section, plan, columns))
    while content and isinstance(content[-1], Spacer):  # a trailing spacer could spill onto a page of its own
        content.pop()
    following = body[i + 1] if i + 1 < len(body) else None
    if section.kind in BALANCED and not (following and runs_on(following, section)):
        content = balanced(
            content, [stacked_height([f], ctx.look.frame_w, ctx.look.frame_h) for f in content], ctx.look.frame_h
        )
    flow += tag_story(content, sect) if tags else content
    flow.append(SectionEnd())  # on the section's last page: the next page is not "continued"
    return flow


def template_of(section: Section, look: Look) -> str:
    """The page template a section's pages are drawn with."""
    if section.kind == "back-cover":
        return "back"
    return "columns" if look.columns > 1 and section.kind == "stroke" else "body"


def page_groups(body: list[Section]) -> dict[int, int]:
    """Runs of sections from one page break of the story to the next, as {first index: index after the last};
    a run with notes is left out (its pages are counted where they land)."""
    starts = [i for i, s in enumerate(body) if i == 0 or starts_page(s, body[i - 1])]
    runs = dict(zip(starts, [*starts[1:], len(body)], strict=True))
    return {a: b for a, b in runs.items() if all(s.kind != "notes" for s in body[a:b])}


def reads(section: Section, plan: Plan) -> object:
    """Everything a section's builder reads from the plan besides what every section's pages are made from
    (render/replay.shared_inputs: the plan without its sections, the booklet without its strokes): its own
    section, and the outline for the contents, strokes' names and cautions for the cautions, their names
    and pressure for the routine; the glance reads its strokes but not their steps, tips and words (their
    fields in GLANCE_UNREAD). A builder that reads more of the plan must say so here (the warm-process
    tests edit every field of a stroke and compare the replayed build with one laid out)."""
    strokes = plan.edition.booklet.strokes
    if section.kind == "contents":
        return unplaced(section), tuple((s.kind, s.key, s.title, s.level, s.toc) for s in plan.contents())
    if section.kind == "cautions":
        return unplaced(section), tuple((s.id, s.name, unplaced(s.cautions)) for s in strokes)
    if section.kind == "routine":  # names, pressure, and the glance's thumbnails (render/routine.py)
        return unplaced(section), tuple(replace(unplaced(s), **GLANCE_UNREAD) for s in strokes)
    if section.kind == "glance":
        return replace(section, payload=tuple(replace(unplaced(s), **GLANCE_UNREAD) for s in section.payload))
    return unplaced(section)


def unplaced(value: Any) -> Any:
    """A model value with every SourceRef in it blanked: where its text was written is for error messages,
    which no page shows, so a run's key stays the same when an edit above its text moves the lines."""
    if isinstance(value, tuple):
        return tuple(unplaced(v) for v in value)
    if isinstance(value, SourceRef):
        return NOWHERE
    if not is_dataclass(value) or isinstance(value, type):
        return value
    known = _UNPLACED.get(id(value))
    if known is not None and known[0] is value:
        _UNPLACED.move_to_end(id(value))
        return known[1]
    parts = fields(value)
    if not all(f.init for f in parts):
        return value  # not made again by replace(): compared with its places
    changes = {f.name: () if f.name == "field_refs" else unplaced(getattr(value, f.name)) for f in parts}
    out = replace(value, **changes)
    _UNPLACED[id(value)] = (value, out)  # holding the value keeps its id from being reused
    while len(_UNPLACED) > UNPLACED_KEPT:
        _UNPLACED.popitem(last=False)
    return out


_UNPLACED: OrderedDict[int, tuple[Any, Any]] = OrderedDict()  # id(model value) -> (it, it unplaced)
UNPLACED_KEPT = 20_000  # values (a 500-stroke booklet's records are about 10,000)


GLANCE_UNREAD: dict[str, Any] = {  # stroke fields the strokes at a glance never print, with a value that stands for any
    "steps": (),
    "other_names": (),
    "summary": "",
    "purpose": "",
    "muscles": (),
    "position": "",
    "tips": (),
    "tags": (),
    "ref": NOWHERE,
    "field_refs": (),
}


def starts_page(section: Section, before: Section) -> bool:
    """Whether a section starts after a page break of the story (not run on; not notes, which break as they need)."""
    return not runs_on(section, before) and section.kind != "notes"


def run_on_room(content: list, look: Look) -> float:
    """The room a section needs to start on the page where the one before ends: all of it, so a
    short list is not cut for a few lines overleaf, but never more than 60% of a page (a page
    that much empty takes the start of the section), and 40% for a section longer than a page."""
    height = stacked_height(content, look.frame_w, look.frame_h)
    return min(height + 2, look.frame_h * 0.6) if height <= look.frame_h else look.frame_h * 0.4


def stacked_height(flowables: list, width: float, room: float) -> float:
    """Flowables one under another in a frame of this width -> their height, spaces included."""
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += stacked_height(f._content, width, room)
        else:
            total += f.wrap(width, room)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def runs_on(section: Section, before: Section) -> bool:
    """Whether a section may start on the page where the one before it ends."""
    return section.kind in RUN_ON and before.kind in RUN_AFTER


BALANCED = {"introduction", "checklist", "routine", "cautions", "references"}  # their last two pages even
RUN_ON = {"checklist", "references", "cautions"}  # may start on the page where the section before ends
RUN_AFTER = {"introduction", "checklist", "routine", "cautions"}


def section_mark(section: Section, plan: Plan, columns: bool) -> SectionMark:
    """Running-head and thumb-tab state for a section: strokes own a spread and a tab each, cautions the last tab."""
    ref = _section_ref(section, plan)
    if section.kind == "stroke":
        number = section.payload[0]
        return SectionMark(plain(section.title), 1 if columns else 2, number - 1, ref)
    if section.kind == "cautions":
        return SectionMark(plain(section.title), 1, len(plan.edition.booklet.strokes), ref)
    return SectionMark("", ref=ref)


def _section_ref(section: Section, plan: Plan) -> SourceRef:
    """Where a section's content was written: its stroke, checklist or routine, else its booklet field."""
    booklet = plan.edition.booklet
    payload = section.payload[-1] if section.kind == "stroke" else section.payload
    own = getattr(payload, "ref", None)
    return own if isinstance(own, SourceRef) and own != NOWHERE else ref_of(booklet, section.kind)


MARK_ZONE = 10 * mm  # room outside the bleed for crop marks and the slug


def sheet_offset(plan: Plan) -> float:
    """Distance from the sheet edge to the trim: bleed plus room for marks, or nothing."""
    return plan.bleed_pt + MARK_ZONE if plan.bleed_pt else 0.0


def _unpadded(x: float, y: float, width: float, height: float, name: str) -> Frame:
    """A frame whose text runs to its edges: the margins are in its place on the page."""
    return Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)


def templates(plan: Plan, look: Look) -> list[PageTemplate]:
    o = sheet_offset(plan)
    frame = _unpadded(o + look.margin_x, o + look.margin_bottom, look.frame_w, look.frame_h, "body")
    cover_frame = Frame(o, o, look.page_w, look.page_h, id="cover")
    column_frames = [
        _unpadded(
            o + look.margin_x + i * (look.column_w + look.gutter),
            o + look.margin_bottom,
            look.column_w,
            look.frame_h,
            f"column-{i + 1}",
        )
        for i in range(look.columns)
    ]

    def painter(draw):
        def paint(canv: BookletCanvas) -> None:
            canv.saveState()
            canv.translate(o, o)
            with tagged_section(canv, "cover") if draw is draw_cover else artifact(canv, "Pagination"):
                draw(canv, plan, look)
            canv.restoreState()

        def on_page(canv: BookletCanvas, doc) -> None:
            if o:
                with artifact(canv, "Pagination"):
                    print_marks(canv, plan, look, o)
            if canv.furniture is None:
                paint(canv)
            elif draw is draw_cover:  # the cover reads the first stroke's picture too
                first = plan.edition.booklet.strokes[:1]
                canv.furniture.cover(canv, doc, unplaced(first[0].illustration) if first else None, lambda: paint(canv))
            else:  # as last time, when drawn in the same state (render/furnished.py)
                canv.furniture.draw(canv, doc, draw.__name__, len(plan.edition.booklet.strokes), lambda: paint(canv))

        return on_page

    tabs = painter(draw_tab)
    return [
        PageTemplate("cover", [cover_frame], onPage=painter(draw_cover)),
        PageTemplate("body", [frame], onPage=painter(draw_furniture), onPageEnd=tabs),
        PageTemplate("columns", column_frames, onPage=painter(draw_furniture), onPageEnd=tabs),
        PageTemplate("back", [back_frame(look, o)], onPage=painter(draw_back)),
    ]


def back_frame(look: Look, o: float) -> Frame:
    """The back cover's text area: between the accent panel and the foot band."""
    bottom = look.margin_bottom * 0.8 + look.body_size
    top = look.page_h * (1 - BACK_PANEL) - look.body_size * 1.2
    return Frame(o + look.margin_x, o + bottom, look.frame_w, top - bottom, 0, 0, 0, 0, id="back")


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
    """Running footer (folio on the outer edge, edition name), 'continued' heads and thumb tabs."""
    page = canv.getPageNumber()
    style = look["footer"]
    y = look.margin_bottom * 0.45
    left_page = page % 2 == 0
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    rule_y = y + style.fontSize * 1.5
    canv.line(look.margin_x, rule_y, look.page_w - look.margin_x, rule_y)
    running, size = running_foot(plan, look)
    folio_font = (look.fonts.bold, style.fontSize * 1.1)
    canv.setFont(*folio_font)
    canv.setFillColor(look.accent)
    outer_x = look.margin_x if left_page else look.page_w - look.margin_x
    (canv.drawString if left_page else canv.drawRightString)(outer_x, y, str(page))
    canv.setFont(look.fonts.regular, size)
    canv.setFillColor(look.muted)
    inner_x = look.page_w - look.margin_x if left_page else look.margin_x
    (canv.drawRightString if left_page else canv.drawString)(inner_x, y, running)
    title, started, own, tab = canv.section
    if title and tab >= 0:  # a section with a tab runs onto this page
        canv.page_tab.setdefault(page, tab)
    if title and started and page >= started + own:
        canv.setFont(look.heading_fonts.bold, style.fontSize * 1.05)
        canv.setFillColor(look.accent)
        head = plan.edition.booklet.label("continued", title=title)
        canv.drawString(look.margin_x, look.page_h - look.margin_top * 0.6, head)
    canv.restoreState()


def draw_tab(canv: BookletCanvas, plan: Plan, look: Look) -> None:
    """At the end of a page: the thumb tab of the section drawn on it, if it has one."""
    page = canv.getPageNumber()
    tab = canv.page_tab.get(page, -1)
    if tab >= 0:
        thumb_tab(canv, plan, look, tab, page % 2 == 0)


def running_foot(plan: Plan, look: Look) -> tuple[str, float]:
    """The running footer text and its size: the whole text, else smaller type down to the
    edition's minimum, else the edition name alone; never an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import getFont

    return _running_foot(
        plain(plan.edition.booklet.title),
        plain(plan.edition.name),
        look.frame_w * 0.8,
        getFont(look.fonts.regular),
        look["footer"].fontSize,
        look.min_text,
        plan.paper.name,
    )


@functools.lru_cache(maxsize=64)  # the same on every page of a document
def _running_foot(
    title: str, edition: str, room: float, font: Any, size: float, least: float, paper: str
) -> tuple[str, float]:
    """running_foot's work, from what it depends on (the font as its registered object)."""
    for text in (f"{title} · {edition}" if edition else title, edition or title):
        natural = font.stringWidth(text, size)
        fitted = size if natural <= room else size * room / natural
        if fitted >= least:
            return text, fitted
    raise BookletError(
        f"edition name '{edition}' is too long for the running footer of a {paper} page "
        f"even at {least:g} pt; shorten it"
    )


def thumb_tab(canv: Canvas, plan: Plan, look: Look, tab: int, left_page: bool) -> None:
    """A tab on the outer edge, one position per stroke and one for the cautions: it survives
    trimming because it runs past the trim into the bleed."""
    count = len(plan.edition.booklet.strokes) + 1
    tab_h = min(look.frame_h / count, 24 * mm)
    size = look["tab"].fontSize
    visible = max(5.5 * mm, size * 1.9)
    top = look.page_h - look.margin_top - tab * tab_h
    reach = plan.bleed_pt + 0.01
    x = -reach if left_page else look.page_w - visible
    canv.saveState()
    canv.setFillColor(look.accent)
    canv.rect(x, top - tab_h + 1.5, visible + reach, tab_h - 3, stroke=0, fill=1)
    cx = visible / 2 if left_page else look.page_w - visible / 2
    cy = top - tab_h / 2
    if tab == count - 1:
        from booklet.render.flowables import alert_symbol

        alert_symbol(canv, cx - size * 0.6, cy - size * 0.5, size * 1.2, colors.white, look.accent)
    else:
        canv.setFillColor(colors.white)
        # Drawn as outlines: the number stays out of the text layer beside the steps it runs along.
        if not outline(canv, str(tab + 1), look["tab"].fontName, size, cx, cy - size * 0.35):
            canv.setFont(look["tab"].fontName, size)
            canv.drawCentredString(cx, cy - size * 0.35, str(tab + 1))
    canv.restoreState()


def fit(text: str, look: Look, size: float) -> str:
    """A line of cover or slug text that fits the frame: shortened with an ellipsis only in print marks."""
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
    kicker_style = look["kicker"].clone("ck", textColor=colors.white)
    kicker = Paragraph(to_para(booklet.label("cover_kicker")), kicker_style)
    top = place(canv, kicker, x, top, text_w)
    title, title_style = fit_title(booklet.title, look["cover_title"], text_w, look.min_text)
    top = place(canv, Paragraph(to_para(title), title_style), x, top - 4, text_w)
    if booklet.subtitle:
        subtitle = soft(booklet.subtitle, look["cover_sub"])
        top = place(canv, Paragraph(to_para(subtitle), look["cover_sub"]), x, top - 6, text_w)
    badge_y = top - look.body_size * 3.2
    if plan.edition.name:
        edition_badge(canv, plain(plan.edition.name), look, x, badge_y)
    if plan.edition.recipient:
        prepared = booklet.label("prepared_for", name=plan.edition.recipient)
        below = place(canv, Paragraph(to_para(prepared), look["cover_sub"]), x, badge_y - look.body_size * 0.8, text_w)
        badge_y = below
    from booklet.illustrate.pictures import cover_picture

    # The picture rises into the panel but stays clear of the edition badge.
    figure_top = min(panel_y + look.body_size * 3, badge_y - look.body_size)
    figure_h = figure_top - look.margin_bottom * 1.05
    drawing = None
    if figure_h >= look.body_size * 4:  # else no room for a picture on so small a cover
        drawing = cover_picture(booklet, w * 0.7, figure_h, accent=hex_colour(look.accent), font=look.fonts.regular)
    if drawing is not None:  # the theme's cover image, the first stroke's image or diagram; else none
        width, _ = drawing.wrap(w * 0.7, figure_h)
        with part(canv, "picture", "Figure", alt=cover_alt(booklet)):  # a Figure of the cover, in its words
            draw_on(canv, drawing, (w - width) / 2, look.margin_bottom * 1.05)
    byline = " · ".join(plain(t) for t in (booklet.author, booklet.publisher) if t)
    if byline:
        canv.setFont(look.fonts.regular, look["footer"].fontSize)
        canv.setFillColor(look.muted)
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
    """The edition name in a white pill; a name too long for the page shrinks, never truncates."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = name  # the author's edition name, as typed: never re-cased
    size = look.body_size * 0.9
    room = look.frame_w - size * 2
    natural = stringWidth(text, look.heading_fonts.bold, size)
    if natural > room:
        size = max(look.min_text, size * room / natural)
    width = stringWidth(text, look.heading_fonts.bold, size) + size * 2
    canv.saveState()
    canv.setFillColor(colors.white)
    canv.roundRect(x, y, width, size * 2.1, size * 1.05, stroke=0, fill=1)
    canv.setFillColor(look.accent)
    canv.setFont(look.heading_fonts.bold, size)
    canv.drawString(x + size, y + size * 0.72, text)
    canv.restoreState()


BACK_PANEL = 0.26  # share of the back cover's height under the accent panel


def draw_back(canv: BookletCanvas, plan: Plan, look: Look) -> None:
    """The back cover: an accent panel with title and edition at the top, a foot band with the publisher."""
    booklet, w, h, b = plan.edition.booklet, look.page_w, look.page_h, plan.bleed_pt
    panel_y = h * (1 - BACK_PANEL)
    canv.saveState()
    canv.setFillColor(look.accent)
    canv.rect(-b, panel_y, w + 2 * b, h - panel_y + b, stroke=0, fill=1)
    x, text_w = look.margin_x, look.frame_w
    top = h - look.margin_top
    top = place(
        canv,
        Paragraph(to_para(booklet.title), look["cover_sub"].clone("bt", fontName=look.heading_fonts.bold)),
        x,
        top,
        text_w,
    )
    if booklet.subtitle:  # left out where it would run into the edition badge (the front cover has it)
        subtitle = Paragraph(to_para(booklet.subtitle), look["cover_sub"])
        below = top - 2 - subtitle.wrap(text_w, h)[1]
        if not plan.edition.name or below - look.body_size * 3 >= panel_y + look.body_size * 0.8:
            top = place(canv, subtitle, x, top - 2, text_w)
    if plan.edition.name:
        edition_badge(canv, plain(plan.edition.name), look, x, max(panel_y + look.body_size, top - look.body_size * 3))
    band = look.margin_bottom * 0.8
    canv.rect(-b, -b, w + 2 * b, band + b, stroke=0, fill=1)
    parts = [booklet.publisher or booklet.author, booklet.edition if not plan.edition.name else ""]
    canv.setFillColor(colors.white)
    size = look["footer"].fontSize
    canv.setFont(look.fonts.regular, size)
    canv.drawCentredString(w / 2, band * 0.4, fit(" · ".join(plain(p) for p in parts if p), look, size))
    canv.restoreState()
