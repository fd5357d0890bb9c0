"""The ``booklet`` command -> the command line, run with Python's cycle collector paused unless it builds again.

Starting the command line imports some 350 modules and makes their functions, classes and
tables: about 25 young collections walk them as they are made and free nothing, and
loading, checking and preparing the content add about 40 more (together about 2% of a
cold build's instructions). A one-off command runs to its end with the collector paused,
as the render already is (render/booklet.py's cycles_uncollected): reference counting
frees everything but cycles, and the process ends. A command that runs on (``booklet
watch`` and ``batch``, whose parent runs the worker pool or Dask's scheduler) resumes it
as it starts, and a process that builds again (batch and roster workers) as it says so
(warm.collect_again, warm.builds_again).

ReportLab's shapes (the diagrams' node tree) are made without their per-attribute check
in this process: ReportLab gives its Shape and Widget classes a ``__setattr__`` that
validates every value only when ``shapeChecking`` is on as it imports them, and the check
is off while booklet renders anyway (render/settings.py); without the method an
attribute is set as on any object (a property's setter still runs), about 2% of a cold
build. It is set through ReportLab's own ``RL_shapeChecking`` environment variable, unless
the user set that, before ReportLab is imported; child processes (batch workers) inherit it.

Regular expressions are compiled from programs kept between runs (regexes.py).

Only the command's entry points do any of this (this console script and ``python -m booklet``):
a library import of booklet, or a test calling the command line, changes nothing.
"""

from __future__ import annotations

import os


def started() -> None:
    """The command's process set up as above: the cycle collector paused (warm.collect_later), shapes unchecked.
    Before anything else of booklet's or ReportLab's is imported (bench/bench_cold.py starts the same way)."""
    from booklet.warm import collect_later

    collect_later()
    os.environ.setdefault("RL_shapeChecking", "0")
    from booklet import regexes  # after the pause: its import is the first of pathlib's

    regexes.install()


def run() -> None:
    """The console script: the command line, in a process started as ``started`` sets it up.

    A plain ``booklet build [SOURCE] [-o FILE]`` is run by fastpath.py without importing Click
    (the same steps, messages and exit codes); every other command line goes to cli.py."""
    import sys

    started()
    from booklet import fastpath

    plain = fastpath.plain_build(sys.argv[1:])
    if plain is not None:
        import booklet.compiled  # noqa: F401  (as cli.py: before any dataclass of booklet's is made)
        import booklet.deferred  # noqa: F401  (as cli.py: before ReportLab)

        fastpath.run(*plain)
    from booklet.cli import main

    main()
