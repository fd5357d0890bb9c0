"""Markup + style -> a Paragraph that parses its markup once per document and breaks its lines once per width.

Parsing: ReportLab parses every paragraph's markup afresh, though a booklet repeats
text (the same caution, step or tip in many strokes). The parse is a pure function of
the markup, the style's attributes and the faces ReportLab's global table maps the
style's family to for <b> and <i>, so its fragments are kept in a bounded, module-level
table (which also lives on across `booklet watch` rebuilds) keyed on all three. Each
paragraph gets its own copy of the fragments: ReportLab changes fragments in place when
it splits a paragraph.

Line breaking: the spread packer and the frames measure a paragraph several times at
the same width (about half of all wraps in a long booklet). ReportLab's Paragraph
breaks its lines again each time; this one keeps what the last break set and gives it
back when the width, the text fragments and the style are the same objects as then.
Splitting may change fragments in place, so a split forgets the memo.

Line breaking is a pure function too (of the parse, the style and the width), so
identical paragraphs at the same width share one break, from a second bounded table.
What ReportLab sets in a wrap (lines, and the fragments cut into words) is then shared
read-only; a split, which changes lines and words in place, first gives the paragraph
copies of its own, and render/linespace.py spaces line ends on a copy.
"""

from __future__ import annotations

import copy
import itertools
from collections import OrderedDict
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

# What Paragraph.wrap and breakLines set on the paragraph.
_WRAPPED = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")

PARSE_LIMIT = 2048  # entries per table (about 2.3 KB each): a 1,000-page booklet of distinct text has ~18k paragraphs
Kept = tuple[tuple[Any, dict[str, Any], tuple[str, ...]], ...]  # per fragment: class, attributes, list attributes
_PARSED: OrderedDict[tuple[Any, ...], tuple[str, Kept, Kept | None]] = OrderedDict()
_BROKEN: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()  # (parse key, width) -> what a wrap set
_SKIPPED = ("name", "parent")  # a style's name and parent do not change what its markup parses to
_STYLE_KEYS: WeakKeyDictionary[Any, tuple[dict[str, Any], int]] = WeakKeyDictionary()  # style -> (snapshot, key)
_STYLE_NUMBERS: dict[tuple[Any, ...], int] = {}  # each distinct set of attribute values -> its number
_NEXT_NUMBER = itertools.count(1)


def style_key(style: Any) -> int | None:
    """A paragraph style -> a number standing for the value (and type) of every attribute, or None when
    one is unhashable. Styles whose attributes are equal get the same number.

    Worked out once per style object and reused while its attributes are still equal
    to what they were then (one dict comparison), as styles are made once and shared;
    a number keeps the tables' keys cheap to hash. Numbers are never given twice.
    """
    attributes = style.__dict__
    known = _STYLE_KEYS.get(style)
    if known is not None and known[0] == attributes:
        return known[1]
    values = []
    for name, value in attributes.items():
        if name in _SKIPPED:
            continue
        if isinstance(value, list):
            value = tuple(value)
        try:
            hash(value)
        except TypeError:
            return None
        values.append((name, type(value), value))
    if len(_STYLE_NUMBERS) > PARSE_LIMIT:  # a very long-lived process: start afresh (old numbers just miss)
        _STYLE_NUMBERS.clear()
    number = _STYLE_NUMBERS.setdefault(tuple(values), next(_NEXT_NUMBER))
    _STYLE_KEYS[style] = (dict(attributes), number)
    return number


def faces(font_name: str) -> tuple[Any, ...] | None:
    """A style's font -> its family and the four faces <b> and <i> map to now (ReportLab's global table,
    which fonts.map_styles and other libraries write), or None when ReportLab cannot map it."""
    try:
        family, bold, italic = ps2tt(font_name)
        return (
            family,
            bold,
            italic,
            tt2ps(family, 0, 0),
            tt2ps(family, 0, 1),
            tt2ps(family, 1, 0),
            tt2ps(family, 1, 1),
        )
    except ValueError:
        return None


def kept(frags: list[Any]) -> Kept:
    """Parse fragments -> what fresh copies are made from: each one's class, a copy of its attributes
    (lists copied too) and the names of its list attributes, found once rather than at every copy."""
    return tuple(
        (frag.__class__, attributes, tuple(n for n, v in attributes.items() if isinstance(v, list)))
        for frag in copied(frags)
        for attributes in (frag.__dict__,)
    )


