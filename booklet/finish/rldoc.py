"""A ReportLab canvas about to be saved -> its document's pages, annotations, fonts and catalog, to finish.

The one module that reaches past ReportLab's public canvas API into its document
objects (reportlab.pdfbase.pdfdoc, as in ReportLab 5.1). What it relies on:

- ``canvas._doc`` is the PDFDocument; ``doc.Reference(obj)`` registers an indirect object
  and returns its reference (objects registered before ``save`` are written with it), and
  ``doc.idToObjectNumberAndVersion`` gives the number it was registered under;
- ``doc.Pages.pages`` holds the PDFPage objects in order, page n registered as "Page<n>"
  (``PDFDocument.thisPageName``); a page's ``Annots`` holds references to its annotations,
  and every registered object can be found by name in ``doc.idToObject``;
- PDFCatalog and PDFPage write the attributes named in their ``__NoDefault__`` list, so a
  key they do not know (``/StructParents``, ``/OutputIntents``...) is added to that list on
  the one instance;
- ``doc.delayedFonts`` holds the TrueType fonts whose subsets become font objects when the
  document is saved (``TTFont.addObjects``); realising them here first, as ``GetPDFData``
  would, lets their names and maps be finished before anything is written;
- ``doc.info`` is the PDFInfo object written as the document information dictionary;
- a page just shown is ``doc.Pages.pages[-1]``, its operators in ``page.stream`` (text),
  turned into a ``Contents`` stream by ``PDFPage.check_format`` unless it has one already;
  a PDFStream whose dictionary has a /Filter is written as it is, unfiltered again;
- ``write`` does what ``PDFDocument.GetPDFData`` and ``format`` do (same steps, same
  order, so the same bytes), with each piece handed to a file as it is formatted:
  ``numberToId``/``idToObject`` give the objects in number order (new ones may be
  registered while formatting), ``idToOffset`` is what the cross-reference table is
  formatted from, ``encrypt``, ``Outlines``, ``signature``, ``ID()`` and ``_pdfVersion``
  as there; ``doc.objectcounter`` is the last number given, so numbers can be set aside
  for objects written by booklet (``reserve``) without registering each of them.

In booklet watch, an object whose print equals one of the last save's is written with
that save's body instead of being formatted again (finish/reuse.py).
"""

from __future__ import annotations

import functools
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFFile,
    PDFIndirectObject,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFTrailer,
)

from booklet.finish import reuse

_ROWS = 2048  # cross-reference rows written at a time


class Sink(Protocol):
    """Where ``write`` puts a document (booklet.finish.output.File)."""

    def add(self, piece: bytes) -> int: ...  # write a piece; the offset where it begins

    def close(self, trailer: bytes) -> bytes: ...  # write the trailer; the whole file


def document(canv: Any) -> Any:
    """The canvas's PDFDocument."""
    return canv._doc


def pages(doc: Any) -> list[Any]:
    """The document's PDFPage objects, in page order."""
    return list(doc.Pages.pages)


def page_ref(number: int) -> PDFObjectReference:
    """The reference to page ``number`` (1-based)."""
    return PDFObjectReference(f"Page{number}")


def number(doc: Any, ref: PDFObjectReference) -> int:
    """The object number a registered object is written under (given when it is registered)."""
    return doc.idToObjectNumberAndVersion[ref.name][0]


def resolve(doc: Any, ref: Any) -> Any:
    """A reference -> the object registered under its name; anything else -> itself."""
    return doc.idToObject[ref.name] if isinstance(ref, PDFObjectReference) else ref


def set_entry(obj: Any, key: str, value: Any) -> None:
    """Give a catalog or page dictionary an entry, also one its class does not write by default."""
    if key not in obj.__NoDefault__:
        obj.__NoDefault__ = [*obj.__NoDefault__, key]
    setattr(obj, key, value)


def get_entry(obj: Any, key: str) -> Any:
    return getattr(obj, key, None)


