"""Imposition: plans as plain data checked against independent formulations; PDFs read back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booklet.errors import InputError
from booklet.impose import ImposeOptions, impose, impose_file
from booklet.impose.grid import plan_cards
from booklet.impose.pdf import read_pdf_checked
from booklet.impose.place import card_placements
from booklet.impose.saddle import (
    creep_shifts,
    pad_count,
    plan_saddle,
    reading_order,
    saddle_order,
    signatures,
)
from booklet.paper import PAPERS

POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) not installed")
A4, A5, LETTER = PAPERS["a4"], PAPERS["a5"], PAPERS["letter"]


def impose_saddle(pdf: bytes, *, name: str = "input PDF", slugs=None, **options) -> bytes:
    """Reading pages -> saddle-stitched sheets through the scheme registry."""
    return impose("saddle", [(pdf, name)], ImposeOptions(**options), slugs=slugs).pdf


# --- saddle order: plain data, then an independent formulation ---------------------------------


SADDLE_TABLE = {
    4: [(4, 1), (2, 3)],
    8: [(8, 1), (2, 7), (6, 3), (4, 5)],
    12: [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)],
    16: [(16, 1), (2, 15), (14, 3), (4, 13), (12, 5), (6, 11), (10, 7), (8, 9)],
    20: [(20, 1), (2, 19), (18, 3), (4, 17), (16, 5), (6, 15), (14, 7), (8, 13), (12, 9), (10, 11)],
}


@pytest.mark.parametrize("n", sorted(SADDLE_TABLE))
def test_saddle_order_table(n):
    assert saddle_order(n) == SADDLE_TABLE[n]


def fold_and_read(n_sheets: int) -> list[tuple[int, int]]:
    """Independent formulation: number the halves of a folded stack by leafing through it.

    Each sheet has four half-sides: front-left, front-right, back-left, back-right. The
    sheets are printed flipping on the short edge, so back-left lies behind front-right.
    Stacked (sheet 0 outermost, fronts out) and folded, the right halves become the
    leaves of the first half of the booklet, outermost first; the left halves the
    leaves of the second half, innermost first. A leaf's recto is the side facing the
    reader, its verso the side behind it.
    """
    halves: dict[tuple[int, str], int] = {}
    leaves = [(s, "right") for s in range(n_sheets)] + [(s, "left") for s in reversed(range(n_sheets))]
    behind = {"front-right": "back-left", "back-right": "front-left"}
    page = 1
    for sheet, half in leaves:
        recto = "front-right" if half == "right" else "back-right"  # the side facing the reader
        halves[sheet, recto] = page
        halves[sheet, behind[recto]] = page + 1
        page += 2
    sides = []
    for s in range(n_sheets):
        sides += [
            (halves[s, "front-left"], halves[s, "front-right"]),
            (halves[s, "back-left"], halves[s, "back-right"]),
        ]
    return sides


@pytest.mark.parametrize("n", [4, 8, 12, 16, 20, 64, 400])
def test_saddle_order_matches_folding(n):
    assert saddle_order(n) == fold_and_read(n // 4)


def test_saddle_order_refuses_other_counts():
    for bad in (0, 6, -4):
        with pytest.raises(ValueError, match="multiple of 4"):
            saddle_order(bad)


def test_pad_count_and_reading_order():
    assert [pad_count(n) for n in (1, 4, 5, 6, 7, 8, 17)] == [3, 0, 3, 2, 1, 0, 3]
    assert reading_order(6) == [1, 2, 3, 4, 5, None, None, 6]  # the back cover stays last
    assert reading_order(6, "end") == [1, 2, 3, 4, 5, 6, None, None]
    assert reading_order(2) == [1, None, None, 2]
    assert reading_order(1) == [1, None, None, None]
    assert reading_order(8) == list(range(1, 9))


def test_signatures_are_consecutive_runs_each_in_saddle_order():
    assert signatures(20, 2) == [list(range(1, 9)), list(range(9, 17)), list(range(17, 21))]
    assert signatures(8, 5) == [list(range(1, 9))]
    plan = plan_saddle(20, signature=2)
    assert [(s.sheet, s.front, s.left, s.right) for s in plan] == [
        (1, True, 8, 1),
        (1, False, 2, 7),
        (2, True, 6, 3),
        (2, False, 4, 5),
        (3, True, 16, 9),
        (3, False, 10, 15),
        (4, True, 14, 11),
        (4, False, 12, 13),
        (5, True, 20, 17),  # the last signature is shorter: one sheet
        (5, False, 18, 19),
    ]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300), st.one_of(st.none(), st.integers(1, 12)))
def test_every_page_printed_once_and_each_signature_folds_on_its_own(n_pages, signature):
    plan = plan_saddle(n_pages, signature=signature)
    printed = [p for side in plan for p in (side.left, side.right) if p is not None]
    assert sorted(printed) == list(range(1, n_pages + 1))
    assert [s.front for s in plan] == [True, False] * (len(plan) // 2)
    order = reading_order(n_pages)
    # Within a signature the two pages on each side are mirror positions: they sum to first + last.
    group = 4 * (signature or len(order))
    for i, side in enumerate(plan):
        left, right = (order.index(p) + 1 if p else None for p in (side.left, side.right))
        if left and right:
            start = (left - 1) // group * group
            end = min(start + group, len(order))
            assert left + right == start + 1 + end, (i, side)


def test_creep_shifts_grow_inward():
    assert creep_shifts(4, 3.0) == [0.0, 1.0, 2.0, 3.0]
    assert creep_shifts(1, 3.0) == [0.0]
    with pytest.raises(ValueError, match="negative"):
        creep_shifts(3, -1.0)


def test_creep_moves_inner_pages_toward_the_fold():
    plan = plan_saddle(16, creep_pt=3.0)
    assert [s.shift_pt for s in plan if s.front] == [0.0, 1.0, 2.0, 3.0]
    inner = plan[-1]
    (left_dx, _), (right_dx, _) = inner.offsets
    assert left_dx == 3.0  # the left page moves right, toward the fold
    assert right_dx == -3.0  # the right page moves left, toward the fold


def test_a_short_last_signature_keeps_the_creep_step():
    plan = plan_saddle(24, signature=4, creep_pt=3.0)
    assert [s.shift_pt for s in plan if s.front] == [0.0, 1.0, 2.0, 3.0, 0.0, 1.0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"signature": 0}, "1 to 256 sheets"), ({"creep_pt": -1}, "0 to 20 mm"), ({"pad": "middle"}, "unknown padding")],
)
def test_plan_saddle_refuses_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plan_saddle(8, **kwargs)


# --- card grid: duplex flips simulated geometrically -------------------------------------------


def physical_flip(point, sheet_w, sheet_h, duplex):
    """Where a front point is, seen from the back, after the printer turns the sheet over.

    The printer turns the paper about its long or short edge; on a portrait sheet the
    long edge is the vertical one.
    """
    x, y = point
    long_edge_vertical = sheet_h > sheet_w
    about_vertical = long_edge_vertical == (duplex == "long-edge")
    return (sheet_w - x, y) if about_vertical else (x, sheet_h - y)


def apply_matrix(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def invert(m, x, y):
    a, b, c, d, e, f = m
    det = a * d - b * c
    x, y = x - e, y - f
    return ((d * x - c * y) / det, (-b * x + a * y) / det)


CARD_CASES = [
    ((105 * mm, 148 * mm), A4.size),  # A6
    ((85 * mm, 55 * mm), LETTER.size),  # business card
    ((127 * mm, 76.2 * mm), A4.size),  # index card
    ((85 * mm, 55 * mm), A4.size),
]


@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
@pytest.mark.parametrize(("card", "sheet"), CARD_CASES)
def test_each_back_lands_on_its_front_and_reads_upright_when_turned_sideways(card, sheet, duplex):
    plan = plan_cards(11, card, sheet, bleed=3 * mm, duplex=duplex)
    w, h = card
    for sheet_plan in plan.sheets:
        fronts = {p.page: p for p in card_placements(plan, sheet_plan, [card] * 11, back=False)}
        backs = {p.page: p for p in card_placements(plan, sheet_plan, [card] * 11, back=True)}
        assert set(fronts) == set(backs) == {s.card for s in sheet_plan.fronts}
        for k, front in fronts.items():
            for a, b in ((0.2, 0.9), (0.7, 0.1), (0.5, 0.5)):
                on_sheet = apply_matrix(front.matrix, a * w, b * h)
                seen_from_back = physical_flip(on_sheet, plan.sheet_w, plan.sheet_h, duplex)
                u, v = invert(backs[k].matrix, *seen_from_back)
                # Turned over sideways, like a page: left and right swap, top stays top.
                assert (u / w, v / h) == pytest.approx((1 - a, b)), (k, a, b)


@pytest.mark.parametrize(("card", "sheet"), CARD_CASES)
def test_crop_marks_lie_outside_every_card_and_inside_the_sheet(card, sheet):
    bleed = 3 * mm
    plan = plan_cards(30, card, sheet, bleed=bleed)
    boxes = [
        (s.x - bleed, s.y - bleed, s.x + plan.card_w + bleed, s.y + plan.card_h + bleed)
        for sheet_plan in plan.sheets
        for s in sheet_plan.fronts
    ]
    cx, cy = plan.calibration_front
    arm = plan.calibration_arm
    cross = [(cx - arm, cy, cx + arm, cy), (cx, cy - arm, cx, cy + arm)]
    for x0, y0, x1, y1 in [*plan.marks, *cross]:
        for t in (0, 0.25, 0.5, 0.75, 1):
            px, py = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            assert 0.5 * mm <= px <= plan.sheet_w - 0.5 * mm
            assert 0.5 * mm <= py <= plan.sheet_h - 0.5 * mm
            assert not any(a <= px <= c and b <= py <= d for a, b, c, d in boxes)
    # Every cut line has its marks.
    edges = {round(s.x + dx, 2) for s in plan.sheets[0].fronts for dx in (0, plan.card_w)}
    marked = {round(x0, 2) for x0, _, x1, _ in plan.marks if x0 == x1}
    assert edges <= marked
    # The cross keeps clear of the crop marks.
    assert all(abs(x0 - cx) > arm for x0, _, x1, _ in plan.marks if x0 == x1)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(30, 140),
    st.floats(30, 140),
    st.floats(0, 3),
    st.sampled_from(["long-edge", "short-edge"]),
    st.sampled_from(["a4", "letter"]),
)
def test_any_card_grid_fits_the_sheet(card_w_mm, card_h_mm, bleed_mm, duplex, paper):
    plan = plan_cards(7, (card_w_mm * mm, card_h_mm * mm), PAPERS[paper].size, bleed=bleed_mm * mm, duplex=duplex)
    margin = (max(3, bleed_mm + 0.5) if bleed_mm else 3) * mm + 8 * mm  # mark offset, 3 mm marks, 5 mm edge keep
    for sheet_plan in plan.sheets:
        for slot in sheet_plan.fronts + sheet_plan.backs:
            assert margin - 0.01 <= slot.x <= plan.sheet_w - margin - plan.card_w + 0.01
            assert margin - 0.01 <= slot.y <= plan.sheet_h - margin - plan.card_h + 0.01
    for x0, y0, x1, y1 in plan.marks:  # 5 mm inside the paper edge, where a desktop printer still prints
        assert min(x0, x1, y0, y1) >= 5 * mm - 0.01
        assert max(x0, x1) <= plan.sheet_w - 5 * mm + 0.01
        assert max(y0, y1) <= plan.sheet_h - 5 * mm + 0.01
    back = plan.flip(*plan.calibration_front)
    assert plan.calibration_back == pytest.approx(back)


def test_the_orientation_holding_most_cards_wins():
    business = plan_cards(1, (85 * mm, 55 * mm), A4.size)
    assert (business.sheet_w > business.sheet_h, business.cols, business.rows) == (True, 3, 3)
    a6 = plan_cards(1, (105 * mm, 148 * mm), A4.size)
    assert (a6.cols, a6.rows) == (2, 1)  # four A6 would leave no margin for crop marks
    assert len(plan_cards(10, (85 * mm, 55 * mm), A4.size).sheets) == 2
    with pytest.raises(ValueError, match="does not fit"):
        plan_cards(1, (250 * mm, 300 * mm), A4.size)


def test_back_offset_moves_backs_and_their_cross_only():
    plain = plan_cards(2, (85 * mm, 55 * mm), A4.size)
    shifted = plan_cards(2, (85 * mm, 55 * mm), A4.size, back_offset=(1.0, -2.0))
    assert plain.sheets[0].fronts == shifted.sheets[0].fronts
    assert plain.calibration_front == shifted.calibration_front
    for a, b in zip(plain.sheets[0].backs, shifted.sheets[0].backs, strict=True):
        assert (b.x - a.x, b.y - a.y) == pytest.approx((1.0, -2.0))
    moved = (
        shifted.calibration_back[0] - plain.calibration_back[0],
        shifted.calibration_back[1] - plain.calibration_back[1],
    )
    assert moved == pytest.approx((1.0, -2.0))


# --- imposed PDFs, read back ---------------------------------------------------------------------


def numbered_pdf(n: int, size=(A5.width_pt, A5.height_pt), label="P", at=(0.5, 0.5), **info) -> bytes:
    """A test PDF whose page k shows the word f"{label}{k}" centred at ``at`` (fractions of the page)."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=size, invariant=1)
    canv.setTitle(info.get("title", ""))
    for page in range(1, n + 1):
        canv.setFont("Helvetica", 14)
        canv.drawCentredString(size[0] * at[0], size[1] * at[1] - 5, f"{label}{page}")
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def words(pdf: bytes) -> list[dict[str, tuple[float, float]]]:
    """Per sheet side: each word -> the centre of its box, in PDF points from the lower-left corner."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        html = subprocess.run(["pdftotext", "-bbox", handle.name, "-"], capture_output=True, text=True, check=True)
    out = []
    for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', html.stdout, re.S):
        pattern = r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
        found = re.findall(pattern, body)
        out.append(
            {w: ((float(a) + float(c)) / 2, float(height) - (float(b) + float(d)) / 2) for a, b, c, d, w in found}
        )
    return out


def sides(pdf: bytes, width: float) -> list[tuple[int | None, int | None]]:
    """Per sheet side: the page number on the left half and on the right half (None: blank)."""
    out = []
    for side in words(pdf):
        numbers = {"left": None, "right": None}
        for word, (x, _) in side.items():
            if re.fullmatch(r"P\d+", word):
                numbers["left" if x < width / 2 else "right"] = int(word[1:])
        out.append((numbers["left"], numbers["right"]))
    return out


def size_of(pdf: bytes, index: int = 0) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[index].mediabox
    return (round(float(box.width)), round(float(box.height)))


@needs_poppler
@pytest.mark.parametrize("n", [4, 8, 12, 16, 20])
def test_a5_pages_land_on_a4_landscape_in_saddle_order(n):
    imposed = impose_saddle(numbered_pdf(n))
    assert len(PdfReader(io.BytesIO(imposed)).pages) == n // 2
    assert size_of(imposed) == (round(A4.height_pt), round(A4.width_pt))
    assert sides(imposed, A4.height_pt) == SADDLE_TABLE[n]


@needs_poppler
def test_half_letter_goes_on_letter_and_a_chosen_sheet_scales_pages_down():
    imposed = impose_saddle(numbered_pdf(8, size=PAPERS["half-letter"].size))
    assert size_of(imposed) == (792, 612)
    on_a4 = impose_saddle(numbered_pdf(4, size=A4.size), sheet="a4")  # A4 pages on an A4 sheet
    assert size_of(on_a4) == (round(A4.height_pt), round(A4.width_pt))
    assert sides(on_a4, A4.height_pt) == [(4, 1), (2, 3)]
    with pytest.raises(InputError, match="unknown sheet 'b7'"):
        impose_saddle(numbered_pdf(4), sheet="b7")


@needs_poppler
def test_padding_puts_blanks_before_the_back_cover():
    assert sides(impose_saddle(numbered_pdf(6)), A4.height_pt) == [(6, 1), (2, None), (None, 3), (4, 5)]
    at_end = impose_saddle(numbered_pdf(6), pad="end")
    assert sides(at_end, A4.height_pt) == [(None, 1), (2, None), (6, 3), (4, 5)]
    assert sides(impose_saddle(numbered_pdf(1)), A4.height_pt) == [(None, 1), (None, None)]


@needs_poppler
def test_signatures_and_creep_in_the_pdf():
    imposed = impose_saddle(numbered_pdf(16), signature=2)
    assert sides(imposed, A4.height_pt) == [(s.left, s.right) for s in plan_saddle(16, signature=2)]
    plain, crept = words(impose_saddle(numbered_pdf(16))), words(impose_saddle(numbered_pdf(16), creep_mm=3))
    assert crept[0]["P1"] == pytest.approx(plain[0]["P1"], abs=0.01)  # the outer sheet stays put
    assert crept[-1]["P8"][0] - plain[-1]["P8"][0] == pytest.approx(3 * mm, abs=0.05)  # left page -> fold
    assert crept[-1]["P9"][0] - plain[-1]["P9"][0] == pytest.approx(-3 * mm, abs=0.05)  # right page -> fold


@needs_poppler
def test_rotated_and_offset_pages_come_out_upright_at_the_fold():
    content_w, content_h = A5.height_pt, A5.width_pt  # landscape content, shown portrait by /Rotate 90
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(numbered_pdf(4, size=(content_w, content_h), at=(0.1, 0.5)))).pages:
        writer.add_page(page).rotate(90)
    writer.pages[0].mediabox = RectangleObject([50, 60, 50 + content_w, 60 + content_h])
    imposed = impose_saddle(written(writer))
    assert size_of(imposed) == (round(A4.height_pt), round(A4.width_pt))  # seen upright, the pages are A5
    # P1's word sat at (0.1, 0.5) of the content, i.e. (0.1 w - 50, 0.5 h - 60) inside the shifted box;
    # turned a quarter clockwise that is (0.5 h - 60, w - (0.1 w - 50)) on the upright page.
    upright = (0.5 * content_h - 60, content_w - (0.1 * content_w - 50))
    x, y = words(imposed)[0]["P1"]
    assert (x - A4.height_pt / 2, y) == pytest.approx(upright, abs=8)  # right half, from the fold


@needs_poppler
def test_bleed_is_cut_at_the_trim_box_and_the_trim_meets_the_fold():
    bleed = 3 * mm
    source = numbered_pdf(4, size=(A5.width_pt + 2 * bleed, A5.height_pt + 2 * bleed), at=(0.2, 0.5))
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(source)).pages:
        writer.add_page(page).trimbox = RectangleObject([bleed, bleed, bleed + A5.width_pt, bleed + A5.height_pt])
    imposed = impose_saddle(written(writer))
    assert size_of(imposed) == (round(A4.height_pt), round(A4.width_pt))  # the trim size decides the sheet
    x, _ = words(imposed)[0]["P1"]
    assert x - A4.height_pt / 2 == pytest.approx(0.2 * (A5.width_pt + 2 * bleed) - bleed, abs=3)
    form = PdfReader(io.BytesIO(imposed)).pages[0]["/Resources"]["/XObject"]["/P1"].get_object()
    assert [round(float(v), 2) for v in form["/BBox"]] == [
        round(v, 2) for v in (bleed, bleed, bleed + A5.width_pt, bleed + A5.height_pt)
    ]


@needs_poppler
def test_a_slug_goes_in_the_margin_only_when_there_is_room():
    from booklet.render.slug import default_slug_renderer

    a6 = numbered_pdf(4, size=PAPERS["a6"].size)
    with_room = words(impose_saddle(a6, sheet="a4", job="Fold-here", slugs=default_slug_renderer()))
    assert ["Fold-here" in side for side in with_room] == [True, True]  # each side says which it is
    assert ["front" in with_room[0], "back" in with_room[1]] == [True, True]
    bottom_of_pages = (A4.width_pt - PAPERS["a6"].height_pt) / 2
    assert 5 * mm < with_room[0]["Fold-here"][1] < bottom_of_pages  # in the bottom margin, 5 mm inside the edge
    no_room = words(impose_saddle(numbered_pdf(4), job="Fold-here", slugs=default_slug_renderer()))
    assert not any("Fold-here" in side for side in no_room)  # A5 fills the A4 sheet


def test_metadata_is_kept_and_output_is_deterministic_and_clean(tmp_path):
    data = numbered_pdf(12, title="Hands")
    first, second = impose_saddle(data), impose_saddle(data)
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata.title == "Hands"
    assert reader.trailer["/ID"] != PdfReader(io.BytesIO(impose_saddle(numbered_pdf(8)))).trailer["/ID"]
    if shutil.which("qpdf"):
        path = tmp_path / "out.pdf"
        path.write_bytes(first)
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


@needs_poppler
@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
def test_card_backs_line_up_through_the_paper(duplex):
    size = (85 * mm, 55 * mm)
    fronts = numbered_pdf(5, size=size, label="F", at=(0.2, 0.8))
    backs = numbered_pdf(5, size=size, label="B", at=(0.8, 0.8))  # behind F when the card turns sideways
    imposed = impose("cards", [(fronts, "fronts"), (backs, "backs")], ImposeOptions(duplex=duplex))
    assert len(imposed.files) == 1
    sheet_w, sheet_h = imposed.plan.sheet
    front, back = words(imposed.pdf)[:2]
    for k in range(1, 6):
        seen = physical_flip(back[f"B{k}"], sheet_w, sheet_h, duplex)
        assert seen == pytest.approx(front[f"F{k}"], abs=8)
    separate = impose("cards", [(fronts, "fronts"), (backs, "backs")], ImposeOptions(backs="separate"))
    fronts_only, backs_only = separate.files
    assert len(PdfReader(io.BytesIO(fronts_only)).pages) == len(PdfReader(io.BytesIO(backs_only)).pages) == 1


@needs_poppler
def test_cards_from_one_alternating_pdf():
    imposed = impose("cards", [(numbered_pdf(5, size=(85 * mm, 55 * mm)), "cards.pdf")])
    assert (imposed.pages, imposed.sheets) == (5, 1)
    assert [sorted(side) for side in words(imposed.pdf)] == [["P1", "P3", "P5"], ["P2", "P4"]]


def test_impose_file_reports_and_refuses(tmp_path):
    source = tmp_path / "in.pdf"
    source.write_bytes(numbered_pdf(6))
    report = impose_file(source, tmp_path / "out.pdf")
    assert (report.pages, report.sheets) == (6, 2)
    assert report.instructions.startswith("Print double-sided, flipping on the short edge")
    two = impose_file(source, tmp_path / "o.pdf", options=ImposeOptions(signature=2)).instructions
    assert "Fold each group of 2 sheets in half" in two
    one = impose_file(source, tmp_path / "o.pdf", options=ImposeOptions(signature=1)).instructions
    assert "Fold each sheet in half" in one
    with pytest.raises(InputError, match="replace the input"):
        impose_file(source, source)
    with pytest.raises(InputError, match="not found"):
        impose_file(tmp_path / "missing.pdf", tmp_path / "out.pdf")
    with pytest.raises(InputError, match="not a regular file"):
        impose_file(tmp_path, tmp_path / "out.pdf")
    with pytest.raises(InputError, match="saddle and 2up layouts only"):
        impose_file(source, tmp_path / "out.pdf", layout="cards", options=ImposeOptions(creep_mm=1))


def test_importing_the_package_does_not_import_pypdf():
    code = "import sys, booklet.impose, booklet.impose.place; print('pypdf' in sys.modules, 'reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
    impose_dir = Path(__file__).parent.parent / "booklet" / "impose"
    for module in impose_dir.glob("*.py"):
        text = module.read_text()
        assert "reportlab" not in text, module
        imports_pypdf = re.search(r"^\s*(import|from) pypdf\b", text, re.M) is not None
        assert imports_pypdf == (module.name == "pdf.py"), module


# --- hostile input -----------------------------------------------------------------------------


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret")
    return written(writer)


def crafted(count=None, box=None, pages: int = 1, rotate=None) -> bytes:
    """A small PDF whose page tree lies about its count, or whose page box or rotation is absurd."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(100, 100)
    if box is not None:
        writer.pages[0][NameObject("/MediaBox")] = ArrayObject([NumberObject(v) for v in box])
    if rotate is not None:
        writer.pages[0][NameObject("/Rotate")] = NumberObject(rotate)
    if count is not None:
        writer._root_object["/Pages"][NameObject("/Count")] = count
    if pages == 0:
        writer._root_object["/Pages"][NameObject("/Kids")] = ArrayObject()
    return written(writer)


