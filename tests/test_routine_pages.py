"""The routine page and the routine card read back from real PDFs: a pocket page the routine
fills, each row pictured with its own stroke, and a card front that shows the sequence."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from booklet.audience import make_edition
from booklet.build import BuildOptions, build, load_booklet
from booklet.paper import CARD_SIZES
from booklet.render.cards import render_cards
from booklet.render.gauges import minutes

from .conftest import SHIPPED


@pytest.fixture(scope="module")
def shipped():
    return load_booklet(SHIPPED)


def filled(page) -> float:
    """Share of the page's height that text covers, running footer and head excluded (as test_spreads)."""
    h = float(page.height)
    rows = [(c["top"], c["bottom"]) for c in page.chars if h * 0.06 < c["top"] and c["bottom"] < h * 0.91]
    return (max(b for _, b in rows) - min(t for t, _ in rows)) / (h * 0.85) if rows else 0.0


def forms_drawn(reader: PdfReader, index: int) -> list[str]:
    """The diagram forms a page paints, in the order it paints them (page-number forms left out)."""
    page = reader.pages[index]
    ops = ContentStream(page.get_contents(), reader).operations
    return [str(operands[0]) for operands, op in ops if op == b"Do" and "BookletFig" in str(operands[0])]


def page_starting(pdf: pdfplumber.PDF, text: str) -> int:
    return next(i for i, p in enumerate(pdf.pages) if " ".join((p.extract_text() or "").split()).startswith(text))


@pytest.mark.parametrize(("audience", "paper"), [("home", "a5"), ("student", "a5"), ("large-print", "a5")])
def test_the_routine_fills_its_pocket_page(shipped, audience: str, paper: str):
    edition = make_edition(shipped, audience)
    routine = edition.booklet.routine
    pdf = build(shipped, BuildOptions(audience=audience, paper=paper)).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        first = page_starting(doc, routine.title)
        assert filled(doc.pages[first]) >= 0.8, round(filled(doc.pages[first]), 2)
        words = (doc.pages[first].extract_text() or "") + (doc.pages[first + 1].extract_text() or "")
    for step in routine.steps:  # every row still printed whole
        assert " ".join(step.note.split()[:4]) in " ".join(words.split()), step.note


@pytest.mark.parametrize("audience", ["home", "student"])
def test_each_routine_row_shows_its_own_strokes_picture(shipped, audience: str):
    """One picture a row; a stroke the routine repeats is the same form, different strokes different ones."""
    booklet = make_edition(shipped, audience).booklet
    pdf = build(shipped, BuildOptions(audience=audience, paper="a5")).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        glance = page_starting(doc, booklet.label("at_a_glance"))
        routine = page_starting(doc, booklet.routine.title)
    reader = PdfReader(io.BytesIO(pdf))
    placed = forms_drawn(reader, routine)
    strokes = [step.stroke for step in booklet.routine.steps]
    # The glance page's thumbnails, drawn smaller: the same forms, so no diagram is painted again.
    thumbs = dict(zip([s.id for s in booklet.strokes], forms_drawn(reader, glance), strict=True))
    assert placed == [thumbs[s] for s in strokes]
    assert len(placed) == len(strokes)
    form_of = dict(zip(strokes, placed, strict=True))
    assert placed == [form_of[s] for s in strokes]  # a repeated stroke shows its one picture again
    assert len(set(placed)) == len(set(strokes))  # each stroke its own


def test_a_wide_page_keeps_the_routine_plain(shipped):
    """On A4 the section after the routine shares its page: the rows get no pictures there."""
    pdf = build(shipped, BuildOptions(audience="home", paper="a4")).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        routine = page_starting(doc, make_edition(shipped, "home").booklet.routine.title)
    assert forms_drawn(PdfReader(io.BytesIO(pdf)), routine) == []


@pytest.mark.parametrize(("audience", "card"), [("home", "a6"), ("large-print", "a6"), ("student", "a6")])
def test_the_routine_card_front_lists_the_strokes_in_order_under_the_timeline(shipped, audience: str, card: str):
    edition = make_edition(shipped, audience)
    booklet = edition.booklet
    fronts, _, _ = render_cards(edition, CARD_SIZES[card])
    names = {s.id: s.name for s in booklet.strokes}
    with pdfplumber.open(io.BytesIO(fronts)) as doc:
        page = doc.pages[len(booklet.strokes)]  # the routine card follows the stroke cards
        lines = page.extract_text_lines()
        texts = [line["text"] for line in lines]
        big = minutes(booklet.routine.minutes, booklet)
        total = next(line for line in lines if line["text"].startswith(big))
        start, tops = 0, []
        for step in booklet.routine.steps:
            row = f"{start:g}\u2013{start + step.minutes:g} {names[step.stroke]}"
            found = next(line for line in lines if line["text"] == row and line["top"] > (tops or [0])[-1])
            tops.append(found["top"])
            start += step.minutes
        assert tops == sorted(tops), texts
        assert tops[0] > total["bottom"]  # under the big total and its timeline
        assert found["bottom"] <= float(page.height), texts  # the last row is on the card


def test_a_card_too_low_for_the_rows_keeps_its_timeline_alone(shipped):
    """An index card has no room for five rows at 7 pt: its front is the total and the timeline."""
    edition = make_edition(shipped, "home")
    fronts, _, _ = render_cards(edition, CARD_SIZES["index"])
    names = [s.name for s in edition.booklet.strokes]
    with pdfplumber.open(io.BytesIO(fronts)) as doc:
        text = doc.pages[len(names)].extract_text() or ""
    assert minutes(edition.booklet.routine.minutes, edition.booklet) in text
    assert not any(name in text for name in names), text


def test_the_routine_thumbnails_are_decoration(shipped):
    """The row's words name the stroke and the glance page's figure carries its alt text: the
    routine's repeat of that figure is drawn as an artifact, not a second untitled Figure."""
    from tests.test_forms import content_placements

    pdf = build(shipped, BuildOptions(audience="home", paper="a5")).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        routine = page_starting(doc, make_edition(shipped, "home").booklet.routine.title)
    reader = PdfReader(io.BytesIO(pdf))
    data = reader.pages[routine].get_contents().get_data()
    assert forms_drawn(reader, routine)  # pictures are there
    assert not [n for n in content_placements(data) if b"BookletFig" in n]  # none of them as content
