"""Recorded elements + the ReportLab document being saved -> its structure tree, parent tree and annotation links.

The recorder (render/tagging.py) gives a tree of elements in content order, each
holding the (page, marked-content id) pairs drawn for it and the rectangles it was
drawn in. Here that tree becomes StructTreeRoot; each page gets /StructParents and
the parent tree maps its ids back to elements (one array per page); every link and
form field annotation is placed in the element drawn under it, as a Link or Form
element with an OBJR.

The elements are written compactly: each is one small object that formats its own
dictionary when the document is written, from the recorded element, so a long
booklet's tens of thousands of elements cost little memory.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    prune(root, placed)
    problems = [f"figure without alternate text on page {_first_page(e)}" for e in root.walk() if _needs_alt(e)]
    tree = _Tree()
    tree_ref = doc.Reference(tree)
    refs: dict[int, PDFObjectReference] = {}
    marks: dict[int, dict[int, PDFObjectReference]] = {}
    for el, parent in _with_parents(root, tree_ref, refs):
        ref = refs[id(el)] = doc.Reference(_Elem(el, parent, refs, placed))
        for page, mcid in el.marks():
            marks.setdefault(page, {})[mcid] = ref
    nums: list[Any] = []
    for number, page in enumerate(pages, 1):
        if number in marks:
            rldoc.set_entry(page, "StructParents", len(nums))
            ids = marks[number]
            nums.append([ids.get(i) for i in range(max(ids) + 1)])
    for el in root.walk():
        for annot, _ in placed.get(id(el), []):
            rldoc.resolve(doc, annot)["StructParent"] = len(nums)
            nums.append(refs[id(el)])
    tree.top, tree.parents = refs[id(root)], doc.Reference(_ParentTree(nums))
    catalog = doc.Catalog
    rldoc.set_entry(catalog, "StructTreeRoot", tree_ref)
    rldoc.set_entry(catalog, "MarkInfo", PDFDictionary({"Marked": "true"}))
    for page in pages:
        if page.Annots:
            rldoc.set_entry(page, "Tabs", PDFName("S"))
    return problems


def _with_parents(
    root: Element, top: PDFObjectReference, refs: dict[int, PDFObjectReference]
) -> Iterator[tuple[Element, PDFObjectReference]]:
    """Every element in content order with the reference of the element holding it (made just before)."""
    yield root, top
    stack = [(root, iter(root.elements()))]
    while stack:
        holder, kids = stack[-1]
        kid = next(kids, None)
        if kid is None:
            stack.pop()
            continue
        yield kid, refs[id(holder)]
        stack.append((kid, iter(kid.elements())))


def _ref(ref: PDFObjectReference, document: Any) -> bytes:
    return b"%d %d R" % document.idToObjectNumberAndVersion[ref.name]


class _Tree(PDFObject):
    """StructTreeRoot: the document element and the parent tree."""

    top: PDFObjectReference
    parents: PDFObjectReference

    def format(self, document: Any) -> bytes:
        nums = len(document.idToObject[self.parents.name].nums)
        return b"<<\n/Type /StructTreeRoot /K [ %s ] /ParentTree %s /ParentTreeNextKey %d\n>>" % (
            _ref(self.top, document),
            _ref(self.parents, document),
            nums,
        )


class _ParentTree(PDFObject):
    """The parent tree as one number tree: a page's key -> the elements of its ids; an annotation's -> its element."""

    def __init__(self, nums: list[Any]) -> None:
        self.nums = nums

    def format(self, document: Any) -> bytes:
        out = []
        for key, value in enumerate(self.nums):
            if isinstance(value, list):
                refs = b" ".join(_ref(r, document) if r is not None else b"null" for r in value)
                out.append(b"%d [ %s ]" % (key, refs))
            else:
                out.append(b"%d %s" % (key, _ref(value, document)))
        return b"<<\n/Nums [ " + b"\n".join(out) + b" ]\n>>"


class _Elem(PDFObject):
    """One StructElem, formatted from its recorded element when the document is written."""

    def __init__(
        self, el: Element, parent: PDFObjectReference, refs: dict[int, PDFObjectReference], placed: Placed
    ) -> None:
        self.el, self.parent, self.refs, self.placed = el, parent, refs, placed

    def format(self, document: Any) -> bytes:
        el, refs = self.el, self.refs
        on = {p for p, _ in el.marks()}
        parts = [b"/Type /StructElem /S " + PDFName(el.role).encode(), b"/P " + _ref(self.parent, document)]
        if len(on) == 1:
            parts.append(b"/Pg " + _ref(rldoc.page_ref(next(iter(on))), document))
        for key, value in ((b"/Alt", el.alt), (b"/Lang", el.lang), (b"/T", el.title)):
            if value:
                parts.append(key + b" " + PDFString(value).format(document))
        kids = []
        for kid in el.kids:
            if isinstance(kid, tuple):
                page, mcid = kid
                if len(on) == 1:
                    kids.append(b"%d" % mcid)
                else:
                    kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (_ref(rldoc.page_ref(page), document), mcid))
            else:
                kids.append(_ref(refs[id(kid)], document))
        for annot, page in self.placed.get(id(el), []):
            kids.append(
                b"<< /Type /OBJR /Obj %s /Pg %s >>" % (_ref(annot, document), _ref(rldoc.page_ref(page), document))
            )
        parts.append(b"/K [ " + b" ".join(kids) + b" ]")
        return b"<<\n" + b"\n".join(parts) + b"\n>>"


def place_annotations(doc: Any, pages: list[Any], root: Element) -> Placed:
    """Each link and widget annotation -> the element drawn under it (a Link or Form made for it)."""
    from booklet.render.tagging import Element  # plain data class; no drawing

    placed: Placed = {}
    drawn = _boxes_by_page(root)
    for number, page in enumerate(pages, 1):
        for ref, annot in rldoc.page_annotations(doc, page):
            kind = str(annot.dict.get("Subtype", ""))
            if kind not in ("/Link", "/Widget"):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["Rect"].sequence)
            owner = _under(drawn.get(number, []), (x0 + x1) / 2, (y0 + y1) / 2) or root
            if kind == "/Link" and owner.role != "Link":
                owner = owner.add("Link", contents=_link_text(annot))
            elif kind == "/Widget":
                label = owner.keyed.get("Lbl", owner)
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
    for el in root.walk():
        for p, *box in el.boxes:
            by_page.setdefault(p, []).append((el, tuple(box)))
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
    el.kids = [k for k in el.kids if isinstance(k, tuple) or prune(k, placed)]
    return bool(el.kids) or id(el) in placed


def _needs_alt(el: Element) -> bool:
    return el.role == "Figure" and not el.alt.strip()


def _first_page(el: Element) -> int:
    pages = [p for p, _ in el.marks()]
    return min(pages) if pages else 0
