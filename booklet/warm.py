"""Whether this process builds again and again -> whether a build keeps what it read and made for the next.

``booklet watch``, ``batch`` and roster workers build many times in one process: there,
the parsed YAML of unchanged files (load.py) and the encoded and compressed streams of
unchanged pages (render/streams.py) are kept for the next build. A one-off build keeps
none of it, as it would only raise the build's peak memory (about 30 MB at 1,000 pages).
The command line starts with Python's cycle collector paused (start.py); a process that
builds again, or a command that runs on (watch, batch), resumes it, so its heap never
holds more than one build's cycles.
"""

from __future__ import annotations

import gc

_again = False
_paused = False  # the collector was paused by collect_later() and not resumed yet


def collect_later() -> None:
    """Pause the cycle collector until this process says it builds again (if it ever does)."""
    global _paused
    if gc.isenabled() and not _again:
        gc.disable()
        _paused = True


def builds_again() -> None:
    """This process will build again: keep what the next build can reuse, from now on; collect cycles again
    if collect_later() paused the collector."""
    global _again
    _again = True
    collect_again()


def collect_again() -> None:
    """Resume the cycle collector if collect_later() paused it: for a process that runs on (watch, batch and
    roster, whose parent runs Dask's scheduler or the worker pool for as long as the run takes)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def keeps() -> bool:
    """True once the process said it builds again."""
    return _again
