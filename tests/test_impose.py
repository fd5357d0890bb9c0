"""Imposition plans as plain data, checked against independent formulations; PDFs read back."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booklet.errors import InputError
from booklet.impose.apply import impose_cards_file, impose_saddle, read_pdf_checked
from booklet.impose.grid import plan_cards
from booklet.impose.saddle import creep_shifts, pad_count, plan_saddle, saddle_order, signatures
from booklet.paper import PAPERS

from .conftest import POPPLER, word_boxes

pytestmark = pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) not installed")


def folded_stack(n_pages: int) -> list[tuple[int, int]]:
    """Independent formulation: number the pages of a stack of nested folded sheets.

    Each sheet has four slots: front-left, front-right, back-left, back-right. Walking
    the closed booklet page by page, the first half of the pages fall on the right
    half of each sheet going inward, the second half on the left going outward.
    """
    sheets = n_pages // 4
    slots = {s: {} for s in range(sheets)}
    page = 1
    for s in range(sheets):  # first half: going in
        slots[s]["front-right"] = page
        slots[s]["back-left"] = page + 1
        page += 2
    for s in reversed(range(sheets)):  # second half: coming out
        slots[s]["back-right"] = page
        slots[s]["front-left"] = page + 1
        page += 2
    out = []
    for s in range(sheets):
        out += [(slots[s]["front-left"], slots[s]["front-right"]), (slots[s]["back-left"], slots[s]["back-right"])]
    return out


def test_saddle_order_of_eight():
    assert saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


@pytest.mark.parametrize("n", [4, 8, 12, 16, 20, 64])
def test_saddle_order_matches_folding(n):
    assert saddle_order(n) == folded_stack(n)
    flat = sorted(p for side in saddle_order(n) for p in side)
    assert flat == list(range(1, n + 1))


def test_pad_count():
    assert [pad_count(n) for n in (1, 4, 5, 6, 7, 8, 17)] == [3, 0, 3, 2, 1, 0, 3]


def test_signatures_nest_consecutive_runs():
    assert signatures(20, 2) == [list(range(1, 9)), list(range(9, 17)), list(range(17, 21))]
    plan = plan_saddle(16, signature=2)
    assert [(s.sheet, s.front, s.left, s.right) for s in plan] == [
        (1, True, 8, 1),
        (1, False, 2, 7),
        (2, True, 6, 3),
        (2, False, 4, 5),
        (3, True, 16, 9),
        (3, False, 10, 15),
        (4, True, 14, 11),
        (4, False, 12, 13),
    ]


def test_creep_grows_inward():
    assert creep_shifts(4, 3.0) == [0.0, 1.0, 2.0, 3.0]
    plan = plan_saddle(16, creep_pt=3.0)
    assert [s.shift_pt for s in plan if s.front] == [0.0, 1.0, 2.0, 3.0]


def numbered_pdf(n: int, size=(148 * mm, 210 * mm)) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=size, invariant=1)
    for page in range(1, n + 1):
        canv.setFont("Helvetica", 40)
        canv.drawCentredString(size[0] / 2, size[1] / 2, f"P{page}")
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def placed_numbers(pdf: bytes) -> list[list[tuple[float, int]]]:
    """For each sheet side: (x of the page number's text, page number), left to right."""
    return [
        sorted((x, int(word[1:])) for word, x, _ in page if re.fullmatch(r"P\d+", word)) for page in word_boxes(pdf)
    ]


def test_imposed_sheets_read_back():
    imposed = impose_saddle(numbered_pdf(8))
    reader = PdfReader(io.BytesIO(imposed))
    assert len(reader.pages) == 4
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (round(PAPERS["a4"].height_pt), round(PAPERS["a4"].width_pt))
    sides = [[n for _, n in side] for side in placed_numbers(imposed)]
    assert sides == [[8, 1], [2, 7], [6, 3], [4, 5]]
    for side in placed_numbers(imposed):
        assert side[0][0] < width / 2 < side[1][0]


def test_padding_keeps_the_back_cover_last():
    sides = [[n for _, n in side] for side in placed_numbers(impose_saddle(numbered_pdf(6)))]
    assert sides[0] == [6, 1]  # the last page of the input is still the back cover
    assert sorted(n for side in sides for n in side) == [1, 2, 3, 4, 5, 6]


def test_imposition_is_deterministic():
    data = numbered_pdf(12)
    assert impose_saddle(data) == impose_saddle(data)


@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
@pytest.mark.parametrize(
    ("card", "sheet"), [((105 * mm, 148 * mm), "a4"), ((85 * mm, 55 * mm), "letter"), ((127 * mm, 76.2 * mm), "a4")]
)
def test_card_backs_land_on_their_fronts(card, sheet, duplex):
    plan = plan_cards(7, card, PAPERS[sheet].size, bleed=3 * mm, duplex=duplex)
    w, h = plan.sheet_w, plan.sheet_h
    long_edge_vertical = h > w
    flips_about_vertical = long_edge_vertical == (duplex == "long-edge")
    assert plan.vertical_flip == flips_about_vertical
    for sheet_plan in plan.sheets:
        backs = {s.card: s for s in sheet_plan.backs}
        for front in sheet_plan.fronts:
            back = backs[front.card]
            # a point inside the front card, seen through the paper after the flip
            px, py = front.x + 0.3 * plan.card_w, front.y + 0.7 * plan.card_h
            bx, by = (w - px, py) if flips_about_vertical else (px, h - py)
            assert back.x <= bx <= back.x + plan.card_w
            assert back.y <= by <= back.y + plan.card_h
            # the same point of the card: mirrored within the card for a vertical flip
            rel = ((bx - back.x) / plan.card_w, (by - back.y) / plan.card_h)
            expected = (0.7, 0.7) if flips_about_vertical else (0.3, 0.3)
            assert rel == pytest.approx(expected)


def test_crop_marks_lie_outside_every_trim_and_inside_the_sheet():
    bleed = 3 * mm
    plan = plan_cards(9, (85 * mm, 55 * mm), PAPERS["a4"].size, bleed=bleed)
    assert plan.cols * plan.rows == 9
    trims = [
        (s.x - bleed, s.y - bleed, s.x + plan.card_w + bleed, s.y + plan.card_h + bleed)
        for sheet in plan.sheets
        for s in sheet.fronts
    ]
    for x0, y0, x1, y1 in plan.marks:
        for px, py in ((x0, y0), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2)):
            assert 0 <= px <= plan.sheet_w
            assert 0 <= py <= plan.sheet_h
            assert not any(a < px < c and b < py < d for a, b, c, d in trims)


