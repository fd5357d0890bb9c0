"""A source file + what was parsed from it -> kept beside booklet's bytecode, and read back while the file is the same.

For files that do not change between runs and cost more to parse than to unmarshal
(shipped fonts, pyphen's hyphenation dictionaries): one marshal file a source in
booklet's ``__pycache__``, where Python keeps the package's bytecode and which it trusts
alike (as compiled.py and locale.py keep their tables). Each holds a mark and the
values: the mark is the parser's version and the source file's size, modification
time and CRC-32, so a changed file, or a booklet or library that parses differently,
finds a different mark and parses again. Nothing is written without bytecode (a
read-only install, PYTHONDONTWRITEBYTECODE); unreadable or foreign files read as
nothing. No third-party imports.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any


def where(name: str) -> Path | None:
    """Where values named ``name`` are kept for this interpreter, or None when it keeps no bytecode."""
    tag = sys.implementation.cache_tag
    return None if tag is None else Path(__file__).parent / "__pycache__" / f"{name}.{tag}.marshal"


def mark_of(path: Path, data: bytes, version: str) -> tuple[str, int, int, int]:
    """The mark of a source file whose bytes are ``data``, as parsed by a parser of ``version``."""
    info = os.stat(path)
    return (version, info.st_size, info.st_mtime_ns, zlib.crc32(data))


def read(name: str, marked: tuple) -> Any | None:
    """The values kept under ``name`` with exactly this mark, or None."""
    place = where(name)
    if place is None:
        return None
    try:
        kept_mark, values = marshal.loads(place.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return values if kept_mark == marked else None


def keep(name: str, marked: tuple, values: Any) -> None:
    """Keep ``values`` under ``name`` with this mark, atomically; give up silently (no bytecode, read-only, a
    value marshal cannot write)."""
    place = where(name)
    if place is None or sys.dont_write_bytecode:
        return
    try:
        data = marshal.dumps((marked, values))
        place.parent.mkdir(exist_ok=True)
        temporary = place.with_name(f"{place.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, place)
    except (OSError, ValueError):
        return
