"""An object about to be written + the last save's formatted objects -> its bytes again, if what it is made of is equal.

``booklet watch`` saves nearly the same document after every edit: after a step's text
changed, every object but that page's content stream formats to the bytes it had last
time (about 620 objects in the shipped guide, 500 of them structure elements).
``rldoc.write`` asks here before formatting an object. Each object has a *print*: what
its formatting reads, as plain values (numbers, names, bytes, the object numbers it
refers to). The last save of the same document left each object's body (the bytes
after ``n 0 obj``) under its print; an equal print gives the same body, so it is
appended instead of formatted. The object's own number is not in its body (it is
written around it), so an object that only moved to another number is reused too.

A print is exact by construction, and anything it cannot describe is formatted again:

- a ReportLab object is printed from its class and every attribute it holds (its
  ``__dict__``; class attributes are the class's), recursively, whichever of them its
  ``format`` reads; a number is printed with its type where formatting tells types apart
  (a bool is not the int 1); a reference is printed as the object number it formats to;
  an object of a class not listed in ``_OBJECTS`` (the outline tree, the document info,
  XMP, images), or a value of a type not known here, gives no print;
- formatting a page registers its content stream as the next object: a print allows at
  most one object registered while formatting (it records which), the number it will get
  is part of the print, and a reuse registers it as formatting would have; when the body
  is stored, formatting must have registered exactly that object;
- a page or form without a parent or resources of its own has them filled in as it is
  formatted, from the document: the page tree's number and the font dictionary's are part
  of its print (a save whose page tree got another number reuses no page);
- a structure element (finish/tree.py) gives its own print: the numbers and values its
  dictionary is made of;
- the settings formatting reads from ReportLab's configuration (comments, multi-line
  dictionaries, ASCII85) and the document's encryption and stream filters are part of
  the memo's key: another setting, no reuse.

Kept only in a process that said it saves the same document again (``keep_formatted``,
called by booklet watch), for the last few documents (editions, papers) it saved.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

MAX_DOCUMENTS = 4  # documents whose formatted objects are kept

_on = False
_memos: OrderedDict[Any, dict[Any, bytes]] = OrderedDict()  # document -> an object's print -> its body
stats = {"reused": 0, "formatted": 0}  # the last save's counts (for tests and benches)


def keep_formatted() -> None:
    """Keep every save's formatted objects for the next save of the same document (booklet watch)."""
    global _on
    _on = True


def forget() -> None:
    """Drop every kept object (tests; a process that stops rebuilding)."""
    _memos.clear()


class _NoPrint(Exception):
    """An object or value a print cannot describe: it is formatted again."""


class Memo:
    """One save's view of the last save's objects of its document, and what it leaves for the next."""

    def __init__(self, tag: Any, doc: Any) -> None:
        self.key = (tag, _settings(doc))
        self.last = _memos.get(self.key, {})
        self.made: dict[Any, bytes] = {}  # print -> the object's body (what follows "n 0 obj")
        self.reused = self.formatted = 0

    def object(self, number: int, obj: Any, doc: Any) -> bytes:
        """Registered object ``number`` (``obj``), formatted as ReportLab's PDFIndirectObject formats it: its
        body is the last save's when its print is equal."""
        registers: list[Any] = []
        try:
            mark = _value(obj, doc, registers, True)
            if type(obj) in _PAGES:
                mark = (mark, _filled_in(obj, doc))
        except _NoPrint:
            mark = None
        if registers:
            mark = (doc.objectcounter, mark) if len(registers) == 1 else None  # the number it gives is in the body
        body = self.last.get(mark) if mark is not None else None
        if body is not None:
            for new in registers:
                doc.Reference(new)  # as formatting would: the next number
            self.reused += 1
        else:
            before = doc.objectcounter
            body = pdfdoc.format(obj, doc, toplevel=1)
            self.formatted += 1
            if mark is None or doc.objectcounter - before != len(registers):
                return _framed(number, body)
            if not all(_numbered(doc, new, before) for new in registers):
                return _framed(number, body)
        self.made[mark] = body
        return _framed(number, body)

    def reserved(self, number: int, mark: Any, format_it: Callable[[int], bytes], index: int) -> bytes:
        """A reserved object (a structure element) with its own print ``mark``: its body, as ``format_it(index)``."""
        body = self.last.get(mark)
        if body is None:
            body = format_it(index)
            self.formatted += 1
        else:
            self.reused += 1
        self.made[mark] = body
        return body

    def close(self) -> None:
        """The save is complete: its objects are what the next save of this document compares with."""
        _memos.pop(self.key, None)
        _memos[self.key] = self.made
        while len(_memos) > MAX_DOCUMENTS:
            _memos.popitem(last=False)
        stats["reused"], stats["formatted"] = self.reused, self.formatted


def _framed(number: int, body: bytes) -> bytes:
    """An object's body -> the object, as PDFIndirectObject.format writes it (every version is 0)."""
    return b"%d 0 obj\n" % number + body + (b"" if body.endswith(b"\n") else b"\n") + b"endobj\n"


