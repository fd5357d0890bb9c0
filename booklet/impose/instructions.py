"""A plan -> the printing instructions for it, and the slug line of each side, in the booklet's own words.

Every sentence is a label (``how_*``), filled from the plan's Folding record: the
flip edge, the signatures and how they are put together, copies to cut apart, the
binding edge, scale, creep, press sheet and trim boxes, separate backs. The tests
fold paper by the same record and check each sentence against it.
"""

from __future__ import annotations

from collections.abc import Callable

from booklet.impose.plan import Plan, Side
from booklet.labels import ENGLISH, fill
from booklet.paper import MM

Words = Callable[..., str]  # a label key and its values -> the printed text (Booklet.label)


def english(key: str, **values: object) -> str:
    """The English wording of a printer's label, for PDFs that come without a booklet."""
    return fill(ENGLISH[key], values)


def wording(label: Words | None) -> Words:
    """A booklet's label function -> one that falls back to the English printer's labels it lacks."""
    if label is None:
        return english

    def words(key: str, **values: object) -> str:
        try:
            return label(key, **values)
        except KeyError:
            return english(key, **values)

    return words


def instructions(plan: Plan, words: Words = english) -> str:
    """A plan -> what the person printing it must do, sentence by sentence."""
    folding = plan.folding
    edge = words("edge_short" if folding.duplex == "short-edge" else "edge_long")
    if plan.scheme == "cards":
        return _cards(plan, words, edge)
    out = [words("how_duplex", edge=edge)]
    groups = folding.signatures
    if folding.nest:
        out.append(words("how_fold_all"))
    elif groups and groups[0] == 1:
        out.append(words("how_fold_each"))
    else:
        out.append(words("how_fold_groups", sheets=groups[0]))
        if len(groups) > 1 and groups[-1] != groups[0]:
            last = groups[-1]
            out.append(words("how_last_group_one") if last == 1 else words("how_last_group", sheets=last))
    if folding.copies == 2:
        out.append(words("how_two_up"))
    if folding.top_bound:
        out.append(words("how_top_bound"))
    if folding.scale < 0.995:
        out.append(words("how_scaled", percent=f"{folding.scale:.0%}"))
    if folding.creep_mm > 0.005:
        out.append(words("how_creep", mm=f"{folding.creep_mm:.2f}"))
    if folding.press:
        width, height = (f"{v / MM:.0f}" for v in plan.sheet)
        out.append(words("how_press", sheet=folding.sheet_name.upper(), width=width, height=height))
        out.append(words("how_trims", boxes=trim_list(plan, words)))
    return " ".join(out)


def _cards(plan: Plan, words: Words, edge: str) -> str:
    folding = plan.folding
    if folding.separate_backs:
        same = folding.duplex == "long-edge"  # short-edge feeding: a long-edge turn keeps the leading edge
        which = words("which_same" if same else "which_opposite")
        how = words("how_cards_separate", which=which, edge=edge)
    else:
        how = words("how_cards", edge=edge)
    if folding.gang:
        how += " " + words("how_gang")
    return how


def trim_list(plan: Plan, words: Words = english) -> str:
    """A plan -> each placed page's trim box (left bottom right top, mm), side by side."""
    parts = []
    for side in plan.sides:
        where = words("trim_side", sheet=side.sheet, side=words("side_front" if side.front else "side_back"))
        boxes = " ".join(
            f"{words('page_ref', page=p.page + 1)} {' '.join(f'{v / MM:.1f}' for v in p.trim)}"
            for p in side.placements
            if p.trim
        )
        parts.append(f"{where}: {boxes}")
    return "; ".join(parts)


def slug_text(side: Side, plan: Plan, job: str, words: Words = english) -> str:
    """A side -> its slug line: job name, sheet number of the total, front or back."""
    where = words("side_front" if side.front else "side_back")
    return words("print_slug", job=job, sheet=side.sheet, sheets=plan.sheets, side=where)
