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
from booklet.render.card_fit import MIN_SIZE
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


def first_business_card_error(content: Path) -> str:
    """Business cards of ``content``, which must fail -> the first line of the error."""
    with pytest.raises(ContentError) as caught:
        build(load_booklet(content), BuildOptions(format="cards", card="business"))
    return caught.value.lines()[0]


def test_text_that_cannot_fit_fails_naming_the_card(handwash: Path, edit):
    step = " ".join(["Rub each finger slowly, one at a time, and count to five."] * 60)
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {step}")
    line = first_business_card_error(handwash)
    assert line.endswith(  # the step that does not fit, on its own line
        "strokes/lather.yaml:12:5: error: steps[2]: card 'Lather' does not fit a business card even at 7 pt from "
        "here on; shorten this text or give steps a 'short' form"
    )


# -- large print, safety lines, one layout per card ----------------------------------------


def raw_cards(audience: str, card: str) -> tuple[bytes, bytes, int]:
    return render_cards(make_edition(load_booklet(SHIPPED), audience), CARD_SIZES[card])


def char_sizes(pdf: bytes) -> list[float]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [round(c["size"], 2) for page in doc.pages for c in page.chars]


@pytest.mark.parametrize(
    ("audience", "card", "floor"), [("home", "a6", 7), ("home", "business", 7), ("large-print", "a6", 12)]
)
def test_no_card_text_is_under_the_editions_floor(audience: str, card: str, floor: float):
    fronts, backs, _ = raw_cards(audience, card)
    for pdf in (fronts, backs):
        sizes = char_sizes(pdf)
        assert sizes
        assert min(sizes) >= floor - 0.01, (audience, card, sorted(set(sizes))[:5])


@pytest.mark.parametrize(("card", "instead"), [("business", "use --card a6"), ("index", "use --card a6")])
def test_a_card_too_small_for_large_print_is_refused_in_one_line(card: str, instead: str):
    from click.testing import CliRunner

    from booklet.cli import main

    result = CliRunner().invoke(main, ["build", "-f", "cards", "--card", card, "-a", "large-print", "-o", "x.pdf"])
    assert result.exit_code == 2, result.output
    (line,) = [x for x in result.output.splitlines() if x.strip()]
    assert line.startswith(f"error: --card {card}: ")
    assert "too small for the Large-print edition, whose smallest text is 12 pt" in line
    assert line.endswith(instead)  # only sizes that do hold large print are offered
    assert "Traceback" not in result.output


def colour_of(obj: dict) -> tuple[float, ...]:
    return tuple(round(v, 2) for v in (obj.get("non_stroking_color") or ())[:3])


def rgb(colour) -> tuple[float, ...]:
    return (round(colour.red, 2), round(colour.green, 2), round(colour.blue, 2))


def test_card_cautions_carry_the_signal_word_on_its_colour_with_the_alert_symbol():
    """ANSI Z535.6 as in the booklet: WARNING in black on an orange chip, led by the safety alert symbol."""
    import pdfplumber

    from booklet.render.styles import SIGNAL_COLOURS

    fill, ink = (rgb(c) for c in SIGNAL_COLOURS["warning"])
    _, backs, _ = raw_cards("home", "business")
    found = 0
    with pdfplumber.open(io.BytesIO(backs)) as doc:
        for page in doc.pages:
            for chip in page.rects + page.curves:
                if colour_of(chip) != fill or chip["width"] < chip["height"] * 2:
                    continue  # not a chip: the alert symbol's mark is orange too, but small
                inside = [
                    c
                    for c in page.chars
                    if chip["x0"] <= c["x0"]
                    and c["x1"] <= chip["x1"]
                    and chip["top"] <= (c["top"] + c["bottom"]) / 2 <= chip["bottom"]
                ]
                assert "".join(c["text"] for c in inside) == "WARNING"
                assert all(colour_of(c) == ink for c in inside)  # black on orange, as the booklet's band
                symbol = [
                    t
                    for t in page.curves
                    if colour_of(t) == ink and chip["x0"] <= t["x0"] and t["x1"] <= inside[0]["x0"] and t["height"] > 3
                ]
                assert symbol, "no safety alert symbol before the signal word"
                found += 1
    assert found >= 4  # one per stroke card at least (every stroke's key caution is a warning)


def test_a_business_card_keeps_the_key_caution_and_the_cautions_cards_carry_the_rest():
    booklet = make_edition(load_booklet(SHIPPED), "home").booklet
    fronts, backs, _ = raw_cards("home", "business")
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(backs)).pages]
    more = booklet.label("card_see_cautions")
    rest = " ".join(pages[len(booklet.strokes) :])  # the routine and cautions cards
    for stroke, back in zip(booklet.strokes, pages, strict=False):
        ranked = sorted(stroke.cautions, key=lambda c: ["danger", "warning", "caution", "notice"].index(c.signal))
        assert squash(ranked[0].short or ranked[0].text) in back  # the key caution, always on the card
        dropped = [c for c in ranked if squash(c.short or c.text) not in back]
        if dropped or booklet.label("stop_heading") not in back:
            assert more in back, stroke.id  # the card says where the rest is ...
        for caution in dropped:  # ... and the rest is there, named by its stroke
            assert squash(f"{stroke.name}: {caution.short or caution.text}") in rest, (stroke.id, caution.text)
    assert booklet.label("stop_heading") in rest


def test_each_card_is_laid_out_once_where_the_choice_already_fitted_it(monkeypatch):
    """The fallback (every caution, then no stop line, then the key caution) fits each card; the size it
    found is the one drawn: only cards the choice did not fit (the routine card) are fitted again."""
    from booklet.render import cards

    calls: list[tuple[str, float]] = []
    real = cards.fit_back

    def counting(card, look, size, width, height, floor):
        calls.append((card.key, floor))
        return real(card, look, size, width, height, floor)

    monkeypatch.setattr(cards, "fit_back", counting)
    raw_cards("home", "a6")
    final = [key for key, floor in calls if floor == MIN_SIZE]
    assert final == ["routine"], final


def test_an_overlong_card_steps_label_is_blamed_on_its_own_line(handwash: Path, edit):
    long = " ".join(["every step of this stroke, written out in full"] * 14)
    edit(handwash / "booklet.yaml", "theme:", f'labels:\n  card_steps: "{{name}}: {long}"\ntheme:')
    line = first_business_card_error(handwash)
    assert ":39:" in line, line  # the label's own line, not a step's
    assert "labels.card_steps: card 'Lather': its title takes" in line, line
    assert line.endswith("lines of a business card even at 7 pt (2 at most); shorten it")


@pytest.mark.parametrize(("audience", "card"), [("home", "a6"), ("home", "business"), ("student", "business")])
def test_every_general_caution_is_on_the_cautions_cards(audience: str, card: str):
    """In full where the cards hold it; in the authors' card forms where full texts would need twice the cards."""
    booklet = make_edition(load_booklet(SHIPPED), audience).booklet
    _, backs, count = raw_cards(audience, card)
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(backs)).pages]
    rest = squash(" ".join(pages[len(booklet.strokes) + 1 :]))  # after the stroke cards and the routine card
    full = all(squash(c.text) in rest for c in booklet.cautions)
    brief = all(squash(c.short or c.text) in rest for c in booklet.cautions)
    assert full or brief, (audience, card)
    if audience == "student" and card == "business":  # long professional texts on the smallest card
        assert brief
        assert not full
        assert count - len(booklet.strokes) - 1 < len(booklet.cautions)  # fewer cards than cautions
