"""Whether this process builds again and again -> whether a build keeps what it read and made for the next.

``booklet watch``, ``batch`` and roster workers build many times in one process: there,
the parsed YAML of unchanged files (load.py) and the encoded and compressed streams of
unchanged pages (render/streams.py) are kept for the next build. A one-off build keeps
none of it, as it would only raise the build's peak memory (about 30 MB at 1,000 pages).
"""

from __future__ import annotations

_again = False


def builds_again() -> None:
    """This process will build again: keep what the next build can reuse, from now on."""
    global _again
    _again = True


def keeps() -> bool:
    """True once the process said it builds again."""
    return _again
