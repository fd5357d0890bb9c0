"""Stream text -> its PDF bytes, and stream bytes -> Flate-compressed, remembered across the documents of one process.

A warm process (``booklet watch``, batch and roster workers) renders many documents whose
pages, font subsets and diagram forms are mostly the bytes of the last one: a page the
edit did not touch compresses to what it compressed to before. zlib is deterministic, so
the remembered result is the one a fresh process computes. Likewise a page's operator
text, and every name, number and string of the document's objects, is encoded to
bytes (ReportLab's pdfdoc codec, a Python charmap: about 0.7 ms a page, 2 us a number)
once; the oldest entries go first, as above. Installed only while booklet renders (render/settings.py), as ReportLab's
Flate filter's encode and as pdfdoc's text encoder.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from typing import Any

MAX_BYTES = 32_000_000  # raw bytes remembered; the least recently used go first

_packed: OrderedDict[bytes, bytes] = OrderedDict()
_held = 0
_encoded: OrderedDict[str, bytes] = OrderedDict()
_encoded_held = 0


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


def encode_text(text: Any) -> Any:
    """What ReportLab's pdfdoc.pdfdocEnc returns (extended PDFDocEncoding; bytes as given), remembered."""
    global _encoded_held
    if not isinstance(text, str):
        return text
    found = _encoded.get(text)
    if found is not None:
        return found
    encoded = text.encode("extpdfdoc")
    if len(text) <= MAX_BYTES // 8:
        _encoded[text] = encoded
        _encoded_held += len(text) + len(encoded) + 100  # about what a short entry costs in memory
        while _encoded_held > MAX_BYTES // 2:
            old, old_encoded = _encoded.popitem(last=False)
            _encoded_held -= len(old) + len(old_encoded) + 100
    return encoded
