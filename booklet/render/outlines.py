"""An embedded TrueType font + a short string -> the glyphs' outlines drawn as a filled path.

Page furniture that sits beside running text (the numbers on thumb tabs) is drawn as
shapes, not text: the glyphs look the same, but they stay out of the text layer, so
copying or extracting a line of steps never picks up the tab's number in the middle
of it. Only simple glyphs are read (digits and letters of the shipped fonts are);
a composite or missing glyph makes ``outline`` return None and the caller sets text.

A long booklet draws the same ten digits on hundreds of pages, each at its own place,
so each glyph's outline is traced once per font and size, from its own origin, and
placed with a translation.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

Contour = tuple[tuple[float, float, bool], ...]  # (x, y, on the curve) in font units


@lru_cache(maxsize=64)
def glyph_contours(font_name: str, char: str) -> tuple[Contour, ...] | None:
    """A registered TrueType font's name and one character -> its contours, or None (composite, missing)."""
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    if face is None or not hasattr(face, "glyphPos"):
        return None
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None or glyph + 1 >= len(face.glyphPos):
        return None
    start, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
    if end <= start:
        return ()  # an empty glyph (a space)
    data = face.get_table("glyf")[start:end]
    return _parse_simple(data)


def _parse_simple(data: bytes) -> tuple[Contour, ...] | None:
    """A 'glyf' record -> its contours; None for a composite glyph."""
    (count,) = struct.unpack(">h", data[:2])
    if count < 0:
        return None
    ends = struct.unpack(f">{count}H", data[10 : 10 + 2 * count])
    at = 10 + 2 * count
    (skip,) = struct.unpack(">H", data[at : at + 2])
    at += 2 + skip
    total = ends[-1] + 1 if ends else 0
    flags: list[int] = []
    while len(flags) < total:
        flag = data[at]
        at += 1
        flags.append(flag)
        if flag & 8:  # repeated
            flags += [flag] * data[at]
            at += 1
    xs, at = _coords(data, at, flags, 2, 16)
    ys, at = _coords(data, at, flags, 4, 32)
    points = [(x, y, bool(f & 1)) for x, y, f in zip(xs, ys, flags, strict=False)]
    contours, first = [], 0
    for end in ends:
        contours.append(tuple(points[first : end + 1]))
        first = end + 1
    return tuple(contours)


def _coords(data: bytes, at: int, flags: list[int], short: int, same: int) -> tuple[list[int], int]:
    """Delta-coded coordinates -> absolute ones, and where the data goes on."""
    out, value = [], 0
    for flag in flags:
        if flag & short:
            delta = data[at]
            at += 1
            value += delta if flag & same else -delta
        elif not flag & same:
            (delta,) = struct.unpack(">h", data[at : at + 2])
            at += 2
            value += delta
        out.append(value)
    return out, at


def outline(canv: Canvas, text: str, font_name: str, size: float, x: float, y: float) -> bool:
    """Fill ``text``'s glyph outlines centred on ``x`` with its baseline at ``y``; False if a glyph cannot be read."""
    font = pdfmetrics.getFont(font_name)
    glyphs = []
    for ch in text:
        traced = _traced(font, ch, size)
        if traced is None:
            return False
        glyphs.append(traced)
    # A graphics state of its own: each glyph filled at its origin, moved on by the one before's advance.
    code = ["q", f"1 0 0 1 {fp_str(x - pdfmetrics.stringWidth(text, font_name, size) / 2, y)} cm"]
    advance = 0.0
    for glyph in glyphs:
        if advance:
            code.append(f"1 0 0 1 {fp_str(advance)} 0 cm")
        drawn, advance = glyph
        if drawn:
            code.append(drawn)
    code.append("Q")
    canv._code.extend(code)
    return True


@lru_cache(maxsize=256)
def _traced(font: Any, char: str, size: float) -> tuple[str, float] | None:
    """A registered font (the object: a font registered again under its name is another), one character
    and a size -> the code filling its outline (non-zero winding) with its baseline's left end at the origin
    ('' for an empty glyph), and its advance; None if the glyph cannot be read."""
    contours = glyph_contours(font.fontName, char)
    if contours is None:
        return None
    path = PDFPathObject()
    for contour in contours:
        _trace(path, contour, 0.0, 0.0, size / font.face.unitsPerEm)
    code = f"{path.getCode()}\n{PATH_OPS[0, 1, 1]}" if contours else ""
    return code, pdfmetrics.stringWidth(char, font.fontName, size)


def _trace(path, contour: Contour, x0: float, y0: float, scale: float) -> None:
    """One quadratic contour -> moveTo / curveTo on the path (quadratic segments raised to cubic)."""
    pts = [(x0 + x * scale, y0 + y * scale, on) for x, y, on in contour]
    if not pts:
        return
    start = next((i for i, p in enumerate(pts) if p[2]), None)
    if start is None:  # every point off the curve: start between the first two
        a, b = pts[0], pts[1 % len(pts)]
        pts.insert(0, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, True))
        start = 0
    pts = pts[start:] + pts[:start]
    cx, cy = pts[0][0], pts[0][1]
    path.moveTo(cx, cy)
    control = None
    for px, py, on in [*pts[1:], pts[0]]:
        if on:
            if control is None:
                path.lineTo(px, py)
            else:
                _quad(path, (cx, cy), control, (px, py))
            cx, cy, control = px, py, None
        elif control is None:
            control = (px, py)
        else:  # two off-curve points: an implied on-curve point midway
            mx, my = (control[0] + px) / 2, (control[1] + py) / 2
            _quad(path, (cx, cy), control, (mx, my))
            cx, cy, control = mx, my, (px, py)
    path.close()


def _quad(path, p0: tuple[float, float], c: tuple[float, float], p1: tuple[float, float]) -> None:
    path.curveTo(
        p0[0] + 2 / 3 * (c[0] - p0[0]),
        p0[1] + 2 / 3 * (c[1] - p0[1]),
        p1[0] + 2 / 3 * (c[0] - p1[0]),
        p1[1] + 2 / 3 * (c[1] - p1[1]),
        *p1,
    )
