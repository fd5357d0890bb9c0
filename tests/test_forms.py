"""Diagrams drawn alike are painted once per PDF as a form XObject and placed on each page, still tagged."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pikepdf

from booklet.build import BuildOptions, build, load_booklet
from tests.conftest import SHIPPED


def twins() -> bytes:
    """The shipped booklet with its first stroke twice, under two ids: two pages with one drawing."""
    booklet = load_booklet(SHIPPED)
    first = booklet.strokes[0]
    twin = replace(first, id=f"{first.id}-again", name=f"{first.name} again")
    return build(replace(booklet, strokes=(first, twin, *booklet.strokes[1:])), BuildOptions(audience="home")).pdf


MARKS = re.compile(rb"/(\w+)\s*(?:<<[^>]*>>\s*)?BDC|/(\w+)\s+BMC|\bEMC\b|/(\S+) Do\b")


def content_placements(data: bytes) -> list[bytes]:
    """XObject names a content stream places as content, in order: those inside an /Artifact
    (a decorative repeat, such as the routine's thumbnails of the glance page's figures) left out."""
    stack: list[bytes] = []
    names = []
    for m in MARKS.finditer(data):
        if m.group(1) or m.group(2):
            stack.append(m.group(1) or m.group(2))
        elif m.group(3):
            if b"Artifact" not in stack:
                names.append(m.group(3))
        elif stack:
            stack.pop()
    return names


def placed_forms(page: pikepdf.Page) -> list[pikepdf.Object]:
    """The drawings a page's content places as form XObjects (`/Name Do`; forms with curves), in order."""
    contents = page.obj.Contents
    parts = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    data = b"".join(part.read_bytes() for part in parts)
    forms = page.obj.Resources.get("/XObject", {})
    names = content_placements(data)
    placed = [forms["/" + n.decode()] for n in names if forms.get("/" + n.decode(), {}).get("/Subtype") == "/Form"]
    return [f for f in placed if len(re.findall(rb" c\b", f.read_bytes())) > 20]


def figure_pages(pdf: pikepdf.Pdf) -> dict[int, list[str]]:
    """Page number -> the alt texts of the Figure elements drawn on it."""
    numbers = {p.objgen: i for i, p in enumerate(pdf.pages, 1)}
    found: dict[int, list[str]] = {}

    def walk(el, page):
        if "/Pg" in el:
            page = numbers[el.Pg.objgen]
        if el.get("/S") == "/Figure":
            found.setdefault(page, []).append(str(el.get("/Alt", "")))
        kids = el.K if isinstance(el.get("/K"), pikepdf.Array) else [el.get("/K")]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                walk(kid, page)

    walk(pdf.Root.StructTreeRoot.K[0], None)
    return found


def test_a_drawing_used_on_two_pages_is_one_form_placed_twice_each_a_figure_with_alt_text():
    pdf = pikepdf.open(io.BytesIO(twins()))
    pages_of: dict[tuple[int, int], set[int]] = {}
    for number, page in enumerate(pdf.pages, 1):
        for form in placed_forms(page):
            pages_of.setdefault(form.objgen, set()).add(number)
    shared = [pages for pages in pages_of.values() if len(pages) >= 2]
    assert shared, "the twin strokes' diagram should be one form placed on two pages"
    figures = figure_pages(pdf)
    for page in sorted(shared[0]):
        assert figures.get(page), f"page {page} places the shared form but has no Figure element"
        assert all(alt.strip() for alt in figures[page])


def test_a_form_keeps_the_graphics_states_its_tints_use():
    pdf = pikepdf.open(io.BytesIO(twins()))
    forms = {f.objgen: f for page in pdf.pages for f in placed_forms(page)}
    assert forms
    for form in forms.values():
        states = set(re.findall(rb"/(\S+) gs\b", form.read_bytes()))
        known = {str(k)[1:].encode() for k in form.get("/Resources", {}).get("/ExtGState", {})}
        assert states <= known, f"form uses graphics states {states - known} it does not carry"


def test_a_form_given_its_last_code_is_the_form_painted_again(monkeypatch):
    """From the third document on, a diagram's form takes the code its last form had when its text's
    characters have the codes they had (forms._as_before); the documents are the ones painted afresh."""
    from booklet.build import build_booklet
    from booklet.render import forms

    painted = build_booklet(audience="home")  # painted, then the calls recorded, then the code noted
    assert build_booklet(audience="home") == painted
    used = []
    real = forms._as_before
    monkeypatch.setattr(forms, "_as_before", lambda canv, drawing: used.append(real(canv, drawing)) or used[-1])
    assert build_booklet(audience="home") == painted
    assert any(used)
    monkeypatch.setattr(forms, "_AS_BEFORE", forms.OrderedDict())  # nothing noted: painted from the calls
    assert build_booklet(audience="large-print") == build_booklet(audience="large-print")
