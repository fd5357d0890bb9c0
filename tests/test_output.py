"""The streamed save (finish/output.py, rldoc.write): the bytes of the old whole-file path, and nothing half written."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName
from reportlab.pdfgen.canvas import Canvas

from booklet.build import build_booklet
from booklet.finish import finish_plain, rldoc
from booklet.finish.framing import framed
from booklet.finish.ident import identified
from booklet.finish.output import File, page_shown, saved
from booklet.fonts import register_family
from booklet.render import booklet as render_booklet
from booklet.render.settings import render_settings


def drawn(compressed: bool, packed: bool) -> Canvas:
    """A few pages with text in an embedded font, a form used twice and a link, every page shown."""
    regular = register_family("NotoSans").regular
    canv = Canvas(io.BytesIO(), invariant=1, pageCompression=int(compressed), initialFontName=regular)
    canv.beginForm("mark")
    canv.circle(10, 10, 5, fill=1)
    canv.endForm()
    for number in range(4):
        canv.setFont(regular, 11)
        canv.drawString(72, 720, f"page {number + 1}: café, naïve")
        canv.doForm("mark")
        canv.linkURL("https://example.org/", (72, 700, 200, 712))
        canv.showPage()
        if packed:
            page_shown(canv)
    finish_plain(canv)
    return canv


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("booklets_settings", [True, False])  # ReportLab's own: ASCII85 on top, pages not packed
def test_the_streamed_save_gives_the_bytes_of_framing_and_identifying_the_whole_file(
    compressed: bool, booklets_settings: bool
):
    with render_settings() if booklets_settings else contextlib.nullcontext():
        old = identified(framed(drawn(compressed, packed=False).getpdfdata()))
        new = saved(drawn(compressed, packed=True))
    assert new == old
    with pikepdf.open(io.BytesIO(new)) as pdf:
        assert len(pdf.pages) == 4
        assert b"page 3" in pdf.pages[2].Contents.read_bytes()


class Joined:
    """The pieces as ReportLab's PDFFile keeps them: unframed, joined at the end."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.offset = 0

    def add(self, piece: bytes) -> int:
        self.pieces.append(piece)
        self.offset += len(piece)
        return self.offset - len(piece)

    def close(self, trailer: bytes) -> bytes:
        return b"".join([*self.pieces, trailer])


def test_a_booklet_saved_streamed_is_byte_identical_to_the_whole_file_path(monkeypatch):
    new = build_booklet(audience="large-print")
    # Pages kept as text with every box, the file joined whole, then framed and identified.
    monkeypatch.setattr(render_booklet, "page_shown", lambda canv, written=True: True)
    monkeypatch.setattr(render_booklet, "saved", lambda canv: identified(framed(rldoc.write(canv, Joined()))))
    old = build_booklet(audience="large-print")
    assert isinstance(new, bytes)
    assert new == old


def test_pages_wait_for_the_save_compressed():
    with render_settings():
        canv = drawn(True, packed=True)
        pages = canv._doc.Pages.pages
        assert all(page.stream is None and page.Contents.content for page in pages)
        saved(canv)
    assert not any(page.Contents.content for page in pages), "a page's bytes are let go once written"


def test_a_save_that_fails_leaves_the_previous_output_and_no_temporary_file(tmp_path: Path, monkeypatch):
    out = tmp_path / "guide.pdf"
    out.write_bytes(b"the previous good output")
    added = File.add

    def failing(self, piece):
        if self.offset > 20_000:
            raise OSError(28, "No space left on device")
        return added(self, piece)

    monkeypatch.setattr(File, "add", failing)
    with pytest.raises(OSError, match="No space left"):
        build_booklet(output=out)
    assert out.read_bytes() == b"the previous good output"
    assert os.listdir(tmp_path) == ["guide.pdf"]


def test_a_streamed_booklet_passes_qpdf(tmp_path: Path):
    out = tmp_path / "guide.pdf"
    build_booklet(output=out, audience="home")
    checked = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout


def test_numbers_set_aside_are_written_in_their_place_and_found_by_the_table():
    with render_settings():
        canv = drawn(True, packed=True)
        doc = canv._doc
        first = rldoc.reserve(doc, 5000, lambda i: b"<< /Reserved %d >>" % i)  # the table is written in parts
        after = rldoc.number(doc, doc.Reference(PDFDictionary({"After": PDFName("Them")})))
        data = saved(canv)
    assert after == first + 5000, "a registered object takes the number after the reserved ones"
    with pikepdf.open(io.BytesIO(data)) as pdf:  # the table points at each (qpdf would repair it otherwise)
        for i in (0, 1, 2047, 2048, 4999):
            assert pdf.get_object((first + i, 0)).Reserved == i
        assert pdf.get_object((after, 0)).After == "/Them"
    assert b"%d 0 obj\n<< /Reserved 1 >>\nendobj\n" % (first + 1) in data
    xref = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    rows = re.findall(rb"(\d{10}) 00000 n ", data[xref:])
    assert len(rows) == len(re.findall(rb"(?m)^\d+ 0 obj$", data)) > after
    for number, offset in enumerate(rows, 1):  # every row points at its own object
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)


def test_boxes_of_a_page_without_annotations_are_let_go():
    from booklet.render.tagging import Recorder

    tags = Recorder("en")
    link, text = tags.root.add("Link"), tags.root.add("P")
    tags.drawn(text, (1, 0, 0, 10, 10))
    tags.drawn(link, (1, 0, 0, 5, 5))
    tags.page_done(1, annotated=True)
    tags.drawn(text, (2, 0, 0, 10, 10))
    tags.page_done(2, annotated=False)
    assert text.boxes == [(1, 0, 0, 10, 10)]
    assert link.boxes == [(1, 0, 0, 5, 5)]
    tags.drawn(link, (3, 1, 1, 2, 2))
    tags.page_done(3, annotated=False)
    assert link.boxes == [(1, 0, 0, 5, 5)]
