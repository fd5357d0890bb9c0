"""Content paths -> checked bytes: every file read stays inside the content folder.

Like Typst's project root: `..`, absolute paths and symlinks that leave the root are
refused, only regular files are read (a FIFO must not hang the build), and sizes are
capped. Callers get bytes, never a path to hand on to a library.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_CONTENT_FILE = 500_000  # bytes of YAML in one file: the pure-Python parser reads about 1 MB in 2-5 s
MAX_CONTENT_TOTAL = 1_500_000  # bytes of YAML in all the files of one content folder
MAX_IMAGE_FILE = 20_000_000


class UnsafePath(ValueError):
    """A referenced path that is outside the root, missing, or not a regular file."""


def resolve_inside(root: Path, relative: str) -> Path:
    """Resolve ``relative`` against ``root``; refuse anything that ends up outside it."""
    if not relative or "\x00" in relative:
        raise UnsafePath("empty or invalid file name")
    candidate = Path(relative)
    if candidate.is_absolute() or candidate.drive:
        raise UnsafePath(f"{relative!r} is an absolute path; give a path inside the content folder")
    real_root = root.resolve()
    target = (real_root / candidate).resolve()
    if target != real_root and real_root not in target.parents:
        raise UnsafePath(f"{relative!r} is outside the content folder")
    return target


def read_regular(path: Path, limit: int) -> bytes:
    """Read a regular file of at most ``limit`` bytes, without blocking on FIFOs or devices."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnsafePath(f"file not found: {path.name}") from None
    except OSError as exc:
        raise UnsafePath(f"cannot open {path.name}: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise UnsafePath(f"{path.name} is too large ({info.st_size:,} bytes; limit {limit:,})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnsafePath(f"{path.name} is too large (limit {limit:,} bytes)")
    return data


def read_inside(root: Path, relative: str, limit: int = MAX_IMAGE_FILE) -> bytes:
    """Resolve a content-relative path and read it, with every check above."""
    return read_regular(resolve_inside(root, relative), limit)


MAX_SOURCES = 50_000_000  # bytes of sources one PDF/A-3 file carries


def content_sources(root: Path) -> list[tuple[str, bytes]]:
    """Every regular file of a content folder (not hidden, not output/) -> (relative path, bytes), sorted."""
    real_root = root.resolve()
    if real_root.is_file():  # a single YAML file is its own source
        return [(real_root.name, read_regular(real_root, MAX_CONTENT_FILE))]
    found: list[tuple[str, bytes]] = []
    total = 0
    for folder, dirs, names in os.walk(real_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "output")
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            data = read_regular(path, MAX_IMAGE_FILE)
            total += len(data)
            if total > MAX_SOURCES:
                raise UnsafePath(f"the content folder holds more than {MAX_SOURCES:,} bytes to embed")
            found.append((path.relative_to(real_root).as_posix(), data))
    return found


MAX_LISTED = 2_000  # folder entries looked at for a hint


def nearby_hint(root: Path, relative: str) -> str:
    """A missing file -> " (did you mean 'images/angle.svg'?)": a file with the same stem, else a close name.

    Only the folder the path names is listed, and only when it is inside the content
    folder; '' when there is nothing to suggest.
    """
    import difflib
    import itertools

    try:
        target = resolve_inside(root, relative)
    except UnsafePath:
        return ""
    folder, real_root = target.parent, root.resolve()
    if folder != real_root and real_root not in folder.parents:
        return ""
    try:
        with os.scandir(folder) as entries:
            listed = itertools.islice(entries, MAX_LISTED)
            names = sorted(e.name for e in listed if e.is_file(follow_symlinks=False) and not e.name.startswith("."))
    except OSError:
        return ""
    prefix = relative.replace("\\", "/").rsplit("/", 1)[0] + "/" if "/" in relative.replace("\\", "/") else ""
    same = [n for n in names if Path(n).stem.lower() == target.stem.lower() and n != target.name]
    if same:
        return f" (there is {' and '.join(repr(prefix + n) for n in same[:3])}: did you mean that?)"
    size = len(target.name)
    near = [n for n in names if 7 * min(size, len(n)) >= 3 * max(size, len(n))][:200]
    close = difflib.get_close_matches(target.name, near, n=1, cutoff=0.6)
    return f" (did you mean '{prefix}{close[0]}'?)" if close else ""
