"""PO file <-> polib catalogue: where a language's file lives, reading it, and its text.

polib (MIT) parses and writes; this module turns what it raises into a content error
at the file and line (``translations/de.po:12:1: error: ...``) and finds the line of
each entry's msgstr, so later checks point where a translator types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from booklet.errors import ContentError
from booklet.model import SourceRef

MAX_PO_FILE = 20_000_000  # bytes; a whole booklet's text is well under 1 MB
_LINE = re.compile(r"\(line (\d+)\)")


def shown(path: Path) -> str:
    from booklet.load import display_path

    return display_path(path)


@dataclass(frozen=True)
class Catalog:
    """A parsed PO file, with where it is and the line of every entry's msgstr."""

    po: polib.POFile
    path: str  # as shown in messages
    lines: dict[int, int]  # id(entry) -> line of its msgstr

    def ref(self, entry: polib.POEntry) -> SourceRef:
        return SourceRef(self.path, self.lines.get(id(entry), entry.linenum), 1)


def read_catalog(path: Path) -> Catalog:
    """A PO file -> its catalogue; unreadable, not UTF-8 or not PO is a ContentError at its line."""
    where = shown(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError.at(SourceRef(where), "no such translation file") from None
    except OSError as exc:
        raise ContentError.at(SourceRef(where), f"cannot read the translation: {exc.strerror or exc}") from None
    if len(data) > MAX_PO_FILE:
        raise ContentError.at(SourceRef(where), f"the file is larger than {MAX_PO_FILE:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError.at(SourceRef(where, line, 1), "not UTF-8 text (save the PO file as UTF-8)") from None
    return parse_catalog(text, where)


def parse_catalog(text: str, where: str) -> Catalog:
    """PO text -> its catalogue, or a ContentError at the line polib stopped at."""
    if "\n" not in text:
        text += "\n"  # polib takes a one-line string for a file name
    try:
        po = polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as exc:
        found = _LINE.search(str(exc))
        line = int(found.group(1)) if found else 1
        message = _LINE.sub("", str(exc)).replace(" in po file", "").strip().rstrip(":")
        raise ContentError.at(SourceRef(where, line, 1), f"PO {message.lower() or 'syntax error'}") from None
    return Catalog(po, where, msgstr_lines(po, text))


def msgstr_lines(po: polib.POFile, text: str) -> dict[int, int]:
    """id(entry) -> the 1-based line where its msgstr starts (polib records only where the entry starts)."""
    lines = text.split("\n")
    out: dict[int, int] = {}
    for entry in po:
        start = max(entry.linenum - 1, 0)
        for number in range(start, min(len(lines), start + 200)):
            if lines[number].lstrip("#~ ").startswith("msgstr"):
                out[id(entry)] = number + 1
                break
    return out


def catalog_text(po: polib.POFile) -> str:
    """A catalogue -> its PO text as written to disk (entries, then obsolete ones)."""
    return str(po)


def write_catalog(path: Path, po: polib.POFile) -> bool:
    """Write the catalogue (atomically) unless the file already holds exactly this text; True if written."""
    from booklet.write import write_atomic

    data = catalog_text(po).encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return True
