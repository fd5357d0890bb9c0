"""Drawing -> a flowable that paints it once per PDF as a form XObject and places that form after.

Diagrams are cached drawings: a long booklet whose strokes are drawn alike hands the
same Drawing object to many pages. Painting it each time costs a few milliseconds a
diagram (render/painter.py walks its shapes); one form and a `Do` per page costs next
to nothing and prints the same. The forms are remembered on the canvas, so each document
(and each layout pass, which gets its own canvas) defines its own, named in order of
first use: the same input still gives the same bytes.

Across documents (``booklet watch``, batch and roster workers rebuild in one process),
a drawing's canvas calls are recorded the second time it is painted and replayed into
every later document's form, so an unchanged diagram's shapes are not walked again.
The replay makes the same canvas calls in the same order, so fonts, subset codes and
graphics-state names are given out exactly as a fresh process would.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfdoc import PDFResourceDictionary, xObjectName
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from booklet.render import painter
from booklet.warm import keeps

_FORMS = "_booklet_diagram_forms"  # canvas attribute: id(drawing) -> (form name, drawing)

Call = tuple[str | None, tuple[Any, ...], dict[str, Any] | None]  # (method, args, kwargs); None: code to add
# Canvas methods a drawing's painting may call and that a replay repeats: each only
# changes the canvas (code, graphics state, the document's fonts and states) and returns
# nothing a painter goes on to use. Anything else (text objects, images) is painted
# again every time.
_REPEATABLE = frozenset(
    "saveState restoreState transform setStrokeColor setFillColor setLineWidth setLineCap setLineJoin setDash "  # noqa: SIM905
    "setFont setFillAlpha setStrokeAlpha setFillOverprint setStrokeOverprint setOverprintMask rect roundRect "
    "line circle ellipse drawString drawPath clipPath".split()
)
# Of those, the ones whose whole effect is code added to the stream plus graphics state
# that only they read and that the painting's closing restoreState puts back (line
# width, cap, join and dash, the matrix): a replay adds their code and skips the call.
# What the others do (fonts, subset codes, transparency states, colours, save and
# restore) is done again by calling them.
_CODE_ONLY = frozenset(
    "transform setLineWidth setLineCap setLineJoin setDash rect roundRect line circle ellipse drawPath clipPath".split()  # noqa: SIM905
)
_PAINTED: OrderedDict[int, tuple[Drawing, tuple[Call, ...]]] = OrderedDict()  # id(drawing) -> its canvas calls
_SEEN: OrderedDict[int, Drawing] = OrderedDict()  # drawings painted once, not yet recorded
MAX_PAINTED = 256  # drawings remembered across documents (the diagram cache holds 128)


class Reused(Flowable):
    """A Drawing as a flowable that defines its form XObject on first draw and reuses it after."""

    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = getattr(drawing, "hAlign", "LEFT")
        self.vAlign = getattr(drawing, "vAlign", "BOTTOM")

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.drawing.wrap(avail_w, avail_h)

    def draw(self) -> None:
        journal = getattr(self.canv, "journal", None)
        if journal is not None and not journal.suspended:  # a page being recorded (render/replay.py)
            journal.form(self.canv, self.drawing)
        else:
            self.canv.doForm(form_for(self.canv, self.drawing))


def form_for(canv: Any, drawing: Drawing) -> str:
    """The name of the drawing's form on this canvas, painting it into a new form the first time."""
    forms: dict[int, tuple[str, Drawing]] = canv.__dict__.setdefault(_FORMS, {})
    known = forms.get(id(drawing))
    if known is not None:
        return known[0]
    name = f"BookletFig{len(forms) + 1}"
    forms[id(drawing)] = (name, drawing)  # holding the drawing keeps its id from being reused
    w, h = drawing.width, drawing.height
    # A generous box: arrowheads and badges may reach past the drawing's edge, and a
    # form clips to its box, where the drawing painted directly would not.
    canv.beginForm(name, lowerx=-w, lowery=-h, upperx=2 * w, uppery=2 * h)
    if not _as_before(canv, drawing):
        _painted_noting(canv, drawing)
    canv.endForm()
    _give_resources(canv, name)
    return name