def cyclic_page_tree() -> bytes:
    data = crafted(pages=1)
    return data.replace(b"/Type /Page\n", b"/Type /Pages /Kids [ 4 0 R ] /Count 1\n", 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is not a PDF file"),
        (b"hello, not a pdf", "is not a PDF file"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "cannot be read"),
        (numbered_pdf(2)[:400], "cannot be read"),
        (encrypted_pdf(), "is encrypted; decrypt it first"),
        (crafted(count=NumberObject(90000)), "declares 90,000 pages"),
        (crafted(count=NameObject("/Lots")), "damaged page tree"),
        (crafted(count=NumberObject(0), pages=0), "has no pages"),
        (crafted(box=(0, 0, 0, 0)), "unusable size"),
        (crafted(box=(0, 0, -0.5, 100)), "unusable size"),
        (crafted(box=(0, 0, 100, 10**30)), "unusable size"),
        (crafted(box=(0, 0, 100000, 100)), "unusable size"),
        (crafted(rotate=45), "unusable rotation"),
        (cyclic_page_tree(), "cannot be read"),
    ],
)
def test_hostile_pdfs_are_refused_with_one_line(data, message):
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        read_pdf_checked(data, "in.pdf")
    assert str(caught.value).startswith("in.pdf ")
    assert "\n" not in str(caught.value)


