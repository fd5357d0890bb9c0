"""Pocket cards read back: every card, fronts and backs paired, short forms used, overflow named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.audience import make_edition
from booklet.build import BuildOptions, build, load_booklet
from booklet.errors import ContentError
from booklet.paper import CARD_SIZES
from booklet.render.cards import render_cards

from .conftest import SHIPPED, pdf_text, squash


@pytest.mark.parametrize("card", sorted(CARD_SIZES))
def test_every_stroke_gets_a_card_front_and_back(card: str):
    booklet = load_booklet(SHIPPED)
    edition = make_edition(booklet, "home")
    fronts, backs, count = render_cards(edition, CARD_SIZES[card])
    booklet = edition.booklet  # the strokes the home edition keeps
    assert count >= len(booklet.strokes) + 2  # strokes, routine, cautions
    front_pages = [p.extract_text() for p in PdfReader(io.BytesIO(fronts)).pages]
    back_pages = [p.extract_text() for p in PdfReader(io.BytesIO(backs)).pages]
    assert len(front_pages) == len(back_pages) == count
    for stroke, front, back in zip(booklet.strokes, front_pages, back_pages, strict=False):
        assert stroke.name in front
        assert "pressure" in front
        for step in stroke.steps:
            assert squash(step.short or step.text) in squash(back)
    size = CARD_SIZES[card]
    page = PdfReader(io.BytesIO(fronts)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(size.width_pt, abs=0.5)


def test_card_sheet_alternates_fronts_and_backs():
    result = build(load_booklet(SHIPPED), BuildOptions(format="cards"))
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) % 2 == 0
    texts = [p.extract_text() for p in reader.pages]
    assert "STROKE 1 OF 4" in texts[0]
    assert "The fan stroke: steps" in texts[1]
    sheets = len(reader.pages) // 2
    assert f"sheet 1 of {sheets} · front" in texts[0]  # the slug line names the sheet and side
    assert f"sheet 1 of {sheets} · back" in texts[1]
    assert "flipping on the long edge" in result.instructions


def test_separate_backs_make_a_second_file():
    result = build(load_booklet(SHIPPED), BuildOptions(format="cards", backs="separate"))
    assert list(result.files) == ["back-massage-cards-fronts.pdf", "back-massage-cards-backs.pdf"]
    assert "steps" in pdf_text(result.files["back-massage-cards-backs.pdf"])
    assert "steps" not in pdf_text(result.pdf)


def test_capped_pressure_shows_on_cards():
    result = build(load_booklet(SHIPPED), BuildOptions(format="cards", audience="large-print"))
    text = pdf_text(result.pdf)
    assert "Firm pressure" not in text
    assert "Moderate pressure" not in text
    assert "Capped at light for this edition" in text


def test_text_that_cannot_fit_fails_naming_the_card(handwash: Path, edit):
    step = " ".join(["Rub each finger slowly, one at a time, and count to five."] * 60)
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {step}")
    with pytest.raises(ContentError) as caught:
        build(load_booklet(handwash), BuildOptions(format="cards", card="business"))
    line = caught.value.lines()[0]
    assert line.endswith(  # the step that does not fit, on its own line
        "strokes/lather.yaml:12:5: error: steps[2]: card 'Lather' does not fit a business card even at 7 pt from "
        "here on; shorten this text or give steps a 'short' form"
    )
