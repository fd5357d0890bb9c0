"""Author text -> ReportLab paragraph markup: everything escaped, then **bold** and *italic*.

The one place text reaches ReportLab's paragraph parser, whose tags can read files
(`<img src>`), follow links and change fonts. Nothing the author types is markup
except the two documented forms; an unmatched `*` prints as typed.
"""

from __future__ import annotations

import re

# Markers must hug text: "**a b**" is bold, "2 * 3 * 4" is arithmetic.
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.DOTALL)
_URL = re.compile(r"^https?://[^\s<>\"'\\]+$")


def escape(text: str) -> str:
    """Escape the characters ReportLab's parser reads as markup or entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def to_para(text: str) -> str:
    """Plain text with inline markup -> safe paragraph markup."""
    out = _BOLD.sub(r"<b>\1</b>", escape(text))
    # Italic is matched inside each run between bold tags, so tags can never cross.
    pieces = re.split(r"(</?b>)", out)
    out = "".join(p if p in ("<b>", "</b>") else _ITALIC.sub(r"<i>\1</i>", p) for p in pieces)
    return out.replace("\n", "<br/>")


def plain(text: str) -> str:
    """Text without the inline markup markers: for bookmarks, metadata and canvas strings."""
    out = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", out)


def safe_url(url: str) -> str | None:
    """An http(s) address fit for a link annotation, or None."""
    url = url.strip()
    return url if _URL.match(url) else None
