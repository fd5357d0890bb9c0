"""An open PDF + the standards asked for -> what PDF/A and PDF/UA need beyond tagging, set in place.

The sRGB output intent is the ``sRGB.icc`` profile pikepdf ships (from the
icc-profiles-free collection, zlib licence; its copyright tag reads "no copyright,
use freely"). Annotations are printable (/F 4), form widgets keep only their normal
appearance, transparency groups name a blending colour space, and the document
information dictionary agrees with the XMP packet written from it.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from importlib.resources import files
from pathlib import PurePosixPath
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

from booklet.finish.xmp import Meta, pdf_date, xmp_packet

PRINT = 4  # annotation flag: print the annotation when the page is printed
SRGB = "sRGB IEC61966-2.1"


def output_intent(pdf: pikepdf.Pdf) -> None:
    profile = files("pikepdf") / "pdfa" / "data" / "sRGB.icc"
    icc = pikepdf.Stream(pdf, profile.read_bytes())
    icc.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB),
        Info=pikepdf.String(SRGB),
        DestOutputProfile=pdf.make_indirect(icc),
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def printable_annotations(pdf: pikepdf.Pdf) -> None:
    """Every annotation printable; widgets with only a normal appearance."""
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", Array()):
            flags = int(annot.get("/F", 0))
            annot.F = (flags | PRINT) & ~(1 | 2 | 32)  # not invisible, hidden or no-view
            ap = annot.get("/AP")
            if ap is not None:
                for key in ("/D", "/R"):
                    if key in ap:
                        del ap[key]


def transparency_groups(pdf: pikepdf.Pdf) -> None:
    """Pages (and forms) that blend get a transparency group with a colour space."""
    for page in pdf.pages:
        obj = page.obj
        if _blends(obj.get("/Resources")) or "/Group" in obj:
            group = obj.get("/Group") or Dictionary(Type=Name.Group, S=Name.Transparency)
            group.CS = group.get("/CS", Name.DeviceRGB)
            obj.Group = group
        for xobject in _forms(obj.get("/Resources")):
            if "/Group" in xobject and "/CS" not in xobject.Group:
                xobject.Group.CS = Name.DeviceRGB


def _forms(resources: Any, depth: int = 0) -> list[Any]:
    found: list[Any] = []
    if resources is None or depth > 8:
        return found
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == Name.Form:
            found += [xobject, *_forms(xobject.get("/Resources"), depth + 1)]
    return found


def _blends(resources: Any, depth: int = 0) -> bool:
    if resources is None or depth > 8:
        return False
    for state in resources.get("/ExtGState", {}).values():
        if float(state.get("/CA", 1)) < 1 or float(state.get("/ca", 1)) < 1 or "/SMask" in state:
            return True
        if state.get("/BM", Name.Normal) not in (Name.Normal, Name.Compatible):
            return True
    for xobject in resources.get("/XObject", {}).values():
        if "/SMask" in xobject or _blends(xobject.get("/Resources"), depth + 1):
            return True
    return False


def metadata(pdf: pikepdf.Pdf, meta: Meta, when: datetime) -> None:
    """Info dictionary and XMP, saying the same things, dated ``when``."""
    info = pdf.docinfo
    info.Title = pikepdf.String(meta.title)
    for key, value in (("/Author", meta.author), ("/Subject", meta.subject), ("/Keywords", meta.keywords)):
        if value:
            info[key] = pikepdf.String(value)
        elif key in info:
            del info[key]
    info.Creator = info.Producer = pikepdf.String(meta.tool)
    info.CreationDate = info.ModDate = pikepdf.String(pdf_date(when))
    if "/Trapped" in info:
        del info["/Trapped"]
    stream = pikepdf.Stream(pdf, xmp_packet(meta, when))
    stream.Type, stream.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)
    pdf.Root.ViewerPreferences = pdf.Root.get("/ViewerPreferences", Dictionary())
    pdf.Root.ViewerPreferences.DisplayDocTitle = True
    if meta.lang:
        pdf.Root.Lang = pikepdf.String(meta.lang)


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


def attach_sources(pdf: pikepdf.Pdf, sources: list[tuple[str, bytes]], when: datetime) -> None:
    """Embed each (relative path, bytes) as an associated file with /AFRelationship /Source."""
    names, specs = Array(), Array()
    for relative, data in sorted(sources):
        stream = pikepdf.Stream(pdf, data)
        stream.Type = Name.EmbeddedFile
        stream.Subtype = Name("/" + MIME.get(PurePosixPath(relative).suffix.lower(), "application/octet-stream"))
        stream.Params = Dictionary(
            Size=len(data), ModDate=pikepdf.String(pdf_date(when)), CheckSum=pikepdf.String(hashlib.md5(data).digest())
        )
        ref = pdf.make_indirect(stream)
        spec = pdf.make_indirect(
            Dictionary(
                Type=Name.Filespec,
                F=pikepdf.String(relative),
                UF=pikepdf.String(relative),
                Desc=pikepdf.String("booklet source file"),
                AFRelationship=Name.Source,
                EF=Dictionary(F=ref, UF=ref),
            )
        )
        names.extend([pikepdf.String(relative), spec])
        specs.append(spec)
    if not specs:
        return
    pdf.Root.Names = pdf.Root.get("/Names", Dictionary())
    pdf.Root.Names.EmbeddedFiles = Dictionary(Names=names)
    pdf.Root.AF = specs
