"""Recorded elements + a saved PDF -> its structure tree, parent tree and annotation references.

The recorder (render/tagging.py) gives a tree of elements in content order, each
holding the (page, marked-content id) pairs drawn for it and the rectangles it was
drawn in. Here that tree becomes StructTreeRoot; each page gets /StructParents and
the parent tree maps its ids back to elements; every link and form field annotation
is placed in the element drawn under it, as a Link or Form element with an OBJR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pikepdf
from pikepdf import Array, Dictionary, Name

if TYPE_CHECKING:
    from booklet.render.tagging import Element


def write_tree(pdf: pikepdf.Pdf, root: Element) -> list[str]:
    """Add the structure tree for ``root``; return problems that keep it from PDF/UA (figures without alt)."""
    pages = list(pdf.pages)
    placed = place_annotations(pages, root)
    prune(root, placed)
    problems = [f"figure without alternate text on page {_first_page(e)}" for e in root.walk() if _needs_alt(e)]
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    marks: dict[int, dict[int, Any]] = {}
    annots: list[tuple[Any, Any]] = []
    top = _element(pdf, root, tree, pages, marks, placed, annots)
    tree.K = Array([top])
    nums: list[Any] = []
    for number, page in enumerate(pages, 1):
        if number in marks:
            page.obj.StructParents = len(nums) // 2
            ids = marks[number]
            nums += [len(nums) // 2, Array([ids.get(i) for i in range(max(ids) + 1)])]
    for annot, owner in annots:
        annot.StructParent = len(nums) // 2
        nums += [len(nums) // 2, owner]
    tree.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    tree.ParentTreeNextKey = len(nums) // 2
    pdf.Root.StructTreeRoot = tree
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    for page in pages:
        if "/Annots" in page.obj:
            page.obj.Tabs = Name.S
    return problems


def _element(pdf, el, parent, pages, marks, placed, annots) -> Any:
    obj = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + el.role), P=parent))
    on = sorted({p for p, _ in el.marks()})
    if len(on) == 1:
        obj.Pg = pages[on[0] - 1].obj
    for key, value in (("/Alt", el.alt), ("/Lang", el.lang), ("/T", el.title)):
        if value:
            obj[key] = pikepdf.String(value)
    kids = Array()
    for kid in el.kids:
        if isinstance(kid, tuple):
            page, mcid = kid
            marks.setdefault(page, {})[mcid] = obj
            if len(on) == 1:
                kids.append(mcid)
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=pages[page - 1].obj, MCID=mcid))
        else:
            kids.append(_element(pdf, kid, obj, pages, marks, placed, annots))
    for annot, page in placed.get(id(el), []):
        kids.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=page))
        annots.append((annot, obj))
        if el.role == "Link":
            annot.Contents = pikepdf.String(el.contents or el.alt or "Link")
    obj.K = kids
    return obj


def place_annotations(pages: list[Any], root: Element) -> dict[int, list[tuple[Any, Any]]]:
    """Each link and widget annotation -> the element drawn under it (a Link or Form made for it)."""
    from booklet.render.tagging import Element  # plain data class; no drawing

    placed: dict[int, list[tuple[Any, Any]]] = {}
    drawn = _boxes_by_page(root)
    for number, page in enumerate(pages, 1):
        for annot in page.obj.get("/Annots", Array()):
            kind = annot.get("/Subtype")
            if kind not in (Name.Link, Name.Widget):
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            owner = _under(drawn.get(number, []), (x0 + x1) / 2, (y0 + y1) / 2) or root
            if kind == Name.Link and owner.role != "Link":
                owner = owner.add("Link", contents=_link_text(annot))
            elif kind == Name.Widget:
                label = owner.keyed.get("Lbl", owner)
                owner = label.add("Form", alt=str(annot.get("/TU", "")))
            if not isinstance(owner, Element):
                continue
            placed.setdefault(id(owner), []).append((annot, page.obj))
    return placed


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


def _link_text(annot: Any) -> str:
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return f"Link to {action.URI}"
    return str(annot.get("/Contents", "")) or "Link to another page of this booklet"


def prune(el: Element, placed: dict[int, list]) -> bool:
    """Drop elements that were never drawn; True if ``el`` keeps any content."""
    el.kids = [k for k in el.kids if isinstance(k, tuple) or prune(k, placed)]
    return bool(el.kids) or id(el) in placed


def _needs_alt(el: Element) -> bool:
    return el.role == "Figure" and not el.alt.strip()


def _first_page(el: Element) -> int:
    pages = [p for p, _ in el.marks()]
    return min(pages) if pages else 0
