"""Recorded elements + the ReportLab document being saved -> its structure tree, parent tree and annotation links.

The recorder (render/tagging.py) gives a tree of elements in content order, each
holding the (page, marked-content id) pairs drawn for it and the rectangles it was
drawn in. Here that tree becomes StructTreeRoot; each page gets /StructParents and
the parent tree maps its ids back to elements (one array per page); every link and
form field annotation is placed in the element drawn under it, as a Link or Form
element with an OBJR.

The elements are written compactly: they take a block of object numbers set aside
in the document (rldoc.reserve), and each element's dictionary is formatted from
the recorded element only when the document is written, so a long booklet's tens
of thousands of elements cost little memory beyond the recorded tree.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObject, PDFObjectReference, PDFString

from booklet.finish import rldoc

if TYPE_CHECKING:
    from booklet.render.tagging import Element

Placed = dict[int, list[tuple[PDFObjectReference, int]]]  # id(element) -> [(annotation, page number)]


def write_tree(doc: Any, root: Element) -> list[str]:
    """Add the structure tree for ``root``; return problems that keep it from PDF/UA (figures without alt)."""
    pages = rldoc.pages(doc)
    placed = place_annotations(doc, pages, root)
    elements: list[Element] = []
    holders = array("q")  # the index in ``elements`` of the element holding each (the root: -1)
    _kept(root, placed, elements, holders, -1)  # pruned, in walk order
    problems = [f"figure without alternate text on page {_first_page(e)}" for e in elements if _needs_alt(e)]
    tree = _Tree()
    tree_ref = doc.Reference(tree)
    known = _Known(doc, pages, placed, elements)
    # The elements take the numbers after the tree root's, in walk order (a holder before
    # what it holds), as if each were registered in turn; none of them is a ReportLab object.
    first = rldoc.reserve(doc, len(elements), known.element, known.print)
    parents = known.parents
    parents[0] = rldoc.number(doc, tree_ref)
    for index in range(1, len(elements)):
        parents[index] = first + holders[index]
    marks: dict[int, list[int]] = {}  # page -> the element number of each of its ids (0: none)
    for index, el in enumerate(elements):
        number = el.number = first + index
        for kid in el.kids:
            if isinstance(kid, tuple):
                row = marks.setdefault(kid[0], [])
                if len(row) <= kid[1]:
                    row.extend([0] * (kid[1] + 1 - len(row)))
                row[kid[1]] = number
    nums: list[list[int] | int] = []
    for page_number, page in enumerate(pages, 1):
        if page_number in marks:
            rldoc.set_entry(page, "StructParents", len(nums))
            nums.append(marks[page_number])
    for el in elements:
        for annot, _ in placed.get(id(el), []):
            rldoc.resolve(doc, annot)["StructParent"] = len(nums)
            nums.append(el.number)
    tree.top, tree.parents = root.number, rldoc.number(doc, doc.Reference(_ParentTree(nums)))
    tree.keys = len(nums)
    catalog = doc.Catalog
    rldoc.set_entry(catalog, "StructTreeRoot", tree_ref)
    rldoc.set_entry(catalog, "MarkInfo", PDFDictionary({"Marked": "true"}))
    for page in pages:
        if page.Annots:
            rldoc.set_entry(page, "Tabs", PDFName("S"))
    return problems


class _Tree(PDFObject):
    """StructTreeRoot: the document element and the parent tree (object numbers)."""

    top = parents = keys = 0

    def format(self, document: Any) -> bytes:
        return b"<<\n/Type /StructTreeRoot /K [ %d 0 R ] /ParentTree %d 0 R /ParentTreeNextKey %d\n>>" % (
            self.top,
            self.parents,
            self.keys,
        )


class _ParentTree(PDFObject):
    """The parent tree as one number tree: a page's key -> the elements of its ids; an annotation's -> its element."""

    def __init__(self, nums: list[list[int] | int]) -> None:
        self.nums = nums

    def format(self, document: Any) -> bytes:
        out = []
        for key, value in enumerate(self.nums):
            if isinstance(value, list):
                refs = b" ".join(b"%d 0 R" % n if n else b"null" for n in value)
                out.append(b"%d [ %s ]" % (key, refs))
            else:
                out.append(b"%d %d 0 R" % (key, value))
        return b"<<\n/Nums [ " + b"\n".join(out) + b" ]\n>>"


class _Known:
    """What every element's dictionary is written from: the elements in number order with their
    holders' numbers, the annotations placed (with their numbers), and each page's number and
    role's name bytes."""

    def __init__(self, doc: Any, pages: list[Any], placed: Placed, elements: list[Element]) -> None:
        self.doc = doc
        self.elements = elements
        self.parents = array("q", bytes(8 * len(elements)))  # the number of the element (or root) holding each
        self.placed = {
            key: [(rldoc.number(doc, annot), rldoc.number(doc, rldoc.page_ref(page))) for annot, page in found]
            for key, found in placed.items()
        }
        self.pages = [0] + [rldoc.number(doc, rldoc.page_ref(n)) for n in range(1, len(pages) + 1)]
        self.roles: dict[str, bytes] = {}
        numbers = tuple(self.pages)
        if _last_pages and _last_pages[0] == numbers:
            numbers = _last_pages[0]  # the same object: prints holding it compare at once
        _last_pages[:] = [numbers]
        self.numbers = numbers

    def role(self, role: str) -> bytes:
        known = self.roles.get(role)
        if known is None:
            known = self.roles[role] = PDFName(role).encode()
        return known

    def print(self, index: int) -> tuple:
        """Everything ``element(index)`` is made of, as plain data (finish/reuse.py)."""
        el = self.elements[index]
        placed = self.placed.get(id(el))
        return (
            "StructElem",
            self.parents[index],
            el.role,
            el.alt,
            el.lang,
            el.title,
            tuple([kid if isinstance(kid, tuple) else kid.number for kid in el.kids]),
            tuple(placed) if placed else None,
            self.numbers,
        )

    def element(self, index: int) -> bytes:
        """One StructElem's dictionary, formatted from its recorded element when the document is written."""
        el = self.elements[index]
        on = {kid[0] for kid in el.kids if isinstance(kid, tuple)}
        parts = [b"<<\n/Type /StructElem /S %s /P %d 0 R" % (self.role(el.role), self.parents[index])]
        if len(on) == 1:
            parts.append(b"/Pg %d 0 R" % self.pages[next(iter(on))])
        for key, value in ((b"/Alt ", el.alt), (b"/Lang ", el.lang), (b"/T ", el.title)):
            if value:
                parts.append(key + PDFString(value).format(self.doc))
        kids = []
        for kid in el.kids:
            if not isinstance(kid, tuple):
                kids.append(b"%d 0 R" % kid.number)
            elif len(on) == 1:
                kids.append(b"%d" % kid[1])
            else:
                kids.append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (self.pages[kid[0]], kid[1]))
        for annot, page in self.placed.get(id(el), ()):
            kids.append(b"<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>" % (annot, page))
        parts.append(b"/K [ " + b" ".join(kids) + b" ]\n>>")
        return b"\n".join(parts)


