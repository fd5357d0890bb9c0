"""A Drawing -> the canvas calls that paint it, each graphics state set only when it changes.

ReportLab's renderPDF brackets every shape in q/Q and sets every state property the
shape carries, whatever the state already is: about nine operators around each of the
hundreds of polygons, circles and paths of a body diagram, and a generic walk (state
dictionaries copied per shape, derived values looked up, attributes set and deleted on
every node) that cost more than the shapes. This painter walks the same tree and
remembers the state it has set at each q/Q level: a shape's colour, alpha, line width,
cap, join, dash and font are set only when they differ from what is in force, and q/Q
is kept for groups that transform. The page shows the same marks: each shape is painted
with the state renderPDF would give it, in the same order, with the same path operators
(a test renders both and compares the pixels).

Only what diagrams and plain SVG art use is painted here: groups, paths, polygons,
polylines, lines, rectangles, circles, ellipses and strings filled with a colour that
carries its alpha. Anything else (images, clip paths, user nodes, derived values, text
render modes, overprint, draw-time callbacks, a render scale) leaves the whole drawing to
renderPDF, so the answer is never a guess.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.graphics.shapes import (
    STATE_DEFAULTS,
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib.colors import Color
from reportlab.lib.validators import DerivedValue
from reportlab.pdfbase.pdfmetrics import stringWidth

_LEAVES = (Path, Line, String, Rect, Circle, Ellipse, PolyLine, Polygon)
_KINDS = frozenset((Group, Drawing, *_LEAVES))  # exact classes: a subclass may draw itself differently
_UNPAINTED = frozenset(("fillOverprint", "strokeOverprint", "overprintMask"))  # state left to renderPDF
_IDENTITY = (1, 0, 0, 1, 0, 0)
_UNKNOWN = object()  # a state not yet set inside this painting (the form inherits the page's)


def draw(drawing: Drawing, canv: Any) -> None:
    """Paint a drawing at the origin of the canvas (or of a canvas stand-in that forwards its calls)."""
    if drawing.renderScale != 1 or not _plain(drawing):
        from reportlab.graphics import renderPDF

        renderPDF.draw(drawing, canv, 0, 0)
        return
    _Painter(canv, drawing).paint()


def _plain(node: Any) -> bool:
    """Whether a node and everything under it is of the kinds this painter paints exactly."""
    if type(node) not in _KINDS or getattr(node, "_drawTimeCallback", None) is not None:
        return False
    state = node.__dict__
    if any(key in state for key in _UNPAINTED):
        return False
    for key in ("fillColor", "strokeColor"):
        colour = state.get(key)
        if colour is not None and not (isinstance(colour, Color) and colour.alpha is not None):
            return False
    if any(isinstance(value, DerivedValue) for value in state.values()):
        return False
    if isinstance(node, Group):
        return state.get("transform", _IDENTITY) is not None and all(_plain(child) for child in node.contents)
    if isinstance(node, Path) and (node.isClipPath or state.get("fillMode", 0) is None):
        return False
    return not (isinstance(node, String) and state.get("textRenderMode", 0))


class _Painter:
    """One painting: the inherited state (what renderPDF's tracker would hold) and what is set on the canvas."""

    def __init__(self, canv: Any, drawing: Drawing):
        self.canv = canv
        state = {key: value for key, value in STATE_DEFAULTS.items() if key in _INHERITED}
        for key in _INHERITED:
            initial = "initial" + key[:1].upper() + key[1:]
            if hasattr(drawing, initial):
                state[key] = getattr(drawing, initial)
        self.top = _wanted({}, state.items())
        self.drawing = drawing
        self.fill = self.stroke = 1  # renderPDF's painting switches: set by a colour or None, never restored

    def paint(self) -> None:
        self.canv.saveState()
        self.canv._fillMode = self.top["fillMode"]  # as renderPDF starts; never read back, so a replay agrees
        self.group(self.drawing, self.top, {"fillMode": self.top["fillMode"]})
        self.canv.restoreState()

    def switches(self, own: dict[str, Any]) -> None:
        """A node's own colours -> renderPDF's fill and stroke switches (a colour of None turns one off)."""
        if "fillColor" in own:
            self.fill = int(own["fillColor"] is not None)
        if "strokeColor" in own:
            self.stroke = int(own["strokeColor"] is not None)

    def group(self, group: Group, wanted: dict[str, Any], known: dict[str, Any]) -> None:
        own = _own(group)
        self.switches(own)
        transform = tuple(own.pop("transform", _IDENTITY))
        wanted = _wanted(wanted, own.items())
        if transform != _IDENTITY:
            self.canv.saveState()
            self.canv.transform(*transform)
            inner = dict(known)  # what is set inside is undone by the restore
            for child in group.contents:
                self.node(child, wanted, inner)
            self.canv.restoreState()
        else:
            for child in group.contents:
                self.node(child, wanted, known)

    def node(self, node: Any, wanted: dict[str, Any], known: dict[str, Any]) -> None:
        if isinstance(node, Group):
            self.group(node, wanted, known)
            return
        own = _own(node)
        self.switches(own)
        wanted = _wanted(wanted, own.items())
        uses = []
        if self.fill and not isinstance(node, (Line, PolyLine)):
            uses.append("fill")
            if not isinstance(node, (Path, String)):  # a path names its own fill rule
                uses.append("fillMode")
        if self.stroke and not isinstance(node, String):
            uses += ["stroke", "strokeWidth", "strokeLineCap", "strokeLineJoin", "dash"]
        if isinstance(node, String):
            uses.append("font")
        for key in uses:
            value = wanted[key]
            if not _same(known.get(key, _UNKNOWN), value):
                self.set(key, value)
                known[key] = value
        self.shape(node, wanted)

    def set(self, key: str, value: Any) -> None:
        canv = self.canv
        if key == "fill":
            colour, alpha = value
            canv.setFillColor(colour)  # sets the colour's own alpha too
            if alpha != colour.alpha:
                canv.setFillAlpha(alpha)
        elif key == "stroke":
            colour, alpha = value
            canv.setStrokeColor(colour)
            if alpha != colour.alpha:
                canv.setStrokeAlpha(alpha)
        elif key == "strokeWidth":
            canv.setLineWidth(value)
        elif key == "strokeLineCap":
            canv.setLineCap(value)
        elif key == "strokeLineJoin":
            canv.setLineJoin(value)
        elif key == "dash":
            if value is None:
                canv.setDash()
            else:
                canv.setDash(*value)
        elif key == "font":
            canv.setFont(*value)
        elif key == "fillMode":
            canv._fillMode = value  # the fill rule the canvas's shapes use (even-odd or non-zero)

    def shape(self, node: Any, wanted: dict[str, Any]) -> None:
        canv, fill, stroke = self.canv, self.fill, self.stroke
        if isinstance(node, Path):
            self.path(node)
        elif isinstance(node, Line):
            if stroke:
                canv.line(node.x1, node.y1, node.x2, node.y2)
        elif isinstance(node, String):
            if fill:
                x, anchor = node.x, wanted["textAnchor"]
                if anchor not in ("start", "inherited"):
                    width = stringWidth(node.text, *wanted["font"], node.encoding)
                    x -= width if anchor == "end" else width * 0.5 if anchor == "middle" else _numeric(node, width)
                canv.drawString(x, node.y, node.text, mode=None)
        elif isinstance(node, Rect):
            if node.rx == node.ry == 0:
                canv.rect(node.x, node.y, node.width, node.height, stroke=stroke, fill=fill)
            else:
                canv.roundRect(node.x, node.y, node.width, node.height, node.rx, fill=fill, stroke=stroke)
        elif isinstance(node, Circle):
            canv.circle(node.cx, node.cy, node.r, fill=fill, stroke=stroke)
        elif isinstance(node, Ellipse):
            rx, ry = node.rx, node.ry
            canv.ellipse(node.cx - rx, node.cy - ry, node.cx + rx, node.cy + ry, fill=fill, stroke=stroke)
        elif isinstance(node, Polygon):
            canv.drawPath(_lines(canv, node.points, close=True), stroke=stroke, fill=fill)
        elif isinstance(node, PolyLine) and stroke:
            canv.drawPath(_lines(canv, node.points, close=False))

    def path(self, node: Path) -> None:
        """A Path, with renderPDF's rules for closing and for a filled path left open."""
        fill, stroke = self.fill, self.stroke
        autoclose = getattr(node, "autoclose", "")
        pdf = self.canv.beginPath()
        closed = _trace(node, pdf, force_close=bool(fill and autoclose == "pdf"))
        mode = getattr(node, "fillMode", None)
        if autoclose == "svg" and fill and stroke and not closed:
            self.canv.drawPath(
                pdf, fill=fill, stroke=0, fillMode=mode
            )  # renderPDF: the canvas's rule, set to the path's
            self.canv.drawPath(pdf, stroke=stroke, fill=0, fillMode=mode)
        elif autoclose in ("svg", "pdf"):
            self.canv.drawPath(pdf, fill=fill, stroke=stroke, fillMode=mode)
        else:
            self.canv.drawPath(pdf, fill=fill if closed else 0, stroke=stroke, fillMode=mode)


# The inherited states a painting reads: fill and stroke are (colour, alpha) pairs.
_INHERITED = frozenset(
    "fillColor fillOpacity strokeColor strokeOpacity strokeWidth strokeLineCap strokeLineJoin "  # noqa: SIM905
    "strokeDashArray fontName fontSize textAnchor fillMode".split()
)


def _own(node: Any) -> dict[str, Any]:
    """A node -> the state properties it sets itself, in the order renderPDF applies them."""
    own = {key: value for key, value in node.__dict__.items() if key in STATE_DEFAULTS}
    return dict(sorted(own.items())) if rl_config.invariant else own


def _wanted(inherited: dict[str, Any], changes: Any) -> dict[str, Any]:
    """The state in force + a node's own properties, in order -> the state its shape is painted with.

    A colour brings its own alpha (as the canvas's colour setters do) and an opacity that
    is not None overrides it; a colour of None only switches painting off (kept as is).
    """
    wanted = dict(inherited)
    for key, value in changes:
        if key == "fillColor" and value is not None:
            wanted["fill"] = (value, value.alpha)
        elif key == "strokeColor" and value is not None:
            wanted["stroke"] = (value, value.alpha)
        elif key in ("fillOpacity", "strokeOpacity") and value is not None:
            which = "fill" if key == "fillOpacity" else "stroke"
            colour = wanted.get(which, (None, None))[0]
            wanted[which] = (colour, value)
        elif key == "strokeDashArray":
            wanted["dash"] = _dash(value)
        elif key in ("fontName", "fontSize"):
            name, size = wanted.get("font", (None, None))
            wanted["font"] = (value, size) if key == "fontName" else (name, value)
        elif key in ("strokeWidth", "strokeLineCap", "strokeLineJoin", "textAnchor", "fillMode"):
            wanted[key] = value
    return wanted


def _dash(value: Any) -> tuple[tuple[float, ...], float] | None:
    """A strokeDashArray -> (array, phase), or None for a solid line (renderPDF's two notations)."""
    if not value:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[1], (list, tuple)):
        return tuple(value[1]), value[0]
    return tuple(value), 0