def test_a_box_given_by_other_corners_is_normalised_not_refused():
    reader = PdfReader(io.BytesIO(impose_saddle(crafted(box=(0, 0, -100, 100)))))
    assert len(reader.pages) == 2  # one 100 x 100 pt page, padded to four


def test_a_declared_huge_count_is_refused_before_the_tree_is_walked():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer._root_object["/Pages"][NameObject("/Count")] = NumberObject(90000)
    data = written(writer)
    assert len(data) < 2000
    with pytest.raises(InputError, match="declares 90,000 pages"):
        impose_saddle(data, name="tiny.pdf")


def test_unreadable_content_is_an_input_error_not_a_traceback():
    writer = PdfWriter()
    page = writer.add_blank_page(100, 100)
    broken = DictionaryObject({NameObject("/Filter"): NameObject("/NoSuchDecode")})
    from pypdf.generic import StreamObject

    stream = StreamObject()
    stream.update(broken)
    stream._data = b"garbage"
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(stream)])
    with pytest.raises(InputError, match="cannot be read"):
        impose_saddle(written(writer), name="odd.pdf")


def test_actions_scripts_and_annotations_are_not_copied():
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(numbered_pdf(4))))
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    writer._root_object[NameObject("/OpenAction")] = script
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})
    font = writer.pages[0]["/Resources"]["/Font"]
    first = font[next(iter(font))].get_object()
    first[NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})  # hidden inside a resource
    writer.add_uri(0, "javascript:alert(1)", [0, 0, 50, 50])
    imposed = impose_saddle(written(writer))
    assert b"JavaScript" not in imposed
    assert b"javascript" not in imposed
    reader = PdfReader(io.BytesIO(imposed))
    assert "/OpenAction" not in reader.trailer["/Root"]
    for page in reader.pages:
        assert "/Annots" not in page
        assert "/AA" not in page


