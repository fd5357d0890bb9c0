"""Content files -> every invisible format character the text's script does not need, with file:line:col.

validate refuses these characters too, but once per text field and, inside a YAML block
(``|``), at the block's start; a translator's PO file it does not read at all. This scan
reads the files themselves, so each character is named where it sits: booklet.yaml,
strokes/ and audiences/ YAML and translations/*.po. Zero-width joiners and non-joiners
between letters of a script that spells words with them (Persian, Urdu, the Indic
scripts, ...) are left alone: there they change how a word is written. Anywhere else a
joiner changes nothing booklet prints (it sets no ligatures and no emoji sequences),
but it splits a word for search, copy and a screen reader. No third-party imports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from booklet.model import SourceRef
from booklet.text_chars import JOINERS, hidden_characters, message

PATTERNS = ("booklet.yaml", "strokes/*.yaml", "audiences/*.yaml", "translations/*.po")


def content_files(source: Path) -> list[Path]:
    """A content folder or YAML file -> the text files it is written in."""
    if source.is_file():
        return [source]
    return [p for pattern in PATTERNS for p in sorted(source.glob(pattern)) if p.is_file()]


def scan(text: str, file: str) -> Iterator[tuple[SourceRef, str]]:
    """A file's text -> (where, what and why) for each invisible character it should not hold."""
    for number, line in enumerate(text.splitlines(), 1):
        for index in hidden_characters(line):
            yield SourceRef(file, number, index + 1), explain(line, index)


def explain(line: str, index: int) -> str:
    """What the character at ``line[index]`` is, why it is out of place there, and what to do."""
    ch = line[index]
    if ch not in JOINERS:
        return message(ch)
    name = unicodedata.name(ch, "joiner")
    around = [c for c in (line[index - 1 : index], line[index + 1 : index + 2]) if c.strip()]
    scripts = sorted({unicodedata.name(c, "?").split(" ")[0].title() for c in around if c.isalpha()})
    where = f"between {' and '.join(repr(c) for c in around)}" if around else "at a word's edge"
    script = f" ({', '.join(scripts)} script)" if scripts else ""
    return (
        f"invisible U+{ord(ch):04X} ({name}) {where}{script}: this script spells no word with it and "
        "booklet sets no ligatures, so it prints nothing but splits the word for search, copy and screen "
        "readers; joiners belong only inside Arabic-script, Indic, Sinhala, Khmer, Myanmar or Mongolian "
        "words; delete it"
    )


def invisible(source: Path) -> list[tuple[SourceRef, str]]:
    """Every such character of a content folder (or file), file by file, line by line."""
    from booklet.load import display_path

    found: list[tuple[SourceRef, str]] = []
    for path in content_files(source):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += scan(text, display_path(path))
    return found
