"""Dataclass method source -> its compiled code, kept beside booklet's own bytecode between runs.

Python's dataclasses write each class's __init__, __eq__, __repr__, __hash__ and frozen
__setattr__ as source text and compile it at every start: about 270 compiles, some
60 ms of a cold `booklet build`. The same text always compiles to the same code, so the
code objects are kept (marshalled) in booklet's __pycache__, where Python keeps the
package's bytecode and which it trusts alike, under the interpreter's magic number. On
the next start a class gets the code from there (each unmarshalled when first asked
for) and only runs it.

The command line imports this module before any other of booklet's (importing it
installs the table; a library import of booklet changes nothing in dataclasses).
Nothing else changes: the text is the key, the code is compiled exactly as
dataclasses' own ``exec`` would (no inherited future flags, file "<string>"), and when
the file cannot be read or written (a read-only install, PYTHONDONTWRITEBYTECODE) the
methods are compiled as before, silently.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

MAX_ENTRIES = 4000  # texts kept; a build makes about 300, the test suite's libraries about 900

_known: dict[str, CodeType | bytes] = {}  # source text -> its code, or the code still marshalled
_added: list[str] = []


def table_path() -> Path | None:
    """Where the compiled methods are kept for this interpreter, or None when it keeps no bytecode."""
    tag = sys.implementation.cache_tag
    return None if tag is None else Path(__file__).parent / "__pycache__" / f"dataclass-code.{tag}.marshal"


def _magic() -> bytes:
    from importlib.util import MAGIC_NUMBER

    return MAGIC_NUMBER


def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec`` for dataclasses: source text runs as the code compiled from it the first time."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    code = _known.get(source)
    if isinstance(code, bytes):  # read from the table: unmarshalled on first use (about 7 us)
        code = _unmarshalled(code)
        if code is not None:
            _known[source] = code
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        if source in _known or len(_known) < MAX_ENTRIES:
            _known[source] = code
            _added.append(source)
    return builtins.exec(code, globals, locals)


def _unmarshalled(data: bytes) -> CodeType | None:
    try:
        code = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def load(path: Path) -> dict[str, bytes]:
    """The kept table (each code still marshalled), or nothing when it is missing, unreadable or from
    another interpreter."""
    try:
        data = path.read_bytes()
        magic = _magic()
        if not data.startswith(magic):
            return {}
        table = marshal.loads(data[len(magic) :])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, bytes)}


def save(path: Path) -> None:
    """Write the table (what was read plus what this run compiled), atomically; give up silently."""
    if not _added:
        return
    table = {k: v if isinstance(v, bytes) else marshal.dumps(v) for k, v in _known.items()}
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(_magic() + marshal.dumps(table))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return
    _added.clear()


def install() -> None:
    """Route dataclasses' compiles through the kept table, and keep what a run adds to it at exit."""
    import dataclasses

    path = table_path()
    if path is None or "exec" in vars(dataclasses):
        return  # no bytecode for this interpreter, or installed already
    _known.update(load(path))
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # found before the builtin by dataclasses' own code
    if not sys.dont_write_bytecode:
        import atexit

        atexit.register(save, path)


install()
