"""Plan -> PDF bytes with ReportLab: styles, flowables, booklet pages and cards.

Importing this package changes no ReportLab setting; render entry points run under
render/settings.py's scoped settings (no fetching of anything named in content).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import reportlab

if int(reportlab.Version.split(".")[0]) < 5:
    raise ImportError(f"booklet needs ReportLab >= 5, found {reportlab.Version}")

_URI_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # how ReportLab's web-address pattern (uri_pat) begins


class _UriPattern:
    """ReportLab's web-address pattern, compiled on the first text that could match it.

    Compiling it (case-insensitive ranges up to U+FFFF) costs about 50-90 ms, more than
    a short booklet's whole line breaking, and ReportLab does it on import. The pattern
    is anchored and its scheme group ends in a mandatory "://", so text without "://"
    never matches: those calls answer None without compiling.
    """

    def __init__(self, pattern: str, flags: int):
        self._source, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        if "://" not in text:
            return None
        return self._pattern().match(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)


# Modules the paragraph import loads whose import-time patterns a booklet never uses: the CJK
# character class of textsplit's cjkwrap (about 4-5 ms to compile: the class spans 53,000 code points),
# rl_safe_eval's unsafe-name alternation and PyFontify's Python-source patterns (xpreformatted's),
# normalDate's date formats, and the standard library's platform (its IronPython, PyPy, libc and
# os-release parsers; ReportLab asks only for the CPython version, compiled when asked), glob's
# wildcard test and html's character references (html.parser has its own). Each is used through
# its methods only, so a stand-in compiled on first use answers the same.
UNUSED_PATTERNS = (
    "reportlab.lib.textsplit",
    "reportlab.lib.rl_safe_eval",
    "reportlab.lib.PyFontify",
    "reportlab.lib.normalDate",
    "platform",
    "glob",
    "html",
)


def _import_paragraph() -> None:
    """Import reportlab.platypus.paragraph with its web-address pattern left uncompiled (see _UriPattern),
    and the patterns of UNUSED_PATTERNS' modules compiled on first use."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    from booklet.patterns import CompiledOnUse, compiled_later

    def later(pattern: Any, flags: int, module: str) -> _UriPattern | CompiledOnUse | None:
        if isinstance(pattern, str) and pattern.startswith(_URI_START):
            return _UriPattern(pattern, flags)
        return CompiledOnUse(pattern, flags) if module in UNUSED_PATTERNS else None

    with compiled_later(later):
        import reportlab.platypus.paragraph  # noqa: F401


_import_paragraph()
