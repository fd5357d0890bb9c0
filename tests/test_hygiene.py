"""Repairs made in ReportLab's document before it is written (finish/hygiene.py), read back with pikepdf."""

from __future__ import annotations

import contextlib
import io
import re

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from booklet.finish import finish_plain, rldoc
from booklet.finish.output import page_shown
from booklet.fonts import register_family
from booklet.render.settings import render_settings


def saved(draw, *, font: str, packed: bool = False) -> bytes:
    buffer = io.BytesIO()
    with render_settings() if packed else contextlib.nullcontext():
        canv = Canvas(buffer, invariant=1, pageCompression=1, initialFontName=font)
        draw(canv)
        canv.showPage()
        if packed:  # as a booklet's canvas does: the page's operators compressed when it is shown
            page_shown(canv)
            assert canv._doc.Pages.pages[0].stream is None
        finish_plain(canv)
        canv.save()
    return buffer.getvalue()


def fonts_of(data: bytes) -> list[tuple[str, str, bytes]]:
    """The first page's fonts: (BaseFont, its descriptor's FontName, ToUnicode map)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            (
                str(f.BaseFont),
                str(f.FontDescriptor.FontName) if "/FontDescriptor" in f else "",
                f.ToUnicode.read_bytes() if "/ToUnicode" in f else b"",
            )
            for f in pdf.pages[0].obj.Resources.Font.values()
        ]


def test_a_subset_is_tagged_from_its_bytes_and_its_map_names_no_null_code():
    regular = register_family("NotoSans").regular

    def text(words: str):
        return lambda canv: (canv.setFont(regular, 12), canv.drawString(72, 720, words))

    # ReportLab's first subset holds all of ASCII: subsets differ by what else they hold.
    (first, named, cmap), (second, _, _) = (fonts_of(saved(text(w), font=regular))[0] for w in ("café", "naïve"))
    assert re.fullmatch(r"/[A-Z]{6}\+\S+", first)
    assert not first.startswith("/AAAAAA+")
    assert first != second, "two different subsets of one font share a tag"
    assert named == first
    assert fonts_of(saved(text("café"), font=regular))[0][0] == first, "the same subset got another tag"
    assert not re.search(rb"<[0-9A-Fa-f]+>\s*<(0000|FEFF|FFFE)>", cmap, re.I)
    counts = [int(n) for n in re.findall(rb"(\d+) beginbfchar", cmap)]
    assert counts
    assert all(n <= 100 for n in counts), "a bfchar block lists at most 100 codes"
    assert sum(counts) == len(re.findall(rb"<[0-9A-Fa-f]{2}> <[0-9A-Fa-f]{4}>", cmap))


@pytest.mark.parametrize("packed", [False, True])
def test_an_unembedded_font_no_content_selects_is_dropped_and_a_selected_one_kept(packed: bool):
    regular = register_family("NotoSans").regular

    def draw(canv):
        rldoc.document(canv).getInternalFontName("Courier")  # registered, never selected with Tf
        canv.setFont(regular, 12)
        canv.drawString(72, 720, "on the page")

    names = [name for name, _, _ in fonts_of(saved(draw, font=regular, packed=packed))]
    assert not any("Courier" in n for n in names)
    kept = [name for name, _, _ in fonts_of(saved(lambda canv: None, font="Helvetica", packed=packed))]
    assert kept == ["/Helvetica"], "the initial font is selected by the page's preamble: it stays"


def test_no_page_keeps_an_empty_transition():
    data = saved(lambda canv: canv.drawString(72, 720, "x"), font="Helvetica")
    assert b"/Trans" not in data
