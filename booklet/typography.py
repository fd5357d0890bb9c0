"""Text + language -> the same text with the language's quotes, apostrophes and dashes.

Authors type straight quotes and hyphens; print wants „Anführungszeichen“ in German,
« guillemets » in French, “curly quotes” and apostrophes in English, and an en dash in
a range ("3–5 Mal"). Only unambiguous cases change: a quote must open at the start of
a word and close at its end, so ``class="x"``, inch marks and code stay as typed, and
web addresses are never touched. Letters are never re-cased. No third-party imports.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

from booklet.labels import base_language
from booklet.warm import keeps


@dataclass(frozen=True)
class Marks:
    """A language's quotation marks (outer pair, inner pair) and the dash of an aside."""

    outer: tuple[str, str]
    inner: tuple[str, str]
    aside: str = " – "  # what " - " between words becomes


NNBSP = "\u00a0"
MARKS = {
    "en": Marks(("“", "”"), ("‘", "’")),
    "de": Marks(("„", "“"), ("‚", "‘")),
    "fr": Marks(("«" + NNBSP, NNBSP + "»"), ("“", "”")),
    "es": Marks(("«", "»"), ("“", "”")),
    "it": Marks(("«", "»"), ("“", "”")),
    "el": Marks(("«", "»"), ("“", "”")),
    "ru": Marks(("«", "»"), ("„", "“"), " — "),
}

_AS_TYPED = re.compile(r"\b(?:https?://|www\.)\S+|<[^<>]*>", re.IGNORECASE)  # addresses, tag-like text
_RANGE = re.compile(r"(?<![\d.,-])(\d+(?:[.,]\d+)?)-(\d+(?:[.,]\d+)?)(?![\d-])")
_WORD_END = set(" \t\n.,;:!?)") | {""}
_OPEN_BEFORE = set(" \t\n([{—–-/") | {""}
_CLOSE_AFTER = set(" \t\n)]}.,;:!?…—–-/*") | {""}

# Fields that hold ids, enum values, paths or addresses: never typeset.
NOT_TEXT = {
    "id",
    "root",
    "language",
    "url",
    "image",
    "logo",
    "font",
    "heading_font",
    "accent",
    "paper",
    "pressure",
    "signal",
    "zone",
    "stroke",
    "placement",
    "pattern",
    "start",
    "direction",
    "side",
    "hand",
    "hands",
    "areas",
    "tags",
    "audiences",
    "include",
    "exclude",
    "max_pressure",
    "vocabulary",
    "default_audience",
    "labels",
    "keywords",
    "overrides",
    "extra_items",
    "ref",
    "field_refs",
    "paths",
}


@lru_cache(maxsize=16384)  # an edition typesets every text again; watch and batch rebuild the same texts
def typeset(text: str, language: str) -> str:
    """Straight quotes, apostrophes and range hyphens -> the language's typographic forms."""
    marks = MARKS.get(base_language(language))
    if marks is None or not text:
        return text
    pieces, last = [], 0
    for url in _AS_TYPED.finditer(text):
        pieces += [_words(text[last : url.start()], marks), url.group()]
        last = url.end()
    pieces.append(_words(text[last:], marks))
    return "".join(pieces)


def _words(text: str, marks: Marks) -> str:
    text = _RANGE.sub(lambda m: f"{m.group(1)}–{m.group(2)}", text)
    text = text.replace(" - ", marks.aside)
    return _quotes(text, marks)


def _quotes(text: str, marks: Marks) -> str:
    """Pair quotes that open at a word's start with ones that close at a word's end."""
    out = list(text)
    open_at: dict[str, int | None] = {'"': None, "'": None}
    for i, char in enumerate(text):
        if char not in open_at:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if char == "'" and before.isalpha() and (after.isalpha() or (after in _WORD_END and open_at["'"] is None)):
            out[i] = "’"  # an apostrophe: don't, l’eau, the givers’ hands
            continue
        can_open = before in _OPEN_BEFORE and after not in ("", " ", "\n", "\t")
        can_close = before not in ("", " ", "\n", "\t") and after in _CLOSE_AFTER
        pair = marks.outer if char == '"' else marks.inner
        start = open_at[char]
        if start is not None and can_close:
            out[start], out[i] = pair
            open_at[char] = None
        elif can_open:
            open_at[char] = i
    return "".join(out)


def typeset_record(value: Any, language: str) -> Any:
    """A model record (or tuple of them) -> the same with every reader-visible text typeset."""
    if isinstance(value, str):
        return typeset(value, language)
    if isinstance(value, tuple):
        return tuple(typeset_record(v, language) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        kept = keeps()
        if kept:
            known = _TYPESET.get((id(value), language))
            if known is not None and known[0] is value:
                _TYPESET.move_to_end((id(value), language))
                return known[1]
        changes = {
            f.name: typeset_record(getattr(value, f.name), language) for f in fields(value) if f.name not in NOT_TEXT
        }
        out = replace(value, **changes)
        if kept:
            _TYPESET[(id(value), language)] = (value, out)  # holding the record keeps its id from being reused
            while len(_TYPESET) > TYPESET_KEPT:
                _TYPESET.popitem(last=False)
        return out
    return value


# In a process that builds again (booklet/warm.py), a record validate.py kept from the last
# build (an unchanged file's stroke, step or caution: model records are frozen) is typeset once.
_TYPESET: OrderedDict[tuple[int, str], tuple[Any, Any]] = OrderedDict()
TYPESET_KEPT = 20_000  # records (a 500-stroke booklet has about 10,000)
