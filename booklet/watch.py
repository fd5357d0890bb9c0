"""Content folder -> rebuilt files after every save, in a process kept warm.

Polls modification times (no extra dependency). Imports, fonts and the parsed YAML of
unchanged files stay in memory between builds, so a one-line edit costs only its own
file's parse plus layout. A bad edit reports its errors and the loop carries on.
Every rebuild writes all of the build's files (cards with separate backs: both)
through write.write_files. A save that leaves the content as it was (an editor's
autosave, a touch, trailing spaces YAML ignores) gives the same booklet record,
and a booklet build is a pure function of that record, the options and the other
files of the folder: then the last build's files are written again, unbuilt. A PDF/A-3
edition carries the YAML files' own bytes, so for it the YAML files count as other files.
A rebuild runs without Python's cycle collector; right after it, while watch waits for
the next save, settle() collects what it left and sets aside what lives on.
"""

from __future__ import annotations

import gc
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from booklet.build import BuildResult, build, load_booklet, resolve_source
from booklet.errors import BookletError
from booklet.model import Booklet
from booklet.options import BuildOptions

WATCHED = ("*.yaml", "*.yml", "*.po", "*.png", "*.jpg", "*.jpeg", "*.svg", "*.ttf")


@dataclass(frozen=True)
class Event:
    """What one rebuild produced: the files written and what they hold, or error lines."""

    paths: tuple[Path, ...]
    summary: str  # pages (and sheets), as build reports them
    seconds: float
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # one line each, e.g. strings of a --lang build still untranslated


def snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every watched file under the content folder."""
    found: dict[Path, tuple[int, int]] = {}
    for pattern in WATCHED:
        for path in root.rglob(pattern):
            try:
                info = path.stat()
            except OSError:
                continue
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


@dataclass(frozen=True)
class _Built:
    """The last build of a watch process and what it was made from."""

    booklet: Booklet
    options: BuildOptions
    others: dict[Path, tuple[int, int]]  # every other file of the content folder, as _others() saw it
    result: BuildResult


_last: list[_Built] = []  # at most one


def _others(root: Path, *, with_yaml: bool = False) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every file under the content folder but its YAML (pictures, fonts,
    translations, whatever their case or kind): what a build reads besides the booklet record.

    ``with_yaml`` counts the YAML files too: a PDF/A-3 edition carries every source file's
    bytes, so there a comment edit changes the output though the booklet record is the same.
    """
    found: dict[Path, tuple[int, int]] = {}
    for path in root.rglob("*"):
        if path.suffix.lower() in (".yaml", ".yml") and not with_yaml:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode):  # a folder's time moves with an editor's swap files
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


def build_again(booklet: Booklet, options: BuildOptions) -> BuildResult:
    """build(), or the last build's result when the booklet, the options and the other files are unchanged."""
    from booklet.finish import reuse
    from booklet.render import furnished, replay

    others = _others(Path(booklet.root), with_yaml="a-3b" in options.pdf_standard)
    if _last and _last[0].booklet == booklet and _last[0].options == options and _last[0].others == others:
        return _last[0].result
    if not _last or _last[0].others != others:
        replay.forget()  # pictures, fonts and translations are not in a stroke's replay key
        furnished.forget()  # nor in the furniture's
    replay.keep_pages()
    reuse.keep_formatted()
    result = build(booklet, options)
    _last[:] = [_Built(booklet, options, others, result)]
    return result


def rebuild(source: Path, options: BuildOptions, output: Path | None = None, folder: Path | None = None) -> Event:
    """One build, every file written; user errors become an event, not an exception."""
    from booklet.warm import builds_again
    from booklet.write import write_files

    builds_again()
    started = time.perf_counter()
    collecting = gc.isenabled()
    gc.disable()  # what the rebuild leaves is collected after it, by settle() (watch calls it next)
    try:
        booklet = load_booklet(source)
        result = build_again(booklet, options)
        paths = write_files(result.files, folder=folder, output=output, inputs=[Path(booklet.root)], sync_folder=False)
        return Event(tuple(paths), result.summary(), time.perf_counter() - started, warnings=result.warnings)
    except BookletError as exc:
        return Event((), "", time.perf_counter() - started, tuple(exc.lines()))
    finally:
        if collecting:
            gc.enable()


def settle() -> None:
    """Between rebuilds, while watch waits for the next save: collect what the last rebuild left over,
    then set aside (gc.freeze) everything that lives on, so that the collections during the next rebuild
    walk only what it makes, not the caches and recordings kept for it (about 90,000 objects: a full
    collection then takes tens of milliseconds). The next settle puts them back first, so what a rebuild
    drops is collected at the following one."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def watch(
    source: str | Path | None,
    on_event: Callable[[Event], None],
    *,
    options: BuildOptions | None = None,
    output: Path | None = None,
    folder: Path | None = None,
    interval: float = 0.2,
    stop: Callable[[], bool] = lambda: False,
    max_cycles: int | None = None,
) -> None:
    """Build now, then again whenever a watched file changes, until ``stop()`` or ``max_cycles``.

    Files go to ``output`` (the main file; others beside it) or under their default
    names in ``folder`` (default: ./output).
    """
    path = resolve_source(source)
    root = path if path.is_dir() else path.parent
    options = options or BuildOptions()
    seen = snapshot(root)
    try:
        on_event(rebuild(path, options, output, folder))
        settle()
        cycles = 0
        while not stop() and (max_cycles is None or cycles < max_cycles):
            time.sleep(interval)
            cycles += 1
            now = snapshot(root)
            if now != seen:
                seen = now
                on_event(rebuild(path, options, output, folder))
                settle()
    finally:
        gc.unfreeze()  # the process goes on as it was: everything collectable again