def page_annotations(doc: Any, page: Any) -> list[tuple[PDFObjectReference, PDFDictionary]]:
    """A page's annotations as (reference, dictionary); a link made by ``linkRect`` becomes its dictionary.

    ReportLab's LinkAnnotation accepts only the keys it knows; its dictionary takes any.
    """
    found = []
    for ref in page.Annots or ():
        annot = doc.idToObject[ref.name]
        if isinstance(annot, LinkAnnotation):
            annot = annot.Dict()
            doc.idToObject[ref.name] = annot
        found.append((ref, annot))
    return found


def fonts(doc: Any) -> dict[str, Any]:
    """Realise the fonts still to be written; return the document's font dictionary (name -> font object)."""
    _realise_fonts(doc)
    return doc.idToObject["BasicFonts"].dict


def _realise_fonts(doc: Any) -> None:
    """``font.addObjects(doc)`` for each delayed font, as GetPDFData does. In a process that builds
    again, a subset of the same characters of the same font file is made once (TTFontFile.makeSubset
    reads nothing but the file and the subset's character list)."""
    from booklet.warm import keeps

    for font in doc.delayedFonts:
        face = getattr(font, "face", None)
        if face is None or not keeps() or "makeSubset" in face.__dict__:
            font.addObjects(doc)
            continue
        face.makeSubset = functools.partial(_subset, face)
        try:
            font.addObjects(doc)
        finally:
            del face.makeSubset
    doc.delayedFonts = []


_SUBSETS: OrderedDict[tuple[int, tuple[int, ...]], tuple[Any, bytes]] = OrderedDict()
MAX_SUBSETS = 64  # font subsets remembered across documents (a booklet makes a few per font)


def _subset(face: Any, subset: Any) -> bytes:
    key = (id(face), tuple(subset))
    known = _SUBSETS.get(key)
    if known is not None and known[0] is face:
        _SUBSETS.move_to_end(key)
        return known[1]
    made = type(face).makeSubset(face, subset)
    _SUBSETS[key] = (face, made)  # holding the face keeps its id from being reused
    while len(_SUBSETS) > MAX_SUBSETS:
        _SUBSETS.popitem(last=False)
    return made


def forms(doc: Any, page_or_form: Any) -> list[Any]:
    """The XObjects a page or form places (forms and images), resolved."""
    xobjects = getattr(page_or_form, "XObjects", None)
    return [resolve(doc, ref) for ref in xobjects.dict.values()] if xobjects is not None else []


def info(doc: Any) -> Any:
    return doc.info


def set_info(doc: Any, replacement: Any) -> None:
    doc.info = replacement


class _PackedPage(PDFStream):
    """A page's operators compressed when the page was shown; written as the save would have, then let go."""

    def __init__(self, packed: bytes) -> None:
        super().__init__(PDFDictionary({"Filter": PDFArray([PDFName(pdfdoc.PDFZCompress.pdfname)])}), packed)
        self.__Comment__ = "page stream"

    def format(self, document: Any) -> bytes:
        formatted = super().format(document)
        self.content = b""  # formatted once, at the top level: its bytes are in the file now
        return formatted


def pack_page(canv: Any) -> None:
    """Compress the operators of the page just shown now, as the save would (the same filter), and drop the text.

    A long booklet otherwise keeps every page's text until it is saved (about 10 KB a page).
    """
    page = canv._doc.Pages.pages[-1]
    if not page.compression or rl_config.useA85 or page.Contents or not page.stream:
        return  # as ReportLab would write it anyway: its own path
    page.Contents = _PackedPage(pdfdoc.PDFZCompress.encode(page.stream))
    page.stream = None


def annotated(canv: Any) -> bool:
    """Whether the page just shown carries annotations."""
    return bool(canv._doc.Pages.pages[-1].Annots)


def content_text(owner: Any) -> str:
    """A page's or form's operators as text, also when the page's were compressed as it was shown."""
    contents = getattr(owner, "Contents", None)
    if isinstance(contents, _PackedPage) and contents.content:
        return zlib.decompress(contents.content).decode("utf8")
    stream = getattr(owner, "stream", None) or ""
    return stream.decode("latin-1") if isinstance(stream, bytes) else stream


