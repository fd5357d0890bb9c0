"""Formatted objects kept from the last save (finish/reuse.py): reused only where the object is the same."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from booklet.finish import finish_plain, reuse
from booklet.finish.output import page_shown, saved
from booklet.fonts import register_family
from booklet.render.settings import render_settings

BASE = {
    "text": "page {n}: café",
    "radius": 5,
    "url": "https://example.org/",
    "rect": (72, 700, 200, 712),
    "second_height": 842,
    "rotate": 0,
    "number": 1,
    "names": ("A", "B"),
    "string": "one",
    "points": [1, 2, 3],
    "box_colour": (0.2, 0.4, 0.6),
    "points_to": 0,
    "targets": 2,
    "tree_last": False,
}

# One change each to what a single object is made of; every other object stays as it was.
CHANGES = {
    "a page's text": {"text": "page {n}: cafe"},
    "a form's drawing": {"radius": 6},
    "a link's address": {"url": "https://example.org/other"},
    "a link's rectangle": {"rect": (72, 700, 201, 712)},
    "one page's size": {"second_height": 841},
    "one page's rotation": {"rotate": 90},
    "an integer to a float": {"number": 1.5},
    "an integer to a boolean": {"number": True},
    "a name in an array": {"names": ("A", "C")},
    "a string": {"string": "two"},
    "a number deep in an array": {"points": [1, 2, 4]},
    "a colour": {"box_colour": (0.2, 0.4, 0.7)},
    "a reference to another object": {"points_to": 1},
    "one object more": {"targets": 3},
    # the page tree numbered one later: every page's /Parent (filled in as a page is written) moves, though
    # nothing the page holds does
    "the page tree's number": {"tree_last": True},
}


def drawn(v: dict) -> Canvas:
    """Three pages with text, a form on each, a link, one page of another size, and an object of booklet's own."""
    regular = register_family("NotoSans").regular
    canv = Canvas(io.BytesIO(), invariant=1, pageCompression=1, initialFontName=regular)
    canv.beginForm("mark")
    canv.circle(10, 10, v["radius"], fill=1)
    canv.endForm()
    for n in range(3):
        if n == 1:
            canv.setPageSize((595, v["second_height"]))
            canv.setPageRotation(v["rotate"])
        elif n == 2:
            canv.setPageSize((595, 842))
            canv.setPageRotation(0)
        canv.setFont(regular, 11)
        canv.drawString(72, 720, v["text"].format(n=n + 1))
        canv.setFillColorRGB(*v["box_colour"])
        canv.rect(72, 600, 50, 50, fill=1)
        canv.doForm("mark")
        canv.linkURL(v["url"], v["rect"])
        canv.showPage()
        page_shown(canv)
    targets = [canv._doc.Reference(PDFDictionary({"Target": n})) for n in range(v["targets"])]
    extra = PDFDictionary(
        {
            "Ref": targets[v["points_to"]],
            "N": v["number"],
            "Names": PDFArray([PDFName(x) for x in v["names"]]),
            "S": PDFString(v["string"]),
            "Deep": PDFArray([PDFArray(v["points"])]),
        }
    )
    canv._doc.Reference(extra)
    last = PDFDictionary({"Last": 1})
    numbered = [last, canv._doc.Pages] if v["tree_last"] else [canv._doc.Pages, last]
    for obj in numbered:
        canv._doc.Reference(obj)
    finish_plain(canv)
    return canv


