"""Font family names -> registered ReportLab TrueType fonts (embedded, subset).

Families are TTF files named ``<Family>-Regular.ttf``, ``-Bold``, ``-Italic`` and
``-BoldItalic`` in the shipped ``fonts/`` folder (or a ``fonts/`` folder inside the
content). Registration is cached per process: ``booklet watch`` and ``batch`` pay once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from booklet.errors import BookletError
from booklet.shipped import fonts_dir

STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def find_family(family: str, extra_dirs: tuple[Path, ...] = ()) -> dict[str, Path]:
    """Locate the four style files of a family; a missing Regular is a user error."""
    for folder in (*extra_dirs, fonts_dir()):
        regular = folder / f"{family}-Regular.ttf"
        if regular.is_file():
            files = {style: folder / f"{family}-{style}.ttf" for style in STYLES}
            return {s: (p if p.is_file() else regular) for s, p in files.items()}
    available = sorted(p.name.removesuffix("-Regular.ttf") for p in fonts_dir().glob("*-Regular.ttf"))
    raise BookletError(f"font family '{family}' not found (available: {', '.join(available)})")


@cache
def register_family(family: str, extra_dirs: tuple[Path, ...] = ()) -> FontSet:
    """Register a family's four styles with ReportLab, once per process."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = find_family(family, extra_dirs)
    names = {style: f"{family}-{style}" for style in STYLES}
    for style, path in files.items():
        pdfmetrics.registerFont(TTFont(names[style], str(path)))
    for bold, italic, style in ((0, 0, "Regular"), (1, 0, "Bold"), (0, 1, "Italic"), (1, 1, "BoldItalic")):
        addMapping(family, bold, italic, names[style])
        addMapping(names["Regular"], bold, italic, names[style])
    return FontSet(names["Regular"], names["Bold"], names["Italic"], names["BoldItalic"])


@cache
def charset(font_name: str) -> frozenset[int]:
    """Code points the registered font can draw."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)
