"""PDF bytes + an imposition plan -> imposed PDF bytes (the one module that uses pypdf).

Each reading page becomes a form XObject (clipped to its own box) placed on the
sheet with one `cm`/`Do` pair, so pages never bleed into their neighbours. Nothing
of the input but page content and its resources is copied: annotations, actions and
scripts stay behind. Input PDFs are untrusted and checked before anything is read.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from typing import Any

import pypdf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)

from booklet.errors import InputError
from booklet.impose.grid import CardPlan
from booklet.impose.saddle import SheetSide, pad_count, plan_saddle
from booklet.paper import MM, PAPERS, SHEET_FOR

MAX_INPUT = 200_000_000
MAX_PAGES = 2000
MAX_SIDE = 5000.0  # points, about 1.76 m


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:2] if p.isdigit())


if _version(pypdf.__version__) < (7, 1):  # older versions hang on crafted xref loops and flate bombs
    raise ImportError(f"booklet needs pypdf >= 7.1, found {pypdf.__version__}")


def read_pdf_checked(data: bytes, name: str = "input PDF") -> PdfReader:
    """Open untrusted PDF bytes, refusing what is encrypted, empty, huge or malformed."""
    if len(data) > MAX_INPUT:
        raise InputError(f"{name} is too large ({len(data):,} bytes; limit {MAX_INPUT:,})")
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(f"{name} is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(f"{name} is encrypted; decrypt it first")
        pages_node: Any = reader.trailer["/Root"]["/Pages"]  # type: ignore[index]
        declared = int(pages_node.get("/Count", 0))
        if declared > MAX_PAGES:
            raise InputError(f"{name} declares {declared:,} pages (limit {MAX_PAGES:,})")
        count = len(reader.pages)
        if count == 0:
            raise InputError(f"{name} has no pages")
        for number, page in enumerate(reader.pages, 1):
            _check_box(page, number, name)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on hostile input, DependencyError among them
        raise InputError(f"{name} cannot be read: {type(exc).__name__}: {str(exc)[:120]}") from None
    return reader


def _check_box(page, number: int, name: str) -> None:
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise InputError(f"{name} page {number} has an unusable size ({width:g} x {height:g} pt)")


def _form(writer: PdfWriter, page) -> tuple[Any, float, float]:
    """A page as a form XObject clipped to its media box; returns it with its width and height."""
    box = page.mediabox
    contents = page.get_contents()
    stream = DecodedStreamObject()
    stream.set_data(contents.get_data() if contents is not None else b"")
    resources = page.get("/Resources")
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(float(v)) for v in (box.left, box.bottom, box.right, box.top)]
            ),
            NameObject("/Resources"): resources.get_object().clone(writer)
            if resources is not None
            else DictionaryObject(),
        }
    )
    return writer._add_object(stream.flate_encode(level=6)), float(box.width), float(box.height)


def _sheet(
    writer: PdfWriter,
    width: float,
    height: float,
    placements: Sequence[tuple[Any, Sequence[float]]],
    extra_ops: bytes = b"",
) -> None:
    """A new sheet page drawing forms at the given matrices, then extra operators on top."""
    page = writer.add_blank_page(width, height)
    xobjects = DictionaryObject()
    ops = []
    for i, (form, matrix) in enumerate(placements):
        name = f"/P{i}"
        xobjects[NameObject(name)] = form
        ops.append(("q {} cm {} Do Q".format(" ".join(f"{v:.4f}" for v in matrix), name)).encode())
    plain = DecodedStreamObject()
    plain.set_data(b"\n".join(ops) + b"\n" + extra_ops)
    content = plain.flate_encode(level=6)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    page[NameObject("/Contents")] = writer._add_object(content)


def _finish(writer: PdfWriter, seed: bytes) -> bytes:
    """Deterministic bytes: the file ID comes from the input, not the clock."""
    digest = hashlib.md5(seed, usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sheet_for(page_w: float, page_h: float, sheet: str | None) -> tuple[float, float]:
    """Landscape sheet holding two reading pages: A5 -> A4, half-letter -> Letter, else twice the page."""
    if sheet:
        paper = PAPERS[sheet]
        return paper.height_pt, paper.width_pt
    for name, paper in PAPERS.items():
        if abs(paper.width_pt - page_w) < 2 and abs(paper.height_pt - page_h) < 2 and name in SHEET_FOR:
            big = PAPERS[SHEET_FOR[name]]
            return big.height_pt, big.width_pt
    return 2 * page_w, page_h


def impose_saddle(
    pdf: bytes,
    *,
    sheet: str | None = None,
    signature: int | None = None,
    creep_mm: float = 0.0,
    name: str = "input PDF",
) -> bytes:
    """Reading pages two-up in saddle-stitch order; blanks (if needed) go before the last page."""
    reader = read_pdf_checked(pdf, name)
    writer = PdfWriter()
    forms = [_form(writer, page) for page in reader.pages]
    n = len(forms)
    padded = n + pad_count(n)
    # The back cover stays last: padding pages are inserted before it.
    order: list[int | None] = [*range(n - 1), *([None] * (padded - n)), n - 1] if n > 1 else [0, None, None, None]
    page_w, page_h = forms[0][1], forms[0][2]
    sheet_w, sheet_h = sheet_for(page_w, page_h, sheet)
    scale = min(1.0, (sheet_w / 2) / page_w, sheet_h / page_h)
    for side in plan_saddle(padded, signature=signature, creep_pt=creep_mm * MM):
        placements = []
        for slot, page_number in ((0, side.left), (1, side.right)):
            index = order[page_number - 1]
            if index is None:
                continue
            form, w, h = forms[index]
            placements.append((form, _saddle_matrix(slot, side, w, h, scale, sheet_w, sheet_h)))
        _sheet(writer, sheet_w, sheet_h, placements)
    return _finish(writer, pdf)


def _saddle_matrix(
    slot: int, side: SheetSide, w: float, h: float, scale: float, sheet_w: float, sheet_h: float
) -> tuple[float, ...]:
    """Left pages end at the fold, right pages start there; creep pulls both toward it."""
    fold = sheet_w / 2
    y = (sheet_h - h * scale) / 2
    x = fold - w * scale + side.shift_pt if slot == 0 else fold - side.shift_pt
    return (scale, 0, 0, scale, x, y)


def impose_cards(
    fronts: bytes,
    backs: bytes,
    plan: CardPlan,
    *,
    bleed_pt: float = 0.0,
    separate: bool = False,
    overlay: bytes | None = None,
) -> tuple[bytes, bytes | None]:
    """Card pages N-up: fronts on odd sheets, backs on even ones (or in a second file).

    ``overlay``, a one-page PDF of the sheet's size (the slug line), is drawn on every front.
    """
    front_reader, back_reader = read_pdf_checked(fronts, "card fronts"), read_pdf_checked(backs, "card backs")
    writers = [PdfWriter(), PdfWriter()] if separate else [PdfWriter()]
    front_forms = [_form(writers[0], p)[0] for p in front_reader.pages]
    back_forms = [_form(writers[-1], p)[0] for p in back_reader.pages]
    slug = [(_form(writers[0], read_pdf_checked(overlay, "slug").pages[0])[0], (1, 0, 0, 1, 0, 0))] if overlay else []
    _place_cards(writers, front_forms, back_forms, plan, bleed_pt, slug)
    results = [_finish(w, fronts + backs + bytes([i])) for i, w in enumerate(writers)]
    return results[0], (results[1] if separate else None)


def _place_cards(
    writers: list[PdfWriter], front_forms: list, back_forms: list, plan: CardPlan, bleed_pt: float, slug: list
) -> None:
    """One front sheet, then its back sheet (in the same writer, or the second one)."""
    marks = _marks_ops(plan)
    for sheet in plan.sheets:
        front = [(front_forms[s.card], (1, 0, 0, 1, s.x - bleed_pt, s.y - bleed_pt)) for s in sheet.fronts]
        _sheet(writers[0], plan.sheet_w, plan.sheet_h, front + slug, marks + _calibration_ops(plan, back=False))
        back = [
            (back_forms[s.card], (1, 0, 0, 1, s.x - bleed_pt, s.y - bleed_pt))
            for s in sheet.backs
            if s.card < len(back_forms)
        ]
        _sheet(writers[-1], plan.sheet_w, plan.sheet_h, back, _calibration_ops(plan, back=True))


def impose_cards_file(pdf: bytes, *, sheet: str = "a4", name: str = "input PDF") -> bytes:
    """Any PDF of card pages, front and back alternating, N-up with crop marks."""
    from booklet.impose.grid import plan_cards

    reader = read_pdf_checked(pdf, name)
    writer = PdfWriter()
    forms = [_form(writer, page) for page in reader.pages]
    card = (forms[0][1], forms[0][2])
    try:
        plan = plan_cards((len(forms) + 1) // 2, card, PAPERS[sheet].size)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None
    _place_cards([writer], [f[0] for f in forms[0::2]], [f[0] for f in forms[1::2]], plan, 0.0, [])
    return _finish(writer, pdf)


def _marks_ops(plan: CardPlan) -> bytes:
    lines = [f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l" for x0, y0, x1, y1 in plan.marks]
    return ("q 0.3 w 0 G 0 J\n" + "\n".join(lines) + "\nS Q\n").encode()


def _calibration_ops(plan: CardPlan, back: bool) -> bytes:
    """A small cross; on the back it sits where the flip should bring the front's, plus the offset.

    Held against the light, the distance between the two crosses is the offset to give
    --back-offset. The back also carries a millimetre scale to read it.
    """
    cx, cy = plan.calibration()
    if back:
        cx, cy = (plan.sheet_w - cx, cy) if plan.vertical_flip else (cx, plan.sheet_h - cy)
        cx, cy = cx + plan.back_offset[0], cy + plan.back_offset[1]
    arm = 3 * MM
    ops = [
        f"q 0.25 w 0 G {cx - arm:.2f} {cy:.2f} m {cx + arm:.2f} {cy:.2f} l "
        f"{cx:.2f} {cy - arm:.2f} m {cx:.2f} {cy + arm:.2f} l S"
    ]
    if back:
        for k in range(-5, 6):
            tick = (1.2 if k % 5 == 0 else 0.6) * MM
            ops.append(f"{cx + k * MM:.2f} {cy - arm - 1:.2f} m {cx + k * MM:.2f} {cy - arm - 1 - tick:.2f} l S")
    ops.append("Q\n")
    return "\n".join(ops).encode()


def page_count(pdf: bytes) -> int:
    return len(read_pdf_checked(pdf).pages)
