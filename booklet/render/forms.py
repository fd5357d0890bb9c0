"""Drawing -> a flowable that paints it once per PDF as a form XObject and places that form after.

Diagrams are cached drawings: a long booklet whose strokes are drawn alike hands the
same Drawing object to many pages. Painting it through ReportLab's graphics node tree
each time costs about 50 ms a diagram; one form and a `Do` per page costs next to
nothing and prints the same. The forms are remembered on the canvas, so each document
(and each layout pass, which gets its own canvas) defines its own, named in order of
first use: the same input still gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfdoc import PDFResourceDictionary, xObjectName
from reportlab.platypus import Flowable

_FORMS = "_booklet_diagram_forms"  # canvas attribute: id(drawing) -> (form name, drawing)


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
    renderPDF.draw(drawing, canv, 0, 0)
    canv.endForm()
    _give_resources(canv, name)
    return name


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


def reused(picture: Any) -> Any:
    """A picture flowable -> the same, drawn through a shared form when it is a Drawing."""
    return Reused(picture) if isinstance(picture, Drawing) else picture
