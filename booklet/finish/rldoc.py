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
- ``doc.info`` is the PDFInfo object written as the document information dictionary.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFDictionary, PDFObjectReference


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
    for font in doc.delayedFonts:
        font.addObjects(doc)
    doc.delayedFonts = []
    return doc.idToObject["BasicFonts"].dict


def forms(doc: Any, page_or_form: Any) -> list[Any]:
    """The XObjects a page or form places (forms and images), resolved."""
    xobjects = getattr(page_or_form, "XObjects", None)
    return [resolve(doc, ref) for ref in xobjects.dict.values()] if xobjects is not None else []


def info(doc: Any) -> Any:
    return doc.info


def set_info(doc: Any, replacement: Any) -> None:
    doc.info = replacement
