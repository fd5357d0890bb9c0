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
    """Columns for one stroke: two when everything fits, else four (two spreads), else more."""
    room -= SLACK
    for block in [blocks.head, blocks.intro, blocks.glance, *blocks.details, *blocks.steps, *blocks.after]:
        block.measure(width, room)
    for extra in (blocks.glance_short, blocks.glance_rest, blocks.glance_rows):
        if extra is not None:
            extra.measure(width, room)
    tips = [b for b in blocks.after if b.kind == "tip"]
    panels = [b for b in blocks.after if b.kind != "tip"]
    candidates = [  # (beside the diagram, facing it): most room for the diagram first
        (blocks.details, [*blocks.steps, *blocks.after]),
        ([], [*blocks.details, *blocks.steps, *blocks.after]),
        ([*blocks.details, *tips], [*blocks.steps, *panels]),
    ]
    stacked = blocks.glance_rows or blocks.glance
    modes = [(True, blocks.glance), (False, stacked)] if beside else [(False, blocks.glance)]
    for side, glance in modes:  # facts beside the diagram if they fit there, else under it
        for first_extra, second in candidates:
            if total(second) <= room:
                first = _first(blocks, width, room, figure_min, side, glance, first_extra)
                if first is not None:
                    return [first, second]
    # Two spreads: the name and the diagram face the steps; the summary, the other facts,
    # details, tips and panels follow on the next spread.
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