def paint(canv: Any, drawing: Drawing) -> None:
    """Paint a drawing at the origin: its recorded painting again, or through the painter (render/painter.py).

    A drawing is recorded the second time it is painted (in a second document: within
    one, its form is painted once), so a one-off build pays nothing for recording; in a
    process that builds again (booklet/warm.py: watch, batch), the first time, so that
    the first rebuild after an edit does not paint every diagram again.
    """
    key = id(drawing)
    known = _PAINTED.get(key)
    if known is not None and known[0] is drawing:
        _PAINTED.move_to_end(key)
        for name, args, kwargs in known[1]:
            if name is None:
                canv._code.extend(args)
            else:
                getattr(canv, name)(*args, **(kwargs or {}))
        return
    if _SEEN.get(key) is not drawing and not keeps():
        _SEEN[key] = drawing  # holding the drawing keeps its id
        while len(_SEEN) > MAX_PAINTED:
            _SEEN.popitem(last=False)
        painter.draw(drawing, canv)
        return
    recorder = _Recorder(canv)
    painter.draw(drawing, recorder)
    _SEEN.pop(key, None)
    if recorder.repeatable:
        _PAINTED[id(drawing)] = (drawing, _joined(recorder.calls))  # holding the drawing keeps its id
        while len(_PAINTED) > MAX_PAINTED:
            _PAINTED.popitem(last=False)


# id(drawing) -> (drawing, the canvas's initial font, the form's code, its transparency states (_d, _c),
# font -> (PDF name, {character: code}))
_AS_BEFORE: OrderedDict[int, tuple[Drawing, tuple, tuple[str, ...], tuple[dict, dict], dict[str, Any]]] = OrderedDict()


def _as_before(canv: Any, drawing: Drawing) -> bool:
    """Inside a new form: give it the code its drawing's last form had, when every character of the
    drawing's text has the subset code it had then and every font its PDF name (all else a form's code
    depends on starts afresh in a form); True if it did."""
    known = _AS_BEFORE.get(id(drawing))
    if known is None or known[0] is not drawing or known[1] != (canv._fontname, canv._fontsize, canv._leading):
        return False
    _, _, code, (d, c), fonts = known
    doc = canv._doc
    for name, (internal, used) in fonts.items():
        state = getFont(name).state.get(doc)
        if state is None or state.internalName != internal or not used.items() <= state.assignments.items():
            return False
    _AS_BEFORE.move_to_end(id(drawing))
    canv._code.extend(code)
    canv._extgstate._d, canv._extgstate._c = dict(d), dict(c)
    return True


def _painted_noting(canv: Any, drawing: Drawing) -> None:
    """paint() into a new form; when it was a replay of recorded calls that gave out no subset code or
    font name, note the form's code for _as_before."""
    known = _PAINTED.get(id(drawing))
    if known is None or known[0] is not drawing:
        paint(canv, drawing)
        return
    doc = canv._doc
    texts: dict[str, list[str]] = {}
    font = canv._fontname
    initial = (canv._fontname, canv._fontsize, canv._leading)
    for name, args, kwargs in known[1]:
        if name == "setFont":
            font = args[0] if args else (kwargs or {})["psfontname"]
        elif name == "drawString":
            texts.setdefault(font, []).append(args[2] if len(args) > 2 else (kwargs or {})["text"])
    states = {f: getFont(f).state.get(doc) for f in texts}
    before = {f: (st.nextCode, st.internalName) if st is not None else None for f, st in states.items()}
    depth, code = len(canv.state_stack), canv._code
    paint(canv, drawing)
    fonts: dict[str, Any] = {}
    for f, strings in texts.items():
        state = getFont(f).state.get(doc)
        if state is None or before[f] != (state.nextCode, state.internalName) or state.internalName is None:
            return  # it gave out a code or a name: not the same code another time
        chars = {32 if ord(ch) == 0xA0 else ord(ch) for text in strings for ch in text}
        fonts[f] = (state.internalName, {ch: state.assignments[ch] for ch in chars if ch in state.assignments})
    if canv._code is not code or len(canv.state_stack) != depth or canv._colorsUsed or canv._formsinuse:
        return
    gs = canv._extgstate
    _AS_BEFORE[id(drawing)] = (drawing, initial, tuple(code), (dict(gs._d), dict(gs._c)), fonts)
    while len(_AS_BEFORE) > MAX_PAINTED:
        _AS_BEFORE.popitem(last=False)


