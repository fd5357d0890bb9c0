"""Page count -> saddle-stitch plan: which reading page goes where on which sheet side.

Pure data, no PDF library. A folded sheet carries four pages, so counts are padded to
a multiple of 4. Sides are listed in printing order (sheet 1 front, sheet 1 back,
sheet 2 front, ...), each as (left page, right page), 1-based. The sheets are printed
double-sided flipping on the short edge, so the back of a sheet's right half is the
left half of its back side.
"""

from __future__ import annotations

from dataclasses import dataclass

from booklet.paper import MM

PADDING = ("before-last", "end")
MAX_SIGNATURE = 256  # sheets
MAX_CREEP_PT = 20 * MM


def pad_count(n_pages: int) -> int:
    """Page count -> pages to add to reach a multiple of 4: one folded sheet carries four pages."""
    return (-n_pages) % 4


def saddle_order(n_pages: int) -> list[tuple[int, int]]:
    """Page count (a multiple of 4) -> (left, right) page of each sheet side, in printing order.

    saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]: the outermost sheet carries the
    covers; each sheet inward carries the next two pages from each end.
    """
    if n_pages <= 0 or n_pages % 4:
        raise ValueError(f"saddle stitching needs a multiple of 4 pages, got {n_pages}")
    sides: list[tuple[int, int]] = []
    for sheet in range(n_pages // 4):
        outer = 2 * sheet
        sides.append((n_pages - outer, 1 + outer))  # front: from the end | from the start
        sides.append((2 + outer, n_pages - 1 - outer))  # back: the reverse of those leaves
    return sides


def signatures(n_pages: int, sheets_per_signature: int) -> list[list[int]]:
    """Page count + sheets per signature -> the pages of each signature, consecutive runs.

    Each signature is folded on its own and the folded signatures are stacked in order.
    The last one may be shorter; it still holds a multiple of 4 pages.
    """
    if n_pages <= 0 or n_pages % 4:
        raise ValueError(f"signatures need a multiple of 4 pages, got {n_pages}")
    if sheets_per_signature < 1:
        raise ValueError(f"a signature needs at least one sheet, got {sheets_per_signature}")
    size = 4 * sheets_per_signature
    return [list(range(start + 1, min(start + size, n_pages) + 1)) for start in range(0, n_pages, size)]


def creep_shifts(n_sheets: int, creep_pt: float) -> list[float]:
    """Sheets in one folded stack + total creep -> shift per sheet, outermost first.

    Folded sheets nest, so each sheet inward sticks out a little further at the
    fore-edge and loses more to the trim: the innermost sheet's pages sit ``creep_pt``
    closer to the fore-edge than the outermost's. Compensation moves each sheet's pages
    TOWARD the fold (the spine) by its shift: 0 for the outermost sheet, rising in equal
    steps to ``creep_pt`` for the innermost. Positive shifts always mean "toward the fold".
    """
    if creep_pt < 0:
        raise ValueError(f"creep cannot be negative, got {creep_pt:g} pt")
    if n_sheets <= 1:
        return [0.0] * max(0, n_sheets)
    return [creep_pt * i / (n_sheets - 1) for i in range(n_sheets)]


def reading_order(n_pages: int, pad: str = "before-last") -> list[int | None]:
    """Source page count -> the padded booklet, source pages 1-based and None for blanks.

    "before-last" keeps the back cover last by inserting the blanks before it; "end"
    appends them.
    """
    if n_pages <= 0:
        raise ValueError("there are no pages to impose")
    if pad not in PADDING:
        raise ValueError(f"unknown padding {pad!r} (expected {' or '.join(PADDING)})")
    pages: list[int | None] = list(range(1, n_pages + 1))
    blanks: list[int | None] = [None] * pad_count(n_pages)
    if pad == "end" or n_pages == 1:
        return pages + blanks
    return pages[:-1] + blanks + pages[-1:]


@dataclass(frozen=True)
class SaddleOptions:
    """How to impose for saddle stitching; the defaults suit a home duplex printer."""

    sheet: str | None = None  # paper name; None: from the page size (A5 -> A4, half-letter -> Letter)
    signature: int | None = None  # sheets folded together; None: one stack
    creep_mm: float = 0.0  # shift of the innermost sheet toward the fold
    pad: str = "before-last"  # where blank pages go: "before-last" (back cover stays last) or "end"
    slug: str | None = None  # printing instructions, set in the margin when the pages leave room


@dataclass(frozen=True)
class SheetSide:
    """One printed side: the source page left and right of the fold (None: blank), and creep."""

    sheet: int  # 1-based, across all signatures
    front: bool
    left: int | None  # source page, 1-based
    right: int | None
    shift_pt: float = 0.0  # creep compensation, toward the fold

    @property
    def offsets(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """(x, y) offset of the left and of the right page: both move toward the fold."""
        return ((self.shift_pt, 0.0), (-self.shift_pt, 0.0))


def plan_saddle(
    n_pages: int, *, signature: int | None = None, creep_pt: float = 0.0, pad: str = "before-last"
) -> list[SheetSide]:
    """Source page count -> every sheet side of every signature, in printing order.

    ``signature`` is the number of sheets folded together (None: all of them).
    ``creep_pt`` is the shift of the innermost sheet of a full signature; a shorter last
    signature continues the same per-sheet steps, so its innermost sheet shifts less.
    """
    if signature is not None and not 1 <= signature <= MAX_SIGNATURE:
        raise ValueError(f"a signature holds 1 to {MAX_SIGNATURE} sheets, not {signature}")
    if not 0 <= creep_pt <= MAX_CREEP_PT:  # also refuses NaN
        raise ValueError(f"creep compensation must be 0 to {MAX_CREEP_PT / MM:g} mm, not {creep_pt / MM:g} mm")
    order = reading_order(n_pages, pad)
    positions = len(order)
    groups = signatures(positions, signature) if signature else [list(range(1, positions + 1))]
    steps = creep_shifts(len(groups[0]) // 4, creep_pt)
    plan: list[SheetSide] = []
    sheet = 0
    for group in groups:
        offset = group[0] - 1
        for i, (left, right) in enumerate(saddle_order(len(group))):
            if i % 2 == 0:
                sheet += 1
            shift = steps[i // 2]
            plan.append(SheetSide(sheet, i % 2 == 0, order[left + offset - 1], order[right + offset - 1], shift))
    return plan
