"""Story flowables -> the same story wrapped with structure roles; while drawing, marked content as data.

The one module that owns tagging. Before layout, ``tag_story`` gives every flowable
of a section a structure element (a node of a plain tree, in content order) by
wrapping it in ``Tagged``; a flowable says what it is with a ``tag`` attribute
(a ``Tag``, or ``ARTIFACT`` for decoration), otherwise its type and paragraph style
decide. A wrapped flowable that splits across pages hands the same element to every
part, so a paragraph split over two pages stays one element.

While drawing, the ``Recorder`` on the canvas writes ``BDC``/``EMC`` with the
canvas's public ``addLiteral`` and records which page and marked-content id belong
to which element, and where on the page each element was drawn (so link and form
annotations can be placed in the tree afterwards). Marked content never nests: an
element opened inside another closes the outer sequence and reopens it after, with a
new id, so every id belongs to exactly one element. ``booklet.finish`` turns the
recorded tree into the PDF's structure tree as the document is saved; this module
writes no PDF objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from booklet.render.linespace import space_line_ends

ARTIFACT = "artifact"

# Paragraph style name -> structure role. Section titles are H1; the sub-headings of a
# stroke page (steps, tips, purpose, position) are all H2, so headings never skip a level.
STYLE_ROLES = {"h1": "H1", "h2": "H2", "h3": "H2", "h1-unkept": "H1", "h2-unkept": "H2", "caption": "P"}
SILENT = (
    "Spacer",
    "PageBreak",
    "NextPageTemplate",
    "CondPageBreak",
    "SectionMark",
    "Anchor",
    "FrameBreak",
    "MinimumMeasure",
    "PageMark",
)


@dataclass(frozen=True)
class Tag:
    """What a flowable says it is: a structure role and what a reader hears for it."""

    role: str
    alt: str = ""  # alternate description (figures)
    lang: str = ""  # when it differs from the document's language
    contents: str = ""  # a link's description


@dataclass(eq=False, slots=True)
class Element:
    """One structure element: role, children (elements and (page, mcid) marks) and where it was drawn.

    A long booklet records tens of thousands: slots, and the drawn boxes and keyed parts
    made only for the elements that have them, keep each small.
    """

    role: str
    parent: Element | None = None
    alt: str = ""
    lang: str = ""
    title: str = ""
    contents: str = ""
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    boxes: list[tuple[int, float, float, float, float]] | None = None
    keyed: dict[str, Element] | None = None
    number: int = 0  # its object number, once the document's structure tree is written (booklet.finish)

    def add(self, role: str, alt: str = "", lang: str = "", title: str = "", contents: str = "") -> Element:
        child = Element(role, self, alt=alt, lang=lang, title=title, contents=contents)
        self.kids.append(child)
        return child

    def part(self, key: str, role: str | None = None) -> Element:
        """The child kept under ``key`` (a list item's label, a panel's signal word), made once."""
        if self.keyed is None:
            self.keyed = {}
        if key not in self.keyed:
            self.keyed[key] = self.add(role or key)
        return self.keyed[key]

    def kept(self, key: str) -> Element | None:
        """The child kept under ``key``, if it was made."""
        return self.keyed.get(key) if self.keyed else None

    def drawn(self, box: tuple[int, float, float, float, float]) -> None:
        """Record a (page, x0, y0, x1, y1) rectangle this element was drawn in."""
        if self.boxes is None:
            self.boxes = []
        self.boxes.append(box)

    def marks(self) -> list[tuple[int, int]]:
        return [k for k in self.kids if isinstance(k, tuple)]

    def elements(self) -> list[Element]:
        return [k for k in self.kids if isinstance(k, Element)]

    def walk(self) -> Iterator[Element]:
        """This element and every one under it, in content order (depth first, without recursion)."""
        stack: list[Element] = [self]
        while stack:
            el = stack.pop()
            yield el
            stack += [k for k in reversed(el.kids) if isinstance(k, Element)]


class Recorder:
    """Writes marked-content operators on a canvas and records them against elements."""

    def __init__(self, lang: str = "") -> None:
        self.root = Element("Document", lang=lang)
        self.stack: list[Element | str] = []
        self.page = 0
        self.next_mcid = 0
        self.open = False
        self.boxed: list[Element] = []  # elements given a box on the page being drawn

    def drawn(self, element: Element, box: tuple[int, float, float, float, float]) -> None:
        """Record that ``element`` was drawn in a (page, x0, y0, x1, y1) rectangle."""
        element.drawn(box)
        self.boxed.append(element)

    def page_done(self, page: int, annotated: bool) -> None:
        """Page ``page`` is shown: without annotations to place, the boxes drawn on it are let go.

        Boxes only place link and form annotations in the tree (booklet.finish.tree); most
        pages have none, and a long booklet draws tens of thousands of boxes.
        """
        if not annotated:
            for element in self.boxed:
                if element.boxes:
                    element.boxes = [b for b in element.boxes if b[0] != page] or None
        self.boxed = []

    def enter(self, canv: Any, target: Element | str) -> None:
        """Begin an element or an artifact (``target`` is then its type, e.g. "Pagination")."""
        if self.stack and isinstance(self.stack[-1], str):
            target = self.stack[-1]  # everything inside an artifact is part of it
        self._suspend(canv)
        self.stack.append(target)
        self._resume(canv)

    def leave(self, canv: Any) -> None:
        self._suspend(canv)
        self.stack.pop()
        self._resume(canv)

    def current(self) -> Element | str | None:
        return self.stack[-1] if self.stack else None

    def _suspend(self, canv: Any) -> None:
        if self.open:
            canv.addLiteral("EMC")
            self.open = False

    def _resume(self, canv: Any) -> None:
        if not self.stack:
            return
        top = self.stack[-1]
        if isinstance(top, str):
            canv.addLiteral(f"/Artifact <</Type /{top}>> BDC")
        else:
            page = canv.getPageNumber()
            if page != self.page:
                self.page, self.next_mcid = page, 0
            mcid = self.next_mcid
            self.next_mcid += 1
            top.kids.append((page, mcid))
            canv.addLiteral(f"/{top.role} <</MCID {mcid}>> BDC")
        self.open = True


def recorder(canv: Any) -> Recorder | None:
    return getattr(canv, "tags", None)


class marked:  # noqa: N801 - used as a function: `with marked(canv, element):`
    """Draw inside an element (or an artifact type); a no-op on a canvas without a recorder.

    A class rather than a generator context manager: it is entered for every part of
    every flowable, and contextlib's machinery was about 3% of a long booklet's build.
    """

    __slots__ = ("canv", "target", "tags")

    def __init__(self, canv: Any, target: Element | str) -> None:
        self.canv, self.target = canv, target
        self.tags: Recorder | None = None

    def __enter__(self) -> None:
        self.tags = recorder(self.canv)
        if self.tags is not None:
            self.tags.enter(self.canv, self.target)

    def __exit__(self, *exc: object) -> None:
        if self.tags is not None:
            self.tags.leave(self.canv)


def artifact(canv: Any, kind: str = "Layout") -> Any:
    """Page furniture and decoration: "Pagination" (heads, folios) or "Layout" (rules, panels)."""
    return marked(canv, kind)


def part(
    canv: Any, key: str, role: str | None = None, once: bool = False, alt: str = "", lang: str = "", within: str = ""
) -> Any:
    """Draw a keyed part of the current element; with ``once``, a repeat is drawn as an artifact.

    A caution panel continued on the next page repeats its signal word in the band: the
    word was read already, so the repeat is decoration.
    """
    tags = recorder(canv)
    top = tags.current() if tags else None
    if not isinstance(top, Element):
        return marked(canv, "Layout") if tags else marked(None, "")
    if within and top.role != within:  # a label and body belong to a list item; elsewhere, to what holds them
        return marked(None, "")
    kept = top.kept(key)
    if once and kept is not None and kept.marks():
        return marked(canv, "Pagination")
    element = top.part(key, role)
    element.alt, element.lang = element.alt or alt, element.lang or lang
    return marked(canv, element)


def section(canv: Any, key: str, role: str = "Sect") -> Any:
    """Draw inside a keyed child of the document (the cover, drawn by a page template)."""
    tags = recorder(canv)
    return marked(canv, tags.root.part(key, role)) if tags else marked(None, "")


class Tagged(Flowable):
    """A flowable drawn inside a structure element; its split parts keep the same element."""

    def __init__(self, inner: Flowable, element: Element):
        super().__init__()
        self.inner, self.element = inner, element
        self.width, self.height = getattr(inner, "width", 0), getattr(inner, "height", 0)

    def __getattr__(self, name: str) -> Any:  # style, blPara, text... of the wrapped flowable
        if name in ("inner", "element"):
            raise AttributeError(name)
        return getattr(self.inner, name)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        canv = self.__dict__.get("canv")  # set when a frame asks; absent when a container measures
        size = self.inner.wrapOn(canv, avail_w, avail_h) if canv else self.inner.wrap(avail_w, avail_h)
        self.width, self.height = size
        return size

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        canv = self.__dict__.get("canv")
        parts = self.inner.splitOn(canv, avail_w, avail_h) if canv else self.inner.split(avail_w, avail_h)
        for p in parts[:-1]:
            p.goes_on = True  # its last line ends between two words, on the way to the next page
        return [Tagged(p, self.element) for p in parts]

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def getKeepWithNext(self) -> bool:
        # The doc template turns keep-with-next off on the wrapper once it has grouped the
        # flowables; the wrapped flowable's style still says on, and must not win.
        if "keepWithNext" in self.__dict__:
            return bool(self.__dict__["keepWithNext"])
        return self.inner.getKeepWithNext()

    def minWidth(self) -> float:
        return self.inner.minWidth()

    def identity(self, maxLen: int | None = None) -> str:
        return f"Tagged({self.element.role}, {self.inner.identity(maxLen)})"

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tags = recorder(canvas)
        if tags is not None and self.element.role != ARTIFACT:
            x0, y0 = canvas.absolutePosition(x, y)
            x1, y1 = canvas.absolutePosition(x + self.width, y + self.height)
            box = (canvas.getPageNumber(), min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            tags.drawn(self.element, box)
        target: Element | str = "Layout" if self.element.role == ARTIFACT else self.element
        if isinstance(self.inner, Paragraph):
            # so its text reads "that must", not "thatmust", across a line end
            space_line_ends(self.inner, getattr(self.inner, "goes_on", False))
        with marked(canvas, target):
            self.inner.drawOn(canvas, x, y, _sW)


def decoration(flowable: Flowable) -> Tagged:
    """A flowable drawn as an artifact wherever it lands (a filler page's heading and lines)."""
    return Tagged(flowable, Element(ARTIFACT))


def described(flowable: Flowable, role: str, alt: str = "", lang: str = "") -> Tagged:
    """A flowable with its own element (a figure and its alt text), placed in the tree by ``tag_story``."""
    return Tagged(flowable, Element(role, alt=alt, lang=lang))


def tag_story(flowables: list[Flowable], parent: Element) -> list[Flowable]:
    """Wrap each flowable of a section with its element under ``parent``, in content order.

    A flowable may carry a ``reading_rank``: where a reader meets it, when the page puts it
    elsewhere (a stroke's summary on its second spread, after the steps). The elements made
    for ranked flowables are then put in rank order; equal ranks keep content order.
    """
    out: list[Flowable] = []
    lists: dict[str, Element] = {}  # the list being filled, if the last flowable was an item
    start = len(parent.kids)
    ranks: dict[int, int] = {}
    for f in flowables:
        before = len(parent.kids)
        out.append(_tag_one(f, parent, lists))
        rank = getattr(f, "reading_rank", None)
        if rank is not None:
            ranks.update((id(kid), rank) for kid in parent.kids[before:])
    if ranks:
        parent.kids[start:] = _in_rank_order(parent.kids[start:], ranks)
    return out


def _in_rank_order(kids: list[Any], ranks: dict[int, int]) -> list[Any]:
    """Kids sorted by rank, stably; an unranked kid keeps the rank of the one before it."""
    keyed, rank = [], 0
    for position, kid in enumerate(kids):
        rank = ranks.get(id(kid), rank)
        keyed.append((rank, position, kid))
    return [kid for _, _, kid in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _tag_one(f: Flowable, parent: Element, lists: dict[str, Element]) -> Flowable:
    kind = type(f).__name__
    spec = getattr(f, "tag", None)
    if isinstance(f, Tagged):  # tagged where it was made: adopt its element here
        if f.element.parent is None and f.element.role != ARTIFACT:
            f.element.parent = parent
            parent.kids.append(f.element)
        return f
    if kind in SILENT or isinstance(f, ActionFlowable):  # page breaks and template switches draw nothing
        return f
    if spec == ARTIFACT:
        return Tagged(f, Element(ARTIFACT))
    if not isinstance(spec, Tag):
        spec = None
    fact = getattr(f, "fact", None)
    if fact is not None and spec is None:  # a label or value of the at-a-glance facts: a list item's part
        facts = lists.get("facts") or parent.add("L")
        lists["facts"] = facts
        number, role = fact
        return Tagged(f, facts.part(str(number), "LI").part(role))
    lists.pop("facts", None)
    if kind == "FactRows":
        return _tag_rows(f, parent)
    if kind == "Bulleted" and spec is None:
        if "L" not in lists:
            lists["L"] = parent.add("L")
        return Tagged(f, lists["L"].add("LI"))
    if kind != "Spacer":
        lists.pop("L", None)
    if isinstance(f, KeepTogether):
        f._content = [_tag_one(g, parent, lists) for g in f._content]
        return f
    made = next((n for n in ("page", "pages") if callable(getattr(f, n, None))), None)
    if made is not None and not isinstance(f, Paragraph):  # adds content when laid out: tag what it makes
        maker = getattr(f, made)
        setattr(f, made, lambda *args: tag_story(maker(*args), parent))
        return f
    if kind in ("SideBySide", "Stack") and spec is None:
        return _tag_container(f, parent)
    if kind == "ContentsLine":
        toc = lists.get("TOC") or parent.add("TOC")
        lists["TOC"] = toc
        text = f.para.getPlainText()
        return Tagged(f, toc.add("TOCI").add("Link", contents=text))
    if kind == "CautionBox":
        panel = parent.add("Div", title=f.label)
        panel.part("signal", "P")
        f.paras = [Tagged(p, panel.add("P")) for p in f.paras]
        return Tagged(f, panel)
    if spec is not None:
        return Tagged(f, parent.add(spec.role, alt=spec.alt, lang=spec.lang, contents=spec.contents))
    if isinstance(f, Paragraph):
        return Tagged(f, parent.add(STYLE_ROLES.get(f.style.name, "P")))
    if kind in ("Drawing", "Picture", "Image", "QRCode"):
        return Tagged(f, parent.add("Figure"))  # no alt text: booklet.finish reports it
    return Tagged(f, parent.add("Div"))


def _tag_rows(f: Any, parent: Element) -> Flowable:
    """Facts as rows (label | values): a list, each row an item, its label Lbl and its values LBody.

    The rows flowable itself draws only hairlines between rows, as artifacts.
    """
    facts = parent.add("L")
    rows = []
    for label, values in f.rows:
        item = facts.add("LI")
        label = Tagged(label, item.part("Lbl"))
        body = item.part("LBody")
        tagged = [
            Tagged(v, Element(ARTIFACT)) if getattr(v, "tag", None) == ARTIFACT else Tagged(v, body) for v in values
        ]
        rows.append((label, tagged))
    f.rows = rows
    return f


def _tag_container(f: Any, parent: Element) -> Flowable:
    """A layout of several flowables: each of them is tagged, the container itself draws nothing."""
    inner: dict[str, Element] = {}
    if type(f).__name__ == "SideBySide":
        f.figure = _tag_one(f.figure, parent, inner)
        f.column = [_tag_one(g, parent, inner) for g in f.column]
    else:
        f.parts = [_tag_one(g, parent, inner) for g in f.parts]
    return f
