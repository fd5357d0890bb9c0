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
from itertools import permutations

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
    picture_first: bool = False  # large print: when a stroke takes two spreads, the diagram gets the facts' room
    tips_more: Block | None = None  # a "Tips (continued)" heading: the tips may then share the spread's two pages


def arrange(blocks: StrokeBlocks, width: float, room: float, figure_min: float, beside: bool) -> list[list[Block]]:
    """Columns for one stroke: two when everything fits, else four (two spreads), else more.

    Whatever happens, the name, the diagram and every step share the first spread when they
    can: the steps may begin under the diagram, and tips, details and panels move on.
    """
    room -= SLACK
    for block in [blocks.head, blocks.intro, blocks.glance, *blocks.details, *blocks.steps, *blocks.after]:
        block.measure(width, room)
    for extra in (blocks.glance_short, blocks.glance_rest, blocks.glance_rows, blocks.tips_more):
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
    if blocks.tips_more is not None:  # last: the first tips beside the diagram, the others after the steps
        more = blocks.tips_more
        candidates += [([*details, *tips[:j]], [*steps, more, *tips[j:], *panels]) for j in range(len(tips) - 1, 0, -1)]
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

    The stroke's key warning (its first panel) faces the steps whenever some layout allows it, even
    if more steps must begin under a smaller diagram. The next spread must be worth its two pages:
    of the layouts that work, the first whose remainder fills them well is taken (the summary, the
    other facts and the tips move on with it), else the one that leaves the most for them.
    """
    found = list(_steps_layouts(blocks, width, room, figure_min))
    if not found:
        return None
    panels = [b for b in blocks.after if b.kind != "tip"]
    warned = [(cols, rest) for cols, rest in found if not panels or all(b is not panels[0] for b in rest)]
    found = warned or found
    full = [(cols, rest) for cols, rest in found if not rest or total(rest) >= FULL_PAIR * room]
    cols, rest = full[0] if full else max(found, key=lambda f: total(f[1]))
    return [*cols, *even_pair(rest, room)]


def even_pair(rest: list[Block], room: float) -> list[list[Block]]:
    """The blocks left for a continuation spread, shared over its pages. Panels that missed the
    steps come first; the summary, facts, purpose and tips follow in whichever natural order takes
    the fewest pages, then makes the emptiest page fullest (the structure tree keeps content order
    whatever it is)."""

    def kind_of(b: Block) -> str:
        return b.kind or "other"

    groups: dict[str, list[Block]] = {}
    for block in rest:
        groups.setdefault(kind_of(block), []).append(block)
    panels, other = groups.get("panel", []), groups.get("other", [])
    details, tips = groups.get("detail", []), groups.get("tip", [])
    intro, facts = other[:1], other[1:]
    orders = [
        rest,
        [*panels, *intro, *facts, *tips, *details],
        [*panels, *intro, *details, *facts, *tips],
        [*panels, *intro, *details, *tips, *facts],
    ]
    best = max((balance(o, room) for o in orders), key=lambda cols: min(total(c) for c in cols))
    # Another order of the groups may need fewer pages (large blocks pack badly): then the fewest
    # pages win, and among them the fullest emptiest page, to a tenth of a page (near ties go to
    # the order closest to content order).
    fewer = [
        cols
        for a, b, c, d in permutations([intro, facts, tips, details])
        if len(cols := balance([*panels, *a, *b, *c, *d], room)) < len(best)
    ]
    if not fewer:
        return best
    return min(fewer, key=lambda cols: (len(cols), -round(min(map(total, cols)) / room, 1)))


WARNED_SHARE = 0.5  # of the least diagram size, when only a smaller diagram lets the key warning face the steps
FULL_PAIR = 0.75  # a continuation spread carries at least this many columns' worth of content


def _steps_layouts(blocks: StrokeBlocks, width: float, room: float, figure_min: float):
    """Each way to set the name, diagram, facts and all steps on one spread -> (its two columns, the rest)."""
    tips = [b for b in blocks.after if b.kind == "tip"]
    panels = [b for b in blocks.after if b.kind != "tip"]
    stacked = blocks.glance_rows or blocks.glance
    short, rest_facts = blocks.glance_short, blocks.glance_rest
    options: list[tuple[list[Block], list[Block], list[Block]]] = [([stacked], [blocks.intro], [])]
    if blocks.picture_first:  # the name and summary over the largest diagram; every fact on the next spread
        options.insert(0, ([], [blocks.intro], [stacked]))
    if short is not None and rest_facts is not None:
        options.append(([short], [blocks.intro], [rest_facts]))
        options.append(([short], [], [blocks.intro, rest_facts]))
    options.append(([], [], [blocks.intro, stacked]))  # a small page: the picture and the steps only
    steps = blocks.steps
    for facts, intro, later in options:
        fixed = blocks.head.height + total(intro) + total(facts)
        fitted = False  # the first k (fewest steps under the diagram) whose remaining steps face it
        for k in range(len(steps) + 1):  # how many steps begin under the diagram
            if total(steps[k:]) > room:
                continue
            fig_room = room - fixed - total(steps[:k])
            # The steps may push the diagram down to 60% of its least size, and to half of it to
            # bring the key warning beside them.
            if fig_room < (figure_min if not k else figure_min * (WARNED_SHARE if fitted else 0.6)):
                break
            kept = next(j for j in range(len(panels), -1, -1) if total([*steps[k:], *panels[:j]]) <= room)
            if fitted and not kept:
                continue  # more steps under the diagram only to bring the key warning beside them
            figure = blocks.figure(width, fig_room, None)
            if figure.measure(width, room) > fig_room + 0.5:
                break  # the picture cannot be drawn that small
            left = [blocks.head, *intro, figure, *facts, *steps[:k]]
            # The panels stay with the steps if they can; else as many as fit, in their order
            # (the stroke's key warning first), so a warning is not sent on for want of room
            # for a caution after it.
            for after in ([*tips, *panels], panels[:kept]):
                if total([*steps[k:], *after]) > room:
                    continue
                moved = [b for b in blocks.after if all(b is not a for a in after)]
                warn = [b for b in moved if b.kind != "tip"]  # panels that missed the steps open the next spread
                tips_moved = [b for b in moved if b.kind == "tip"]
                yield [left, [*steps[k:], *after]], [*warn, *later, *blocks.details, *tips_moved]
            if kept or not panels or fitted:
                break  # fewer steps under the diagram is always better, once the key warning faces them
            fitted = True


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
    """Blocks, in order, over as few pairs of columns as hold them, the emptiest column as full as it can be."""
    if not blocks:
        return []
    count, rest = 0, blocks
    while rest:
        rest = fill(rest, room)[1]
        count += 1
    count += count % 2
    while True:
        cuts = _even_cuts([b.height for b in blocks], count, room)
        if cuts is not None:
            return [blocks[i:j] for i, j in zip(cuts, cuts[1:], strict=False)]
        count += 2  # blocks too uneven for so few columns (rare): one more pair


def _even_cuts(heights: list[float], count: int, room: float) -> list[int] | None:
    """Heights in order and a number of columns -> where each column starts (and the end), so that
    no column is over ``room`` and the lowest column is as high as possible; None if they do not fit.

    A block taller than ``room`` may stand alone in a column, as `fill` lets it: otherwise such a
    block would fit no number of columns and `balance` would never stop asking for more.
    """
    n = len(heights)
    sums = [0.0]
    for h in heights:
        sums.append(sums[-1] + h)
    # best[c][i]: the best lowest column for the first i blocks in c columns, and where the last one starts
    best: list[dict[int, tuple[float, int]]] = [{0: (float("inf"), 0)}]
    for c in range(1, count + 1):
        row: dict[int, tuple[float, int]] = {}
        for i in range(n + 1):
            for j, (low, _) in best[c - 1].items():
                if j > i or (sums[i] - sums[j] > room and i - j > 1):
                    continue  # over the room, unless one block alone (taller than any column, as `fill` allows)
                if i == j and i < n:
                    continue  # an empty column only at the end
                value = min(low, sums[i] - sums[j])  # an empty column counts as empty
                if i not in row or value > row[i][0]:
                    row[i] = (value, j)
        best.append(row)
    if n not in best[count]:
        return None
    cuts, i = [n], n
    for c in range(count, 0, -1):
        i = best[c][i][1]
        cuts.append(i)
    return cuts[::-1]
