"""A ReportLab document about to be saved + the standards asked for -> what PDF/A and PDF/UA need beyond tagging.

The sRGB output intent is the ``sRGB.icc`` profile pikepdf ships (from the
icc-profiles-free collection, zlib licence; its copyright tag reads "no copyright,
use freely"), read from pikepdf's package folder without importing pikepdf.
Annotations are printable (/F 4), form widgets keep only their normal appearance,
pages that blend get a transparency group naming a blending colour space, and the
document information dictionary agrees with the XMP packet written from it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)

from booklet.finish import rldoc
from booklet.finish.xmp import Meta, pdf_date, xmp_packet

PRINT = 4  # annotation flag: print the annotation when the page is printed
SRGB = "sRGB IEC61966-2.1"


@functools.cache
def srgb_profile() -> bytes:
    spec = importlib.util.find_spec("pikepdf")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pikepdf's sRGB profile is needed for PDF/A and pikepdf is not installed")
    return (Path(next(iter(spec.submodule_search_locations))) / "pdfa" / "data" / "sRGB.icc").read_bytes()


def output_intent(doc: Any) -> None:
    icc = PDFStream(PDFDictionary({"N": 3}), srgb_profile(), filters=[PDFZCompress])
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "DestOutputProfile": doc.Reference(icc),
        }
    )
    rldoc.set_entry(doc.Catalog, "OutputIntents", PDFArray([doc.Reference(intent)]))


def printable_annotations(doc: Any) -> None:
    """Every annotation printable; widgets with only a normal appearance."""
    for page in rldoc.pages(doc):
        for _, annot in rldoc.page_annotations(doc, page):
            flags = int(annot.dict.get("F", 0))
            annot["F"] = (flags | PRINT) & ~(1 | 2 | 32)  # not invisible, hidden or no-view
            ap = annot.dict.get("AP")
            if isinstance(ap, PDFDictionary):
                for key in ("D", "R"):
                    ap.dict.pop(key, None)


def transparency_groups(doc: Any) -> None:
    """Pages that blend (or place something that does) get a transparency group with a colour space."""
    for page in rldoc.pages(doc):
        if _blends(doc, page, 0):
            group = {"Type": PDFName("Group"), "S": PDFName("Transparency"), "CS": PDFName("DeviceRGB")}
            rldoc.set_entry(page, "Group", PDFDictionary(group))


def _blends(doc: Any, owner: Any, depth: int) -> bool:
    if depth > 8:
        return False
    states = getattr(owner, "ExtGState", None)
    for state in (states.dict if isinstance(states, PDFDictionary) else states or {}).values():
        values = state.dict if isinstance(state, PDFDictionary) else {}
        if float(values.get("CA", 1)) < 1 or float(values.get("ca", 1)) < 1 or "SMask" in values:
            return True
        if str(values.get("BM", "/Normal")) not in ("/Normal", "/Compatible"):
            return True
    for xobject in rldoc.forms(doc, owner):
        if getattr(xobject, "smask", None) or _blends(doc, xobject, depth + 1):
            return True
    return False


def metadata(doc: Any, meta: Meta, when: datetime) -> None:
    """Info dictionary and XMP, saying the same things, dated ``when``."""
    rldoc.set_info(doc, _Info(meta, pdf_date(when)))
    stream = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp_packet(meta, when))
    rldoc.set_entry(doc.Catalog, "Metadata", doc.Reference(stream))
    if meta.lang:
        doc.Catalog.Lang = PDFString(meta.lang)


class _Info(PDFInfo):
    """The document information dictionary: the XMP packet's fields, no ``/Trapped``, the build's date."""

    def __init__(self, meta: Meta, date: str) -> None:
        super().__init__()
        self.meta, self.date = meta, date
        self.title, self.author, self.subject, self.keywords = meta.title, meta.author, meta.subject, meta.keywords

    def format(self, document: Any) -> bytes:
        meta = self.meta
        entries: dict[str, Any] = {"Title": PDFString(meta.title)}
        for key, value in (("Author", meta.author), ("Subject", meta.subject), ("Keywords", meta.keywords)):
            if value:
                entries[key] = PDFString(value)
        entries["Creator"] = entries["Producer"] = PDFString(meta.tool)
        entries["CreationDate"] = entries["ModDate"] = PDFString(self.date)
        return PDFDictionary(entries).format(document)


MIME = {
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".po": "text/x-gettext-translation",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".csv": "text/csv",
}


def _mime_name(mime: str) -> str:
    """A media type as a PDF name: its "/" written as #2F (ReportLab's PDFName leaves it bare)."""
    return PDFName(mime).replace("/", "#2F").replace("#2F", "/", 1)


def attach_sources(doc: Any, sources: list[tuple[str, bytes]], when: datetime) -> None:
    """Embed each (relative path, bytes) as an associated file with /AFRelationship /Source."""
    names: list[Any] = []
    specs: list[Any] = []
    for relative, data in sorted(sources):
        mime = MIME.get(PurePosixPath(relative).suffix.lower(), "application/octet-stream")
        params = PDFDictionary(
            {
                "Size": len(data),
                "ModDate": PDFString(pdf_date(when)),
                "CheckSum": PDFString(hashlib.md5(data).digest(), enc="raw"),
            }
        )
        stream = PDFStream(
            PDFDictionary({"Type": PDFName("EmbeddedFile"), "Subtype": _mime_name(mime), "Params": params}),
            data,
            filters=[PDFZCompress],
        )
        ref = doc.Reference(stream)
        spec = doc.Reference(
            PDFDictionary(
                {
                    "Type": PDFName("Filespec"),
                    "F": PDFString(relative),
                    "UF": PDFString(relative),
                    "Desc": PDFString("booklet source file"),
                    "AFRelationship": PDFName("Source"),
                    "EF": PDFDictionary({"F": ref, "UF": ref}),
                }
            )
        )
        names += [PDFString(relative), spec]
        specs.append(spec)
    if not specs:
        return
    rldoc.set_entry(doc.Catalog, "Names", PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})}))
    rldoc.set_entry(doc.Catalog, "AF", PDFArray(specs))
