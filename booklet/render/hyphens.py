"""Paragraph styles + language -> hyphenating styles; a title + width -> the size at which no word is cut.

Body text breaks long words at syllables, with a hyphen (ReportLab's ``hyphenationLang``
hook, plus soft hyphens from booklet/hyphenate.py for scripts the hook does not take).
A web address is never hyphenated: it only breaks, without a hyphen, when it is wider
than the line. A paragraph holding an address is set without hyphenation: ReportLab splits an
address once at a slash when it may hyphenate, and never splits the rest again, so the
rest would run past the margin. Titles first shrink so
every word fits whole (down to ``TITLE_FLOOR`` of their size); only a word too long
even then is hyphenated at a syllable, and the size shrinks until each syllable group
fits, so a title never breaks inside a syllable or without a hyphen.
"""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from booklet.hyphenate import Hyphenator, hyphenator
from booklet.render.markup import plain

ADDRESS = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
TITLE_FLOOR = 0.72  # a title shrinks to this share of its size before a word is hyphenated
MIN_SIZE = 7.0


TITLES = {"h1", "h2", "h3", "kicker", "cover_title"}  # whole words only; fit_title decides
MIN_MEASURE = 12  # ems: in a narrower column a hyphenated word's rest may not fit a line either


def hyphenate_styles(styles: dict[str, ParagraphStyle], language: str, measure: float = MIN_MEASURE) -> None:
    """Give every style the language's hyphenation (in place: the styles are the look's own).

    ReportLab never splits the rest of a hyphenated word again, so on a column narrower
    than ``MIN_MEASURE`` ems (a tiny custom page) long words are cut to fit instead.
    """
    words = hyphenator(language) if measure >= MIN_MEASURE else None
    for name, style in styles.items():
        style.hyphenationLang = words if words and name not in TITLES else ""
        style.title_words = words  # what fit_title hyphenates with, when a word cannot stay whole
        style.embeddedHyphenation = 1  # "Schulter-Selbstmassage" may break after its own hyphen
        style.uriWasteReduce = 0


def words_of(style: ParagraphStyle) -> Hyphenator | None:
    found = getattr(style, "hyphenationLang", None) or getattr(style, "title_words", None)
    return found if isinstance(found, Hyphenator) and found else None


def soft(text: str, style: ParagraphStyle) -> str:
    """Author text -> the same with soft hyphens, when the style hyphenates."""
    words = words_of(style)
    return words.soft(text) if words else text


def for_text(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """The style to set a text in: without hyphenation when the text holds a web address."""
    if not words_of(style) or not ADDRESS.search(text):
        return style
    return ParagraphStyle(style.name + "-address", parent=style, hyphenationLang="", embeddedHyphenation=0)


def fit_title(text: str, style: ParagraphStyle, width: float, floor: float = MIN_SIZE) -> tuple[str, ParagraphStyle]:
    """A title, its style and the line width -> (text to set, style) so that no word is cut mid-syllable.

    It is never set below ``floor`` points (the edition's smallest text); a syllable group
    wider than the line even at that size breaks where ReportLab must.
    """
    words = words_of(style)
    shown = plain(text).split() or [""]
    font, size = style.fontName, style.fontSize
    widest = max(stringWidth(w, font, size) for w in shown)
    if widest <= width:
        return text, style
    whole = _scaled(style, min(1.0, width / widest) if widest else 1.0, hyphenate=False)
    if widest <= width or whole.fontSize >= size * TITLE_FLOOR or words is None:
        return text, _at_least(whole, style, max(size * TITLE_FLOOR, floor) if words else floor)
    hyphen = stringWidth("-", font, size)
    pieces = [p for w in shown for p in words.pieces(w)]
    widest_piece = max(stringWidth(p, font, size) for p in pieces) + hyphen
    factor = min(TITLE_FLOOR, width / widest_piece)
    return words.soft(text, every=True), _at_least(_scaled(style, factor, hyphenate=False), style, floor)


def _scaled(style: ParagraphStyle, factor: float, hyphenate: bool) -> ParagraphStyle:
    """The style at ``factor`` of its size; a title style breaks only at soft hyphens and spaces."""
    factor = max(0.0, factor) * (0.995 if factor < 1 else 1)  # a hair under, for rounding
    return ParagraphStyle(
        style.name + "-fit",
        parent=style,
        fontSize=style.fontSize * factor,
        leading=style.leading * factor,
        hyphenationLang=style.hyphenationLang if hyphenate else "",
        embeddedHyphenation=1,
    )


def _at_least(fitted: ParagraphStyle, original: ParagraphStyle, floor: float) -> ParagraphStyle:
    if fitted.fontSize >= floor or original.fontSize <= floor:
        return fitted
    return _scaled(original, floor / original.fontSize, hyphenate=False)
