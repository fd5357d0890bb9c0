"""A stroke's blocks + the grid -> slots: which block goes in which column of which spread.

One grid for every paper. A stroke owns two columns: the two pages of a spread on
pocket paper, the two columns of one page on A4 and Letter. The first column carries
the name, the diagram and the facts; the second the steps, tips and caution panels.
When that does not fit, the stroke takes a second pair of columns (the next spread),
never the back of its own diagram, and what spills is shared between its two pages.

Blocks are measured with ReportLab's own ``wrap``; the packer only adds heights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

SLACK = 4.0  # points kept free in every column: measuring is exact, frames round


@dataclass
class Block:
    """Flowables that stay in one column (a step, a panel, a heading with its first item)."""

    parts: list[Flowable]
    kind: str = ""  # "tip" for tips, which may sit beside the diagram when the steps need the room
    width: float = 0.0
    height: float = field(default=0.0, init=False)

    def measure(self, width: float, room: float) -> float:
        self.width = width
        self.height = measure(self.parts, width, room)
        return self.height


def measure(flowables: list[Flowable], width: float, room: float) -> float:
    """Height of flowables stacked in a column, spaces before and after included."""
    total = 0.0
    for flowable in flowables:
        _, h = flowable.wrap(width, room)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


@dataclass
class StrokeBlocks:
    """Everything a stroke prints, cut into blocks; the figure is made to measure."""

    head: Block  # kicker, name, other names
    intro: Block  # the summary: under the name, or on the next spread when the diagram needs the page
    figure: Callable[[float, float, Block | None], Block]  # (width, height, facts beside it) -> diagram
    glance: Block  # at-a-glance facts beside or under the diagram
    glance_short: Block | None  # pressure and time only, for a first page the diagram fills
    glance_rest: Block | None  # the other facts, on the next spread then
    details: list[Block]  # purpose, position, muscles: first column if room, else later
    steps: list[Block]
    after: list[Block]  # tips, then the caution panels
    glance_rows: Block | None = None  # every fact as rows under the diagram, when they do not fit beside it


def arrange(blocks: StrokeBlocks, width: float, room: float, figure_min: float, beside: bool) -> list[list[Block]]:
    """Columns for one stroke: two when everything fits, else four (two spreads), else more.

    Whatever happens, the name, the diagram and every step share the first spread when they
    can: the steps may begin under the diagram, and tips, details and panels move on.
    """
    room -= SLACK
    for block in [blocks.head, blocks.intro, blocks.glance, *blocks.details, *blocks.steps, *blocks.after]:
        block.measure(width, room)
    for extra in (blocks.glance_short, blocks.glance_rest, blocks.glance_rows):
        if extra is not None:
            extra.measure(width, room)
    return (
        one_spread(blocks, width, room, figure_min, beside)
        or steps_spread(blocks, width, room, figure_min)
        or two_spreads(blocks, width, room)
    )


def one_spread(
    blocks: StrokeBlocks, width: float, room: float, figure_min: float, beside: bool
) -> list[list[Block]] | None:
    """Everything on one spread: the diagram page takes what the steps page cannot."""
    tips = [b for b in blocks.after if b.kind == "tip"]
    panels = [b for b in blocks.after if b.kind != "tip"]
    details, steps = blocks.details, blocks.steps
    candidates = [  # (beside the diagram, facing it): most room for the diagram first
        (details, [*steps, *tips, *panels]),
        ([], [*details, *steps, *tips, *panels]),
        (tips, [*details, *steps, *panels]),
        ([*details, *tips], [*steps, *panels]),
    ]
    stacked = blocks.glance_rows or blocks.glance
    modes = [(True, blocks.glance), (False, stacked)] if beside else [(False, blocks.glance)]
    for side, glance in modes:  # facts beside the diagram if they fit there, else under it
        for first_extra, second in candidates:
            if total(second) <= room:
                first = _first(blocks, width, room, figure_min, side, glance, first_extra)
                if first is not None:
                    return [first, second]
    return None


def steps_spread(blocks: StrokeBlocks, width: float, room: float, figure_min: float) -> list[list[Block]] | None:
    """The name, the diagram, the facts and every step on one spread, the steps beginning under the
    diagram if the facing page cannot hold them all; what is left goes on the next spread.

    The next spread must be worth its two pages: of the layouts that work, the first whose
    remainder fills them well is taken (the summary, the other facts and the tips move on
    with it), else the one that leaves the most for them.
    """
    found = list(_steps_layouts(blocks, width, room, figure_min))
    if not found:
        return None
    full = [(cols, rest) for cols, rest in found if not rest or total(rest) >= FULL_PAIR * room]
    cols, rest = full[0] if full else max(found, key=lambda f: total(f[1]))
    return [*cols, *even_pair(rest, room)]


def even_pair(rest: list[Block], room: float) -> list[list[Block]]:
    """The blocks left for a continuation spread, shared over its pages: details before or after
    the tips, whichever makes the emptier page fuller."""
    tips = [b for b in rest if b.kind == "tip"]
    orders = [rest]
    if tips:
        others = [b for b in rest if b.kind != "tip"]
        at = next(i for i, b in enumerate(rest) if b.kind == "tip")
        firsts = [b for b in others[:at] if b.kind != "detail"]
        orders.append([*firsts, *tips, *(b for b in others if all(b is not f for f in firsts))])
    return max((balance(o, room) for o in orders), key=lambda cols: min(total(c) for c in cols[:2]))


FULL_PAIR = 0.75  # a continuation spread carries at least this many columns' worth of content


def _steps_layouts(blocks: StrokeBlocks, width: float, room: float, figure_min: float):
    """Each way to set the name, diagram, facts and all steps on one spread -> (its two columns, the rest)."""
    tips = [b for b in blocks.after if b.kind == "tip"]
    panels = [b for b in blocks.after if b.kind != "tip"]
    stacked = blocks.glance_rows or blocks.glance
    short, rest_facts = blocks.glance_short, blocks.glance_rest
    options: list[tuple[Block, list[Block], list[Block]]] = [(stacked, [blocks.intro], [])]
    if short is not None and rest_facts is not None:
        options.append((short, [], [blocks.intro, rest_facts]))
    steps = blocks.steps
    for facts, intro, later in options:
        fixed = blocks.head.height + total(intro) + facts.height
        for k in range(len(steps) + 1):  # how many steps begin under the diagram
            if total(steps[k:]) > room:
                continue
            fig_room = room - fixed - total(steps[:k])
            if fig_room < (figure_min if not k else figure_min * 0.6):
                break
            for after in ([*tips, *panels], panels, []):  # the panels stay with the steps if they can
                if total([*steps[k:], *after]) > room or (not after and total([*steps[k:], *panels]) <= room):
                    continue
                figure = blocks.figure(width, fig_room, None)
                figure.measure(width, room)
                left = [blocks.head, *intro, figure, facts, *steps[:k]]
                moved = [b for b in blocks.after if all(b is not a for a in after)]
                yield [left, [*steps[k:], *after]], [*later, *blocks.details, *moved]
            break  # fewer steps under the diagram is always better


def two_spreads(blocks: StrokeBlocks, width: float, room: float) -> list[list[Block]]:
    """The last resort: the name and the diagram face the steps; the summary, the other facts,
    details, tips and panels follow on the next spread (steps that do not fit run on there)."""
    short = blocks.glance_short if blocks.glance_short is not None and blocks.glance_rest is not None else None
    first_facts = [short] if short is not None else []
    fig_room = room - blocks.head.height - total(first_facts)
    figure = blocks.figure(width, max(fig_room, room * 0.2), None)
    figure.measure(width, room)
    first = [blocks.head, figure, *first_facts]
    steps_col, spill = fill(blocks.steps, room)
    facts = [blocks.glance_rest] if short is not None and blocks.glance_rest is not None else [blocks.glance]
    rest = [*spill, blocks.intro, *facts, *blocks.details, *blocks.after]
    return [first, steps_col, *balance(rest, room)]


def _first(
    blocks: StrokeBlocks,
    width: float,
    room: float,
    figure_min: float,
    beside: bool,
    glance: Block,
    details: list[Block],
) -> list[Block] | None:
    """Head, the largest diagram that fits, the facts and ``details``; None if the diagram would be too small."""
    fixed = blocks.head.height + blocks.intro.height + total(details) + (0 if beside else glance.height)
    fig_room = room - fixed
    if beside:
        figure = blocks.figure(width, fig_room, glance)
        figure.measure(width, room)
        if figure.height > fig_room + 0.5 or figure.height < figure_min:
            return None
        return [blocks.head, blocks.intro, figure, *details]  # the facts ride beside the figure, in its block
    if fig_room < figure_min:
        return None
    figure = blocks.figure(width, fig_room, None)
    figure.measure(width, room)
    return [blocks.head, blocks.intro, figure, glance, *details]


def total(blocks: list[Block]) -> float:
    return sum(b.height for b in blocks)


def fill(blocks: list[Block], room: float) -> tuple[list[Block], list[Block]]:
    """As many blocks as fit one column, in order, and the rest."""
    used = 0.0
    for i, block in enumerate(blocks):
        if used + block.height > room and i:
            return blocks[:i], blocks[i:]
        used += block.height
    return blocks, []


def balance(blocks: list[Block], room: float) -> list[list[Block]]:
    """Blocks over an even number of columns, each pair shared about equally."""
    columns: list[list[Block]] = []
    rest = blocks
    while rest:
        pair_h = total(fill(rest, room)[0]) + total(fill(fill(rest, room)[1], room)[0])
        half = pair_h / 2
        used, cut = 0.0, len(rest)
        for i, block in enumerate(rest):
            if i and (used + block.height / 2 > half or used + block.height > room):
                cut = i
                break
            used += block.height
        left, rest = rest[:cut], rest[cut:]
        right, rest = fill(rest, room) if rest else ([], [])
        columns += [left, right]
    return columns
