"""The page design read back from real PDFs: every shipped edition at A6, A5, A4 and Letter.

Each PDF is built once for the module. The checks measure the output (text, sizes and
positions from pdfplumber and pypdf), not the layout code's intentions.
"""

from __future__ import annotations

import io
import re
import statistics

import pdfplumber
import pytest

from booklet.audience import make_edition
from booklet.build import BuildOptions, build, load_booklet
from booklet.model import Booklet

from .conftest import SHIPPED

EDITIONS = ("home", "large-print", "student")
PAPERS = ("a6", "a5", "a4", "letter")


@pytest.fixture(scope="module")
def shipped() -> Booklet:
    return load_booklet(SHIPPED)


@pytest.fixture(scope="module")
def built(shipped: Booklet) -> dict[tuple[str, str], dict]:
    """(edition, paper) -> the edition, the page texts and every character with its size and place."""
    out = {}
    for audience in EDITIONS:
        edition = make_edition(shipped, audience)
        for paper in PAPERS:
            pdf = build(shipped, BuildOptions(audience=audience, paper=paper)).pdf
            with pdfplumber.open(io.BytesIO(pdf)) as doc:
                pages = [
                    {
                        "text": squash(page.extract_text() or ""),
                        "letters": "|".join(letters(t) for t in columns_text(page)),
                        "chars": [(c["size"], c["x0"], c["x1"], c["top"], c["bottom"], c["text"]) for c in page.chars],
                        "width": float(page.width),
                        "height": float(page.height),
                    }
                    for page in doc.pages
                ]
            out[(audience, paper)] = {"edition": edition, "pages": pages}
    return out


def columns_text(page) -> list[str]:
    """The page's text read whole, then its left and right halves (two-column pages interleave otherwise).

    The halves leave out the outer 6 mm, where the thumb tabs print their numbers beside the text.
    """
    half, edge = float(page.width) / 2, 6 / 25.4 * 72
    parts = [page.crop((edge, 0, half, page.height)), page.crop((half, 0, page.width - edge, page.height))]
    return [page.extract_text() or "", *(p.extract_text() or "" for p in parts)]


def letters(text: str) -> str:
    """Letters and digits only: line-end hyphens, no-break spaces and line breaks do not matter."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def plain(text: str) -> str:
    return squash(text.replace("**", "").replace("*", ""))


def spread_of(page: int) -> tuple[int, int]:
    """Facing pages: 1 stands alone, then 2|3, 4|5, ..."""
    return (page, page) if page == 1 else (page - page % 2, page - page % 2 + 1)


def pages_with(pages: list[dict], text: str) -> list[int]:
    probe = letters(text)
    return [i + 1 for i, p in enumerate(pages) if probe in p["letters"]]


CASES = [(a, p) for a in EDITIONS for p in PAPERS]


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_each_stroke_title_and_all_its_steps_lie_on_one_spread(built, audience: str, paper: str):
    book = built[(audience, paper)]
    pages, strokes = book["pages"], book["edition"].booklet.strokes
    for number, stroke in enumerate(strokes, 1):
        kicker = book["edition"].booklet.label("stroke_number", number=number, count=len(strokes))
        title = pages_with(pages, f"{kicker} {stroke.name}")
        assert len(title) == 1, (stroke.name, title)
        spread = spread_of(title[0])
        for step in stroke.steps:
            words = plain(step.text).split()
            for probe in (" ".join(words[:5]), " ".join(words[-5:])):  # where the step starts and ends
                found = pages_with(pages, probe)
                assert found, (stroke.name, probe)
                assert any(spread[0] <= p <= spread[1] for p in found), (stroke.name, probe, found, spread)


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_each_strokes_first_caution_faces_its_steps(built, audience: str, paper: str):
    """The stroke's key warning is read with the steps it guards, even when later panels must move on."""
    book = built[(audience, paper)]
    pages, strokes = book["pages"], book["edition"].booklet.strokes
    for stroke in strokes:
        if not stroke.cautions:
            continue
        last_step = " ".join(plain(stroke.steps[-1].text).split()[-5:])
        step_pages = pages_with(pages, last_step)
        words = plain(stroke.cautions[0].text).split()
        caution_pages = pages_with(pages, " ".join(words[:6]))
        assert step_pages, (stroke.name, last_step)
        assert caution_pages, (stroke.name, words[:6])
        spreads = {spread_of(p) for p in step_pages}
        assert any(spread_of(p) in spreads for p in caution_pages), (stroke.name, step_pages, caution_pages)


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_a_stroke_starts_on_a_left_hand_page_on_pocket_paper(built, audience: str, paper: str):
    book = built[(audience, paper)]
    if paper not in ("a6", "a5"):
        pytest.skip("A4 and Letter set a stroke on one page in two columns")
    strokes = book["edition"].booklet.strokes
    for number, stroke in enumerate(strokes, 1):
        kicker = book["edition"].booklet.label("stroke_number", number=number, count=len(strokes))
        (page,) = pages_with(book["pages"], f"{kicker} {stroke.name}")
        assert page % 2 == 0, (stroke.name, page)


def sizes(pages: list[dict]) -> list[float]:
    return [round(c[0], 1) for p in pages for c in p["chars"]]


