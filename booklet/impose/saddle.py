"""Page count -> saddle-stitch plan: which reading page goes where on which sheet side.

Pure data. A folded sheet carries four pages, so counts are padded to a multiple of
4. Sides are listed in printing order (sheet 1 front, sheet 1 back, sheet 2 front, ...),
each as (left page, right page), 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass


def pad_count(n_pages: int) -> int:
    """Pages to add to reach a multiple of 4: one folded sheet carries four pages."""
    return (-n_pages) % 4


def saddle_order(n_pages: int) -> list[tuple[int, int]]:
    """saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]."""
    if n_pages <= 0 or n_pages % 4:
        raise ValueError(f"saddle stitching needs a multiple of 4 pages, got {n_pages}")
    sides: list[tuple[int, int]] = []
    for sheet in range(n_pages // 4):
        outer = 2 * sheet
        sides.append((n_pages - outer, 1 + outer))  # front: last | first
        sides.append((2 + outer, n_pages - 1 - outer))  # back: second | second to last
    return sides


def signatures(n_pages: int, sheets_per_signature: int) -> list[list[int]]:
    """Split pages into consecutive signatures of at most ``sheets_per_signature`` sheets."""
    if n_pages % 4:
        raise ValueError(f"signatures need a multiple of 4 pages, got {n_pages}")
    size = 4 * max(1, sheets_per_signature)
    return [list(range(start + 1, min(start + size, n_pages) + 1)) for start in range(0, n_pages, size)]


def creep_shifts(n_sheets: int, creep_pt: float) -> list[float]:
    """Shift for each sheet of one signature, outermost first: 0 for the outside, ``creep_pt`` inside.

    Folded sheets nest, so inner sheets stick out further at the fore-edge and lose
    more to the trim. Compensation moves an inner sheet's pages toward the fold
    (the spine) by its shift.
    """
    if n_sheets <= 1:
        return [0.0] * n_sheets
    return [creep_pt * i / (n_sheets - 1) for i in range(n_sheets)]


@dataclass(frozen=True)
class SheetSide:
    """One printed side: a page left and right of the fold, and how far to pull them in."""

    sheet: int  # 1-based, across all signatures
    front: bool
    left: int  # reading page, 1-based
    right: int
    shift_pt: float = 0.0  # toward the fold


def plan_saddle(n_pages: int, *, signature: int | None = None, creep_pt: float = 0.0) -> list[SheetSide]:
    """The whole imposition: every sheet side of every signature, in printing order."""
    groups = signatures(n_pages, signature) if signature else [list(range(1, n_pages + 1))]
    plan: list[SheetSide] = []
    sheet = 0
    for pages in groups:
        order = saddle_order(len(pages))
        shifts = creep_shifts(len(order) // 2, creep_pt)
        offset = pages[0] - 1
        for i, (left, right) in enumerate(order):
            if i % 2 == 0:
                sheet += 1
            plan.append(SheetSide(sheet, i % 2 == 0, left + offset, right + offset, shifts[i // 2]))
    return plan
