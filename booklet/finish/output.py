"""ReportLab's formatted pieces, one at a time -> the finished file in one buffer: framed and identified as written.

``rldoc.write`` formats a document as ReportLab's ``getpdfdata`` would, but hands each
piece (the header, every object, the cross-reference table, the trailer) to a
``File`` here instead of keeping them all and joining them. A stream object gets its
EOL before ``endstream`` as it arrives (framing.py's rule), offsets are counted as the
bytes are written, and the trailer's /ID becomes the MD5 of everything written before
it and of the trailer as ReportLab formatted it (ident.py's rule). The bytes are
those of ``identified(framed(getpdfdata()))``; the file is held once, not five times
(the pieces, their join, the framed copy, and the identified copy with its slices).
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from booklet.finish import rldoc
from booklet.finish.framing import needs_eol
from booklet.finish.ident import with_digest


def page_shown(canv: Any, written: bool = True) -> bool:
    """Call after each page is shown: its operators are compressed now, not kept as text until the save
    (``written=False``: the document is never saved, so they are not).

    True if the page carries annotations (links, form fields) to place in the structure tree.
    """
    if written:
        rldoc.pack_page(canv)
    return rldoc.annotated(canv)


def saved(canv: Any) -> bytes:
    """A canvas whose pages are all shown and finished -> the file's bytes, framed and identified."""
    return rldoc.write(canv, File())


class File:
    """Where ``rldoc.write`` puts a document's pieces; ``close`` gives its bytes."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()  # getvalue() hands over its bytes without a copy
        self.offset = 0

    def add(self, piece: bytes) -> int:
        """Write one piece (an object, the header or the table); return the offset where it begins."""
        where = self.offset
        cut = needs_eol(piece)
        write = self._buffer.write
        if cut is None:
            write(piece)
            self.offset = where + len(piece)
        else:
            view = memoryview(piece)  # no copy of a large stream to insert one byte
            write(view[:cut])
            write(b"\n")
            write(view[cut:])
            self.offset = where + len(piece) + 1
        return where

    def close(self, trailer: bytes) -> bytes:
        """Write the trailer with its identifier made from the file's bytes; return the whole file."""
        with self._buffer.getbuffer() as written:  # one digest of everything before the trailer, not one a piece
            digest = hashlib.md5(written, usedforsecurity=False)
        digest.update(trailer)
        self._buffer.write(with_digest(trailer, digest.hexdigest().encode()))
        data = self._buffer.getvalue()
        self._buffer = io.BytesIO()
        return data
