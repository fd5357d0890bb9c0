"""PDF bytes + a plan -> imposed PDF bytes: the one module that uses pypdf.

Each source page becomes a form XObject: upright, its origin at the trim box's
lower-left corner, clipped to the trim box plus any bleed kept, carrying only the
page's content stream (decoded under a size bound, then re-encoded) and its resources.
Sheets draw those forms with one ``cm``/``Do`` pair each, in one loop over the plan.
Annotations, links, actions and scripts are never copied. Input PDFs are untrusted:
every read happens under tightened pypdf limits, pypdf's own log lines are captured
rather than printed, and whatever pypdf raises becomes a one-line InputError.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import struct
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import pypdf
from pypdf import PdfReader, PdfWriter, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    RectangleObject,
    StreamObject,
    TextStringObject,
)

from booklet.errors import InputError, clean
from booklet.impose import marks
from booklet.impose.place import grow, inside, normal_box, upright
from booklet.impose.plan import Plan, Rect
from booklet.logs import TARGET as LIBRARY_LOG

MAX_INPUT = 200_000_000  # bytes
MAX_PAGES = 2000
MAX_SIDE = 5000.0  # points, about 1.76 m
MAX_COORD = 100_000.0
MAX_CONTENT = 16_000_000  # bytes: a page's content streams, decoded; a booklet page needs far less
MAX_FORM_DEPTH = 8  # form XObjects inside form XObjects
# pypdf's own guards, tightened: a page tree or stream can only be so big for a booklet.
LIMITS: dict[str, Any] = {
    "page_tree_maximum_entries": 3 * MAX_PAGES,
    "page_tree_maximum_depth": 32,
    "zlib_maximum_output_length": 50_000_000,
    "outline_maximum_entries": 10_000,
}
# Content streams are decoded under this tighter bound, stage by stage.
CONTENT_LIMITS: dict[str, Any] = {
    "zlib_maximum_output_length": MAX_CONTENT,
    "lzw_maximum_output_length": MAX_CONTENT,
    "run_length_maximum_output_length": MAX_CONTENT,
    "brotli_maximum_output_length": MAX_CONTENT,
    "array_based_stream_maximum_output_length": MAX_CONTENT,
}
# What pypdf raises on hostile input. DependencyError is not a PyPdfError.
UNREADABLE = (
    PyPdfError, DependencyError, ValueError, LookupError, TypeError, AttributeError, ArithmeticError,
    NotImplementedError, RecursionError, MemoryError, EOFError, zlib.error, struct.error,
)  # fmt: skip
# Keys never copied out of an input's resources: actions, scripts, links back to pages, external files.
DROPPED = ["/AA", "/A", "/OpenAction", "/JS", "/JavaScript", "/Annots", "/Parent", "/P", "/F", "/FFilter"]
ENCRYPT = re.compile(rb"/Encrypt\s*(\d+\s+\d+\s+R|<<)")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:2] if p.isdigit())


if _version(pypdf.__version__) < (7, 1):  # older versions have no limits on page trees, arrays and streams
    raise ImportError(f"booklet needs pypdf >= 7.1, found {pypdf.__version__}")


class _Captured(logging.Handler):
    """Collects pypdf's log records instead of letting them reach the terminal."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < 20:
            self.messages.append(record.getMessage())


@contextmanager
def quiet_pypdf() -> Iterator[_Captured]:
    """Route pypdf's log lines (``EOF marker not found``...) into booklet's debug log, not stderr."""
    logger = logging.getLogger("pypdf")
    handler = _Captured()
    saved = (logger.propagate, logger.level, list(logger.handlers))
    for other in saved[2]:  # while an untrusted file is read, only we hear pypdf
        logger.removeHandler(other)
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        for other in saved[2]:
            logger.addHandler(other)
        logger.propagate = saved[0]
        logger.setLevel(saved[1])
        for message in handler.messages:  # where booklet.logs sends every library's chatter
            logging.getLogger(LIBRARY_LOG).debug("pypdf: %s", clean(message, 200))


