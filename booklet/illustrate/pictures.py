"""A stroke, a booklet or its cautions + a box -> the picture to print there, or None.

The one place that decides what a page or card shows: the author's own image when
there is one, else a diagram on the stroke's figure, else nothing (a booklet about a
kitchen skill never gets a human back). Placement and size are the caller's; the
label size for large print comes from ``label_size_for``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from booklet.illustrate.figures import figure as figure_named
from booklet.model import Booklet, Caution, Illustration, Stroke

LARGE_PRINT_SCALE = 1.25  # an edition whose type is scaled this much or more is large print


def label_size_for(font_scale: float, body_size: float) -> float | None:
    """An edition's type scale and body size -> the diagram label size: 12 pt or more in large print, else automatic."""
    from booklet.illustrate.diagram import LARGE_PRINT_LABEL_PT

    if font_scale < LARGE_PRINT_SCALE:
        return None
    return max(LARGE_PRINT_LABEL_PT, body_size * 0.8)


def draws_figure(ill: Illustration | None, stroke: Stroke | None = None) -> bool:
    """An illustration (and its stroke) -> whether a body diagram is drawn for it.

    An author image is not a diagram; the ``none`` figure has no body; a stroke with no
    illustration gets the bare figure only when it names zones (areas or cautions).
    """
    if ill is not None:
        return not ill.image and figure_named(ill.figure).drawn and ill.figure != "none"
    if stroke is None:
        return False
    return bool(stroke.areas or any(c.zone for c in stroke.cautions))


def stroke_picture(
    stroke: Stroke,
    words: Booklet,
    root: str | Path,
    width: float,
    height: float,
    *,
    accent: str,
    font: str | None = None,
    label_size: float | None = None,
    show_legend: bool = True,
    zone_names: dict[str, str] | None = None,
    key_beside: bool = False,
):
    """A stroke + box -> its author image, its diagram, or None when it has neither."""
    ill = stroke.illustration
    if ill is not None and ill.image:
        from booklet.illustrate.images import load_image

        return load_image(Path(root), ill.image, width, height)
    if not draws_figure(ill, stroke):
        return None
    from booklet.illustrate.diagram import draw_diagram, words_from

    return draw_diagram(
        ill,
        width,
        height,
        accent=accent,
        avoid=sorted({c.zone for c in stroke.cautions if c.zone}),
        no_pressure=no_pressure_zones(stroke.cautions),
        font=font,
        worked_zones=stroke.areas,
        hands=stroke.hands,
        hand_names={h: words.hand_name(h) for h in stroke.hands},
        words=words_from(words.label),
        label_size=label_size,
        show_legend=show_legend,
        zone_names=zone_names,
        key_beside=key_beside,
    )


def cover_picture(booklet: Booklet, width: float, height: float, *, accent: str, font: str | None = None):
    """A booklet + box -> the cover's picture: the theme's cover image, else the first stroke's image,
    else the first stroke's diagram when it is drawn on a body, else None."""
    first = booklet.strokes[0] if booklet.strokes else None
    ill = first.illustration if first else None
    image = booklet.theme.cover_image or (ill.image if ill is not None else None)
    if image:
        from booklet.illustrate.images import load_image  # only with an image: it loads the SVG sanitiser too

        return load_image(Path(booklet.root), image, width, height)
    if ill is None or not draws_figure(ill):
        return None
    from booklet.illustrate.diagram import draw_diagram

    return draw_diagram(ill, width, height, accent=accent, show_legend=False, font=font, safety=False)


def map_zones(cautions: Iterable[Caution]) -> list[str]:
    """Cautions -> the zones a map should show: those some caution names (none: draw no map)."""
    return sorted({c.zone for c in cautions if c.zone})


def no_pressure_zones(cautions: Iterable[Caution]) -> list[str]:
    """Cautions -> the zones they mark ``level: no-pressure`` (drawn red and hatched whatever the figure says)."""
    return sorted({c.zone for c in cautions if c.zone and c.level == "no-pressure"})
