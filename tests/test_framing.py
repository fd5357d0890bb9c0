"""Framing (finish/framing.py): an EOL between every stream's data and endstream; the xref still points home."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from booklet.finish.framing import framed


def reportlab_pdf(pages: int = 3, compressed: bool = True) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, invariant=1, pageCompression=int(compressed))
    for number in range(pages):
        canv.drawString(72, 720, f"page {number + 1}")
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def test_reportlab_writes_endstream_right_after_the_data():
    data = reportlab_pdf()
    assert re.search(rb"[^\r\n]endstream", data), "ReportLab now ends its streams with an EOL: framing is not needed"


@pytest.mark.parametrize("compressed", [True, False])  # uncompressed page data ends in a newline of its own
def test_every_stream_ends_with_an_eol_its_length_excludes_and_the_xref_points_at_each_object(compressed: bool):
    data = framed(reportlab_pdf(compressed=compressed))
    streams = list(re.finditer(rb"/Length (\d+).*?stream\n", data, re.DOTALL))
    assert streams
    for found in streams:
        start, length = found.end(), int(found.group(1))
        assert data[start + length : start + length + len(b"\nendstream")] == b"\nendstream"
    xref = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[xref : xref + 5] == b"xref\n"
    rows = re.findall(rb"(\d{10}) 00000 n ", data[xref:])
    for number, offset in enumerate(rows, 1):
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)
    with pikepdf.open(io.BytesIO(data)) as pdf:  # qpdf reads it without repairing anything
        assert len(pdf.pages) == 3
        assert b"page 2" in pdf.pages[1].Contents.read_bytes()


def test_what_is_not_a_reportlab_pdf_is_refused():
    with pytest.raises(ValueError, match="startxref"):
        framed(b"%PDF-1.4\nnot a pdf")
