"""PDF bytes + an imposition plan -> imposed PDF bytes (the one module that uses pypdf).

Each source page becomes a form XObject: upright, its origin at the trim box's
lower-left corner, clipped to the trim box (plus any bleed kept), and carrying only
the page's content stream and resources. Sheets draw those forms with one ``cm``/``Do``
pair each. Annotations, links, actions and scripts are never copied, and resources are
cloned without action or file-reference keys. Input PDFs are untrusted: every read
happens under tightened pypdf limits, and whatever pypdf raises becomes an InputError.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

import pypdf
from pypdf import PdfReader, PdfWriter, apply_configuration
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from booklet.errors import InputError, clean
from booklet.impose import marks
from booklet.impose.grid import CardSheetPlan, plan_cards
from booklet.impose.place import (
    Box,
    Placement,
    card_placements,
    grow,
    inside,
    normal_box,
    saddle_placements,
    sheet_size,
    slug_origin,
    upright,
)
from booklet.impose.saddle import SaddleOptions, plan_saddle
from booklet.paper import MM, PAPERS, Paper, parse_paper

MAX_INPUT = 200_000_000  # bytes
MAX_PAGES = 2000
MAX_SIDE = 5000.0  # points, about 1.76 m
MAX_COORD = 100_000.0
# pypdf's own guards, tightened: a page tree or stream can only be so big for a booklet.
LIMITS: dict[str, Any] = {
    "page_tree_maximum_entries": 3 * MAX_PAGES,
    "page_tree_maximum_depth": 32,
    "zlib_maximum_output_length": 50_000_000,
    "outline_maximum_entries": 10_000,
}
# What pypdf raises on hostile input. DependencyError is not a PyPdfError.
UNREADABLE = (
    PyPdfError, DependencyError, ValueError, LookupError, TypeError, AttributeError, ArithmeticError,
    NotImplementedError, RecursionError, MemoryError, EOFError, zlib.error, struct.error,
)  # fmt: skip
# Keys never copied out of an input's resources: actions, scripts, links back to pages, external files.
DROPPED = ["/AA", "/A", "/OpenAction", "/JS", "/JavaScript", "/Annots", "/Parent", "/P", "/F", "/FFilter"]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:2] if p.isdigit())


if _version(pypdf.__version__) < (7, 1):  # older versions have no limits on page trees, arrays and streams
    raise ImportError(f"booklet needs pypdf >= 7.1, found {pypdf.__version__}")


@contextmanager
def untrusted(name: str) -> Iterator[None]:
    """Run a block that reads an untrusted PDF: tighter limits, any pypdf failure -> one-line InputError."""
    try:
        with apply_configuration(**LIMITS):
            yield
    except UNREADABLE as exc:
        raise InputError(f"{name} cannot be read ({type(exc).__name__}: {clean(str(exc), 100)})") from None


def read_pdf_checked(data: bytes, name: str = "input PDF") -> PdfReader:
    """Untrusted PDF bytes -> a reader, refusing what is encrypted, empty, huge or malformed."""
    if len(data) > MAX_INPUT:
        raise InputError(f"{name} is too large ({len(data):,} bytes; limit {MAX_INPUT:,})")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name} is not a PDF file")
    with untrusted(name):
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(f"{name} is encrypted; decrypt it first")
        tree: Any = reader.root_object["/Pages"]
        declared = tree.get("/Count", 0)
        declared = declared.get_object() if hasattr(declared, "get_object") else declared
        if not isinstance(declared, int):
            raise InputError(f"{name} has a damaged page tree (its page count is {clean(str(declared), 20)})")
        if declared > MAX_PAGES:  # checked before the tree is walked
            raise InputError(f"{name} declares {declared:,} pages (limit {MAX_PAGES:,})")
        count = len(reader.pages)
        if count == 0:
            raise InputError(f"{name} has no pages")
        if count > MAX_PAGES:
            raise InputError(f"{name} has {count:,} pages (limit {MAX_PAGES:,})")
        for number, page in enumerate(reader.pages, 1):
            _check_page(page, number, name)
    return reader


def _check_page(page: Any, number: int, name: str) -> None:
    """A page -> None, or InputError if its size or rotation is unusable."""
    left, bottom, right, top = _box(page.mediabox)
    width, height = right - left, top - bottom
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE and max(map(abs, (left, bottom))) < MAX_COORD):
        raise InputError(f"{name} page {number} has an unusable size ({width:g} x {height:g} pt)")
    if page.rotation % 90:
        raise InputError(f"{name} page {number} has an unusable rotation ({page.rotation})")


def _box(rect: Any) -> Box:
    """A pypdf rectangle -> (left, bottom, right, top), normalised; anything odd gives a zero box."""
    return normal_box([float(v) for v in rect])


@dataclass(frozen=True)
class Form:
    """A source page as a form XObject in the writer, with its upright trim size."""

    ref: Any
    width: float
    height: float


def page_form(writer: PdfWriter, page: Any, bleed_pt: float = 0.0) -> Form:
    """A source page -> a form XObject, upright, origin at the trim box corner, clipped to trim + bleed."""
    media = _box(page.mediabox)
    trim = inside(_box(page.trimbox), media)
    clip = inside(grow(trim, bleed_pt), media)
    rotation = page.rotation % 360
    form = _content(writer, page)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in clip])
    form[NameObject("/Matrix")] = ArrayObject([FloatObject(v) for v in upright(trim, rotation)])
    form[NameObject("/Resources")] = _cloned(writer, page.get("/Resources")) or DictionaryObject()
    group = _cloned(writer, page.get("/Group"))  # transparency group: keeps blending as on the page
    if group is not None:
        form[NameObject("/Group")] = group
    width, height = trim[2] - trim[0], trim[3] - trim[1]
    if rotation in (90, 270):
        width, height = height, width
    ref = form.indirect_reference if getattr(form, "indirect_reference", None) else writer._add_object(form)
    return Form(ref, width, height)


def _content(writer: PdfWriter, page: Any) -> StreamObject:
    """A page's content as a new stream in the writer; a single stream keeps its compression as is."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        stream: StreamObject = cast(StreamObject, contents.clone(writer, force_duplicate=True))
        for key in [k for k in stream if k not in ("/Filter", "/DecodeParms", "/Length")]:
            del stream[key]
        return stream
    data = b""
    if isinstance(contents, ArrayObject):
        data = b"\n".join(part.get_object().get_data() for part in contents)
    plain = DecodedStreamObject()
    plain.set_data(data)
    return plain.flate_encode(level=6)


