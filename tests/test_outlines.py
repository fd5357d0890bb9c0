"""Glyph outlines (render/outlines.py): a tab number drawn as filled shapes, traced once a glyph and placed."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from booklet.fonts import register_family
from booklet.render import outlines


def _ink(pdf: bytes, scale: float = 8.0) -> tuple[tuple[int, int, int, int], int]:
    """A one-page PDF -> the box of its dark pixels (left, top, right, bottom) and how many there are."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=scale).to_pil().convert("L")
    dark = image.point(lambda v: 255 if v < 128 else 0)
    return dark.getbbox(), dark.histogram()[255]


def _drawn(draw) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(120, 60))
    draw(canv)
    canv.showPage()
    canv.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def font() -> str:
    return register_family("NotoSans").bold


def _absolute(canv: Canvas, text: str, font: str, size: float, x: float, y: float) -> None:
    """The outlines traced at their place on the page, glyph by glyph, as one path (no translation)."""
    face = pdfmetrics.getFont(font).face
    left = x - pdfmetrics.stringWidth(text, font, size) / 2
    path = canv.beginPath()
    for ch in text:
        for contour in outlines.glyph_contours(font, ch) or ():
            outlines._trace(path, contour, left, y, size / face.unitsPerEm)
        left += pdfmetrics.stringWidth(ch, font, size)
    canv.drawPath(path, stroke=0, fill=1, fillMode=1)


@pytest.mark.parametrize("text", ["7", "12", "108"])
def test_placed_outlines_cover_what_outlines_traced_in_place_cover(font: str, text: str):
    placed = _drawn(lambda canv: outlines.outline(canv, text, font, 30, 60, 20))
    traced = _drawn(lambda canv: _absolute(canv, text, font, 30, 60, 20))
    (box, count), (want_box, want_count) = _ink(placed), _ink(traced)
    assert all(abs(a - b) <= 1 for a, b in zip(box, want_box, strict=True)), (box, want_box)
    assert abs(count - want_count) <= want_count * 0.002, (count, want_count)
    width = pdfmetrics.stringWidth(text, font, 30) * 8  # the ink sits centred on x = 60 pt
    assert abs((box[0] + box[2]) / 2 - 60 * 8) < width * 0.1
    code = PdfReader(io.BytesIO(placed)).pages[0].get_contents().get_data()
    assert b" cm\n" in code  # placed by a translation
    assert b"\nf\n" in code  # filled by the non-zero winding rule


def test_each_glyph_is_traced_once_for_every_place_it_is_drawn(font: str):
    outlines._traced.cache_clear()
    _drawn(lambda canv: [outlines.outline(canv, str(n), font, 9, 10 + n, 30) for n in range(1, 40)])
    info = outlines._traced.cache_info()
    assert info.misses == 10  # the ten digits, whatever the number and wherever it stands
    assert info.hits == sum(len(str(n)) for n in range(1, 40)) - 10


def test_a_missing_glyph_draws_nothing_and_says_so(font: str):
    code = []

    def draw(canv: Canvas) -> None:
        code.append(outlines.outline(canv, "1\u4e00", font, 9, 30, 30))  # no CJK glyph in Noto Sans
        code.append(len(canv._code))

    pdf = _drawn(draw)
    assert code[0] is False
    assert _ink(pdf)[1] == 0