def reserve(
    doc: Any, count: int, formatter: Callable[[int], bytes], printer: Callable[[int], Any] | None = None
) -> int:
    """Set aside ``count`` object numbers for objects ``write`` gets from ``formatter(i)``; the first number.

    A long booklet's tens of thousands of structure elements are written this way: a
    registered object costs a name, a number tuple and three table entries each.
    ``printer(i)``, if given, is everything ``formatter(i)`` is made from, as plain data
    (finish/reuse.py: equal prints, equal bytes).
    """
    if not isinstance(doc.encrypt, NoEncryption):
        raise ValueError("objects written by booklet are not encrypted: reserve numbers only in a plain document")
    first = doc.objectcounter + 1
    doc.objectcounter += count
    blocks = getattr(doc, "_booklet_reserved", None)
    if blocks is None:
        blocks = doc._booklet_reserved = []
    blocks.append((first, count, formatter, printer))
    return first


def _reserved(doc: Any, number: int, memo: reuse.Memo | None) -> bytes | None:
    """The body of object ``number`` if it was reserved, else None."""
    for first, count, formatter, printer in getattr(doc, "_booklet_reserved", ()):
        if first <= number < first + count:
            if memo is None or printer is None:
                return formatter(number - first)
            return memo.reserved(number, printer(number - first), formatter, number - first)
    return None


def write(canv: Any, out: Sink) -> bytes:
    """The canvas's document (every page shown) -> its file, formatted piece by piece into ``out``; its bytes."""
    doc = canv._doc
    _realise_fonts(doc)  # GetPDFData, step by step
    doc.info.invariant = doc.invariant
    doc.info.digest(doc.signature)
    doc.Reference(doc.Catalog)
    doc.Reference(doc.info)
    doc.Outlines.prepare(doc, canv)
    if doc.Outlines.ready < 0:
        doc.Catalog.Outlines = None
    doc.encrypt.prepare(doc)  # format, step by step
    catalog, info = doc.Catalog, doc.info
    doc.Reference(catalog)
    doc.Reference(info)
    encrypt = doc.encrypt.info()
    encrypt_ref = doc.Reference(encrypt) if encrypt else None
    if getattr(doc, "_digiSigs", None):
        raise ValueError("a signed document is written by ReportLab's own save")
    out.add(PDFFile(doc._pdfVersion).strings[0])  # the header, as PDFFile writes it
    number_to_id, objects, offsets = doc.numberToId, doc.idToObject, doc.idToOffset
    memo = reuse.memo_for(doc, (canv._pagesize, doc.info.title))
    where = array("q")  # each object's offset, in number order (tens of thousands: not as int objects)
    counter = 1
    while True:  # new objects may be registered while formatting
        oid = number_to_id.get(counter)
        if oid is not None:
            obj = objects[oid]
            formatted = PDFIndirectObject(oid, obj).format(doc) if memo is None else memo.object(counter, obj, doc)
            if not rl_config.invariant and rl_config.pdfComments:
                out.add(pdfdoc.pdfdocEnc(f"% {ascii(oid)}: class {objects[oid].__class__.__name__[:50]} \n"))
            offsets[oid] = at = out.add(pdfdoc.pdfdocEnc(formatted))
            objects[oid] = None  # written: what only the table held (forms, fonts, streams) can go
        else:
            body = _reserved(doc, counter, memo)
            if body is None:
                break
            at = out.add(b"%d 0 obj\n" % counter + body + (b"" if body.endswith(b"\n") else b"\n") + b"endobj\n")
        where.append(at)
        counter += 1
    if counter - 1 != doc.objectcounter:
        raise ValueError(f"object {counter} of {doc.objectcounter} is neither registered nor reserved")
    if memo is not None:
        memo.close()
    # The cross-reference table as PDFCrossReferenceTable formats it (every version is 0), in
    # parts: at this point the whole file is in memory, and its rows as one list would add 2 MB.
    at = out.add(b"xref\n0 %d\n0000000000 65535 f \n" % counter)
    for start in range(0, len(where), _ROWS):
        out.add(b"".join(b"%010d 00000 n \n" % o for o in where[start : start + _ROWS]))
    trailer = PDFTrailer(
        startxref=at,
        Size=counter,
        Root=doc.Reference(catalog),
        Info=doc.Reference(info),
        Encrypt=encrypt_ref,
        ID=doc.ID(),
    )
    return out.close(trailer.format(doc))
