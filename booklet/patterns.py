"""An import -> the same import, with the regular expressions it compiles on import left to a stand-in.

Some libraries compile patterns at their top that a build rarely or never uses
(ReportLab's web-address pattern, PyYAML's pure-Python reader and resolvers). For the
length of one import, ``re.compile`` asks ``later`` first; a stand-in it returns is used
in place of the compiled pattern, and anything else is compiled as usual. ``CompiledOnUse``
is the usual stand-in. No third-party imports.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class CompiledOnUse:
    """A regular expression compiled the first time something asks it anything."""

    __slots__ = ("_args", "_pattern")

    def __init__(self, *args: Any) -> None:
        self._args = args
        self._pattern: re.Pattern[Any] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._pattern is None:
            self._pattern = re.compile(*self._args)
        return getattr(self._pattern, name)


Later = Callable[[Any, int, str], Any]  # (pattern, flags, the compiling module's name) -> a stand-in, or None


@contextmanager
def compiled_later(later: Later) -> Iterator[None]:
    """Inside the block, ``re.compile(pattern, flags)`` gives ``later``'s stand-in when it gives one; restored after."""
    compile_ = re.compile

    def compile_or_later(pattern: Any, flags: int = 0) -> Any:
        stand_in = later(pattern, flags, sys._getframe(1).f_globals.get("__name__", ""))
        return compile_(pattern, flags) if stand_in is None else stand_in

    re.compile = compile_or_later  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = compile_
