"""A circle's centre and radius -> the path operators ReportLab's Canvas.circle writes for it.

Step badges, caution signs, dots and gauges draw thousands of small circles in a long
booklet. ReportLab draws each through its general arc code (``pdfgeom.bezierArc``: ten
sines and cosines and a list of tuples per circle, then a curveTo per quarter). The
quarters of a full circle always use the same sines, cosines and Bezier factor, so they
are worked out once here, with ReportLab's own expressions in its own order: every
coordinate is the same float, and the operators the same text.
"""

from __future__ import annotations

from math import ceil, cos, pi, sin

from reportlab.lib.rl_accel import fp_str

_EXTENT = 360  # what Canvas.circle asks of bezierArc: from 0 degrees, all the way round
_PARTS = int(ceil(abs(_EXTENT) / 90.0))
_PART = float(_EXTENT) / _PARTS
_HALF = _PART * pi / 360.0
_KAPPA = abs(4.0 / 3.0 * (1.0 - cos(_HALF)) / sin(_HALF))


def _quarter(i: int) -> tuple[float, ...]:
    """One quarter's factors, as bezierArc computes them for its i-th fragment of a positive extent."""
    theta0 = (0 + i * _PART) * pi / 180.0
    theta1 = (0 + (i + 1) * _PART) * pi / 180.0
    return (
        cos(theta1) + _KAPPA * sin(theta1),
        sin(theta1) - _KAPPA * cos(theta1),
        cos(theta1),
        sin(theta1),
        cos(theta0) - _KAPPA * sin(theta0),
        sin(theta0) + _KAPPA * cos(theta0),
    )


_QUARTERS = tuple(_quarter(i) for i in range(_PARTS))
_START = (cos(0 * pi / 180.0), sin(0 * pi / 180.0))


def circle_path(x_cen: float, y_cen: float, r: float) -> tuple[float, float, list[str]]:
    """Canvas.circle's arguments -> where its path starts and its curveTo operators, as ReportLab writes them."""
    x1, y1 = x_cen - r, y_cen - r
    width, height = (x_cen + r) - x1, (y_cen + r) - y1  # Canvas.ellipse hands on corner and size
    a1, b1, a2, b2 = x1, y1, x1 + width, y1 + height  # PDFPathObject.ellipse's corners for bezierArc
    x1, y1, x2, y2 = min(a1, a2), max(b1, b2), max(a1, a2), min(b1, b2)
    cx, cy = (x1 + x2) / 2.0, (y1 + y2) / 2.0
    rx, ry = (x2 - x1) / 2.0, (y2 - y1) / 2.0
    curves = [
        "%s c" % fp_str(cx + rx * c0k, cy - ry * s0k, cx + rx * c1k, cy - ry * s1k, cx + rx * c1, cy - ry * s1)  # noqa: UP031
        for c1k, s1k, c1, s1, c0k, s0k in _QUARTERS
    ]
    return cx + rx * _START[0], cy - ry * _START[1], curves
