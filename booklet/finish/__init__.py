"""PDF bytes (+ recorded structure) -> finished PDF bytes: structure tree, PDF/A and PDF/UA, hygiene.

The only package that imports pikepdf. ReportLab draws; this pass, after it saves,
writes what ReportLab cannot: the structure tree from the tagging recorder, XMP
metadata, the output intent, associated source files; and it repairs what every
output must get right (subset tags, ToUnicode maps, unused unembedded fonts, empty
page transitions, the header version). Print files (imposed sheets, card sheets) get
the repairs and say in their document information that they are print impositions.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from booklet.errors import BookletError
from booklet.finish.xmp import Meta, build_date

if TYPE_CHECKING:
    from booklet.render.tagging import Element

log = logging.getLogger(__name__)

STANDARDS = {
    "ua-1": "PDF/UA-1, accessible (tagged, alt text, reading order)",
    "a-2b": "PDF/A-2b, archival (fonts embedded, sRGB output intent, XMP)",
    "a-2a": "PDF/A-2a, archival and tagged",
    "a-3b": "PDF/A-3b, archival, carrying the content's source files (booklet extract gets them back)",
}
DEFAULT_STANDARDS = ("ua-1", "a-2b")


def finish_reading(
    data: bytes,
    root: Element | None,
    standards: tuple[str, ...] = DEFAULT_STANDARDS,
    *,
    strict: bool = False,
    sources: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """A reading edition: tagged, with metadata for the standards; ``strict`` turns UA problems into errors."""
    import pikepdf

    from booklet.finish import archive, hygiene
    from booklet.finish.tree import write_tree

    when = build_date()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        hygiene.clean(pdf)
        problems = write_tree(pdf, root) if root is not None else ["the document is not tagged"]
        claims = set(standards)
        if problems and "ua-1" in claims:
            if strict:
                raise BookletError(f"cannot make this PDF/UA-1 conformant: {problems[0]}")
            log.warning("not claiming PDF/UA-1: %s", problems[0])
            claims.discard("ua-1")
        a_level = next((s for s in standards if s.startswith("a-")), "")
        if a_level:
            archive.output_intent(pdf)
            archive.printable_annotations(pdf)
        archive.transparency_groups(pdf)
        if a_level == "a-3b":
            archive.attach_sources(pdf, sources or [], when)
        info = pdf.docinfo
        full = Meta(
            str(info.get("/Title", "")),
            str(info.get("/Author", "")),
            str(info.get("/Subject", "")),
            str(info.get("/Keywords", "")),
            str(pdf.Root.get("/Lang", "")),
            a_part=int(a_level[2]) if a_level else 0,
            a_level=a_level[3:].upper() if a_level else "",
            ua_part=1 if "ua-1" in claims else 0,
        )
        archive.metadata(pdf, full, when)
        return _save(pdf, "1.7")


def finish_print(data: bytes, note: str) -> bytes:
    """A print file (imposed sheets, card sheets): repaired, and saying what it is in its document info."""
    import pikepdf

    from booklet.finish import archive, hygiene
    from booklet.finish.xmp import pdf_date

    with pikepdf.open(io.BytesIO(data)) as pdf:
        hygiene.clean(pdf)
        archive.transparency_groups(pdf)
        info = pdf.docinfo
        info.Imposition = pikepdf.String(f"Print imposition: {note}")
        keywords = str(info.get("/Keywords", ""))
        if "print imposition" not in keywords:
            info.Keywords = pikepdf.String(", ".join(k for k in (keywords, "print imposition") if k))
        stamp = pikepdf.String(pdf_date(build_date()))
        info.CreationDate = info.get("/CreationDate", stamp)
        info.ModDate = info.get("/ModDate", stamp)
        version = pdf.pdf_version
        return _save(pdf, "1.4" if _transparent(pdf) and float(version) < 1.4 else version)


def _transparent(pdf) -> bool:
    return any("/Group" in page.obj for page in pdf.pages)


def _compress_new_streams(pdf) -> None:
    """Flate-compress the streams written without a filter (ICC profile, ToUnicode maps, ...).

    qpdf's own ``compress_streams`` would do it, but it also decodes and recompresses every
    stream ReportLab already compressed: 50 ms of a 24-page build, against under 1 ms
    here. XMP metadata stays plain text, as qpdf leaves it.
    """
    import zlib

    import pikepdf

    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and "/Filter" not in obj and obj.get("/Type") != "/Metadata":
            obj.write(zlib.compress(obj.read_raw_bytes()), filter=pikepdf.Name.FlateDecode)


def _save(pdf, version: str) -> bytes:
    import pikepdf

    _compress_new_streams(pdf)
    out = io.BytesIO()
    pdf.save(
        out,
        min_version=version,
        deterministic_id=True,
        fix_metadata_version=False,
        compress_streams=False,  # see _compress_new_streams
        stream_decode_level=pikepdf.StreamDecodeLevel.none,  # ReportLab's streams are kept as compressed
        # No object streams: every dictionary stays readable as plain text, as ReportLab writes them.
        object_stream_mode=pikepdf.ObjectStreamMode.preserve,
    )
    return out.getvalue()
