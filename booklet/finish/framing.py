"""PDF bytes as ReportLab writes them -> the same file with every stream's data ended by an EOL, offsets moved.

ISO 19005 (PDF/A) 6.1.7 wants an end-of-line marker between a stream's data and its
``endstream`` keyword, not counted in /Length; ReportLab writes the keyword straight
after the data. This adds the marker at the end of each stream object and moves the
cross-reference offsets to match. It reads only the writer's own framing: the
cross-reference table gives where each object starts, so an object's last bytes are
found without reading any stream's data.
"""

from __future__ import annotations

import bisect
import re

_TAIL = b"endstream\nendobj\n"
_STARTXREF = re.compile(rb"startxref\n(\d+)\n%%EOF\n?$")
_SECTION = re.compile(rb"xref\n0 (\d+)\n")


def needs_eol(obj: bytes) -> int | None:
    """One indirect object as ReportLab formats it -> where its EOL goes (before ``endstream``), or None.

    Always for a stream: data that happens to end in a newline byte still needs its own EOL.
    """
    return len(obj) - len(_TAIL) if obj.endswith(_TAIL) else None


def framed(data: bytes) -> bytes:
    """``data`` with an EOL between every stream's data and its ``endstream``."""
    found = _STARTXREF.search(data, len(data) - 64)
    if found is None:
        raise ValueError("not a PDF as ReportLab writes it: no startxref at the end")
    xref = int(found.group(1))
    section = _SECTION.match(data, xref)
    if section is None:
        raise ValueError("not a PDF as ReportLab writes it: one cross-reference section expected")
    count = int(section.group(1))
    first = section.end()
    rows = [data[first + 20 * i : first + 20 * i + 20] for i in range(count)]
    offsets = [int(row[:10]) for row in rows[1:]]
    ends = [*offsets[1:], xref]
    cuts = [end - len(_TAIL) for end in ends if data.endswith(_TAIL, 0, end)]
    if not cuts:
        return data
    pieces, start = [], 0
    for cut in cuts:
        pieces += [data[start:cut], b"\n"]
        start = cut
    pieces.append(data[start:xref])
    moved = [bisect.bisect_right(cuts, offset) + offset for offset in offsets]
    table = [rows[0], *(b"%010d 00000 n \n" % offset for offset in moved)]
    trailer = data[first + 20 * count : found.start()]
    pieces += [section.group(0), *table, trailer, b"startxref\n%d\n%%%%EOF\n" % (xref + len(cuts))]
    return b"".join(pieces)
