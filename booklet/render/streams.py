"""Stream text -> its PDF bytes, and stream bytes -> Flate-compressed, remembered across the documents of one process.

A warm process (``booklet watch``, batch and roster workers) renders many documents whose
pages, font subsets and diagram forms are mostly the bytes of the last one: a page the
edit did not touch compresses to what it compressed to before. zlib is deterministic, so
the remembered result is the one a fresh process computes. Likewise a page's operator
text, and every name, number and string of the document's objects, is encoded to
bytes (ReportLab's pdfdoc codec, a charmap: about 0.7 ms a page, 2 us a number)
once; the oldest entries go first, as above. Text that is ASCII, as page operators
always are, encodes to itself under that codec (but for the eight code points it
refuses), so it is encoded as ASCII, in C: 1,000 times faster. Installed only while
booklet renders (render/settings.py), as ReportLab's Flate filter's encode and as
pdfdoc's text encoder.

A one-off build gains nothing from remembering its page streams (no two pages are alike)
and would hold them all at its peak: about 20 MB at 1,000 pages. So whole streams and
long texts are remembered only in a process that builds again (booklet/warm.py: watch,
batch and roster workers); short texts (names, numbers, the words of a document's
objects) repeat within one document and are always remembered, a few thousand at most.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from typing import Any

from booklet.warm import keeps

MAX_BYTES = 32_000_000  # raw bytes remembered; the least recently used go first
SHORT_TEXT = 40  # characters: a text at most this long is remembered in any process ...
SHORT_ENTRIES = 4_096  # ... up to this many of them (names and operators repeat; most numbers do not)


_packed: OrderedDict[bytes, bytes] = OrderedDict()
_held = 0
_encoded: OrderedDict[str, bytes] = OrderedDict()
_encoded_held = 0
# ASCII code points PDFDocEncoding gives to accents (0x18-0x1F): ReportLab's codec refuses them.
NOT_PDFDOC = bytes(range(0x18, 0x20))


def pdfdoc_bytes(text: str) -> bytes:
    """``text.encode("extpdfdoc")``: ASCII text without NOT_PDFDOC is its own encoding; anything else goes
    through the codec (which also raises for what it cannot encode)."""
    if text.isascii():
        raw = text.encode("ascii")
        if len(raw.translate(None, NOT_PDFDOC)) == len(raw):
            return raw
    return text.encode("extpdfdoc")


def compress(text: str | bytes) -> bytes:
    """What ReportLab's PDFStreamFilterZCompress.encode returns (zlib at its default level), remembered."""
    global _held
    raw = text.encode("utf8") if isinstance(text, str) else bytes(text)
    if not keeps():
        return zlib.compress(raw)
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
        _encoded.move_to_end(text)
        return found
    encoded = pdfdoc_bytes(text)
    across = keeps()
    if len(text) <= (MAX_BYTES // 8 if across else SHORT_TEXT):
        _encoded[text] = encoded
        _encoded_held += len(text) + len(encoded) + 100  # about what a short entry costs in memory
        while _encoded_held > MAX_BYTES // 2 or (not across and len(_encoded) > SHORT_ENTRIES):
            old, old_encoded = _encoded.popitem(last=False)
            _encoded_held -= len(old) + len(old_encoded) + 100
    return encoded