# --- content streams are decoded under a bound, and re-encoded ---------------------------------------


def with_content(data: bytes, filters: list[str]) -> bytes:
    """A one-page PDF whose content stream is ``data`` under the given filters, stored as is."""
    from pypdf.generic import StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = StreamObject()
    stream[NameObject("/Filter")] = ArrayObject([NameObject(f) for f in filters])
    stream._data = data
    page[NameObject("/Contents")] = writer._add_object(stream)
    return written(writer)


def test_a_compression_bomb_is_refused_with_one_line():
    import zlib

    bomb = zlib.compress(zlib.compress(b"0 0 m " * 8_000_000, 9), 9)  # 48 MB of operators in a few kB
    assert len(bomb) < 200_000
    with pytest.raises(InputError) as caught:
        impose_saddle(with_content(bomb, ["/FlateDecode", "/FlateDecode"]), name="bomb.pdf")
    assert str(caught.value) == "bomb.pdf page 1: a content stream inflates past 16 MB; refused"


def test_placed_content_is_decoded_and_compressed_afresh():
    import zlib

    ops = b"BT /F1 12 Tf 10 10 Td (hi) Tj ET\n" * 50
    hex_then_flate = zlib.compress(ops.hex().encode() + b">")
    imposed = impose_saddle(with_content(hex_then_flate, ["/FlateDecode", "/ASCIIHexDecode"]))
    form = PdfReader(io.BytesIO(imposed)).pages[0]["/Resources"]["/XObject"]["/P0"].get_object()
    assert form["/Filter"] == "/FlateDecode"  # one filter of ours, not the input's chain
    assert form.get_data() == ops


