"""Imposition: reading pages or cards placed on printer sheets.

saddle.py and grid.py compute plans as plain data; apply.py (the only pypdf user)
carries them out. Importing this package does not import pypdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.errors import InputError

LAYOUTS = {
    "saddle": "reading pages two-up in saddle-stitch order, for folding and stapling",
    "cards": "one page per card, alternating front and back, placed N-up with crop marks",
}
SADDLE_HOW = "Print double-sided, flipping on the short edge; fold the stack in half and staple twice on the fold."
CARDS_HOW = "Print double-sided, flipping on the long edge; cut along the crop marks."
MAX_INPUT = 200_000_000


@dataclass(frozen=True)
class ImposeReport:
    pdf: bytes
    pages: int
    sheets: int
    instructions: str


def impose_file(
    in_path: Path,
    out_path: Path,
    *,
    layout: str = "saddle",
    sheet: str | None = None,
    signature: int | None = None,
    creep_mm: float = 0.0,
) -> ImposeReport:
    """Read any PDF from disk (regular file, size-capped) and impose it."""
    from booklet.files import UnsafePath, read_regular
    from booklet.impose.apply import impose_cards_file, impose_saddle, page_count

    try:
        data = read_regular(Path(in_path), MAX_INPUT)
    except UnsafePath as exc:
        raise InputError(f"{in_path}: {exc}") from None
    name = Path(in_path).name
    if layout == "cards":
        pdf = impose_cards_file(data, sheet=sheet or "a4", name=name)
        how = CARDS_HOW
    else:
        pdf = impose_saddle(data, sheet=sheet, signature=signature, creep_mm=creep_mm, name=name)
        how = SADDLE_HOW
    pages = page_count(data)
    return ImposeReport(pdf, pages, page_count(pdf) // 2 or 1, how)