def _cloned(writer: PdfWriter, value: Any) -> Any:
    """An input object -> a copy in the writer (a reference if it is indirect) with DROPPED keys left out."""
    if value is None or not isinstance(value.get_object(), DictionaryObject):
        return None
    copy = value.get_object().clone(writer, ignore_fields=DROPPED)
    return copy.indirect_reference or copy if hasattr(copy, "indirect_reference") else copy


def add_sheet(
    writer: PdfWriter, size: tuple[float, float], forms: Sequence[Form], placed: Sequence[Placement], extra: bytes = b""
) -> None:
    """Forms + placements -> a new sheet page drawing them, then the extra operators on top."""
    page = writer.add_blank_page(*size)
    xobjects = DictionaryObject()
    ops = [b"q\n"]
    for i, placement in enumerate(placed):
        xobjects[NameObject(f"/P{i}")] = forms[placement.page].ref
        ops.append(marks.place(placement.matrix, f"/P{i}", placement.clip))
    ops += [b"Q\n", extra]
    resources = DictionaryObject({NameObject("/XObject"): xobjects})
    if b"/Slug " in extra:
        resources[NameObject("/Font")] = DictionaryObject({NameObject("/Slug"): _slug_font()})
    stream = DecodedStreamObject()
    stream.set_data(b"".join(ops))
    page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode(level=6))


def _slug_font() -> DictionaryObject:
    """The slug's font: a standard Type1 font, referenced by name, not embedded."""
    pairs = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": marks.SLUG_FONT, "/Encoding": "/WinAnsiEncoding"}
    return DictionaryObject({NameObject(k): NameObject(v) for k, v in pairs.items()})


