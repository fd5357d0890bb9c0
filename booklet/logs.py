"""Third-party loggers -> booklet's own: library chatter never reaches the terminal on its own.

pypdf ("EOF marker not found"), svglib ("Unable to find a suitable font"), Pillow,
fontTools and ReportLab log through the standard logging module; with no handler
configured, Python's last-resort handler prints their warnings to stderr before
booklet's one-line error. ``route_libraries()`` (called by the CLI, never on import)
sends their records to the ``booklet.libraries`` logger at DEBUG level instead, so
``--debug`` style logging setups still see them and nobody else does.
"""

from __future__ import annotations

import logging

LIBRARIES = ("pypdf", "svglib", "PIL", "fontTools", "reportlab", "pikepdf", "cssselect2", "tinycss2")
TARGET = "booklet.libraries"


class _Reroute(logging.Handler):
    """Re-emits a library's record as a DEBUG record of booklet's logger, naming the library."""

    def emit(self, record: logging.LogRecord) -> None:
        target = logging.getLogger(TARGET)
        if target.isEnabledFor(logging.DEBUG):
            target.debug("%s: %s", record.name, record.getMessage())


_HANDLER = _Reroute()


def route_libraries() -> None:
    """Send every listed library's log records to booklet.libraries (idempotent)."""
    for name in LIBRARIES:
        logger = logging.getLogger(name)
        if _HANDLER not in logger.handlers:
            logger.addHandler(_HANDLER)
        logger.propagate = False
