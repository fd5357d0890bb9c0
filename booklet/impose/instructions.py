"""A plan -> the printing instructions for it, and the slug line of each side, in the booklet's own words.

Every sentence is a label (``how_*``), filled from the plan's Folding record: the
flip edge, the signatures and how they are put together, copies to cut apart, the
binding edge, scale, creep, press sheet and trim boxes, separate backs. The tests
fold paper by the same record and check each sentence against it.
"""

from __future__ import annotations

from collections.abc import Callable

from booklet.impose.plan import Plan, Side
from booklet.paper import MM

Words = Callable[..., str]  # a label key and its values -> the printed text (Booklet.label)

# The English wording; a booklet's labels (or a language's built-in set) override them.
LABELS: dict[str, str] = {
    "how_duplex": "Print double-sided, flipping on the {edge} edge.",
    "edge_short": "short",
    "edge_long": "long",
    "how_fold_all": (
        "Keep the sheets in printed order, fold the whole stack in half with sheet 1 outside, and staple twice "
        "on the fold, a quarter in from the head and the foot (the staple marks on the centre spread)."
    ),
    "how_fold_each": (
        "Fold each sheet in half on its own; stack the folded sheets in order, sheet 1 on top, "
        "and bind them along the folds."
    ),
    "how_fold_groups": (
        "Fold each group of {sheets} sheets in half on its own, keeping the sheets in printed order with the first "
        "outside; stack the folded groups in order, the first on top, and bind them along the folds."
    ),
    "how_last_group": "The last group has {sheets} sheets.",
    "how_last_group_one": "The last group is a single sheet.",
    "how_two_up": (
        "Each sheet carries the booklet twice, one copy above the other: staple both halves of the fold, "
        "then cut the folded stack across the middle into two booklets."
    ),
    "how_top_bound": (
        "The pages lie a quarter turn round on the sheet: the booklet is bound along the top edge of its pages "
        "and opens upward, like a calendar."
    ),
    "how_scaled": "Pages are scaled to {percent} to fit the sheet.",
    "how_creep": "Pages on the inner sheets move up to {mm} mm toward the fold to make up for creep.",
    "how_press": (
        "Print on {sheet} ({size}). After folding and stapling, trim the head, foot and fore-edge at the crop "
        "marks; the dashed marks show the fold."
    ),
    "how_trims": "Trim boxes in mm from the lower-left corner of each side: {boxes}.",
    "how_cards": (
        "Print double-sided, flipping on the {edge} edge; cut along the crop marks. "
        "Each card's back reads upright when the card is turned over sideways."
    ),
    "how_cards_separate": (
        "Print the fronts file first. Put the printed sheets back in the paper tray in the same order, "
        "blank side to be printed (printed side up in a tray that prints on the underside, down in a feeder "
        "that prints on top), with {which} going into the printer first; then print the backs file "
        "(this is a {edge}-edge turn, as --duplex {duplex}). Cut along the crop marks."
    ),
    "which_same": "the edge that went in first",
    "which_opposite": "the opposite edge",
    "how_gang": "Neighbouring cards share one cut.",
    "slug": "{job} · sheet {sheet} of {sheets} · {side}",
    "side_front": "front",
    "side_back": "back",
}


def english(key: str, **values: object) -> str:
    """The English wording of a printer's label, for PDFs that come without a booklet."""
    text = LABELS[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


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
        out.append(words("how_press", sheet=folding.sheet_name.upper(), size=_size(plan.sheet)))
        out.append(words("how_trims", boxes=trim_list(plan)))
    return " ".join(out)


def _cards(plan: Plan, words: Words, edge: str) -> str:
    folding = plan.folding
    if folding.separate_backs:
        same = folding.duplex == "long-edge"  # short-edge feeding: a long-edge turn keeps the leading edge
        which = words("which_same" if same else "which_opposite")
        how = words("how_cards_separate", which=which, edge=edge, duplex=folding.duplex)
    else:
        how = words("how_cards", edge=edge)
    if folding.gang:
        how += " " + words("how_gang")
    return how


def _size(size: tuple[float, float]) -> str:
    return f"{size[0] / MM:.0f} x {size[1] / MM:.0f} mm"


def trim_list(plan: Plan) -> str:
    """A plan -> each placed page's trim box, side by side: "sheet 1 front p8 12.0 7.5 160.0 217.5, ...". """
    parts = []
    for side in plan.sides:
        boxes = " ".join(
            f"p{p.page + 1} {' '.join(f'{v / MM:.1f}' for v in p.trim)}" for p in side.placements if p.trim
        )
        parts.append(f"sheet {side.sheet} {'front' if side.front else 'back'} {boxes}")
    return "; ".join(parts)


def slug_text(side: Side, plan: Plan, job: str, words: Words = english) -> str:
    """A side -> its slug line: job name, sheet number of the total, front or back."""
    where = words("side_front" if side.front else "side_back")
    return words("slug", job=job, sheet=side.sheet, sheets=plan.sheets, side=where)