@contextmanager
def untrusted(name: str) -> Iterator[None]:
    """Run a block that reads an untrusted PDF: tighter limits, pypdf quiet, any failure -> one-line InputError."""
    with quiet_pypdf():
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
    encrypted = InputError(f"{name} is encrypted; decrypt it first")
    with untrusted(name):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
        except UNREADABLE:
            if ENCRYPT.search(data):  # pypdf tried the empty password and lacked a cipher, or failed
                raise encrypted from None
            raise
        if reader.is_encrypted:
            raise encrypted
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


def _box(rect: Any) -> Rect:
    """A pypdf rectangle -> (left, bottom, right, top), normalised; anything odd gives a zero box."""
    return normal_box([float(v) for v in rect])


@dataclass
class Source:
    """An input PDF, read and checked, with each page's upright trim size."""

    reader: PdfReader
    name: str
    sizes: list[tuple[float, float]]
    bleed_pt: float = 0.0  # how much beyond the trim box each placed page keeps
    forms: dict[tuple[int, int], Any] = field(default_factory=dict)  # (writer, page) -> form reference


def open_pdf(data: bytes, name: str, bleed_pt: float = 0.0) -> Source:
    """Untrusted PDF bytes -> a checked Source with the upright trim size of every page."""
    reader = read_pdf_checked(data, name)
    with untrusted(name):
        sizes = [_upright_size(page) for page in reader.pages]
    return Source(reader, name, sizes, bleed_pt)


def _upright_size(page: Any) -> tuple[float, float]:
    media = _box(page.mediabox)
    trim = inside(_box(page.trimbox), media)
    width, height = trim[2] - trim[0], trim[3] - trim[1]
    return (height, width) if page.rotation % 180 else (width, height)


def page_form(writer: PdfWriter, source: Source, number: int) -> Any:
    """A source page -> a form XObject in the writer: upright, origin at the trim corner, clipped to trim + bleed."""
    page = source.reader.pages[number]
    media = _box(page.mediabox)
    trim = inside(_box(page.trimbox), media)
    clip = inside(grow(trim, source.bleed_pt), media)
    form = _content(page, f"{source.name} page {number + 1}")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in clip])
    form[NameObject("/Matrix")] = ArrayObject([FloatObject(v) for v in upright(trim, page.rotation % 360)])
    resources = _cloned(writer, page.get("/Resources")) or DictionaryObject()
    _rewrite_forms(resources.get_object(), f"{source.name} page {number + 1}", MAX_FORM_DEPTH, set())
    form[NameObject("/Resources")] = resources
    group = _cloned(writer, page.get("/Group"))  # transparency group: keeps blending as on the page
    if group is not None:
        form[NameObject("/Group")] = group
    return writer._add_object(form)


def decoded(stream: Any, where: str) -> bytes:
    """A content stream -> its decoded bytes, refusing one that inflates past MAX_CONTENT (a compression bomb)."""
    try:
        with apply_configuration(**CONTENT_LIMITS):
            data = cast(bytes, stream.get_data())
    except LimitReachedError:
        raise InputError(f"{where}: a content stream inflates past {MAX_CONTENT // 1_000_000} MB; refused") from None
    if len(data) > MAX_CONTENT:
        raise InputError(f"{where}: a content stream inflates past {MAX_CONTENT // 1_000_000} MB; refused")
    return data