def _same(a: Any, b: Any) -> bool:
    """Two states -> whether setting the second after the first changes nothing on the page."""
    if a is b:
        return True
    if a is _UNKNOWN or b is _UNKNOWN or type(a) is not type(b):
        return False
    if isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], Color):  # a (colour, alpha) pair
        return _same(a[0], b[0]) and a[1] == b[1]
    if isinstance(a, Color):
        return type(a) is type(b) and a.__dict__ == b.__dict__
    return bool(a == b)


def _numeric(node: String, width: float) -> float:
    from reportlab.graphics.shapes import numericXShift

    return numericXShift("numeric", node.text, width, node.fontName, node.fontSize, node.encoding)


def _lines(canv: Any, points: list[float], close: bool) -> Any:
    """Flat x, y, x, y... -> a canvas path of straight lines, closed when asked."""
    path = canv.beginPath()
    path.moveTo(points[0], points[1])
    for i in range(2, len(points) - 1, 2):
        path.lineTo(points[i], points[i + 1])
    if close:
        path.close()
    return path


_ARGS = {0: 2, 1: 2, 2: 6, 3: 0}  # moveTo, lineTo, curveTo, closePath: how many numbers each takes


def _trace(node: Path, pdf: Any, force_close: bool) -> bool:
    """A Path's operators -> the canvas path; with ``force_close`` each subpath is closed. True when all are closed."""
    moves = closes = 0
    last = None
    at = 0
    points = node.points
    draw = (pdf.moveTo, pdf.lineTo, pdf.curveTo, pdf.close)
    for op in node.operators:
        if op == 0 and force_close and moves and last != 3:
            closes += 1
            pdf.close()
        if op == 0:
            moves += 1
        count = _ARGS[op]
        draw[op](*points[at : at + count])
        at += count
        if op == 3:
            closes += 1
        last = op
    if force_close and moves and last != 3:
        closes += 1
        pdf.close()
    return moves == closes
