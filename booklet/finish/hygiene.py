"""An open PDF -> the same PDF with the small defects every output must not have, repaired in place.

- Font subsets carry distinct tags derived from the subset's own bytes (ISO 32000-1
  9.6.4): ReportLab names every subset ``AAAAAA+``, and imposed or card sheets hold
  several subsets of one font.
- ToUnicode maps never map a code to U+0000, U+FEFF or U+FFFE (ReportLab lists the
  unused codes 0-31 of a subset as U+0000).
- No font a content stream does not use stays in a resource dictionary when it is not
  embedded (the graphics renderer's default Helvetica).
- No empty ``/Trans`` page transition.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from typing import Any

import pikepdf
from pikepdf import Name

_TAGGED = re.compile(r"^/?([A-Z]{6})\+(.+)$")
_BAD_VALUES = (b"0000", b"FEFF", b"FFFE")
_BAD_TARGET = re.compile(rb"<[0-9A-Fa-f]+>\s*<(0000|FEFF|FFFE)>", re.IGNORECASE)
_BFCHAR = re.compile(rb"\d+\s+beginbfchar(.*?)endbfchar\s*", re.DOTALL)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_USES_FONT = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-+.\d]+\s+Tf")


def clean(pdf: pikepdf.Pdf) -> None:
    """Apply every repair of this module to ``pdf``."""
    fonts_seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        if "/Trans" in page.obj and not len(page.obj.Trans.keys()):
            del page.obj["/Trans"]
        _clean_resources(page.obj, functools.partial(_content_of, page.obj), fonts_seen, depth=0)


def _content_of(owner: Any) -> bytes:
    contents = owner.get("/Contents")
    if contents is None:
        return owner.read_bytes() if isinstance(owner, pikepdf.Stream) else b""
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(c.read_bytes() for c in contents)
    return contents.read_bytes()


def _clean_resources(owner: Any, content: Callable[[], bytes], fonts_seen: set, depth: int) -> None:
    """Repair the fonts of one resource dictionary; ``content`` reads the stream only if a font is unembedded."""
    resources = owner.get("/Resources")
    if resources is None or depth > 8:
        return
    fonts = resources.get("/Font")
    if fonts is not None:
        used: set[str] | None = None
        for key in list(fonts.keys()):
            font = fonts[key]
            if not _embedded(font) and used is None:
                used = {m.decode("latin-1") for m in _USES_FONT.findall(content())}
            if used is not None and not _embedded(font) and key[1:] not in used:
                del fonts[key]
                continue
            if font.objgen not in fonts_seen:
                fonts_seen.add(font.objgen)
                _retag(font)
                _fix_to_unicode(font)
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == Name.Form:
            _clean_resources(xobject, xobject.read_bytes, fonts_seen, depth + 1)


def _descriptor(font: Any) -> Any:
    if "/DescendantFonts" in font:
        return font.DescendantFonts[0].get("/FontDescriptor")
    return font.get("/FontDescriptor")


def _embedded(font: Any) -> bool:
    if font.get("/Subtype") == Name.Type3:
        return True
    descriptor = _descriptor(font)
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def subset_tag(data: bytes) -> str:
    """Six capital letters from a subset's bytes: the same subset always gets the same tag."""
    digest = hashlib.sha256(data).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _retag(font: Any) -> None:
    base = str(font.get("/BaseFont", ""))
    match = _TAGGED.match(base)
    descriptor = _descriptor(font)
    if not match or descriptor is None:
        return
    program = next((descriptor[k] for k in ("/FontFile2", "/FontFile", "/FontFile3") if k in descriptor), None)
    if program is None:
        return
    widths = repr(font.get("/Widths", "")).encode()
    name = "/" + subset_tag(program.read_raw_bytes() + widths + base.encode()) + "+" + match.group(2)
    font.BaseFont = Name(name)
    descriptor.FontName = Name(name)
    if "/DescendantFonts" in font:
        font.DescendantFonts[0].BaseFont = Name(name)


def _fix_to_unicode(font: Any) -> None:
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return
    data = cmap.read_bytes()
    if not _BAD_TARGET.search(data):
        return
    blocks = list(_BFCHAR.finditer(data))
    entries = [pair for block in blocks for pair in _PAIR.findall(block.group(1)) if pair[1].upper() not in _BAD_VALUES]
    rebuilt = b"".join(
        b"%d beginbfchar\n" % len(chunk) + b"".join(b"<%s> <%s>\n" % pair for pair in chunk) + b"endbfchar\n"
        for chunk in (entries[i : i + 100] for i in range(0, len(entries), 100))
    )
    out = data[: blocks[0].start()] + rebuilt
    for before, after in zip(blocks, blocks[1:] + [None], strict=True):
        out += data[before.end() : after.start() if after else len(data)]
    cmap.write(out)