_last_pages: list[tuple[int, ...]] = []  # the page object numbers of the last save


def place_annotations(doc: Any, pages: list[Any], root: Element) -> Placed:
    """Each link and widget annotation -> the element drawn under it (a Link or Form made for it)."""
    from booklet.render.tagging import Element  # plain data class; no drawing

    placed: Placed = {}
    drawn: dict[int, list[tuple[Element, tuple[float, ...]]]] | None = None  # made at the first annotation
    for number, page in enumerate(pages, 1):
        for ref, annot in rldoc.page_annotations(doc, page):
            kind = str(annot.dict.get("Subtype", ""))
            if kind not in ("/Link", "/Widget"):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["Rect"].sequence)
            if drawn is None:
                drawn = _boxes_by_page(root)
            owner = _under(drawn.get(number, []), (x0 + x1) / 2, (y0 + y1) / 2) or root
            if kind == "/Link" and owner.role != "Link":
                owner = owner.add("Link", contents=_link_text(annot))
            elif kind == "/Widget":
                label = owner.kept("Lbl") or owner
                owner = label.add("Form", alt=_text(annot.dict.get("TU")))
            if not isinstance(owner, Element):
                continue
            placed.setdefault(id(owner), []).append((ref, number))
            if owner.role == "Link":
                annot["Contents"] = PDFString(owner.contents or owner.alt or "Link")
    return placed


def _text(value: Any) -> str:
    """A PDFString (or plain text) -> its text."""
    text = getattr(value, "s", value)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    return str(text) if text is not None else ""


def _boxes_by_page(root: Element) -> dict[int, list[tuple[Element, tuple[float, ...]]]]:
    """Element tree -> each page's drawn boxes, in drawing order (one walk, not one per annotation)."""
    by_page: dict[int, list[tuple[Element, tuple[float, ...]]]] = {}
    stack = [root]
    while stack:  # Element.walk, without a list per element
        el = stack.pop()
        if el.boxes:
            for p, *box in el.boxes:
                by_page.setdefault(p, []).append((el, tuple(box)))
        kids = el.kids
        for at in range(len(kids) - 1, -1, -1):
            if not isinstance(kids[at], tuple):
                stack.append(kids[at])  # type: ignore[arg-type]
    return by_page


def _under(drawn: list[tuple[Element, tuple[float, ...]]], x: float, y: float) -> Element | None:
    """The smallest element drawn around a point of one page."""
    best, best_area = None, float("inf")
    for el, (x0, y0, x1, y1) in drawn:
        area = (x1 - x0) * (y1 - y0)
        if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1 and area < best_area:
            best, best_area = el, area
    return best


def _link_text(annot: PDFDictionary) -> str:
    action = annot.dict.get("A")
    if isinstance(action, PDFDictionary) and "URI" in action:
        return f"Link to {_text(action['URI'])}"
    return _text(annot.dict.get("Contents")) or "Link to another page of this booklet"


def prune(el: Element, placed: Placed) -> bool:
    """Drop elements that were never drawn; True if ``el`` keeps any content."""
    return _kept(el, placed, [], array("q"), -1)


def _kept(el: Element, placed: Placed, out: list[Element], holders: array, holder: int) -> bool:
    """prune(), listing ``el`` and every element it keeps in walk order on ``out`` (each with the index of its
    holder on ``holders``) in the same pass; an element that keeps nothing is taken off again (not the root)."""
    index = len(out)
    out.append(el)
    holders.append(holder)
    kids = el.kids
    kept: list[Element | tuple[int, int]] | None = None  # made at the first kid dropped
    for at, kid in enumerate(kids):
        if isinstance(kid, tuple) or _kept(kid, placed, out, holders, index):
            if kept is not None:
                kept.append(kid)
        elif kept is None:
            kept = kids[:at]
    if kept is not None:
        el.kids = kids = kept
    if kids or id(el) in placed:
        return True
    if holder >= 0:
        del out[index:], holders[index:]
    return False


def _needs_alt(el: Element) -> bool:
    return el.role == "Figure" and not el.alt.strip()


def _first_page(el: Element) -> int:
    pages = [p for p, _ in el.marks()]
    return min(pages) if pages else 0
