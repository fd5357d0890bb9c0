"""Stroke sections -> story flowables laid on the grid: a stroke's spread, and the strokes at a glance.

The stroke is cut into blocks (head, diagram with facts, details, each step, tips,
each caution panel); spread.arrange decides the columns; columns are separated by
FrameBreak, which is the next page on pocket paper and the next column on A4.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, FrameBreak, PageBreak, Paragraph, Spacer

from booklet.layout import STROKES_KEY, Section
from booklet.model import SIGNALS, Booklet, Caution, Stroke
from booklet.render.alt import stroke_alt
from booklet.render.flowables import (
    Anchor,
    Bulleted,
    ContentsLine,
    Heading,
    MinimumMeasure,
    PageMark,
    SideBySide,
    Stack,
)
from booklet.render.gauges import PressureMeter, hex_colour, map_names, minutes
from booklet.render.hyphens import fit_title
from booklet.render.markup import plain, to_para
from booklet.render.measured import Measured
from booklet.render.safety import stroke_panels
from booklet.render.sections import Context, heading, number_badge, para
from booklet.render.spread import Block, StrokeBlocks, arrange, measure
from booklet.render.styles import SIGNAL_COLOURS, Look
from booklet.render.tagging import artifact, described

FIGURE_SHARES = (0.6, 0.55, 0.5)  # of the column width, for a diagram with the facts beside it
LARGE_SHARES = (
    *FIGURE_SHARES,
    0.45,
    0.4,
)  # large print's facts are long: a narrower diagram keeps the stroke on one spread


def stroke(section: Section, ctx: Context) -> list[Flowable]:
    """One stroke, column by column."""
    look = ctx.look
    blocks = stroke_blocks(section, ctx)
    picture = has_picture(section.payload[2])
    beside = facts_beside(look) and picture
    figure_min = look.frame_h * (0.42 if look.large_print else 0.3) if picture else 0.0
    columns = arrange(blocks, look.column_w, look.frame_h, figure_min, beside)
    while len(columns) > 2 and not columns[-1]:
        columns.pop()
    reading_order(blocks, columns)
    return [MinimumMeasure(look.body_size), *joined(columns, FrameBreak)]


WIDE_LARGE_EMS = 26  # large print: a column this many ems wide (A4, Letter) has room for the facts beside the diagram


def facts_beside(look: Look) -> bool:
    """Whether a stroke's facts may sit beside its diagram: one stroke column a page, and in large
    print only on a page wide enough that the facts still get a fair column there."""
    if look.columns != 1:
        return False
    return not look.large_print or look.column_w / look.body_size >= WIDE_LARGE_EMS


def joined(groups: list[list[Block]], breaker: Callable[[], Flowable]) -> list[Flowable]:
    """Groups of blocks -> their flowables in order, a new ``breaker()`` between one group and the next."""
    out: list[Flowable] = []
    for i, group in enumerate(groups):
        if i:
            out.append(breaker())
        for block in group:
            out += block.parts
    return out


def reading_order(blocks: StrokeBlocks, columns: list[list[Block]]) -> None:
    """Mark each flowable with where a reader meets it, whichever column the packer put it in:
    name, summary, diagram, facts, details, steps, then tips and panels (render/tagging reads it)."""
    ranks = {id(blocks.head): 0, id(blocks.intro): 1}
    for facts in (blocks.glance, blocks.glance_short, blocks.glance_rest, blocks.glance_rows):
        if facts is not None:
            ranks[id(facts)] = 3
    ranks.update((id(b), 4) for b in blocks.details)
    ranks.update((id(b), 5) for b in blocks.steps)
    ranks.update((id(b), 6 if b.kind == "tip" else 7) for b in blocks.after)  # panels may lead a continuation
    if blocks.tips_more is not None:
        ranks[id(blocks.tips_more)] = 6
    for column in columns:
        for block in column:
            for flowable in block.parts:
                flowable.reading_rank = ranks.get(id(block), 2)  # the figure's block is made by the packer


def stroke_blocks(section: Section, ctx: Context) -> StrokeBlocks:
    look, words = ctx.look, ctx.plan.edition.booklet
    number, count, item = section.payload
    head: list[Flowable] = []
    if number == 1:
        head.append(Anchor(STROKES_KEY, words.label("strokes")))
    head += [
        para(words.label("stroke_number", number=number, count=count), look["kicker"]),
        stroke_title(section, look),
    ]
    if item.other_names:
        head.append(para(words.label("also_called", names=", ".join(item.other_names)), look["aka"]))
    intro = [para(item.summary, look["lead"])] if item.summary else []
    beside = facts_beside(look) and has_picture(item)
    facts = glance_column(item, look, words) if beside else [FactRows(fact_rows(item, look, words), look)]

    gap = look.body_size * 0.6

    def figure(width: float, height: float, glance: Block | None) -> Block:
        if glance is None:
            picture = diagram(item, ctx, width, height - gap)
            return Block([picture, Spacer(1, gap)] if picture is not None else [])
        # A narrower diagram gives the facts a wider, shorter column; the diagram always fits its
        # box, so only the facts decide (measured without drawing the diagram).
        shares = LARGE_SHARES if look.large_print else FIGURE_SHARES
        share = next((s for s in shares if facts_height(glance, width, s) + gap <= height), shares[-1])
        picture = diagram(item, ctx, width * share, height - gap)
        if picture is None:
            return Block(list(glance.parts))
        return Block([SideBySide(picture, glance.parts, share, look.body_size), Spacer(1, gap)])

    def facts_height(glance: Block, width: float, share: float) -> float:
        column_w = width - width * share - look.body_size  # as SideBySide lays it out
        return sum(f.wrap(column_w, look.frame_h)[1] + f.getSpaceAfter() for f in glance.parts)

    details: list[Block] = []
    if item.purpose:
        details.append(Block([para(words.label("purpose"), look["h3"]), para(item.purpose, look["body"])], "detail"))
    if item.muscles:
        muscles = para(f"**{words.label('muscles')}** {', '.join(item.muscles)}", look["small"])
        details.append(Block([muscles], "detail"))
    return StrokeBlocks(
        head=Block(head),
        intro=Block(intro),
        figure=figure,
        glance=Block(facts),
        glance_short=Block([FactRows(fact_rows(item, look, words, part="short"), look)]),
        glance_rest=Block([FactRows(fact_rows(item, look, words, part="rest"), look)]),
        glance_rows=Block([FactRows(fact_rows(item, look, words), look)]),
        details=details,
        steps=step_blocks(item, look, words),
        after=tip_blocks(item, look, words) + panel_blocks(item, look, words),
        picture_first=look.large_print,
        tips_more=Block([para(words.label("continued", title=words.label("tips")), look["h2"])], "tip")
        if look.large_print and len(item.tips) > 1
        else None,
    )


TITLE_SQUEEZE = 0.85  # large print: a stroke's name may shrink to this share of the heading size to keep one line


def stroke_title(section: Section, look: Look) -> Flowable:
    """The stroke's name as its heading. In large print a name that just misses one line is set a
    little smaller on one line: on a pocket page that line is room for the picture."""
    title = heading(section, look)
    if not look.large_print:
        return title
    style = title.style
    wide = stringWidth(plain(section.title), style.fontName, style.fontSize)
    factor = look.column_w / wide * 0.995 if wide else 1.0
    if factor >= 1 or factor < TITLE_SQUEEZE:
        return title
    size = style.fontSize * factor
    fitted = style.clone(style.name + "-line", fontSize=size, leading=style.leading * factor)
    return Heading(to_para(section.title), fitted, section.key, plain(section.title), section.level)


def step_blocks(item: Stroke, look: Look, words: Booklet) -> list[Block]:
    """Each numbered step is a block; the heading rides with the first."""
    indent = look["step"].fontSize * 2.2
    out = [
        Block([Bulleted(para(step.text, look["step"]), indent, number_badge(n, look), look["step"].spaceAfter)])
        for n, step in enumerate(item.steps, 1)
    ]
    if out:
        out[0].parts.insert(0, para(words.label("steps"), look["h2"]))
    return out


def tip_blocks(item: Stroke, look: Look, words: Booklet) -> list[Block]:
    out = [
        Block([Bulleted(para(t, look["item"]), look.body_size * 1.3, dot(look), look["item"].spaceAfter)], "tip")
        for t in item.tips
    ]
    if out:
        out[0].parts.insert(0, para(words.label("tips"), look["h2"]))
    return out


def dot(look: Look):
    def draw(canv, x: float, top: float) -> None:
        canv.saveState()
        canv.setFillColor(look.accent)
        canv.circle(x + look.body_size * 0.35, top - look["item"].leading * 0.55, look.body_size * 0.17, 0, 1)
        canv.restoreState()

    return draw


def panel_blocks(item: Stroke, look: Look, words: Booklet) -> list[Block]:
    panels = stroke_panels(item.cautions, look, words, f"cautions-{item.id}")
    out: list[Block] = []
    for flowable in panels:
        if out and isinstance(out[-1].parts[-1], PageMark):
            out[-1].parts.append(flowable)  # the page mark travels with the first panel
        else:
            out.append(Block([Spacer(1, look.body_size * (0.25 if look.large_print else 0.4)), flowable], "panel"))
    return out


def has_picture(item: Stroke) -> bool:
    """Whether the stroke prints an image or a diagram (a stroke with neither shows its facts alone)."""
    from booklet.illustrate.pictures import draws_figure

    ill = item.illustration
    return bool(ill is not None and ill.image) or draws_figure(ill, item)


def diagram(item: Stroke, ctx: Context, width: float, height: float, key: bool = True) -> Flowable | None:
    """The stroke's diagram or the author's image in the given box, with its caption; None without either."""
    from booklet.render.forms import reused

    look, words = ctx.look, ctx.plan.edition.booklet
    ill = item.illustration
    caption_h = look["small"].leading * 2.5 if ill is not None and ill.caption else 0
    height = max(height - caption_h, look.body_size * 4)
    picture = picture_for(item, ctx, width, height, key)
    if picture is None:
        return None
    # Painted once per document as a form: strokes drawn alike share it.
    picture = described(reused(picture), "Figure", alt=stroke_alt(item, words))
    if caption_h and ill is not None:
        caption = para(
            ill.caption if look.large_print else f"*{ill.caption}*", look["small"].clone("caption", alignment=1)
        )
        return Stack([picture, caption], look.body_size * 0.4)
    return picture


def picture_for(item: Stroke, ctx: Context, width: float, height: float, key: bool = True) -> Any:
    """The stroke's diagram (a Drawing) or the author's image for the box, without caption or tags."""
    from booklet.illustrate.pictures import label_size_for, stroke_picture

    look, words = ctx.look, ctx.plan.edition.booklet
    return stroke_picture(
        item,
        words,
        ctx.root,
        width,
        height,
        accent=hex_colour(look.accent),
        font=look.fonts.regular,
        label_size=label_size_for(ctx.plan.edition.font_scale, look.body_size) or max(7.0, look.body_size * 0.8),
        zone_names=map_names(words),
        show_legend=key,
        key_beside=look.large_print,  # large print: a column of 12 pt key words beside the figure gives it room
    )


def fact_rows(item: Stroke, look: Look, words: Booklet, part: str = "all") -> list[tuple[str, list[Flowable]]]:
    """The at-a-glance facts as (label, value flowables): pressure, hands, areas, time, position.

    ``part`` "short" keeps pressure and time, "rest" the others, "all" every one.
    """
    pressure: list[Flowable] = [PressureMeter(item.pressure, look), para(words.label(item.pressure), look["value"])]
    rows = [("short", words.label("pressure"), pressure)]
    if item.pressure_note:  # in full with the meter; on a page the diagram fills, with the other facts
        note = para(item.pressure_note, look["small"])
        if part == "all":
            pressure.append(note)
        else:
            rows.append(("rest", words.label("pressure"), [note]))
    if item.hands:
        hands = words.label("glance_list", items=", ".join(words.hand_name(h) for h in item.hands))
        rows.append(("rest", words.label("hands"), [para(hands, look["value"])]))
    if item.areas:
        areas = words.label("glance_list", items=", ".join(words.zone_name(a) for a in item.areas))
        rows.append(("rest", words.label("areas"), [para(areas, look["value"])]))
    if item.duration:
        rows.append(("short", words.label("time"), [para(item.duration, look["value"])]))
    if item.position:
        rows.append(("rest", words.label("position"), [para(item.position, look["value"])]))
    return [(label, values) for kind, label, values in rows if part in ("all", kind)]


def glance_column(item: Stroke, look: Look, words: Booklet) -> list[Flowable]:
    """The facts stacked label over value, for a column beside the diagram."""
    out: list[Flowable] = []
    for number, (label, values) in enumerate(fact_rows(item, look, words)):
        label_para = para(label, look["label"])
        label_para.fact = (number, "Lbl")  # tagged as a list: each fact an item, label and value (render/tagging)
        for value in values:
            value.fact = (number, "LBody")
        out += [label_para, *values, Spacer(1, look.body_size * 0.5)]
    return out


class FactRows(Flowable):
    """Facts as a two-column table: label on the left, value on the right, a hairline between rows."""

    def __init__(self, rows: list[tuple[str, list[Flowable]]], look: Look):
        super().__init__()
        self.look = look
        self.rows = [(para(label, look["label"]), values) for label, values in rows]

    def _layout(self, avail_w: float) -> list[tuple[float, float]]:
        self.label_w = max(avail_w * 0.3, self.look.body_size * 5)
        value_w = avail_w - self.label_w
        gap = self.look.body_size * 0.45
        return [(max(lab.wrap(self.label_w - 4, 1e6)[1], measure(vals, value_w, 1e6)), gap) for lab, vals in self.rows]

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.sizes = self._layout(avail_w)
        self.width, self.height = avail_w, sum(h + g for h, g in self.sizes)
        return (self.width, self.height)

    def draw(self) -> None:
        canv, y = self.canv, self.height
        value_w = self.width - self.label_w
        for (label, values), (h, gap) in zip(self.rows, self.sizes, strict=True):
            _, lh = label.wrap(self.label_w - 4, h)
            label.drawOn(canv, 0, y - lh)
            vy = y
            for value in values:
                _, vh = value.wrap(value_w, h)
                vy -= vh
                value.drawOn(canv, self.label_w, vy)
                vy -= value.getSpaceAfter()
            y -= h + gap
            canv.saveState()
            with artifact(canv):  # the hairline between rows is decoration
                canv.setStrokeColor(self.look.accent_tint)
                canv.setLineWidth(0.6)
                canv.line(0, y + gap * 0.5, self.width, y + gap * 0.5)
            canv.restoreState()


def key_caution(cautions: tuple[Caution, ...]) -> Caution | None:
    ranked = sorted(cautions, key=lambda c: SIGNALS.index(c.signal))
    return ranked[0] if ranked else None


def stroke_minutes(item: Stroke, booklet: Booklet) -> str:
    """Minutes the routine gives the stroke, else its written duration."""
    routine = booklet.routine
    total = sum(s.minutes for s in routine.steps if s.stroke == item.id) if routine else 0
    return minutes(total, booklet) if total else item.duration


def glance(section: Section, ctx: Context) -> list[Flowable]:
    """The strokes at a glance: one row per stroke with its diagram, pressure, minutes, key caution
    and page. On pocket paper it takes one page or two, whichever lets the first stroke start on
    a left-hand page; the diagrams grow to use the room."""
    look = ctx.look
    head = Block([heading(section, look)])

    def rows(diagram_h: float) -> list[Block]:
        gap = look.body_size * 0.9
        return [Block([glance_row(item, ctx, diagram_h), Spacer(1, gap)]) for item in section.payload]

    if look.columns > 1:
        return [*head.parts, *(f for r in rows(look.frame_h * 0.2) for f in r.parts)]
    return [GlancePages(head, rows, len(section.payload), look)]


# The box each stroke's glance thumbnail was last drawn in, per edition and paper: the routine's
# rows draw the same drawing (one form, nothing painted again). Kept for the process, so a
# routine page laid out while the glance page is replayed from the last build (render/replay.py)
# finds the box that page used.
THUMB_BOXES: dict[tuple, tuple[float, float]] = {}


def thumb_key(item: Stroke, ctx: Context) -> tuple:
    """What decides a glance thumbnail's box: the stroke and its drawing, the edition's strokes, the page. The
    drawing without its places: a replayed glance (booklet watch) left the box of an illustration that only
    moved in its file, and the routine looks it up."""
    from booklet.render.booklet import unplaced

    look, booklet = ctx.look, ctx.plan.edition.booklet
    ill = unplaced(item.illustration)
    return (item.id, ill, booklet.title, _stroke_ids(booklet), look.page_w, look.page_h, look.body_size)


def _stroke_ids(booklet: Booklet) -> tuple[str, ...]:
    """The booklet's strokes' ids, worked out once per booklet (the glance asks once per stroke)."""
    known = _IDS.get(id(booklet))
    if known is None or known[0] is not booklet:
        known = _IDS[id(booklet)] = (booklet, tuple(s.id for s in booklet.strokes))  # held: its id stays its own
        while len(_IDS) > 8:
            del _IDS[next(iter(_IDS))]
    return known[1]


_IDS: dict[int, tuple[Booklet, tuple[str, ...]]] = {}


def thumbnail(item: Stroke, ctx: Context) -> Any:
    """The stroke's glance thumbnail (a Drawing, or the author's image), or None if none was made."""
    box = THUMB_BOXES.get(thumb_key(item, ctx))
    return None if box is None else picture_for(item, ctx, *box, key=False)


def glance_row(item: Stroke, ctx: Context, diagram_h: float) -> Flowable:
    look, booklet = ctx.look, ctx.plan.edition.booklet
    share = 0.3 if look.large_print else 0.26
    picture = diagram(item, ctx, look.frame_w * share, diagram_h, key=False)  # a thumbnail: no key
    THUMB_BOXES[thumb_key(item, ctx)] = (look.frame_w * share, diagram_h)
    while len(THUMB_BOXES) > 256:
        del THUMB_BOXES[next(iter(THUMB_BOXES))]
    number_font = (look.fonts.bold, look["toc"].fontSize, look.accent)
    name_w = look.column_w * (1 - share) - look.body_size if picture is not None else look.column_w
    bold = look["toc"].clone("glance-name", fontName=look.fonts.bold)
    # Like a heading: shrink so words stay whole, then break at a syllable.
    name, name_style = fit_title(item.name, bold, ContentsLine.text_w(name_w, 0, number_font), look.min_text)
    column: list[Flowable] = [ContentsLine(Measured(to_para(name), name_style), f"stroke-{item.id}", 0, number_font)]
    facts = [booklet.label("pressure_" + item.pressure)]
    time = stroke_minutes(item, booklet)
    if time:
        facts.append(time)
    column.append(para(" · ".join(facts), look["value"]))
    key = key_caution(item.cautions)
    if key is not None:
        column.append(Spacer(1, look.body_size * 0.3))
        column.append(signal_line(key, look, booklet))
    if picture is None:
        return Stack(column) if len(column) > 1 else column[0]
    return SideBySide(picture, column, share, look.body_size)


def signal_line(caution: Caution, look: Look, words: Booklet) -> Paragraph:
    """A caution as one line: its signal word in the signal's ink on its colour, then the text."""
    fill, ink = SIGNAL_COLOURS[caution.signal]
    text = getattr(caution, "short", "") or caution.text
    word = words.label(caution.signal)
    tag = f'<font backColor="#{fill.hexval()[2:]}" color="#{ink.hexval()[2:]}"><b>\u00a0{word}\u00a0</b></font> '
    return Measured(tag + to_para(text), look["small"].clone("signal-line", textColor=look["body"].textColor))


