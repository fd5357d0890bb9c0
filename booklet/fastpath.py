"""The arguments ``build [SOURCE] [-o FILE]`` -> that build run as the Click command runs it, without importing Click.

The plainest command is also the commonest (authors rebuild constantly), and Click's
import, with the whole command tree built from cli.py, is about 6% of a cold build's
instructions (3% net of what the build imports anyway). So the console script looks at its arguments first: when they
are exactly ``build``, at most one SOURCE and at most one ``-o``/``--output`` FILE,
with nothing Click would treat otherwise (an option, ``--``, an empty value, a path
Click's Path type would refuse, shell completion, streams Click would re-wrap), this
module runs the same steps cli.py's ``build`` runs, with the same messages, exit
codes and error handling as ``BookletGroup``. Anything else goes to Click, unchanged.
tests/test_fastpath.py holds the two paths to each other on the same arguments.
"""

from __future__ import annotations

import codecs
import gc
import io
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUTPUT_FLAGS = ("-o", "--output")


def plain_build(args: list[str]) -> tuple[Path | None, Path | None] | None:
    """Command-line arguments -> (source, output) when they are a plain build this module runs, else None."""
    if not args or args[0] != "build" or os.name == "nt" or os.environ.get("_BOOKLET_COMPLETE"):
        return None
    if not _streams_as_click_keeps_them():
        return None
    source: str | None = None
    output: str | None = None
    rest = args[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg in OUTPUT_FLAGS or arg.startswith("--output="):
            if output is not None:
                return None
            if arg.startswith("--output="):
                output = arg[len("--output=") :]
            elif i + 1 < len(rest):
                i += 1
                output = rest[i]
            else:
                return None
            if not output or output.startswith("-"):
                return None
        elif arg.startswith("-") or not arg or source is not None:
            return None
        else:
            source = arg
        i += 1
    if source is not None and not _path_as_click_takes_it(source, dir_okay=True):
        return None
    if output is not None and not _path_as_click_takes_it(output, dir_okay=False):
        return None
    return (Path(source) if source is not None else None, Path(output) if output is not None else None)


def _path_as_click_takes_it(value: str, dir_okay: bool) -> bool:
    """Whether click.Path (not required to exist, readable) passes ``value`` through as it is: it checks
    only a path that exists, for being readable and, without ``dir_okay``, for not being a folder."""
    try:
        info = os.stat(value)
    except OSError:
        return True
    if not dir_okay and stat.S_ISDIR(info.st_mode):
        return False
    return os.access(value, os.R_OK)


def _streams_as_click_keeps_them() -> bool:
    """Whether click.echo would write to sys.stdout and sys.stderr as they are (it re-wraps a stream
    without an encoding or errors setting, or one encoded as ASCII)."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.errors is None or not stream.encoding:
            return False
        try:
            if codecs.lookup(stream.encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def echo(text: str, err: bool = False) -> None:
    """click.echo of one line: written and flushed; ANSI escapes dropped when the stream is no terminal."""
    stream = sys.stderr if err else sys.stdout
    out = text + "\n"
    if "\x1b" in out and not stream.isatty():
        from click._compat import strip_ansi

        out = strip_ansi(out)
    stream.write(out)
    stream.flush()


def run(source: Path | None, output: Path | None) -> None:
    """Build as ``booklet build [SOURCE] [-o FILE]`` does, then end the process with its exit code."""
    try:
        code = _invoke(source, output)
    except (EOFError, KeyboardInterrupt):
        echo("", err=True)
        echo("stopped", err=True)
        sys.exit(1)
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        from click.core import _PacifyFlushWrapper

        sys.stdout = _PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
        sys.exit(1)
    gc.freeze()  # as BookletGroup.main: the process ends here
    sys.exit(code)


def _invoke(source: Path | None, output: Path | None) -> int:
    """BookletGroup.invoke around the group's callback and the build command's body -> the exit code."""
    from booklet.errors import BookletError, OptionError, clean

    try:
        from booklet.logs import route_libraries

        route_libraries()
        _build(source, output)
    except BookletError as exc:
        for line in exc.lines():
            echo(clean(line, 400), err=True)
        return 2 if isinstance(exc, OptionError) else 1
    except (ValueError, OSError, RecursionError, MemoryError) as exc:
        if not (isinstance(exc, OSError) and exc.filename is not None):
            raise
        echo(f"error: {clean(str(exc), 400)}", err=True)
        return 1
    return 0


def _build(source: Path | None, output: Path | None) -> None:
    """cli.build with no option given."""
    from booklet.options import parse_options

    started = time.perf_counter()
    build_and_report(source, output, parse_options({}), echo, started)


def build_and_report(
    source: Path | None, output: Path | None, options: Any, say: Callable[..., Any], started: float
) -> None:
    """The build command's body (cli.build and this module's): build, write, print what was written.

    ``say(text)`` prints a line, ``say(text, err=True)`` to stderr (click.echo or ``echo``);
    ``started`` is when the command began (perf_counter), for the time it reports.
    """
    from booklet.build import build as run_build
    from booklet.build import load_booklet
    from booklet.errors import clean
    from booklet.write import write_files

    booklet = load_booklet(source)
    result = run_build(booklet, options)
    paths = write_files(result.files, output=output, inputs=[Path(booklet.root)])
    for warning in result.warnings:
        say(clean(warning, 400), err=True)
    size = sum(len(data) for data in result.files.values())
    say(report(paths, result.summary(), size, time.perf_counter() - started))
    if result.instructions:
        say(result.instructions)


def report(paths: list[Path], summary: str, size: int, seconds: float) -> str:
    """'wrote a.pdf (20 pages on 5 sheets, 10 sides, 300 KB, 1.20 s)'."""
    return f"wrote {', '.join(str(p) for p in paths)} ({summary}, {size / 1024:.0f} KB, {seconds:.2f} s)"