def copy_metadata(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, author, subject, keywords and language of the input -> the imposed file (text only)."""
    info: Any = reader.metadata or {}
    kept = {key: clean(info[key], 300) for key in ("/Title", "/Author", "/Subject", "/Keywords") if key in info}
    writer.add_metadata({key: value for key, value in kept.items() if value})
    lang = reader.root_object.get("/Lang")
    if isinstance(lang, str) and 0 < len(lang) <= 35:
        writer._root_object[NameObject("/Lang")] = TextStringObject(clean(lang, 35))


def finish(writer: PdfWriter, seed: bytes) -> bytes:
    """The writer -> deterministic bytes: the file ID comes from the input and options, not the clock."""
    digest = hashlib.md5(seed, usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class Imposed:
    """Imposed PDF bytes and what the printing instructions need to know about them."""

    pdf: bytes
    pages: int  # source pages read
    sheets: int  # sheets of paper, each printed on both sides
    scale: float  # the smallest scale a page was drawn at (1.0: actual size)


def impose_saddle(
    pdf: bytes,
    *,
    sheet: str | None = None,
    signature: int | None = None,
    creep_mm: float = 0.0,
    pad: str = "before-last",
    slug: str | None = None,
    name: str = "input PDF",
) -> bytes:
    """Reading pages -> saddle-stitch sheets, two-up; blanks (if needed) go before the back cover."""
    return saddle_imposition(pdf, SaddleOptions(sheet, signature, creep_mm, pad, slug), name).pdf


def saddle_imposition(pdf: bytes, options: SaddleOptions, name: str = "input PDF") -> Imposed:
    """Reading pages + options -> saddle-stitch sheets, with the counts for the report."""
    paper = _paper(options.sheet)
    writer = PdfWriter()
    forms = _read(writer, pdf, name, metadata=True)
    try:
        plan = plan_saddle(len(forms), signature=options.signature, creep_pt=options.creep_mm * MM, pad=options.pad)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    sizes = [(form.width, form.height) for form in forms]
    size = sheet_size(*sizes[0], paper)
    scale = 1.0
    for side in plan:
        placed = saddle_placements(side, sizes, size)
        scale = min([scale, *(p.matrix[0] for p in placed)])
        origin = slug_origin(placed) if options.slug and side.front else None
        add_sheet(writer, size, forms, placed, marks.slug(options.slug or "", *origin) if origin else b"")
    with untrusted(name):
        return Imposed(finish(writer, pdf + repr((size, options)).encode()), len(forms), plan[-1].sheet, scale)


def _paper(sheet: str | None) -> Paper | None:
    """A --sheet value -> its paper, or InputError naming the sizes there are."""
    try:
        return parse_paper(sheet) if sheet else None
    except ValueError as exc:
        raise InputError(f"--sheet: {exc}") from None


def _read(writer: PdfWriter, data: bytes, name: str, bleed_pt: float = 0.0, metadata: bool = False) -> list[Form]:
    """Untrusted PDF bytes -> one form per page in the writer (and the input's metadata, if asked)."""
    with untrusted(name):
        reader = read_pdf_checked(data, name)
        if metadata:
            copy_metadata(reader, writer)
        return [page_form(writer, page, bleed_pt) for page in reader.pages]


def impose_cards(
    fronts: bytes,
    backs: bytes,
    plan: CardSheetPlan,
    *,
    bleed_pt: float = 0.0,
    separate: bool = False,
    overlay: bytes | None = None,
) -> tuple[bytes, bytes | None]:
    """Card fronts + backs (one page per card) + a plan -> N-up sheets: (sheets, None) or (fronts, backs).

    Together, each front sheet is followed by its back sheet for duplex printing; with
    ``separate`` the backs go to a second file. Each card keeps ``bleed_pt`` beyond its
    trim box. ``overlay``, a one-page PDF of the sheet's size (the slug line), is drawn
    on every front sheet.
    """
    writers = [PdfWriter(), PdfWriter()] if separate else [PdfWriter()]
    front_forms = _read(writers[0], fronts, "card fronts", bleed_pt, metadata=True)
    back_forms = _read(writers[-1], backs, "card backs", bleed_pt)
    slug = _read(writers[0], overlay, "slug")[:1] if overlay else []
    place_cards(writers, front_forms, back_forms, plan, slug)
    seeds = [fronts + backs + repr((plan, i)).encode() for i in range(len(writers))]
    results = [finish(writer, seed) for writer, seed in zip(writers, seeds, strict=True)]
    return results[0], (results[1] if separate else None)


def place_cards(
    writers: list[PdfWriter], fronts: list[Form], backs: list[Form], plan: CardSheetPlan, overlay: list[Form]
) -> None:
    """Card forms + plan -> sheets: a front sheet (marks, overlay), then its back in the last writer."""
    front_sizes = [(f.width, f.height) for f in fronts]
    back_sizes = [(f.width, f.height) for f in backs]
    size = (plan.sheet_w, plan.sheet_h)
    on_top = [Placement(len(fronts), (1, 0, 0, 1, 0, 0))] if overlay else []
    for sheet in plan.sheets:
        placed = card_placements(plan, sheet, front_sizes, back=False) + on_top
        extra = marks.crop_marks(plan) + marks.calibration(plan, back=False)
        add_sheet(writers[0], size, fronts + overlay, placed, extra)
        placed = card_placements(plan, sheet, back_sizes, back=True)
        add_sheet(writers[-1], size, backs, placed, marks.calibration(plan, back=True))


def impose_cards_pages(
    pdf: bytes, *, sheet: str | None = None, duplex: str = "long-edge", name: str = "input PDF"
) -> Imposed:
    """Any PDF of card pages, front and back alternating -> N-up duplex sheets with crop marks."""
    paper = _paper(sheet) or PAPERS["a4"]
    writer = PdfWriter()
    forms = _read(writer, pdf, name, metadata=True)
    try:
        plan = plan_cards((len(forms) + 1) // 2, (forms[0].width, forms[0].height), paper.size, duplex=duplex)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None
    place_cards([writer], forms[0::2], forms[1::2], plan, [])
    with untrusted(name):
        return Imposed(finish(writer, pdf + repr(plan).encode()), len(forms), len(plan.sheets), 1.0)
