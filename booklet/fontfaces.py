"""A shipped TrueType file -> ReportLab's TTFont, its parsed face kept beside booklet's bytecode between runs.

ReportLab parses a face's tables (names, metrics, the character map, widths, glyph
offsets) in pure Python each time it opens the file: about 10 ms a face, and a build
opens two or more. Shipped fonts do not change between runs, so what the parse found
is kept (marshalled) in booklet's ``__pycache__``, as ``compiled.py`` keeps dataclass
code, one file a face. A later run reads the font file, checks it against the kept
mark (ReportLab's version, the file's size, time and CRC-32) and fills a face from
the kept values instead of parsing: the same attributes with equal values, so what
is measured, drawn and subset is the same. A mismatched, unreadable or missing table
is parsed as before and kept again; nothing is written without bytecode (kept.py).
Content fonts (untrusted, any number) are parsed every time and never kept.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from booklet.kept import keep, mark_of, read

UNKEPT = ("_ttf_data", "_pdfScale", "filename")  # the file's bytes, a lambda and the path: set again on reading
NAMED = " named"  # the kept entry holding the face's TTFNameBytes values (name, familyName, ...) as (bytes, text)
FORMAT = "1"  # of the kept values: a face's attributes, its TTFNameBytes under NAMED


def kept_name(path: Path) -> str:
    """The name a face parsed from ``path`` is kept under (booklet/kept.py)."""
    return f"font-face.{path.stem}"


def ttfont(name: str, path: Path) -> TTFont:
    """``TTFont(name, str(path))``, with the face's tables read from the kept parse when it is current."""
    font = TTFont.__new__(TTFont)
    fill(font, name, path)
    return font


def fill(font: TTFont, name: str, path: Path) -> None:
    """Set up ``font`` as ``TTFont.__init__(font, name, str(path))`` does, from the kept parse when current."""
    data = path.read_bytes()
    marked = mark_of(path, data, f"{FORMAT}/{Version}")
    face = _face(read(kept_name(path), marked), data, str(path))
    if face is None:
        TTFont.__init__(font, name, str(path))
        if font.face._ttf_data == data:
            keep(kept_name(path), marked, _values(font.face))
        return
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)


def _face(values: Any, data: bytes, filename: str) -> TTFontFace | None:
    """Kept values -> the face ReportLab's parse made, or None when they are not a kept face's."""
    if not isinstance(values, dict) or not isinstance(values.get(NAMED), dict):
        return None
    face = TTFontFace.__new__(TTFontFace)
    try:
        for attribute, (raw, text) in values.pop(NAMED).items():
            named = bytes.__new__(TTFNameBytes, raw)
            named.ustr = text
            values[attribute] = named
    except (TypeError, ValueError):
        return None
    vars(face).update(values)
    face._ttf_data = data
    face.filename = filename
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _scale(units_per_em: int) -> Any:
    """ReportLab's font-unit -> 1/1000 em scale, as its parse makes it."""
    if units_per_em == 1000:
        return lambda x: x
    thousand = 1000 / units_per_em
    return lambda x: x * thousand


def _values(face: TTFontFace) -> dict[str, Any]:
    """A parsed face -> what is kept of it: every attribute but UNKEPT, its TTFNameBytes as (bytes, text)."""
    values = {k: v for k, v in vars(face).items() if k not in UNKEPT and not isinstance(v, TTFNameBytes)}
    values[NAMED] = {k: (bytes(v), v.ustr) for k, v in vars(face).items() if isinstance(v, TTFNameBytes)}
    return values
