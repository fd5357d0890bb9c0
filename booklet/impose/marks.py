"""Plan lines and placements -> PDF content-stream operators: drawing forms, and marks in registration colour.

Pure: returns bytes of page-description operators (``cm Do``, ``re W n``, ``m l S``)
that pdf.py writes into a sheet. No PDF library here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from booklet.impose.plan import Line, Rect

DASH = "[1.5 1.5] 0 d"  # fold marks are dashed, as printers expect


def num(value: float) -> str:
    """A number -> its shortest PDF spelling, to 1/10000 pt."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def place(matrix: Sequence[float], name: str, clip: Rect | None = None) -> bytes:
    """Matrix, form name and optional clip rectangle (left, bottom, right, top) -> operators drawing the form."""
    clip_ops = ""
    if clip:
        left, bottom, right, top = clip
        clip_ops = f"{num(left)} {num(bottom)} {num(right - left)} {num(top - bottom)} re W n "
    return f"q {clip_ops}{' '.join(num(v) for v in matrix)} cm {name} Do Q\n".encode()


def lines(marks: Iterable[Line], colour_space: str) -> bytes:
    """Marks -> stroked hairlines in the registration colour space named ``colour_space`` (tint 1)."""
    groups: dict[tuple[float, bool], list[str]] = {}
    for mark in marks:
        a, b, c, d = mark.segment
        groups.setdefault((mark.width, mark.dashed), []).append(f"{num(a)} {num(b)} m {num(c)} {num(d)} l")
    out = []
    for (width, dashed), paths in sorted(groups.items()):
        dash = f" {DASH}" if dashed else ""
        out.append(f"q {colour_space} CS 1 SCN {num(width)} w 0 J{dash}\n{' '.join(paths)}\nS Q\n")
    return "".join(out).encode()
