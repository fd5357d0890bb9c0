"""PDF bytes + target path -> a file on disk, written so that nothing is ever lost.

The bytes go to a temporary file in the target's own folder, are flushed and fsynced,
then renamed over the target in one step. A failure at any point (a full disk, an
unwritable folder) removes the temporary file and leaves the previous good output as
it was. Two builds racing for one file each write their own temporary file; the last
rename wins, and neither sees the other's bytes.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from booklet.errors import InputError


def output_name(booklet_id: str, audience: str | None, fmt: str, *, impose: str | None = None, ext: str = "pdf") -> str:
    """back-massage.pdf, back-massage-large-print.pdf, back-massage-home-cards.pdf, ...-saddle.pdf"""
    parts = [booklet_id, audience or "", "" if fmt == "booklet" else fmt, impose or ""]
    stem = "-".join(_slug(p) for p in parts if p)
    return f"{stem or 'booklet'}.{ext}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = (), sync_folder: bool = True) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename; return the path.

    ``sync_folder=False`` (for watch's previews, rewritten every few seconds) skips making
    the rename itself survive a power cut; the bytes are always flushed to disk first.
    """
    path = Path(path)
    _refuse_inputs(path, inputs)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name for the output")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {path}: {exc.strerror or exc}; the previous file is unchanged") from None
        raise
    if sync_folder:
        _sync_folder(folder)
    return path


def _refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """The output must not overwrite an input file or land inside the content folder's YAML."""
    target = path.resolve()
    for source in inputs:
        source = Path(source).resolve()
        if target == source or (path.exists() and source.exists() and _same_file(path, source)):
            raise InputError(f"output {path} is also an input; choose another output path")
        if (
            source.is_dir()
            and source in target.parents
            and (target.exists() or target.suffix.lower() in (".yaml", ".yml"))
        ):
            raise InputError(f"output {path} would overwrite a content file; choose another output path")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