class GlancePages(Flowable):
    """Decides, on the page it lands, whether the rows take one page or two, then adds them."""

    def __init__(self, head: Block, rows: Callable[[float], list[Block]], count: int, look: Look):
        super().__init__()
        self.head, self.rows, self.count, self.look = head, rows, count, look
        self.width = self.height = 0
        self.added = False

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if not self.added:
            self.added = True
            self._doctemplateAttr("frame").add_generated_content(*self.pages(avail_w, self.canv.getPageNumber()))
        return (0, 0)

    def pages(self, width: float, page: int) -> list[Flowable]:
        """Rows for as few pages as they need, plus one if the first stroke would start on a right-hand page."""
        room = self.look.frame_h - 6
        head_h = self.head.measure(width, room)
        least = self.look.body_size * 5
        per_page = max(1, min(self.count, int((room - head_h) // (least + self.look.body_size * 4))))
        count = -(-self.count // per_page)
        if (page + count) % 2:
            count += 1
        per_page = -(-self.count // count)
        target = (room - head_h) / per_page - self.look.body_size * 1.2
        rows = self.rows(max(least, min(target, self.look.frame_h * 0.3)))
        for row in rows:
            row.measure(width, room)
        cuts = [round(i * len(rows) / count) for i in range(count + 1)]  # rows shared out evenly
        groups = [rows[cuts[i] : cuts[i + 1]] for i in range(count)]
        return [*self.head.parts, *joined(groups, PageBreak)]

    def draw(self) -> None:
        pass