def from_kept(fragments: Kept) -> list[Any]:
    """Kept fragments -> fresh fragments with the same attributes, none shared (their lists copied too)."""
    fresh = []
    for cls, attributes, lists in fragments:
        twin = cls.__new__(cls)
        own = twin.__dict__ = attributes.copy()
        for name in lists:
            value = own[name]
            own[name] = value[:] if value.__class__ is list else copy.copy(value)
        fresh.append(twin)
    return fresh


def copied(frags: list[Any]) -> list[Any]:
    """Parse fragments -> fresh fragments with the same attributes, none shared (their lists copied too)."""
    fresh = []
    for frag in frags:
        twin = frag.__class__.__new__(frag.__class__)
        attributes = twin.__dict__ = frag.__dict__.copy()
        for name, value in attributes.items():
            if isinstance(value, list):
                attributes[name] = value[:] if value.__class__ is list else copy.copy(value)
        fresh.append(twin)
    return fresh


def own_lines(laid: Any) -> Any:
    """Wrapped lines (ReportLab's ParaLines) -> a copy whose lines and line fragments are new objects."""
    fresh = copy.copy(laid)
    fresh.lines = []
    for line in laid.lines:
        if isinstance(line, tuple):  # (extra space, words): one font
            fresh.lines.append((line[0], list(line[1])))
        else:
            twin = copy.copy(line)
            twin.words = [copy.copy(word) for word in line.words]
            fresh.lines.append(twin)
    return fresh


def forget_parses() -> None:
    """Empty the parse and line-break tables (tests; a long-lived process that wants its memory back)."""
    _PARSED.clear()
    _BROKEN.clear()


class Measured(Paragraph):
    """A Paragraph whose markup parse is shared by identical paragraphs and whose line breaking is remembered."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        key: tuple[Any, ...] | None = None
        if frags is None and cleaner is cleanBlockQuotedText and isinstance(text, str):
            attributes, fonts = style_key(style), faces(style.fontName)
            if attributes is not None and fonts is not None:
                key = (text, self.caseSensitive, attributes, fonts)
        hit = _PARSED.get(key) if key is not None else None
        if key is not None and hit is not None:
            _PARSED.move_to_end(key)
            self.text, self.frags, self.style, self.debug = hit[0], from_kept(hit[1]), style, 0
            self.bulletText = from_kept(hit[2]) if hit[2] is not None else bulletText
        else:
            super()._setup(text, style, bulletText, frags, cleaner)
            if key is None or self.style is not style:  # a <para> tag made a style of its own: not kept
                return
            bullets = kept(self.bulletText) if self.bulletText is not bulletText else None
            _PARSED[key] = (self.text, kept(self.frags), bullets)
            if len(_PARSED) > PARSE_LIMIT:
                _PARSED.popitem(last=False)
        if self.bulletText is None:  # a bullet changes the first line's width: not shared
            self._parsed = (key, self.frags)  # key is not None here: a parse kept or found

    def _breaks_key(self, avail_w: float) -> tuple[Any, ...] | None:
        """(parse key, width) while the fragments are still the parse's, else None (not shared)."""
        parsed = self.__dict__.get("_parsed")
        if parsed is None or parsed[1] is not self.frags or "autoLeading" in self.__dict__:
            return None
        return (parsed[0], avail_w)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        memo = self.__dict__.get("_measured")
        if memo is not None and memo[0] == avail_w and memo[1] is self.frags and memo[2] is self.style:
            self.__dict__.update(memo[3])
            return self.width, self.height
        key = self._breaks_key(avail_w)
        broken = _BROKEN.get(key) if key is not None else None
        if key is not None and broken is not None:
            _BROKEN.move_to_end(key)
            self.__dict__.update(broken)
            self._shared = True
            self._measured = (avail_w, self.frags, self.style, broken)
            return self.width, self.height
        unbroken = self.frags
        size = super().wrap(avail_w, avail_h)
        broken = {k: self.__dict__[k] for k in _WRAPPED if k in self.__dict__}
        if self.frags is not unbroken:  # cut into words by the break
            broken["frags"] = self.frags
        if key is not None and "blPara" in self.__dict__ and self.width == avail_w:  # not refused as too narrow
            _BROKEN[key] = broken
            self._shared = True  # for good: a later break of shared words still holds some of them
            if len(_BROKEN) > PARSE_LIMIT:
                _BROKEN.popitem(last=False)
        self._measured = (avail_w, self.frags, self.style, broken)
        return size

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        self.__dict__.pop("_measured", None)
        if self.__dict__.get("_shared") and "blPara" in self.__dict__:
            # ReportLab's split changes the lines' words and the word lists in place: own them first
            self.blPara = own_lines(self.__dict__["blPara"])
            self.frags = [copy.copy(word) for word in self.frags]
        return super().split(avail_w, avail_h)
