"""Imposed PDF bytes + a note -> the same sheets with transparency groups, saying in their information what they are.

The imposer (booklet.impose.pdf, pypdf) places pages rendered and finished by
ReportLab on printer sheets; a sheet that shows transparent tints needs its own
transparency group, and its document information names the imposition. This is the
one place the build still opens a PDF with pikepdf, and only for print files.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name

from booklet.finish.xmp import build_date, pdf_date


def finish_sheets(data: bytes, note: str) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        transparency_groups(pdf)
        info = pdf.docinfo
        info.Imposition = pikepdf.String(f"Print imposition: {note}")
        keywords = str(info.get("/Keywords", ""))
        if "print imposition" not in keywords:
            info.Keywords = pikepdf.String(", ".join(k for k in (keywords, "print imposition") if k))
        stamp = pikepdf.String(pdf_date(build_date()))
        info.CreationDate = info.get("/CreationDate", stamp)
        info.ModDate = info.get("/ModDate", stamp)
        version = pdf.pdf_version
        transparent = any("/Group" in page.obj for page in pdf.pages)
        return _save(pdf, "1.4" if transparent and float(version) < 1.4 else version)


def transparency_groups(pdf: pikepdf.Pdf) -> None:
    """Sheets (and forms) that blend get a transparency group with a colour space."""
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


def _compress_new_streams(pdf: pikepdf.Pdf) -> None:
    """Flate-compress the streams the imposer wrote without a filter.

    qpdf's own ``compress_streams`` would do it, but it also decodes and recompresses every
    stream ReportLab already compressed. XMP metadata stays plain text.
    """
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and "/Filter" not in obj and obj.get("/Type") != "/Metadata":
            obj.write(zlib.compress(obj.read_raw_bytes()), filter=Name.FlateDecode)


def _save(pdf: pikepdf.Pdf, version: str) -> bytes:
    _compress_new_streams(pdf)
    out = io.BytesIO()
    pdf.save(
        out,
        min_version=version,
        deterministic_id=True,
        fix_metadata_version=False,
        compress_streams=False,  # see _compress_new_streams
        stream_decode_level=pikepdf.StreamDecodeLevel.none,  # the rendered streams are kept as compressed
        # No object streams: every dictionary stays readable as plain text, as ReportLab writes them.
        object_stream_mode=pikepdf.ObjectStreamMode.preserve,
    )
    return out.getvalue()
