"""Text -> the first invisible format character that may not print, with why.

Unicode format characters (category Cf) draw nothing but change what a reader sees:
bidi overrides and isolates (U+202A-202E, U+2066-2069) reorder text, the Arabic letter
mark (U+061C) and LRM/RLM (U+200E/F) steer direction, zero-width spaces and joiners
(U+200B, U+2060, U+FEFF) hide breaks, tag characters (U+E0000...) hide text.
ReportLab applies none of them, so they only hide or smuggle text. Refused, with two
exceptions kept on an allow-list:

- U+00AD SOFT HYPHEN: a hyphenation hint; it prints only at a line break.
- U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER between letters of a
  script that spells words with them (Arabic script for Persian and Urdu, the Indic
  scripts, Sinhala, Khmer, Myanmar, Mongolian, Syriac, N'Ko).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from booklet.model import SourceRef

ALLOWED = {"\u00ad"}
JOINERS = {"\u200c", "\u200d"}
JOINING_SCRIPTS = (
    "ARABIC",
    "SYRIAC",
    "NKO",
    "DEVANAGARI",
    "BENGALI",
    "GURMUKHI",
    "GUJARATI",
    "ORIYA",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
    "SINHALA",
    "KHMER",
    "MYANMAR",
    "MONGOLIAN",
)


def format_character(text: str) -> int | None:
    """Text -> the index of the first format character not on the allow-list, or None."""
    return next(hidden_characters(text), None)


def hidden_characters(text: str) -> Iterator[int]:
    """Text -> the index of every format character not on the allow-list, in order."""
    if text.isascii():
        return
    for index, ch in enumerate(text):
        if unicodedata.category(ch) != "Cf" or ch in ALLOWED:
            continue
        if ch in JOINERS and _joins(text, index):
            continue
        yield index


def _joins(text: str, index: int) -> bool:
    """A joiner between a letter (or mark) of a joining script and another letter or mark."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return _in_script(before) and (_in_script(after) or unicodedata.category(after or " ")[0] in "LM")


def _in_script(ch: str) -> bool:
    if not ch or unicodedata.category(ch)[0] not in "LM":
        return False
    return unicodedata.name(ch, "").startswith(JOINING_SCRIPTS)


def message(ch: str) -> str:
    """A refused format character -> what it is and what to do."""
    name = unicodedata.name(ch, "format character")
    code = f"U+{ord(ch):04X} ({name})"
    if ch in JOINERS:
        return (
            f"invisible {code} is allowed only between letters of scripts that need it "
            "(Arabic, Indic, Sinhala, Khmer, Myanmar, Mongolian); delete it"
        )
    return f"invisible format character {code} is not allowed in text: it can hide or reorder what prints; delete it"


def char_ref(ref: SourceRef, text: str, index: int) -> SourceRef:
    """The place of text[index] when the text sits on one line where it was typed; else the value's start."""
    if "\n" in text[:index]:
        return ref
    return SourceRef(ref.file, ref.line, ref.column + index) if ref.line else ref