def test_back_offset_shifts_backs_only():
    plain = plan_cards(2, (85 * mm, 55 * mm), PAPERS["a4"].size)
    shifted = plan_cards(2, (85 * mm, 55 * mm), PAPERS["a4"].size, back_offset=(1.0, -2.0))
    assert plain.sheets[0].fronts == shifted.sheets[0].fronts
    for a, b in zip(plain.sheets[0].backs, shifted.sheets[0].backs, strict=True):
        assert (b.x - a.x, b.y - a.y) == pytest.approx((1.0, -2.0))


def test_cards_file_layout():
    pdf = impose_cards_file(numbered_pdf(4, size=(85 * mm, 55 * mm)))
    sides = [[n for _, n in side] for side in placed_numbers(pdf)]
    assert sides == [[1, 3], [2, 4]]


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def crafted(count: int | None = None, box: tuple[int, ...] | None = None, pages: int = 1) -> bytes:
    """A small PDF whose page tree lies about its count, or whose page box is absurd."""
    from pypdf.generic import ArrayObject, NameObject, NumberObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(100, 100)
    if box is not None:
        writer.pages[0][NameObject("/MediaBox")] = ArrayObject([NumberObject(v) for v in box])
    if count is not None:
        writer._root_object["/Pages"][NameObject("/Count")] = NumberObject(count)
    if pages == 0:
        writer._root_object["/Pages"][NameObject("/Kids")] = ArrayObject()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is not a PDF file"),
        (b"hello, not a pdf", "is not a PDF file"),
        (numbered_pdf(2)[:300], "cannot be read"),
        (encrypted_pdf(), "is encrypted; decrypt it first"),
        (crafted(count=90000), "declares 90,000 pages"),
        (crafted(count=0, pages=0), "has no pages"),
        (crafted(box=(0, 0, 0, 0)), "unusable size"),
        (crafted(box=(0, 0, 100000, 100)), "unusable size"),
    ],
)
def test_hostile_pdfs_are_refused(data, message):
    with pytest.raises(InputError, match=re.escape(message)):
        read_pdf_checked(data, "in.pdf")


def test_actions_and_annotations_are_not_copied():
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(numbered_pdf(4))))
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('x');")}
    )
    writer.add_uri(0, "javascript:alert(1)", [0, 0, 50, 50])
    out = io.BytesIO()
    writer.write(out)
    imposed = impose_saddle(out.getvalue())
    assert b"JavaScript" not in imposed
    assert b"javascript" not in imposed
    assert all("/Annots" not in page for page in PdfReader(io.BytesIO(imposed)).pages)
