"""Author text -> ReportLab paragraph markup: everything escaped, then **bold** and *italic*.

The one place text reaches ReportLab's paragraph parser, whose tags can read files
(`<img src>`), follow links and change fonts, and whose entities (`&nbsp;`, `&#65;`)
turn into other characters. Nothing the author types is markup except the two
documented forms, and `plain` strips exactly the markers `to_para` turns into tags,
so what a bookmark says and what the page prints never disagree.

The rules, in one place:
- `**text**` is bold, `*text*` italic; `***text***` is both.
- A marker hugs its text: the character inside it is not a space, and the character
  outside it is not a letter or digit. So `2 * 3 * 4` and `2*3*4` print as typed.
- Pairs nest but never cross: `**a *b** c*` is bold "a *b", then " c*" as typed.
- A marker without a partner prints as typed; so does a run of four or more `*`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_RUNS = re.compile(r"\*+")
_TAGS = {"b": ("<b>", "</b>"), "i": ("<i>", "</i>")}
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_ESCAPE = re.compile('[&<>"]')
_URL_BAD = re.compile(r"[\s\"'<>\\`{}|^]")


@dataclass
class _Marker:
    """One `*` or `**` in the text; ``role`` becomes "open", "close" or stays literal ("")."""

    kind: str
    role: str = ""


def escape(text: str) -> str:
    """Text -> the same text with every character ReportLab's parser reads as markup escaped."""
    return _ESCAPE.sub(lambda m: _ENTITIES[m.group()], text)


def to_para(text: str) -> str:
    """Plain text with inline markup -> safe paragraph markup (newlines become <br/>)."""
    out = []
    for piece in _pieces(text):
        if isinstance(piece, str):
            out.append(escape(piece).replace("\n", "<br/>"))
        elif piece.role:
            out.append(_TAGS[piece.kind][piece.role == "close"])
        else:
            out.append(_literal(piece))
    return "".join(out)


def plain(text: str) -> str:
    """Text with inline markup -> the words `to_para` prints, without markers and unescaped."""
    return "".join(p if isinstance(p, str) else "" if p.role else _literal(p) for p in _pieces(text))


def safe_url(url: str) -> str | None:
    """An address -> the same address if it is a plain http(s) URL fit for a link, else None."""
    url = url.strip()
    if not url or _URL_BAD.search(url) or not url.isprintable():
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _literal(marker: _Marker) -> str:
    return "**" if marker.kind == "b" else "*"


def _pieces(text: str) -> list[str | _Marker]:
    """Text -> text pieces and markers, each marker resolved to open, close or literal."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces: list[str | _Marker] = []
    stack: list[_Marker] = []  # open markers, at most one of each kind
    start = 0
    for run in _RUNS.finditer(text):
        pieces.append(text[start : run.start()])
        start = run.end()
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        can_open = not after.isspace() and not before.isalnum()
        can_close = not before.isspace() and not after.isalnum()
        if len(run.group()) > 3:  # a row of stars is decoration, printed as typed
            pieces.append(run.group())
            continue
        for marker in _split_run(len(run.group()), stack, can_close):
            pieces.append(marker)
            _resolve(marker, stack, can_open, can_close)
    pieces.append(text[start:])
    return [p for p in pieces if p != ""]


def _split_run(length: int, stack: list[_Marker], closing: bool) -> list[_Marker]:
    """A run of one to three stars -> its markers; three close the innermost open kind first."""
    if length == 1:
        return [_Marker("i")]
    if length == 2:
        return [_Marker("b")]
    inner_first = closing and bool(stack) and stack[-1].kind == "i"
    return [_Marker("i"), _Marker("b")] if inner_first else [_Marker("b"), _Marker("i")]


def _resolve(marker: _Marker, stack: list[_Marker], can_open: bool, can_close: bool) -> None:
    """Close the open marker of the same kind (dropping any opened inside it), or open a new one."""
    kinds = [m.kind for m in stack]
    if can_close and marker.kind in kinds:
        index = kinds.index(marker.kind)
        for crossed in stack[index + 1 :]:
            crossed.role = ""  # opened inside, never closed: prints as typed
        stack[index].role = "open"
        marker.role = "close"
        del stack[index:]
    elif can_open:
        if marker.kind in kinds:  # a newer opener of the same kind replaces the older one
            stack.remove(next(m for m in stack if m.kind == marker.kind))
        stack.append(marker)