def test_encrypted_pdfs_are_named_as_such_whatever_is_installed(monkeypatch):
    import pikepdf

    buffer = io.BytesIO()
    with pikepdf.open(io.BytesIO(numbered_pdf(2))) as pdf:
        pdf.save(buffer, encryption=pikepdf.Encryption(owner="o", user="", aes=True, R=6))
    aes = buffer.getvalue()
    with pytest.raises(InputError, match=r"^aes.pdf is encrypted; decrypt it first$"):
        read_pdf_checked(aes, "aes.pdf")
    from pypdf.errors import DependencyError

    import booklet.impose.pdf as pdf_module

    def no_cipher(*args, **kwargs):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pdf_module, "PdfReader", no_cipher)  # as if no AES library were installed
    with pytest.raises(InputError, match=r"^aes.pdf is encrypted; decrypt it first$"):
        read_pdf_checked(aes, "aes.pdf")


def test_pypdf_log_lines_are_kept_off_the_terminal(caplog):
    import logging

    data = numbered_pdf(4)
    pointer = re.search(rb"startxref\s+(\d+)", data)
    broken = data[: pointer.start(1)] + b"%d" % (int(pointer.group(1)) + 7) + data[pointer.end(1) :]
    # pypdf logs "incorrect startxref pointer" and reads on
    handler_count = len(logging.getLogger("pypdf").handlers)
    with caplog.at_level(logging.WARNING):
        impose_saddle(broken)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert len(logging.getLogger("pypdf").handlers) == handler_count