def text_sizes(pages: list[dict]) -> list[float]:
    """Sizes of every character printed: words, labels, keys and the digits of diagram step badges."""
    return [round(c[0], 1) for p in pages for c in p["chars"]]


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_text_sizes_suit_the_edition(built, audience: str, paper: str):
    pages = built[(audience, paper)]["pages"]
    every = text_sizes(pages[1:])  # the cover is designed apart, checked by eye
    body = [s for p in pages[1:-1] for s in [round(c[0], 1) for c in p["chars"]]]
    if audience == "large-print":
        assert min(every) >= 12, min(every)
        assert statistics.median(body) >= 16, statistics.median(body)
    else:
        assert min(every) >= 7, min(every)
        if paper in ("a4", "letter"):
            assert statistics.median(body) >= 10.5, statistics.median(body)


def filled(page: dict) -> float:
    """Share of the page's height that text covers, running footer and head excluded."""
    h = page["height"]
    rows = [(c[3], c[4]) for c in page["chars"] if h * 0.06 < c[3] and c[4] < h * 0.91]
    if not rows:
        return 0.0
    return (max(b for _, b in rows) - min(t for t, _ in rows)) / (h * 0.85)


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_no_inner_page_is_mostly_empty(built, audience: str, paper: str):
    book = built[(audience, paper)]
    pages = book["pages"]
    notes = book["edition"].booklet.label("notes")
    for number, page in enumerate(pages[2:-1], 3):  # cover, contents and back cover are designed apart
        if page["text"].startswith(notes) or f" {notes} " in page["text"][:80]:
            continue
        assert filled(page) > 0.25, (number, round(filled(page), 2), page["text"][:80])


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_no_safety_panel_is_split(built, audience: str, paper: str):
    book = built[(audience, paper)]
    words = book["edition"].booklet
    texts = [p["text"] for p in book["pages"]]
    for signal in ("danger", "warning", "caution", "notice"):
        continued = words.label("continued", title=words.label(signal))
        assert not any(continued in t for t in texts), continued
    everything = [*words.cautions, *(c for s in words.strokes for c in s.cautions)]
    for caution in everything:  # whole on one page: never cut by a page break
        assert pages_with(book["pages"], plain(caution.text)), caution.text


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_nothing_is_set_outside_the_trim(built, audience: str, paper: str):
    for number, page in enumerate(built[(audience, paper)]["pages"], 1):
        for _, x0, x1, top, bottom, _ in page["chars"]:
            assert x0 >= -0.5, (number, x0)
            assert x1 <= page["width"] + 0.5, (number, x1)
            assert top >= -0.5, (number, top)
            assert bottom <= page["height"] + 0.5, (number, bottom)


@pytest.mark.parametrize(("audience", "paper"), CASES)
def test_the_last_page_is_the_back_cover(built, audience: str, paper: str):
    book = built[(audience, paper)]
    words, edition = book["edition"].booklet, book["edition"]
    back = book["pages"][-1]["text"]
    assert words.title in back
    assert letters(edition.name) in book["pages"][-1]["letters"]
    if getattr(words, "stop_if", ()):
        assert words.label("stop_heading") in back
        assert all(letters(item) in book["pages"][-1]["letters"] for item in words.stop_if)
    cautions = pages_with(book["pages"], f"{words.label('cautions')} {words.label('cautions_intro')}")
    assert cautions
    assert cautions[0] < len(book["pages"])


@pytest.mark.parametrize("width", [60, 90, 140, 400])
def test_urls_break_only_after_slash_dot_or_dash(width: float):
    from booklet.render.sections import break_url

    url = "https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know"
    lines = break_url(url, "Helvetica", 9, width)
    assert "".join(lines) == url  # nothing added, nothing lost: no hyphen at a break
    for line in lines[:-1]:
        assert line[-1] in "/.-", lines
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(x, "Helvetica", 9) <= width for x in lines if not re.fullmatch(r"[^/.\-]+[/.\-]*", x))


@pytest.mark.parametrize(("audience", "paper"), [("home", "a5"), ("large-print", "a4")])
def test_thumb_tab_numbers_stay_out_of_the_text_layer(built, audience: str, paper: str):
    """Tab numbers are drawn as outlines: extracting a step never picks up a tab's digit."""
    book = built[(audience, paper)]
    for number, page in enumerate(book["pages"][2:-1], 3):
        edge = 4.5 * 72 / 25.4  # the outer strip a tab occupies
        stray = [c for c in page["chars"] if c[2] < edge or c[1] > page["width"] - edge]
        assert not stray, (number, stray[:3])


def test_a_short_last_page_is_balanced_with_the_one_before():
    from booklet.render.balance import balanced_cut

    heights, keep = [10.0] * 12, [False] * 12
    cut = balanced_cut(heights, keep, 100, 100)  # greedy: 10 items, then 2 alone
    assert cut is not None
    assert 5 <= cut <= 7
    assert balanced_cut([10.0] * 8, [False] * 8, 100, 100) is None  # fits one page
    assert balanced_cut([10.0] * 16, [False] * 16, 100, 100) is None  # last page 60% full
    keep[5] = True  # a heading keeps with the item after it: never the last line of a page
    assert balanced_cut(heights, keep, 100, 100) != 6


def test_continuation_columns_take_a_block_taller_than_a_column_alone():
    """A step taller than a page (hostile or careless content) stands alone; balancing still ends."""
    from booklet.render.spread import _even_cuts

    assert _even_cuts([30.0, 250.0, 30.0], 4, 100) == [0, 1, 2, 3, 3]  # the tall block alone in its column
    assert _even_cuts([30.0, 40.0, 50.0, 20.0], 2, 100) == [0, 2, 4]  # the lowest column as high as it can be
    assert _even_cuts([90.0, 90.0, 90.0], 2, 100) is None  # three columns' worth in two: more are needed