def _content(page: Any, where: str) -> StreamObject:
    """A page's content streams -> one new stream: decoded under the bound, then compressed afresh."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    parts = [contents] if isinstance(contents, StreamObject) else list(contents or [])
    data, total = [], 0
    for part in parts:
        chunk = decoded(part.get_object(), where)
        total += len(chunk)
        if total > MAX_CONTENT:
            raise InputError(f"{where}: its content streams inflate past {MAX_CONTENT // 1_000_000} MB; refused")
        data.append(chunk)
    plain = DecodedStreamObject()
    plain.set_data(b"\n".join(data))
    return plain.flate_encode(level=6)


def _rewrite_forms(resources: Any, where: str, depth: int, seen: set[int]) -> None:
    """Form XObjects in copied resources -> decoded under the bound and compressed afresh, to a bounded depth."""
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for key in list(xobjects):
        ref = xobjects.raw_get(key)
        target = ref.get_object()
        if not isinstance(target, StreamObject) or target.get("/Subtype") != "/Form" or id(target) in seen:
            continue
        if depth <= 0:
            raise InputError(f"{where}: form XObjects nest deeper than {MAX_FORM_DEPTH}; refused")
        seen.add(id(target))
        data = decoded(target, where)
        target._data = zlib.compress(data, 6)  # in place: every reference to the form sees the new stream
        target[NameObject("/Filter")] = NameObject("/FlateDecode")
        for name in ("/DecodeParms", "/DL"):
            target.pop(name, None)
        if hasattr(target, "decoded_self"):
            target.decoded_self = None
        _rewrite_forms(target.get("/Resources", DictionaryObject()).get_object(), where, depth - 1, seen)


def _cloned(writer: PdfWriter, value: Any) -> Any:
    """An input object -> a copy in the writer (a reference if it is indirect) with DROPPED keys left out."""
    if value is None or not isinstance(value.get_object(), DictionaryObject):
        return None
    copy = value.get_object().clone(writer, ignore_fields=DROPPED)
    return copy.indirect_reference or copy if hasattr(copy, "indirect_reference") else copy


def _registration() -> ArrayObject:
    """The registration colour space: Separation /All, tint 1 puts ink on every plate."""
    tint = DictionaryObject(
        {
            NameObject("/FunctionType"): NumberObject(2),
            NameObject("/Domain"): ArrayObject([NumberObject(0), NumberObject(1)]),
            NameObject("/C0"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/C1"): ArrayObject([NumberObject(1)] * 4),
            NameObject("/N"): NumberObject(1),
        }
    )
    return ArrayObject([NameObject("/Separation"), NameObject("/All"), NameObject("/DeviceCMYK"), tint])


def apply_plan(
    plan: Plan, sources: Sequence[Source], *, overlay: Source | None = None, seed: bytes = b""
) -> list[bytes]:
    """A plan + its sources (+ one overlay page per side with a slug) -> one PDF per output file.

    The one apply loop: every side of every scheme is a list of placements, then its
    marks on top in registration colour.
    """
    writers = [PdfWriter() for _ in range(plan.files)]
    with untrusted(sources[0].name):
        for writer in writers:
            copy_metadata(sources[0].reader, writer)
    registration: list[Any] = [None] * len(writers)
    slugs = 0
    for side in plan.sides:
        index = side.file
        writer = writers[index]
        page = writer.add_blank_page(*plan.sheet)
        xobjects = DictionaryObject()
        ops = [b"q\n"]
        placed = list(side.placements)
        for i, placement in enumerate(placed):
            source = sources[placement.source]
            key = (index, placement.page)
            if key not in source.forms:
                with untrusted(source.name):
                    source.forms[key] = page_form(writer, source, placement.page)
            xobjects[NameObject(f"/P{i}")] = source.forms[key]
            ops.append(marks.place(placement.matrix, f"/P{i}", placement.clip))
        if overlay is not None and side.slug is not None:
            with untrusted(overlay.name):
                xobjects[NameObject("/Slug")] = page_form(writer, overlay, slugs)
            ops.append(marks.place((1, 0, 0, 1, 0, 0), "/Slug"))
            slugs += 1
        ops.append(b"Q\n")
        resources = DictionaryObject({NameObject("/XObject"): xobjects})
        if side.lines:
            if registration[index] is None:
                registration[index] = writer._add_object(_registration())
            resources[NameObject("/ColorSpace")] = DictionaryObject({NameObject("/Reg"): registration[index]})
            ops.append(marks.lines(side.lines, "/Reg"))
        stream = DecodedStreamObject()
        stream.set_data(b"".join(ops))
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode(level=6))
        if side.trim is not None:
            page[NameObject("/TrimBox")] = RectangleObject(list(side.trim))
            page[NameObject("/BleedBox")] = RectangleObject(list(side.bleed or side.trim))
    return [finish(writer, seed + repr((plan, i)).encode()) for i, writer in enumerate(writers)]


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