def saved_with(v: dict, reusing: bool, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr(reuse, "_on", reusing)
    with render_settings():
        return saved(drawn(v))


@pytest.mark.parametrize("change", CHANGES)
def test_a_changed_object_is_formatted_again_and_the_others_are_reused(change: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(reuse, "_memos", type(reuse._memos)())
    edited = {**BASE, **CHANGES[change]}
    fresh = saved_with(edited, False, monkeypatch)
    assert fresh != saved_with(BASE, False, monkeypatch)  # the change shows in the file
    saved_with(BASE, True, monkeypatch)  # kept for the next save
    reused = saved_with(edited, True, monkeypatch)
    assert reused == fresh, change
    assert reuse.stats["reused"] > 0  # the objects the change did not touch came from the last save
    assert reuse.stats["formatted"] > 0


def test_an_unchanged_document_is_written_from_the_last_save_to_the_same_bytes(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(reuse, "_memos", type(reuse._memos)())
    first = saved_with(BASE, True, monkeypatch)
    assert saved_with(BASE, True, monkeypatch) == first
    assert reuse.stats["reused"] >= 10
    assert saved_with(BASE, False, monkeypatch) == first


def test_a_process_that_does_not_rebuild_keeps_nothing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(reuse, "_memos", type(reuse._memos)())
    saved_with(BASE, False, monkeypatch)
    assert not reuse._memos


def test_a_watch_rebuild_reusing_formatted_objects_equals_a_cold_build(shipped: Path, tmp_path: Path):
    """A one-line edit: nearly every object (structure elements, pages, forms, fonts) is the last
    save's, and the file is the one a fresh process builds."""
    from booklet.options import BuildOptions
    from booklet.watch import rebuild

    out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), out).errors
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    stroke.write_text(text.replace("in a smooth line.", "in one smooth line.", 1), encoding="utf-8")
    assert not rebuild(shipped, BuildOptions(), out).errors
    assert reuse.stats["reused"] > 10 * reuse.stats["formatted"]
    cold = tmp_path / "cold.pdf"
    code = f"from booklet.build import build_booklet; build_booklet({str(shipped)!r}, output={str(cold)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert out.read_bytes() == cold.read_bytes()


TREE = {
    "role": "P",
    "alt": "a body outline",
    "lang": "",
    "title": "Raking",
    "mcid": 1,
    "page": 2,
    "order": False,
    "other_object": "after the link",  # where an object of no element is registered: it moves others' numbers
}
TREE_CHANGES = {
    "an element's role": {"role": "H2"},
    "a figure's alternate text": {"alt": "the body from behind"},
    "an element's language": {"lang": "de"},
    "a section's title": {"title": "Raking strokes"},
    "a marked-content id": {"mcid": 2},
    "the page of a mark": {"page": 1},
    "the order of two elements": {"order": True},
    "the pages' object numbers": {"other_object": "between the pages"},
    "the link's object number": {"other_object": "before the link"},
}


def tagged(v: dict) -> bytes:
    """Two pages, a structure tree of a section, a figure and a paragraph, and a link drawn in the figure."""
    from booklet.finish import reading
    from booklet.render.tagging import Element

    regular = register_family("NotoSans").regular
    canv = Canvas(io.BytesIO(), invariant=1, pageCompression=1, initialFontName=regular)

    def other_object(where: str) -> None:
        if v["other_object"] == where:
            canv._doc.Reference(PDFDictionary({"Other": 1}))

    root = Element("Document", lang="en")
    sect = root.add("Sect", title=v["title"])
    figure = Element("Figure", sect, alt=v["alt"])
    para = Element("P", sect, lang=v["lang"])
    sect.kids += [para, figure] if v["order"] else [figure, para]
    figure.kids.append((1, 0))
    figure.drawn((1, 60, 600, 300, 760))
    para.role = v["role"]
    para.kids += [(1, v["mcid"]), (v["page"], 3)]
    for n in range(2):
        canv.setFont(regular, 11)
        canv.drawString(72, 720, "text")
        if n == 0:
            other_object("before the link")
            canv.linkURL("https://example.org/", (72, 700, 200, 712))
            other_object("after the link")
        canv.showPage()
        page_shown(canv)
        if n == 0:
            other_object("between the pages")
    reading(root)(canv)
    return saved(canv)


def tagged_with(v: dict, reusing: bool, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr(reuse, "_on", reusing)
    with render_settings():
        return tagged(v)


@pytest.mark.parametrize("change", TREE_CHANGES)
def test_a_changed_structure_element_is_formatted_again(change: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(reuse, "_memos", type(reuse._memos)())
    edited = {**TREE, **TREE_CHANGES[change]}
    fresh = tagged_with(edited, False, monkeypatch)
    assert fresh != tagged_with(TREE, False, monkeypatch)
    tagged_with(TREE, True, monkeypatch)
    assert tagged_with(edited, True, monkeypatch) == fresh, change
    assert reuse.stats["reused"] > 0


def test_a_font_subset_is_made_once_for_the_same_characters(monkeypatch: pytest.MonkeyPatch):
    """A process that builds again makes the subset of the same characters once; of others, again: ReportLab's bytes."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from booklet import warm
    from booklet.finish import rldoc

    made = []
    real = TTFontFile.makeSubset
    monkeypatch.setattr(TTFontFile, "makeSubset", lambda face, subset: made.append(1) or real(face, subset))
    monkeypatch.setattr(rldoc, "_SUBSETS", type(rldoc._SUBSETS)())
    monkeypatch.setattr(warm, "_again", False)
    fresh = [saved_with({**BASE, "text": text}, False, monkeypatch) for text in ("{n}: café", "{n}: naïve")]
    monkeypatch.setattr(warm, "_again", True)
    made.clear()
    kept = [saved_with({**BASE, "text": text}, False, monkeypatch) for text in ("{n}: café", "{n}: café", "{n}: naïve")]
    assert kept == [fresh[0], fresh[0], fresh[1]]
    assert len(made) == 2  # the second document's subset was the first's; the third holds another character
