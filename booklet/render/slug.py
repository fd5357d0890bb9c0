"""Slug lines (text, place, room) + a sheet size -> a PDF, one sheet-sized page per slug, in the booklet's font.

The imposition decides where each slug goes (booklet.impose); this module only sets
the text there, shrinking it to fit its room (never below 4 pt) and cutting it short
with an ellipsis if even that is too long.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

MIN_SIZE = 4.0

# One slug: text, baseline start x and y, room along the baseline, font size, reads bottom to top.
SlugLine = tuple[str, float, float, float, float, bool]
SlugRenderer = Callable[[Sequence[SlugLine], tuple[float, float]], bytes]


def fitted(text: str, font: str, size: float, room: float) -> tuple[str, float]:
    """Text + font + room -> (text, size) that fits: shrunk, then shortened with an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural = stringWidth(text, font, size)
    if natural <= room:
        return text, size
    size = max(MIN_SIZE, size * room / natural)
    while text and stringWidth(text, font, size) > room:
        text = text[: max(0, len(text) - max(1, len(text) // 20))].rstrip() + "…"
        if text == "…":
            break
    return text, size


def slug_pages(slugs: Sequence[SlugLine], sheet: tuple[float, float], font: str) -> bytes:
    """Slugs (with their texts) + the sheet size + a registered font -> one page per slug."""
    from reportlab.pdfgen.canvas import Canvas

    from booklet.finish import finish_plain

    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=sheet, invariant=1, pageCompression=1, initialFontName=font)
    for text, x, y, room, size, vertical in slugs:
        text, size = fitted(text, font, size, room)
        canv.saveState()
        canv.setFillGray(0)
        canv.setFont(font, size)
        canv.translate(x, y)
        if vertical:
            canv.rotate(90)
        canv.drawString(0, 0, text)
        canv.restoreState()
        canv.showPage()
    finish_plain(canv)  # subset tags from the subset's bytes, like every page placed beside these
    canv.save()
    return buffer.getvalue()


def slug_renderer(font: str) -> SlugRenderer:
    """A registered font name -> a renderer the imposition calls with its slugs."""

    def render(slugs: Sequence[SlugLine], sheet: tuple[float, float]) -> bytes:
        return slug_pages(slugs, sheet, font)

    return render


def default_slug_renderer() -> SlugRenderer:
    """The renderer for PDFs that come without a booklet: the default theme's font."""
    from booklet.fonts import register_family
    from booklet.model import Theme

    return slug_renderer(register_family(Theme().font).regular)
