"""A ReportLab canvas about to be saved (+ recorded structure) -> a finished PDF: structure tree, PDF/A, PDF/UA.

ReportLab draws; just before its document is written, this package adds to it, in
ReportLab's own objects, what ReportLab does not write itself: the structure tree
from the tagging recorder, XMP metadata, the output intent, associated source files;
and it repairs what every output must get right (subset tags, ToUnicode maps, unused
unembedded fonts, empty page transitions). The document is then written once, with
no second pass. Print files (imposed sheets, card sheets), which are pages of such
documents placed by the imposer, get transparency groups and say in their document
information that they are print impositions (``finish_print``, on pikepdf).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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
PDF_VERSION = (1, 7)  # what every reading edition declares in its header

Finisher = Callable[[Any], None]  # canvas about to be saved -> its document finished in place


def finish_plain(canv: Any) -> None:
    """Any rendered PDF (pages to impose, card pages): the repairs only."""
    from booklet.finish import hygiene, rldoc

    hygiene.clean(rldoc.document(canv))


def reading(
    root: Element | None,
    standards: tuple[str, ...] = DEFAULT_STANDARDS,
    *,
    strict: bool = False,
    sources: list[tuple[str, bytes]] | None = None,
) -> Finisher:
    """A reading edition's finisher: tagged, with metadata for the standards; ``strict``: UA problems are errors."""

    def finish(canv: Any) -> None:
        finish_reading(canv, root, standards, strict=strict, sources=sources)

    return finish


def finish_reading(
    canv: Any,
    root: Element | None,
    standards: tuple[str, ...] = DEFAULT_STANDARDS,
    *,
    strict: bool = False,
    sources: list[tuple[str, bytes]] | None = None,
) -> None:
    """Finish a reading edition's document in place, before the canvas writes it."""
    from booklet.finish import archive, hygiene, rldoc
    from booklet.finish.tree import write_tree

    doc = rldoc.document(canv)
    when = build_date()
    hygiene.clean(doc)
    problems = write_tree(doc, root) if root is not None else ["the document is not tagged"]
    claims = set(standards)
    if problems and "ua-1" in claims:
        if strict:
            raise BookletError(f"cannot make this PDF/UA-1 conformant: {problems[0]}")
        log.warning("not claiming PDF/UA-1: %s", problems[0])
        claims.discard("ua-1")
    a_level = next((s for s in standards if s.startswith("a-")), "")
    if a_level:
        archive.output_intent(doc)
        archive.printable_annotations(doc)
    archive.transparency_groups(doc)
    if a_level == "a-3b":
        archive.attach_sources(doc, sources or [], when)
    info = rldoc.info(doc)
    lang = rldoc.get_entry(doc.Catalog, "Lang")
    full = Meta(
        info.title,
        info.author,
        info.subject,
        info.keywords,
        str(getattr(lang, "s", lang or "")),
        a_part=int(a_level[2]) if a_level else 0,
        a_level=a_level[3:].upper() if a_level else "",
        ua_part=1 if "ua-1" in claims else 0,
    )
    archive.metadata(doc, full, when)


def finish_print(data: bytes, note: str) -> bytes:
    """A print file (imposed sheets, card sheets): transparency groups, and saying what it is in its document info.

    Its pages were repaired when they were rendered (``finish_plain``); the imposer places them.
    """
    from booklet.finish.sheets import finish_sheets

    return finish_sheets(data, note)
