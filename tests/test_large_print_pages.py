"""Large print's stroke pages read back from real PDFs: the diagram's key beside the figure when
that makes it larger, pictures that use the page, and strokes that keep to one spread on wide paper."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from booklet.audience import make_edition
from booklet.build import BuildOptions, build, load_booklet

from .conftest import SHIPPED


@pytest.fixture(scope="module")
def shipped():
    return load_booklet(SHIPPED)


def stroke_pages(shipped, audience: str, paper: str) -> tuple[list, list[int], object]:
    """(pdfplumber pages, the index of each stroke's first page, the edition's booklet)."""
    booklet = make_edition(shipped, audience).booklet
    pdf = build(shipped, BuildOptions(audience=audience, paper=paper)).pdf
    doc = pdfplumber.open(io.BytesIO(pdf))
    count = len(booklet.strokes)
    firsts = []
    for n in range(1, count + 1):
        kicker = booklet.label("stroke_number", number=n, count=count)
        firsts.append(next(i for i, p in enumerate(doc.pages) if (p.extract_text() or "").startswith(kicker)))
    return doc.pages, firsts, booklet


def key_places(page, booklet) -> list[tuple[float, float]]:
    """(x0, top) of each key entry the page prints: "No pressure", "Light touch only", "Area worked"."""
    out = []
    for word in ("no_pressure", "light_touch", "worked_area"):
        found = page.search(booklet.label(word), regex=False)
        if found:
            out.append((round(found[0]["x0"], 1), round(found[0]["top"], 1)))
    return out


def test_large_print_sets_the_key_as_a_column_beside_the_figure(shipped):
    """On a pocket page the three 12 pt key entries would take three rows under the figure."""
    pages, firsts, booklet = stroke_pages(shipped, "large-print", "a6")
    for index in firsts:
        places = key_places(pages[index], booklet)
        assert len(places) == 3, places
        assert len({x for x, _ in places}) == 1, places  # one column: the entries start level
        assert [t for _, t in places] == sorted({t for _, t in places}), places  # one under another
        outline = biggest_curve(pages[index])
        assert places[0][0] > outline["x1"], (places, outline["x1"])  # beside the figure, to its right


def test_other_editions_keep_the_key_as_a_row_under_the_figure(shipped):
    pages, firsts, booklet = stroke_pages(shipped, "home", "a5")
    places = key_places(pages[firsts[0]], booklet)
    assert len({t for _, t in places}) < len(places), places  # entries side by side


def biggest_curve(page) -> dict:
    """The largest curve drawn on the page inside the margins: the figure's body outline."""
    w = float(page.width)
    inside = [c for c in page.curves if c["x0"] > w * 0.06 and c["x1"] < w * 0.94]
    return max(inside, key=lambda c: (c["x1"] - c["x0"]) * (c["bottom"] - c["top"]))


def test_large_print_a5_pictures_take_half_the_text_width(shipped):
    """On A5 a large-print stroke takes two spreads: its diagram gets the facts' room (they move on)."""
    pages, firsts, _ = stroke_pages(shipped, "large-print", "a5")
    for index in firsts:
        page = pages[index]
        text_w = float(page.width) - 2 * max(10 / 25.4 * 72, float(page.width) * 0.095)
        outline = biggest_curve(page)
        assert (outline["x1"] - outline["x0"]) / text_w >= 0.45, (index + 1, outline["x1"] - outline["x0"])


@pytest.mark.parametrize(("paper", "most"), [("a4", 0), ("letter", 1)])
def test_large_print_on_wide_paper_keeps_most_strokes_to_one_spread(shipped, paper: str, most: int):
    """The facts sit beside the diagram there, so a stroke needs a continuation spread only when
    even that leaves too little room for a diagram worth the name."""
    pages, firsts, booklet = stroke_pages(shipped, "large-print", paper)
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    continued = [s.name for s in booklet.strokes if any(t.startswith(f"{s.name} (continued)") for t in texts)]
    assert len(continued) <= most, continued
