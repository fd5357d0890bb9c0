"""Imposition options as one frozen record, in millimetres as the user gives them; checked here, once."""

from __future__ import annotations

import math
from dataclasses import dataclass

from booklet.impose.saddle import MAX_CREEP_PT, MAX_SIGNATURE, PADDING
from booklet.paper import MM

DUPLEX = ("long-edge", "short-edge")
BACKS = ("duplex", "separate")
MAX_BLEED_MM = 10.0
MAX_THICKNESS_MM = 1.0  # a sheet of 400 g/m2 board is about 0.5 mm


@dataclass(frozen=True)
class ImposeOptions:
    """How to impose; the defaults suit a home duplex printer."""

    sheet: str | None = None  # paper name; None: the smallest standard sheet that holds the pages at 100%
    signature: int | None = None  # sheets folded together; None: one stack
    creep_mm: float = 0.0  # per-page shift of the innermost sheet toward the fold
    paper_thickness_mm: float = 0.0  # if given, the creep is computed from it and the sheet count
    pad: str = "before-last"  # where blank pages go: "before-last" (back cover stays last) or "end"
    bleed_mm: float = 0.0  # > 0: print-shop output on an oversize sheet with crop and fold marks
    mark_length_mm: float = 5.0
    mark_offset_mm: float = 3.0  # from the trim; never less than the bleed
    duplex: str = "long-edge"  # cards: the edge the printer turns the sheet about
    backs: str = "duplex"  # cards: "duplex", or "separate" (a second file for the backs)
    back_offset_mm: tuple[float, float] = (0.0, 0.0)  # cards: shift of every back, to correct registration
    gang: bool = False  # cards: abutting cards share their cuts
    job: str = ""  # the job name on the slug

    def check(self) -> None:
        """Every value in range, or ValueError naming the option and what it may be."""
        numbers = (self.creep_mm, self.paper_thickness_mm, self.bleed_mm, self.mark_length_mm, self.mark_offset_mm)
        if not all(math.isfinite(v) for v in (*numbers, *self.back_offset_mm)):
            raise ValueError("imposition options must be finite numbers")
        if self.signature is not None and not 1 <= self.signature <= MAX_SIGNATURE:
            raise ValueError(f"--signature must be 1 to {MAX_SIGNATURE} sheets, not {self.signature}")
        if not 0 <= self.creep_mm <= MAX_CREEP_PT / MM:
            raise ValueError(f"--creep must be 0 to {MAX_CREEP_PT / MM:g} mm, not {self.creep_mm:g}")
        if not 0 <= self.paper_thickness_mm <= MAX_THICKNESS_MM:
            raise ValueError(f"--paper-thickness must be 0 to {MAX_THICKNESS_MM:g} mm, not {self.paper_thickness_mm:g}")
        if self.creep_mm and self.paper_thickness_mm:
            raise ValueError("give --creep or --paper-thickness, not both")
        if self.pad not in PADDING:
            raise ValueError(f"unknown padding {self.pad!r} (expected {' or '.join(PADDING)})")
        if not 0 <= self.bleed_mm <= MAX_BLEED_MM:
            raise ValueError(f"--bleed must be 0 to {MAX_BLEED_MM:g} mm, not {self.bleed_mm:g}")
        if not 2 <= self.mark_length_mm <= 20:
            raise ValueError(f"--mark-length must be 2 to 20 mm, not {self.mark_length_mm:g}")
        if not 0 <= self.mark_offset_mm <= 10:
            raise ValueError(f"--mark-offset must be 0 to 10 mm, not {self.mark_offset_mm:g}")
        if self.duplex not in DUPLEX:
            raise ValueError(f"unknown duplex {self.duplex!r} (expected long-edge or short-edge)")
        if self.backs not in BACKS:
            raise ValueError(f"unknown backs {self.backs!r} (expected duplex or separate)")

    @property
    def bleed_pt(self) -> float:
        return self.bleed_mm * MM
