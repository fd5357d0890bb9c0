"""render/arcs.py writes a circle's path exactly as ReportLab's Canvas.circle does."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from booklet.render.booklet import BookletCanvas

coordinate = st.floats(-2000, 2000, allow_nan=False)


@settings(max_examples=400, deadline=None)
@given(coordinate, coordinate, st.one_of(st.floats(0, 300, allow_nan=False), st.floats(-5, 0)), st.booleans())
def test_a_circle_is_written_as_reportlab_writes_it(x: float, y: float, r: float, fill: bool):
    ours, theirs = BookletCanvas(io.BytesIO()), Canvas(io.BytesIO())
    for canv in (ours, theirs):
        canv.circle(x, y, r, stroke=int(not fill), fill=int(fill))
    assert ours._code == theirs._code


def test_common_badge_circles_are_the_same_text():
    ours, theirs = BookletCanvas(io.BytesIO()), Canvas(io.BytesIO())
    for canv in (ours, theirs):
        for x, y, r in ((48.19, 512.3, 7.02), (0, 0, 1), (10, 10, 0), (-3.5, 2.25, 1e-9)):
            canv.saveState()
            canv.circle(x, y, r, stroke=0, fill=1)
            canv.restoreState()
    assert ours._code == theirs._code
    assert any(line.endswith(" c") for line in ours._code)
