"""PDF bytes as ReportLab writes them -> the same file whose trailer /ID is a digest of its own bytes.

In invariant mode ReportLab derives the file identifier from the document's title and
its fixed date, so two editions with one title (home and large print, say) would share
an identifier, which ISO 32000 asks to be unique to the file. The MD5 of the bytes as
written is deterministic (the same content gives the same file) and differs whenever
the content does. It has the length of the one it replaces, so no offset moves.
"""

from __future__ import annotations

import hashlib
import re

_ID = re.compile(rb"/ID\s*\[<([0-9a-f]{32})><([0-9a-f]{32})>\]")
_TRAILER_WINDOW = 1024  # bytes from the end where ReportLab's trailer sits


def identified(data: bytes) -> bytes:
    """``data`` with both halves of its trailer /ID set to the MD5 of ``data``."""
    start = max(0, len(data) - _TRAILER_WINDOW)
    found = _ID.search(data, start)
    if found is None:
        raise ValueError("not a PDF as ReportLab writes it: no /ID in the trailer")
    digest = hashlib.md5(data, usedforsecurity=False).hexdigest().encode()
    return data[: found.start(1)] + digest + b"><" + digest + data[found.end(2) :]


def with_digest(trailer: bytes, digest: bytes) -> bytes:
    """ReportLab's trailer -> the same trailer with both halves of its /ID set to ``digest`` (32 hex digits)."""
    found = _ID.search(trailer)
    if found is None:
        raise ValueError("not a PDF trailer as ReportLab writes it: no /ID")
    return trailer[: found.start(1)] + digest + b"><" + digest + trailer[found.end(2) :]