def memo_for(doc: Any, tag: Any) -> Memo | None:
    """The memo of this save, when the process keeps formatted objects and the document is plain; else None."""
    if not _on or not isinstance(doc.encrypt, pdfdoc.NoEncryption):
        return None
    return Memo(tag, doc)


def _filled_in(obj: Any, doc: Any) -> tuple:
    """What a page's or form's formatting fills in from the document when it has none of its own: its parent
    (the page tree's number) and its resources' font dictionary (the number of "BasicFonts")."""
    numbers = doc.idToObjectNumberAndVersion
    parent = None
    if not obj.__dict__.get("Parent") and type(obj) is pdfdoc.PDFPage:
        name = doc.Pages.__dict__.get("__InternalName__")
        if name is None or name not in numbers:
            raise _NoPrint("the page tree has no number yet")
        parent = numbers[name]
    fonts = None
    if not obj.__dict__.get("Resources"):
        if "BasicFonts" not in numbers:
            raise _NoPrint("the font dictionary has no number yet")
        fonts = numbers["BasicFonts"]
    return parent, fonts


def _numbered(doc: Any, obj: Any, before: int) -> bool:
    """Whether formatting registered ``obj`` (after number ``before``), as its print said it would."""
    name = obj.__dict__.get("__InternalName__")
    return name is not None and doc.idToObjectNumberAndVersion.get(name, (0,))[0] > before


def _settings(doc: Any) -> tuple:
    filters = tuple(type(f) for f in doc.defaultStreamFilters or ())
    return (
        rl_config.invariant,
        rl_config.pdfComments,
        rl_config.pdfMultiLine,
        rl_config.useA85,
        rl_config.wrapA85,
        filters,
        doc.defaultStreamFilters is None,
    )


def _value(v: Any, doc: Any, registers: list[Any], top: bool = False) -> Any:
    """A value as formatting reads it, as plain data (see the module's docstring)."""
    t = type(v)
    if t in _PLAIN:
        return v
    if t is bool:
        return ("bool", v)
    if t is pdfdoc.PDFObjectReference:
        return ("R", doc.idToObjectNumberAndVersion[v.name])  # unresolved: formatting would fail too
    if t is list or t is tuple:
        if set(map(type, v)) <= _PLAIN:  # numbers and names (a font's widths): as they are
            return (t, tuple(v))
        return (t, tuple([_value(e, doc, registers) for e in v]))
    if t is dict or t is OrderedDict:
        return (t, _items(v, doc, registers))
    if t in _FILTERS:
        return t
    if t not in _OBJECTS:
        if not _OBJECTS:
            _OBJECTS.update(_objects())
            return _value(v, doc, registers, top)
        raise _NoPrint(t)
    if not top and getattr(v, "__RefOnly__", False):  # formatted as a reference to it, registered first if new
        name = v.__dict__.get("__InternalName__")
        if name is None:
            registers.append(v)
            return ("new", len(registers))
        if name not in doc.idToObject:
            raise _NoPrint(name)
        return ("R", doc.idToObjectNumberAndVersion[name])
    items = v.__dict__
    if "__InternalName__" in items:  # an object's own name: not formatted (equal numbers, equal names)
        items = {k: e for k, e in items.items() if k != "__InternalName__"}
    return (t, _items(items, doc, registers))


def _items(d: dict, doc: Any, registers: list[Any]) -> tuple:
    """A dictionary's (or an object's attributes') items, values as plain data; keys must be names."""
    if not set(map(type, d)) <= _NAMES:
        raise _NoPrint("a key that is not a name")
    return tuple([(k, e if type(e) in _PLAIN else _value(e, doc, registers)) for k, e in d.items()])


_PAGES = frozenset([pdfdoc.PDFPage, pdfdoc.PDFFormXObject])  # formatting fills in references (_filled_in)
_PLAIN = frozenset([str, bytes, int, float, type(None)])  # formatted by value (a bool is not an int here)
_NAMES = frozenset([str])
_FILTERS = frozenset([pdfdoc.PDFStreamFilterZCompress, pdfdoc.PDFStreamFilterBase85Encode])


def _objects() -> set:
    """The classes whose objects are formatted from their attributes alone (and the document's numbers)."""
    from booklet.finish import rldoc, tree

    return set(
        [
            pdfdoc.PDFDictionary,
            pdfdoc.PDFArray,
            pdfdoc.PDFArrayCompact,
            pdfdoc.PDFString,
            pdfdoc.PDFStream,
            pdfdoc.PDFPage,
            pdfdoc.PDFPages,
            pdfdoc.PDFCatalog,
            pdfdoc.PDFResourceDictionary,
            pdfdoc.PDFFormXObject,
            pdfdoc.PDFTrueTypeFont,
            pdfdoc.PDFType1Font,
            pdfdoc.OutlineEntryObject,
            pdfdoc.PDFDestinationXYZ,
            pdfdoc.PDFDestinationFit,
            pdfdoc.PDFDestinationFitH,
            pdfdoc.Destination,
            rldoc._PackedPage,
            tree._Tree,
            tree._ParentTree,
        ]
    )


_OBJECTS: set = set()  # filled at the first print (rldoc and tree import this module)
