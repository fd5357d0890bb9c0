"""Edition + font -> every character the font cannot draw, reported with the field it is in.

A missing glyph would print as an empty box or vanish; this turns it into a content
error with the file and line to fix, before anything is drawn. Which fields are printed
comes from the schema (schema.printed_fields).
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from dataclasses import fields, is_dataclass

from booklet.errors import ContentError, Problem
from booklet.fonts import charset
from booklet.model import Booklet, SourceRef, ref_of
from booklet.schema import printed_fields
from booklet.warm import keeps

ALWAYS_FINE = set(" \n\t\u00a0\u200b\u200c\u200d\u2060\ufeff")


def check_glyphs(booklet: Booklet, font_name: str, family: str) -> None:
    """Raise one problem per field holding characters the font lacks."""
    drawable = charset(font_name)
    problems: list[Problem] = []
    _walk(booklet, booklet.ref, "", drawable, family, problems)
    if problems:
        raise ContentError(problems[:50])


def check_text(text: str, ref: SourceRef, where: str, font_name: str, family: str) -> None:
    """One piece of text from outside the content (a roster's name) -> an error if the font lacks a glyph."""
    problems: list[Problem] = []
    _walk(text, ref, where, charset(font_name), family, problems)
    if problems:
        raise ContentError(problems)


def _walk(
    value: object, ref: SourceRef, where: str, drawable: frozenset[int], family: str, problems: list[Problem]
) -> None:
    if isinstance(value, str):
        missing = sorted(
            {
                ch
                for ch in value
                if ord(ch) not in drawable and ch not in ALWAYS_FINE and unicodedata.category(ch) not in ("Mn", "Cf")
            }
        )
        if missing:
            shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
            problems.append(
                Problem(ref, f"the font {family} has no glyph for {shown}; change the text or theme.font", where)
            )
    elif isinstance(value, tuple):
        for item in value:
            _walk(item, ref, where, drawable, family, problems)
    elif is_dataclass(value) and not isinstance(value, type):
        kept = keeps()
        key = (id(value), id(drawable), family)
        known = _CHECKED.get(key) if kept else None
        if known is not None and known[0] is value and known[1] is drawable:
            problems.extend(known[2])
            return
        start = len(problems)
        for f in fields(value):
            if f.name in printed_fields(type(value)):
                _walk(getattr(value, f.name), ref_of(value, f.name), f.name, drawable, family, problems)
        if kept:  # holding the record and the font's characters keeps their ids from being reused
            _CHECKED[key] = (value, drawable, tuple(problems[start:]))
            while len(_CHECKED) > CHECKED_KEPT:
                _CHECKED.popitem(last=False)


# In a process that builds again (booklet/warm.py), a record validate.py kept from the last build
# (model records are frozen) is checked once per font: (id(record), id(the font's characters), family)
# -> (record, characters, the problems it gave).
_CHECKED: OrderedDict[tuple[int, int, str], tuple[object, frozenset[int], tuple[Problem, ...]]] = OrderedDict()
CHECKED_KEPT = 20_000
