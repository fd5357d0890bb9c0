"""Errors a user can cause, kept apart from bugs.

A user mistake is a :class:`BookletError`: the CLI prints it as one line and exits 1,
or exits 2 for an :class:`OptionError` (something wrong on the command line or in the
options given to the library). Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: errors imports nothing of ours at run time
    from booklet.model import SourceRef


def clean(text: str, limit: int = 120) -> str:
    """Make content safe to echo on a terminal: no control characters, bounded length."""
    out = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))
    return out if len(out) <= limit else out[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, with where it is."""

    ref: SourceRef
    message: str
    where: str = ""

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.ref}: error: {where}{self.message}"

    def sort_key(self) -> tuple[str, int, int]:
        return (self.ref.file, self.ref.line, self.ref.column)


class BookletError(Exception):
    """A failure caused by the user's input, reported without a traceback."""

    def lines(self) -> list[str]:
        return [f"error: {self}"]


class ContentError(BookletError):
    """One or more problems in the content, each with file, line and column."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, ref: SourceRef, message: str, where: str = "") -> ContentError:
        return cls([Problem(ref, message, where)])

    def lines(self) -> list[str]:
        """One line per problem; a problem's detail for experts follows on its own indented line."""
        return [line for p in self.problems for line in str(p).split("\n")]


class OptionError(BookletError):
    """A bad option value, an option that does not apply, or an audience the content lacks: exit 2."""


class InputError(BookletError):
    """A bad file given on the command line (a PDF to impose, an output path)."""
