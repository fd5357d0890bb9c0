"""Stroke or zones + the booklet's words -> alternate text for a figure: what a screen reader says instead.

Every word comes from the booklet's labels (``alt_*`` keys) in its language, or from the
author: a stroke's diagram is described by booklet.illustrate.describe from the same
data it is drawn from (pattern, direction, side, hands, start zone, zones to keep free
or light), an author image by its ``alt`` text. The map of zones where not to press
names them with the booklet's zone names.
"""

from __future__ import annotations

import re

from booklet.errors import ContentError, Problem
from booklet.illustrate.describe import describe, join_names
from booklet.illustrate.describe import stroke_alt as described_stroke
from booklet.model import Booklet, Stroke, ref_of
from booklet.render.markup import plain


def stroke_alt(stroke: Stroke, booklet: Booklet) -> str:
    """A stroke -> its picture's description in the booklet's language (the author's alt for an image)."""
    ill = stroke.illustration
    if ill is not None and ill.image:
        return plain(ill.alt) or plain(ill.caption) or booklet.label("alt_picture", name=plain(stroke.name))
    return described_stroke(stroke, booklet) or booklet.label("alt_picture", name=plain(stroke.name))


def cover_alt(booklet: Booklet) -> str:
    """The cover picture's description: the theme's cover_alt, else the first stroke's picture without its zones."""
    if booklet.theme.cover_image:
        return plain(booklet.theme.cover_alt)
    first = booklet.strokes[0].illustration if booklet.strokes else None
    return describe(first, booklet.label, booklet.zone_name, booklet.hand_name, with_zones=False) if first else ""


def avoid_alt(zones: list[str], booklet: Booklet) -> str:
    """The cautions map's description: the figure, then the zones shaded as "where not to press"."""
    names = join_names([booklet.zone_name(z) for z in zones], booklet.label)
    return booklet.label("alt_avoid_map", figure=booklet.label("alt_figure_back"), zones=names)


LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"  # compiled on first use


def check_accessible(booklet: Booklet) -> None:
    """What no tagging can repair, for PDF/UA-1: author images need alt text, the language a valid tag."""
    problems: list[Problem] = []
    if not re.match(LANGUAGE_TAG, booklet.language or ""):
        problems.append(
            Problem(
                ref_of(booklet, "language"),
                f"PDF/UA-1 needs the booklet's language as a tag such as 'en' or 'de-CH', not {booklet.language!r}",
                "language",
            )
        )
    for stroke in booklet.strokes:
        ill = stroke.illustration
        if ill is not None and ill.image and not (ill.alt or plain(ill.caption)).strip():
            problems.append(
                Problem(
                    ref_of(ill, "image"),
                    "PDF/UA-1 needs alternate text for an image: give the illustration an alt text",
                    f"{stroke.id}.illustration.image",
                )
            )
    if problems:
        raise ContentError(problems)