def _joined(calls: list[Call]) -> tuple[Call, ...]:
    """Recorded calls -> the same, with each run of added code as one entry."""
    out: list[Call] = []
    for call in calls:
        if call[0] is None and out and out[-1][0] is None:
            out[-1] = (None, out[-1][1] + call[1], None)
        else:
            out.append(call)
    return tuple(out)


class _Recorder:
    """A canvas stand-in for the painter: forwards every call to the canvas and notes the painting for replays.

    A _CODE_ONLY call is noted as the code it added; any other repeatable call as
    itself. A call outside _REPEATABLE marks the painting as not repeatable; it is
    still forwarded, so the page is drawn exactly as before.
    """

    def __init__(self, canv: Any):
        self.__dict__.update(_canv=canv, calls=[], repeatable=True)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._canv, name)
        if not callable(value):
            return value  # state the renderer reads (the current font and size): the same on a replay
        if name == "beginPath":
            return value
        if name not in _REPEATABLE:
            self.__dict__["repeatable"] = False
            return value
        canv, calls = self._canv, self.calls

        def call(*args: Any, **kwargs: Any) -> Any:
            if name not in _CODE_ONLY:
                calls.append((name, args, kwargs))
                return value(*args, **kwargs)
            code = canv._code
            start = len(code)
            result = value(*args, **kwargs)
            if canv._code is not code:  # ReportLab adds to the list in place; a call that replaced it is not kept
                self.__dict__["repeatable"] = False
            calls.append((None, tuple(code[start:]), None))
            return result

        return call

    def __setattr__(self, name: str, value: Any) -> None:
        self.calls.append(("__setattr__", (name, value), {}))
        setattr(self._canv, name, value)


def _give_resources(canv: Any, name: str) -> None:
    """Give a new form its own resources, graphics states (the tints' alpha) included.

    ReportLab's forms carry fonts and XObjects only; the `/gRLs0 gs` states a drawing's
    transparent tints use would be looked up in the form and not found.
    """
    form = canv._doc.idToObject[xObjectName(name)]
    resources = PDFResourceDictionary()
    resources.basicFonts()
    resources.allProcs()
    if form.XObjects:
        resources.XObject = form.XObjects
    if getattr(form, "ExtGState", None):
        resources.ExtGState = form.ExtGState
    resources.setColorSpace(getattr(form, "_colorsUsed", {}))
    form.Resources = resources


class Painted(Flowable):
    """A Drawing drawn in place (no form) through its recorded painting: the operators drawing it directly gives."""

    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def draw(self) -> None:
        paint(self.canv, self.drawing)


def draw_on(canv: Any, picture: Any, x: float, y: float) -> None:
    """``picture.drawOn(canv, x, y)``; a Drawing (without a boundary box) replays its recorded painting."""
    if isinstance(picture, Drawing) and not getattr(picture, "_showBoundary", None):
        Painted(picture).drawOn(canv, x, y)
    else:
        picture.drawOn(canv, x, y)


def reused(picture: Any) -> Any:
    """A picture flowable -> the same, drawn through a shared form when it is a Drawing."""
    return Reused(picture) if isinstance(picture, Drawing) else picture
