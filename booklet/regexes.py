"""A regular expression's text and flags -> its compiled program, kept beside booklet's bytecode between runs.

Python compiles every regular expression from its text at each start, in pure Python
(``re._parser`` and ``re._compiler``): a cold build compiles about 200 of them, its own,
the standard library's, ReportLab's and PyYAML's, some 3% of its instructions. The
program a text compiles to is the same every time (it depends on the text, the flags and
the interpreter alone), so the command's process keeps the programs it compiled in
booklet's ``__pycache__``, as compiled.py keeps dataclass code, under a mark naming the
interpreter and its regular-expression engine, and a later start hands a kept program to
``_sre.compile``, as ``re._compiler.compile`` does with the one it just made: the same
pattern object. A text whose compiling warns (a FutureWarning about a nested set, say) is
never kept, so its warning is given every time; a text that does not compile raises as
before. Nothing is written without bytecode (a read-only install, PYTHONDONTWRITEBYTECODE),
and only the command's entry points install this (start.py): a library import of booklet
changes nothing in ``re``.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

MAX_ENTRIES = 2000  # programs kept; a build compiles about 200
FORMAT = "1"

_kept: dict[tuple[Any, int], bytes | tuple[Any, ...]] = {}  # (text, flags) -> the program, marshalled until used
_added: list[tuple[Any, int]] = []
_original: Any = None


def table_path() -> Path | None:
    """Where the programs are kept for this interpreter, or None when it keeps no bytecode."""
    tag = sys.implementation.cache_tag
    return None if tag is None else Path(__file__).parent / "__pycache__" / f"regex-code.{tag}.marshal"


def _mark() -> tuple[str, str, int, str]:
    """What a kept program is valid for: this format, this interpreter (its full version), its engine."""
    import _sre

    return (FORMAT, sys.version, _sre.MAGIC, sys.implementation.name)


def kept_compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, with the program of a text taken from the kept table when it is there."""
    if not isinstance(p, (str, bytes)) or flags & 128:  # a parsed pattern (re.Scanner), or re.DEBUG: as before
        return _original(p, flags)
    key = (p, int(flags))
    found = _kept.get(key)
    if isinstance(found, bytes):
        found = _unmarshalled(found)
        if found is None:
            del _kept[key]
        else:
            _kept[key] = found
    if found is not None:
        import _sre

        final_flags, code, groups, groupindex, indexgroup = found
        try:
            return _sre.compile(p, final_flags, list(code), groups, dict(groupindex), tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            _kept.pop(key, None)
    pattern = _original(p, flags)  # as before: its warnings, its errors
    if len(_kept) < MAX_ENTRIES:
        program = _program(p, flags)
        if program is not None:
            _kept[key] = program
            _added.append(key)
    return pattern


def _program(p: str | bytes, flags: int) -> tuple[Any, ...] | None:
    """What ``re._compiler.compile(p, flags)`` hands to ``_sre.compile``, or None when compiling it warns."""
    import warnings
    from re import _compiler, _parser  # type: ignore[attr-defined]

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
    if warned:
        return None
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # The compiler's opcodes are int subclasses (named constants): kept as plain ints, as _sre reads them.
    return (
        int(flags | parsed.state.flags),
        tuple(int(c) for c in code),
        int(parsed.state.groups - 1),
        {str(name): int(i) for name, i in groupindex.items()},
        tuple(indexgroup),
    )


def _unmarshalled(data: bytes) -> tuple[Any, ...] | None:
    try:
        program = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    return program if isinstance(program, tuple) and len(program) == 5 else None


def load(path: Path) -> dict[tuple[Any, int], bytes]:
    """The kept table (each program still marshalled), or nothing when it is missing, unreadable or another's."""
    try:
        mark, table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if mark != _mark() or not isinstance(table, dict):
        return {}
    return {
        k: v
        for k, v in table.items()
        if isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], (str, bytes)) and isinstance(v, bytes)
    }


def save(path: Path) -> None:
    """Write the table (what was read plus what this run compiled), atomically; give up silently."""
    if not _added:
        return
    try:
        table = {k: v if isinstance(v, bytes) else marshal.dumps(v) for k, v in _kept.items()}
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((_mark(), table)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return
    _added.clear()


def install() -> None:
    """Route re's compiles through the kept table, and keep what the run adds to it at exit."""
    global _original
    from re import _compiler  # type: ignore[attr-defined]

    path = table_path()
    if path is None or _original is not None:
        return
    _kept.update(load(path))
    _original = _compiler.compile
    _compiler.compile = kept_compile
    if not sys.dont_write_bytecode:
        import atexit

        atexit.register(save, path)
