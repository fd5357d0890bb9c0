"""Paper and card names and sizes ("A5", "letter", "105x148mm") -> points.

Points inside, millimetres at the edges: everything else in booklet works in points.
No third-party imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM = 72 / 25.4
INCH = 72.0


@dataclass(frozen=True)
class Paper:
    """A portrait page size in points."""

    name: str
    width_pt: float
    height_pt: float

    @property
    def size(self) -> tuple[float, float]:
        return (self.width_pt, self.height_pt)

    @property
    def landscape(self) -> tuple[float, float]:
        return (self.height_pt, self.width_pt)


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", 210 * MM, 297 * MM),
    "a5": Paper("a5", 148 * MM, 210 * MM),
    "a6": Paper("a6", 105 * MM, 148 * MM),
    "letter": Paper("letter", 8.5 * INCH, 11 * INCH),
    "half-letter": Paper("half-letter", 5.5 * INCH, 8.5 * INCH),
}

ALIASES = {"halfletter": "half-letter", "statement": "half-letter", "us-letter": "letter"}

PAPERS["a3"] = Paper("a3", 297 * MM, 420 * MM)


@dataclass(frozen=True)
class CardSize:
    """A pocket card: trim size, inner margin and body text size, in points."""

    name: str
    width_pt: float
    height_pt: float
    margin_pt: float
    base_size: float


CARD_SIZES: dict[str, CardSize] = {
    "a6": CardSize("a6", 105 * MM, 148 * MM, 6 * MM, 9.0),
    "index": CardSize("index", 127 * MM, 76.2 * MM, 5 * MM, 8.5),
    "business": CardSize("business", 85 * MM, 55 * MM, 3.5 * MM, 7.5),
}


@dataclass(frozen=True)
class Sheet:
    """A sheet of paper one can buy: its size, and whether a desktop printer or a press prints it."""

    paper: Paper
    press: bool  # True: an oversize press sheet (SRA, US oversize), printed close to its edge
    us: bool  # True: US inch sizes; False: ISO


def _sheet(name: str, width: float, height: float, press: bool = False, us: bool = False) -> Sheet:
    return Sheet(Paper(name, width, height), press, us)


# Sheets the imposition may choose, smallest first within each group.
SHEETS: dict[str, Sheet] = {
    sheet.paper.name: sheet
    for sheet in (
        _sheet("a5", 148 * MM, 210 * MM),
        _sheet("a4", 210 * MM, 297 * MM),
        _sheet("a3", 297 * MM, 420 * MM),
        _sheet("a2", 420 * MM, 594 * MM),
        _sheet("a1", 594 * MM, 841 * MM),
        _sheet("a0", 841 * MM, 1189 * MM),
        _sheet("sra4", 225 * MM, 320 * MM, press=True),
        _sheet("sra3", 320 * MM, 450 * MM, press=True),
        _sheet("sra2", 450 * MM, 640 * MM, press=True),
        _sheet("sra1", 640 * MM, 900 * MM, press=True),
        _sheet("half-letter", 5.5 * INCH, 8.5 * INCH, us=True),
        _sheet("letter", 8.5 * INCH, 11 * INCH, us=True),
        _sheet("tabloid", 11 * INCH, 17 * INCH, us=True),
        _sheet("arch-a", 9 * INCH, 12 * INCH, press=True, us=True),
        _sheet("tabloid-extra", 12 * INCH, 18 * INCH, press=True, us=True),
        _sheet("arch-c", 18 * INCH, 24 * INCH, press=True, us=True),
    )
}
SHEET_ALIASES = {"ledger": "tabloid", "12x18": "tabloid-extra", "9x12": "arch-a", "us-letter": "letter"}
# Desktop sheets booklet chooses by itself; larger ones only when asked for with --sheet.
HOME_SHEETS = ("a5", "a4", "a3", "half-letter", "letter", "tabloid")
PRESS_SHEETS = ("sra4", "sra3", "sra2", "sra1", "arch-a", "tabloid-extra", "arch-c")
US_PAGES = ((5.5 * INCH, 8.5 * INCH), (8.5 * INCH, 11 * INCH), (4.25 * INCH, 5.5 * INCH), (3 * INCH, 5 * INCH))


def parse_sheet(text: str) -> Sheet:
    """A sheet name (``sra3``, ``letter``) or ``WxHmm`` -> the Sheet; ValueError naming the choices."""
    key = text.strip().lower()
    key = SHEET_ALIASES.get(key, key)
    if key in SHEETS:
        return SHEETS[key]
    if re.match(_CUSTOM, key, re.I):
        return Sheet(parse_paper(key), press=False, us=False)
    raise ValueError(f"unknown sheet {text!r} (expected {', '.join(SHEETS)}, or WxHmm)")


def is_us(width_pt: float, height_pt: float, tolerance: float = 2.0) -> bool:
    """A page size -> True when it is a US inch size (either way up), so it goes on US sheets."""
    size = sorted((width_pt, height_pt))
    return any(abs(size[0] - min(p)) <= tolerance and abs(size[1] - max(p)) <= tolerance for p in US_PAGES)


_CUSTOM = r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$"  # re.I; compiled on first use
_UNITS = {"mm": MM, "cm": 10 * MM, "in": INCH, "pt": 1.0}

MIN_SIDE_PT = 50 * MM
# The smallest reading page the booklet's layout fits (A7): a stroke spread needs this much room.
MIN_PAGE_PT = (74 * MM, 105 * MM)
MAX_SIDE_PT = 1200 * MM


def parse_paper(text: str) -> Paper:
    """Parse a paper name or a custom ``WxHmm`` size; raise ValueError with a hint."""
    key = text.strip().lower()
    key = ALIASES.get(key, key)
    if key in PAPERS:
        return PAPERS[key]
    match = re.match(_CUSTOM, key, re.I)
    if not match:
        names = ", ".join(sorted(PAPERS))
        raise ValueError(f"unknown paper size {text!r} (expected {names}, or WxHmm)")
    unit = _UNITS[match.group(3).lower()]
    width, height = float(match.group(1)) * unit, float(match.group(2)) * unit
    for side in (width, height):
        if not MIN_SIDE_PT <= side <= MAX_SIDE_PT:
            raise ValueError(f"paper size {text!r} is out of range (50 mm to 1200 mm a side)")
    return Paper(key, width, height)


def check_page_size(paper: Paper, text: str) -> Paper:
    """A reading page -> itself, or ValueError naming the smallest page the layout fits (A7, either way up)."""
    short, long = sorted(paper.size)
    if short < MIN_PAGE_PT[0] - 0.5 or long < MIN_PAGE_PT[1] - 0.5:
        raise ValueError(
            f"paper size {text!r} is too small for a booklet page: the smallest is "
            f"{MIN_PAGE_PT[0] / MM:.0f} x {MIN_PAGE_PT[1] / MM:.0f} mm (A7), either way up"
        )
    return paper


def sheet_for_cards(paper: Paper) -> str:
    """Reading page -> the sheet its cards go on: Letter for US sizes, else A4."""
    return "letter" if paper.name in ("letter", "half-letter") else "a4"


def parse_offset(text: str) -> tuple[float, float]:
    """Parse ``XxYmm`` (e.g. ``0.5x-1mm``) into an (x, y) shift in points."""
    match = re.match(r"^\s*(-?\d+(?:\.\d+)?)\s*[x×,]\s*(-?\d+(?:\.\d+)?)\s*(mm|in|pt)?\s*$", text, re.I)
    if not match:
        raise ValueError(f"bad offset {text!r} (expected XxYmm, e.g. 0.5x-1mm)")
    unit = _UNITS[(match.group(3) or "mm").lower()]
    return float(match.group(1)) * unit, float(match.group(2)) * unit
