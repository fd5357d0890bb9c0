"""render/painter.py paints a Drawing as renderPDF does, pixel for pixel, with each state set once."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from booklet.build import load_booklet
from booklet.illustrate.diagram import draw_diagram
from booklet.render import painter


def _pdf(drawing: Drawing, paint) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(drawing.width * 2, drawing.height * 2))
    canv.translate(drawing.width / 2, drawing.height / 2)
    paint(drawing, canv)
    canv.showPage()
    canv.save()
    return out.getvalue()


def _pixels(data: bytes):
    return pdfium.PdfDocument(data)[0].render(scale=2).to_pil().convert("RGB")


def _by_renderpdf(drawing: Drawing, canv: Canvas) -> None:
    renderPDF.draw(drawing, canv, 0, 0)


def _code(drawing: Drawing, paint) -> list[str]:
    canv = Canvas(io.BytesIO())
    start = len(canv._code)
    paint(drawing, canv)
    return canv._code[start:]


def _assert_same_picture(drawing: Drawing) -> None:
    before, after = _pixels(_pdf(drawing, _by_renderpdf)), _pixels(_pdf(drawing, painter.draw))
    assert before.getextrema() != ((255, 255),) * 3  # something was painted
    assert ImageChops.difference(before, after).getbbox() is None


def _diagrams() -> list[Drawing]:
    booklet = load_booklet(None)
    drawings = [draw_diagram(None, 180, 240), draw_diagram(None, 180, 240, safety=False)]
    for stroke in booklet.strokes:
        drawings.append(
            draw_diagram(
                stroke.illustration,
                200,
                260,
                worked_zones=stroke.areas,
                avoid=[c.zone for c in stroke.cautions if c.zone],
            )
        )
    drawings.append(draw_diagram(booklet.strokes[0].illustration, 120, 150, show_legend=False, label_size=12))
    return drawings


def test_every_shipped_diagram_is_painted_as_renderpdf_paints_it_with_far_fewer_operators():
    drawings = _diagrams()
    assert len(drawings) >= 6
    for drawing in drawings:
        assert painter._plain(drawing)  # painted here, not handed back to renderPDF
        _assert_same_picture(drawing)
    ours = sum(len(_code(d, painter.draw)) for d in drawings)
    theirs = sum(len(_code(d, _by_renderpdf)) for d in drawings)
    assert ours < theirs * 0.6


def _shapes() -> Drawing:
    """Every kind of shape, states inherited and overridden, transforms and the path rules."""
    d = Drawing(220, 160)
    tint = colors.Color(0.8, 0.2, 0.1, alpha=0.4)
    d.add(Rect(5, 5, 60, 40, fillColor=colors.lightblue, strokeColor=colors.navy, strokeWidth=2))
    d.add(Rect(70, 5, 60, 40, rx=6, ry=6, fillColor=tint, strokeColor=None))
    d.add(Circle(160, 30, 18, fillColor=colors.yellow, strokeColor=colors.black, strokeDashArray=[3, 2]))
    d.add(Ellipse(200, 30, 14, 22, fillColor=None, strokeColor=colors.green, strokeWidth=3, strokeLineCap=1))
    d.add(Line(5, 60, 210, 60, strokeColor=colors.red, strokeWidth=1.5, strokeDashArray=(2, [4, 1])))
    d.add(PolyLine([5, 70, 40, 95, 75, 70, 110, 95], strokeColor=colors.purple, strokeLineJoin=1, strokeWidth=4))
    d.add(Polygon([120, 70, 160, 100, 200, 70], fillColor=colors.orange, strokeColor=colors.brown, fillOpacity=0.5))
    group = Group(transform=(0.8, 0.2, -0.2, 0.8, 30, 100))
    group.add(Path(fillColor=colors.teal, strokeColor=colors.black, autoclose="svg"))
    group.contents[-1].moveTo(0, 0)
    group.contents[-1].curveTo(10, 30, 40, 30, 50, 0)
    group.add(String(25, 8, "Middle", textAnchor="middle", fontSize=9, fillColor=colors.white))
    inner = Group(transform=(1, 0, 0, 1, 60, 0))
    inner.add(Path(fillColor=colors.pink, strokeColor=colors.grey, autoclose="pdf"))
    inner.contents[-1].moveTo(0, 0)
    inner.contents[-1].lineTo(30, 20)
    inner.contents[-1].lineTo(30, 0)
    inner.add(Path(fillColor=colors.blue, strokeColor=colors.blue, fillMode=0))  # open, old default: not filled
    inner.contents[-1].moveTo(40, 0)
    inner.contents[-1].lineTo(60, 25)
    inner.contents[-1].lineTo(70, 0)
    inner.add(String(70, 30, "End", textAnchor="end", fontName="Helvetica-Bold", fontSize=8))
    group.add(inner)
    d.add(group)
    d.add(Rect(140, 120, 60, 30, fillColor=colors.lightblue, strokeColor=colors.navy, strokeWidth=2))  # as the first
    d.add(String(150, 110, "Start", fontSize=7, fillColor=colors.black, strokeColor=None))
    return d


def test_each_kind_of_shape_and_state_is_painted_as_renderpdf_paints_it():
    drawing = _shapes()
    assert painter._plain(drawing)
    _assert_same_picture(drawing)


def _clipped() -> Drawing:
    d = Drawing(100, 100)
    clip = Path(isClipPath=1)
    clip.moveTo(0, 0)
    clip.lineTo(50, 100)
    clip.lineTo(100, 0)
    clip.closePath()
    d.add(clip)
    d.add(Rect(0, 0, 100, 100, fillColor=colors.red))
    return d


def _overprinted() -> Drawing:
    d = Drawing(50, 50)
    d.add(Rect(0, 0, 50, 50, fillColor=colors.red, fillOverprint=True))
    return d


def _tuple_colour() -> Drawing:
    d = Drawing(50, 50)
    d.add(Rect(0, 0, 50, 50))
    d.contents[-1].__dict__["fillColor"] = (1, 0, 0)  # a colour without its own alpha
    return d


def _inherited_in_a_group() -> Drawing:
    from reportlab.lib.validators import inherit

    d = Drawing(50, 50)
    group = Group(Rect(0, 0, 50, 50, fillColor=colors.red))
    group.__dict__["strokeWidth"] = inherit  # a derived value on a group, not only on a shape
    d.add(group)
    return d


@pytest.mark.parametrize("make", [_clipped, _overprinted, _tuple_colour, _inherited_in_a_group])
def test_what_it_does_not_paint_exactly_goes_to_renderpdf(make):
    drawing = make()
    assert not painter._plain(drawing)
    assert _code(drawing, painter.draw) == _code(drawing, _by_renderpdf)
