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

# Reading page -> the sheet it is printed two-up on when saddle-stitched.
SHEET_FOR = {"a5": "a4", "half-letter": "letter", "a6": "a5", "a4": "a3"}
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

_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$", re.I)
_UNITS = {"mm": MM, "cm": 10 * MM, "in": INCH, "pt": 1.0}

MIN_SIDE_PT = 50 * MM
MAX_SIDE_PT = 1200 * MM


def parse_paper(text: str) -> Paper:
    """Parse a paper name or a custom ``WxHmm`` size; raise ValueError with a hint."""
    key = text.strip().lower()
    key = ALIASES.get(key, key)
    if key in PAPERS:
        return PAPERS[key]
    match = _CUSTOM.match(key)
    if not match:
        names = ", ".join(sorted(PAPERS))
        raise ValueError(f"unknown paper size {text!r} (expected {names}, or WxHmm)")
    unit = _UNITS[match.group(3).lower()]
    width, height = float(match.group(1)) * unit, float(match.group(2)) * unit
    for side in (width, height):
        if not MIN_SIDE_PT <= side <= MAX_SIDE_PT:
            raise ValueError(f"paper size {text!r} is out of range (50 mm to 1200 mm a side)")
    return Paper(key, width, height)


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
