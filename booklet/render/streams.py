"""Stream bytes -> the same bytes Flate-compressed, remembered across the documents of one process.

A warm process (``booklet watch``, batch and roster workers) renders many documents whose
pages, font subsets and diagram forms are mostly the bytes of the last one: a page the
edit did not touch compresses to what it compressed to before. zlib is deterministic, so
the remembered result is the one a fresh process computes. Installed only while booklet
renders (render/settings.py), as ReportLab's Flate filter's encode.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict

MAX_BYTES = 32_000_000  # raw bytes remembered; the least recently used go first

_packed: OrderedDict[bytes, bytes] = OrderedDict()
_held = 0


def compress(text: str | bytes) -> bytes:
    """What ReportLab's PDFStreamFilterZCompress.encode returns (zlib at its default level), remembered."""
    global _held
    raw = text.encode("utf8") if isinstance(text, str) else bytes(text)
    found = _packed.get(raw)
    if found is not None:
        _packed.move_to_end(raw)
        return found
    packed = zlib.compress(raw)
    if len(raw) <= MAX_BYTES // 4:
        _packed[raw] = packed
        _held += len(raw) + len(packed)
        while _held > MAX_BYTES:
            old, old_packed = _packed.popitem(last=False)
            _held -= len(old) + len(old_packed)
    return packed
