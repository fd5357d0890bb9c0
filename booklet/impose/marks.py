"""Plans -> PDF content-stream operators for printer's marks: crop marks, calibration cross, slug.

Pure: returns bytes of page-description operators (``m l S``, ``re W n``, ``cm``,
``BT Tj ET``) that apply.py appends to a sheet. No PDF library here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from booklet.impose.grid import CardSheetPlan, Segment
from booklet.paper import MM

SLUG_FONT = "/Helvetica"  # one of the 14 standard Type1 fonts: every viewer has it, nothing to embed
SLUG_SIZE = 6.0


def num(value: float) -> str:
    """A number -> its shortest PDF spelling, to 1/10000 pt."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def place(matrix: Sequence[float], name: str, clip: Sequence[float] | None = None) -> bytes:
    """Matrix, form name and optional clip rectangle (x, y, w, h) -> operators drawing the form."""
    clip_ops = f"{' '.join(num(v) for v in clip)} re W n " if clip else ""
    return f"q {clip_ops}{' '.join(num(v) for v in matrix)} cm {name} Do Q\n".encode()


def lines(segments: Iterable[Segment], width: float = 0.25) -> bytes:
    """Line segments -> one stroked path of hairlines in black."""
    path = " ".join(f"{num(a)} {num(b)} m {num(c)} {num(d)} l" for a, b, c, d in segments)
    return f"q {num(width)} w 0 G 0 J\n{path}\nS Q\n".encode() if path else b""


def crop_marks(plan: CardSheetPlan) -> bytes:
    """Card plan -> its crop marks, drawn on the front of every sheet."""
    return lines(plan.marks)


def calibration(plan: CardSheetPlan, *, back: bool) -> bytes:
    """Card plan -> a registration cross; on the back, with millimetre rulers along both arms.

    Print fact: hold a printed sheet to the light, back towards you. The rulers are
    centred on the back's cross; where the front's cross shows through, read off in
    millimetres (right and up are positive), is the amount to add to --back-offset.
    """
    cx, cy = plan.calibration_back if back else plan.calibration_front
    arm = plan.calibration_arm
    segments: list[Segment] = [(cx - arm, cy, cx + arm, cy), (cx, cy - arm, cx, cy + arm)]
    if back:
        reach = int(min(5 * MM, 2 * arm) // MM)
        for k in range(-reach, reach + 1):
            tick = (0.8 if k % 5 == 0 else 0.4) * MM
            segments += [(cx + k * MM, cy, cx + k * MM, cy + tick), (cx, cy + k * MM, cx + tick, cy + k * MM)]
    return lines(segments, 0.2)


def slug(text: str, x: float, y: float) -> bytes:
    """Printing instructions -> operators setting them in 6 pt Helvetica (font resource /Slug) at (x, y)."""
    raw = text.encode("cp1252", "replace")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    escaped = bytes(b if b >= 32 and b != 127 else 63 for b in escaped)  # no control bytes
    start = f"q 0 g BT /Slug {num(SLUG_SIZE)} Tf {num(x)} {num(y)} Td (".encode()
    return start + escaped + b") Tj ET Q\n"
