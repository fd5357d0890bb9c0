"""PDF file -> imposed PDF bytes + printing instructions: reading pages or cards on printer sheets.

saddle.py and grid.py compute plans as plain data, place.py and marks.py turn them
into geometry and marks, and apply.py (the only pypdf user) carries them out.
Importing this package does not import pypdf.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.errors import InputError, clean

LAYOUTS = {
    "saddle": "reading pages two-up in saddle-stitch order, for folding and stapling",
    "cards": "one page per card, alternating front and back, placed N-up with crop marks",
}
SADDLE_HOW = "Print double-sided, flipping on the short edge; fold the stack in half and staple twice on the fold."
SIGNATURE_HOW = (
    "Print double-sided, flipping on the short edge; fold each {group} in half on its own, "
    "stack the folded {groups} in order and bind them along the fold."
)
CARDS_HOW = (
    "Print double-sided, flipping on the long edge; cut along the crop marks. "
    "Each card's back reads upright when the card is turned over sideways."
)
MAX_INPUT = 200_000_000  # bytes


@dataclass(frozen=True)
class ImposeReport:
    """Imposed bytes for the caller to write, and what to tell the person printing them."""

    pdf: bytes
    pages: int  # pages read from the input
    sheets: int  # sheets of paper, each printed on both sides
    instructions: str


def cards_how(duplex: str = "long-edge", separate: bool = False) -> str:
    """Duplex mode and backs-in-a-second-file -> the printing instructions for card sheets."""
    if separate:
        return "Print the fronts, put the sheets back in the tray face down, then print the backs file."
    return CARDS_HOW.replace("long edge", duplex.replace("-", " "))


def saddle_how(signature: int | None, scale: float = 1.0) -> str:
    """Signature size and page scale -> the printing instructions for a saddle-stitched booklet."""
    how = SADDLE_HOW
    if signature:
        group, groups = ("sheet", "sheets") if signature == 1 else (f"group of {signature} sheets", "groups")
        how = SIGNATURE_HOW.format(group=group, groups=groups)
    if scale < 0.995:
        how += f" Pages are scaled to {scale:.0%} to fit the sheet."
    return how


def impose_file(
    in_path: Path,
    out_path: Path,
    *,
    layout: str = "saddle",
    sheet: str | None = None,
    signature: int | None = None,
    creep_mm: float = 0.0,
) -> ImposeReport:
    """A PDF on disk (regular file, size-capped) -> imposed bytes and a report; the caller writes out_path."""
    from booklet.files import UnsafePath, read_regular
    from booklet.impose.apply import impose_cards_pages, saddle_imposition
    from booklet.impose.saddle import SaddleOptions

    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r} (expected {' or '.join(sorted(LAYOUTS))})")
    if layout == "cards" and (signature or creep_mm):
        raise InputError("--signature and --creep apply to the saddle layout only")
    if Path(out_path).resolve() == Path(in_path).resolve():
        raise InputError(f"{out_path}: the output would replace the input; choose another name")
    try:
        data = read_regular(Path(in_path), MAX_INPUT)
    except UnsafePath as exc:
        raise InputError(f"{in_path}: {exc}") from None
    name = clean(Path(in_path).name)
    if layout == "cards":
        cards = impose_cards_pages(data, sheet=sheet, name=name)
        return ImposeReport(cards.pdf, cards.pages, cards.sheets, CARDS_HOW)
    result = saddle_imposition(data, SaddleOptions(sheet, signature, creep_mm), name)
    return ImposeReport(result.pdf, result.pages, result.sheets, saddle_how(signature, result.scale))