# --- options checked against each other -----------------------------------------------------------------


def test_card_bleed_up_to_ten_mm_plans_without_a_traceback():
    from booklet.impose import SCHEMES

    for bleed in (5.5, 8, 10):
        plan = SCHEMES["cards"].plan([[(85 * mm, 55 * mm)] * 4] * 2, ImposeOptions(bleed_mm=bleed))
        assert plan.sheets == 1


def test_back_offsets_are_bounded_and_the_error_says_the_largest():
    from booklet.impose import SCHEMES

    sizes = [[(85 * mm, 55 * mm)] * 4] * 2
    for offset in ((100, 0), (-300, 0), (0, 500)):
        with pytest.raises(ValueError, match=r"moves the backs off the sheet; the largest allowed is -\d+\.\d to \d+"):
            SCHEMES["cards"].plan(sizes, ImposeOptions(back_offset_mm=offset))
    assert SCHEMES["cards"].plan(sizes, ImposeOptions(back_offset_mm=(1.5, -2))).sheets == 1


def test_a_page_too_small_for_the_layout_names_the_minimum():
    from booklet.errors import OptionError
    from booklet.options import BuildOptions

    with pytest.raises(OptionError, match=r"too small for a booklet page: the smallest is 74 x 105 mm \(A7\)"):
        BuildOptions(paper="50x50mm")
    assert BuildOptions(paper="105x74mm").paper == "105x74mm"
