"""A build's files (name -> bytes) -> files on disk, named once and written so that nothing is ever lost.

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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from booklet.errors import InputError


def output_name(booklet_id: str, parts: Sequence[str] = (), ext: str = "pdf") -> str:
    """Booklet id + name parts -> a file name: back-massage-large-print-cards.pdf.

    Each part is slugged to lower-case letters, digits and hyphens, so no part can add a
    folder or a dot; empty parts are left out.
    """
    stem = "-".join(filter(None, (_slug(p) for p in (booklet_id, *parts))))
    return f"{stem or 'booklet'}.{_slug(ext) or 'pdf'}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace(".", "-")).strip("-")


def target_paths(names: Sequence[str], *, folder: Path | None = None, output: Path | None = None) -> list[Path]:
    """Default file names -> where to write them: in ``folder``, or the first at ``output`` and the rest beside it.

    Beside ``output`` a file keeps what its name adds to the names' common start:
    fronts and backs of ``guide.pdf`` become ``guide.pdf`` and ``guide-backs.pdf``.
    """
    if output is None:
        return [(folder or Path("output")) / name for name in names]
    output = Path(output)
    if len(names) == 1:
        return [output]
    stems = [Path(n).stem for n in names]
    common = os.path.commonprefix(stems)
    common = common[: common.rfind("-") + 1] if "-" in common else ""
    suffix = output.suffix or ".pdf"
    rest = [output.with_name(f"{output.stem}-{stem[len(common) :]}{suffix}") for stem in stems[1:]]
    return [output, *rest]


def write_files(
    files: Mapping[str, bytes],
    *,
    folder: Path | None = None,
    output: Path | None = None,
    inputs: Iterable[Path] = (),
    sync_folder: bool = True,
) -> list[Path]:
    """A build's files (default name -> bytes) -> the paths written, all or none.

    Every file is first written to a temporary file beside its target; only when all
    are on disk are they renamed into place, so a failure leaves every previous output
    as it was. Names come from :func:`target_paths`.
    """
    paths = target_paths(list(files), folder=folder, output=output)
    if len(set(paths)) != len(paths):
        raise InputError(f"two outputs of one build would share the name {paths[0]}; choose another output path")
    inputs = list(inputs)
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in zip(paths, files.values(), strict=True):
            staged.append((_stage(path, data, inputs), path))
        for temp, path in staged:
            _commit(temp, path)
    except BaseException:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    if sync_folder:
        for folder_ in {p.parent for p in paths}:
            _sync_folder(folder_)
    return paths


def write_atomic(path: Path, data: bytes, *, inputs: Iterable[Path] = (), sync_folder: bool = True) -> Path:
    """Bytes + target path -> the path, written via a temporary file in its folder and a rename.

    ``sync_folder=False`` (for watch's previews, rewritten every few seconds) skips making
    the rename itself survive a power cut; the bytes are always flushed to disk first.
    """
    path = Path(path)
    temp = _stage(path, data, inputs)
    try:
        _commit(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if sync_folder:
        _sync_folder(path.parent)
    return path


def _stage(path: Path, data: bytes, inputs: Iterable[Path]) -> str:
    """Bytes -> a flushed, fsynced temporary file beside ``path``; its name."""
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
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {path}: {exc.strerror or exc}; the previous file is unchanged") from None
        raise
    return temp


def _commit(temp: str, path: Path) -> None:
    """Rename a staged file over its target in one step."""
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}; the previous file is unchanged") from None


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
