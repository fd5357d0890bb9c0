"""A ReportLab document about to be saved -> the same, without the small defects every output must not have.

- Font subsets carry distinct tags derived from the subset's own bytes (ISO 32000-1
  9.6.4): ReportLab names every first subset ``AAAAAA+``, and imposed or card sheets
  hold several subsets of one font.
- ToUnicode maps never map a code to U+0000, U+FEFF or U+FFFE (ReportLab lists the
  unused codes 0-31 of a subset as U+0000), and list at most 100 codes per block.
- No font that no content stream uses stays in the font dictionary when it is not
  embedded (the graphics renderer's default Helvetica).
- No empty ``/Trans`` page transition.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFTrueTypeFont

from booklet.finish import rldoc

_TAGGED = re.compile(r"^([A-Z]{6})\+(.+)$")
_BAD = ("0000", "FEFF", "FFFE")
_PAIR = re.compile(r"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>")
_BFCHAR = re.compile(r"\d+ beginbfchar\n(.*?)endbfchar\n?", re.DOTALL)
_USES_FONT = re.compile(r"/([^\s/<>\[\]()]+)\s+[-+.\d]+\s+Tf")


def clean(doc: Any) -> None:
    """Apply every repair of this module to ``doc``; call it once, when every page is drawn."""
    fonts = rldoc.fonts(doc)
    for key in list(fonts):
        font = fonts[key]
        if isinstance(font, PDFTrueTypeFont):
            _retag(doc, font)
            _fix_to_unicode(doc, font)
    unembedded = [key for key, font in fonts.items() if not isinstance(font, PDFTrueTypeFont)]
    if unembedded:
        used = _fonts_used(doc)
        for key in unembedded:
            if key not in used:
                del fonts[key]
    for page in rldoc.pages(doc):
        trans = rldoc.get_entry(page, "Trans")
        if isinstance(trans, PDFDictionary) and not trans.dict:
            page.Trans = None


def subset_tag(data: bytes) -> str:
    """Six capital letters from a subset's bytes: the same subset always gets the same tag."""
    digest = hashlib.sha256(data).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _retag(doc: Any, font: Any) -> None:
    match = _TAGGED.match(str(font.BaseFont))
    descriptor = rldoc.resolve(doc, getattr(font, "FontDescriptor", None))
    if not match or not isinstance(descriptor, PDFDictionary) or "FontFile2" not in descriptor:
        return
    program = rldoc.resolve(doc, descriptor["FontFile2"]).content
    widths = repr(font.Widths.sequence).encode()
    name = subset_tag(program + widths + str(font.BaseFont).encode()) + "+" + match.group(2)
    font.BaseFont = name
    descriptor["FontName"] = PDFName(name)


def _fix_to_unicode(doc: Any, font: Any) -> None:
    cmap = rldoc.resolve(doc, getattr(font, "ToUnicode", None))
    if cmap is None:
        return
    text = cmap.content
    blocks = list(_BFCHAR.finditer(text))
    if not blocks:
        return
    entries = [pair for block in blocks for pair in _PAIR.findall(block.group(1)) if pair[1].upper() not in _BAD]
    rebuilt = "".join(
        f"{len(chunk)} beginbfchar\n" + "".join(f"<{a}> <{b}>\n" for a, b in chunk) + "endbfchar\n"
        for chunk in (entries[i : i + 100] for i in range(0, len(entries), 100))
    )
    out = text[: blocks[0].start()] + rebuilt
    for before, after in zip(blocks, blocks[1:] + [None], strict=True):
        out += text[before.end() : after.start() if after else len(text)]
    cmap.content = out


def _fonts_used(doc: Any) -> set[str]:
    """The font names any page or form selects with ``Tf``."""
    used: set[str] = set()
    seen: set[int] = set()
    todo = rldoc.pages(doc)
    while todo:
        owner = todo.pop()
        if id(owner) in seen:
            continue
        seen.add(id(owner))
        used.update(_USES_FONT.findall(rldoc.content_text(owner)))
        todo += [x for x in rldoc.forms(doc, owner) if hasattr(x, "stream")]
    return used
