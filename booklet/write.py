"""PDF bytes + target path -> a file on disk, written so that nothing is ever lost.

The bytes go to a temporary file in the target's own folder, are flushed and fsynced,
then renamed over the target in one step. A failure at any point (a full disk, an
unwritable folder) removes the temporary file and leaves the previous good output as
it was. Two builds racing for one file each write their own temporary file; the last
rename wins, and neither sees the other's bytes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from booklet.errors import InputError


def output_name(booklet_id: str, audience: str | None, fmt: str, *, impose: str | None = None, ext: str = "pdf") -> str:
    """Booklet id, audience, format and imposition -> a file name.

    The id, then the audience if given, then the format unless it is the booklet, then
    the imposition unless none: back-massage.pdf, back-massage-large-print.pdf,
    back-massage-student-cards.pdf, back-massage-home-saddle.pdf. Each part is slugged to
    lower-case letters, digits and hyphens, so no part can add a folder or a dot.
    """
    parts = [booklet_id, audience or "", "" if fmt == "booklet" else fmt, "" if impose in (None, "none") else impose]
    stem = "-".join(filter(None, (_slug(p) for p in parts)))
    return f"{stem or 'booklet'}.{_slug(ext) or 'pdf'}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = (), sync_folder: bool = True) -> Path:
    """Bytes + target path -> the path, written via a temporary file in its folder and a rename.

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
        # A dot name keeps the half-written file out of sight; short enough for any file system.
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
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


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte: os.write may write fewer than asked."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the disk accepted no bytes")
        view = view[written:]


def _refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """The output must not overwrite an input file or land inside the content folder's YAML."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError(f"cannot write {path}: {exc}") from None
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
