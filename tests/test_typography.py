"""Typography per language: quotes, apostrophes, range dashes; author text never re-cased."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from booklet.build import BuildOptions, build, load_booklet
from booklet.locale import minutes, number, percent
from booklet.model import Booklet
from booklet.typography import typeset
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Say “stop”, it’s fine."),
        ("en-GB", "Say “stop”, it’s fine."),
        ("de", "Say „stop“, it’s fine."),
        ("fr", "Say «\u00a0stop\u00a0», it’s fine."),
        ("es", "Say «stop», it’s fine."),
        ("it", "Say «stop», it’s fine."),
        ("el", "Say «stop», it’s fine."),
        ("ru", "Say «stop», it’s fine."),
        ("xx", 'Say "stop", it\'s fine.'),  # a language without rules stays as typed
    ],
)
def test_quotes_and_apostrophes_follow_the_language(language: str, expected: str):
    assert typeset('Say "stop", it\'s fine.', language) == expected


def test_inner_quotes_possessives_and_ranges():
    assert typeset("She said 'no'. The givers' hands.", "en") == "She said ‘no’. The givers’ hands."
    assert typeset("Er sagte 'nein'.", "de") == "Er sagte ‚nein‘."
    assert typeset("3-5 Mal, 1,5-2 Minuten", "de") == "3–5 Mal, 1,5–2 Minuten"
    assert typeset("Slowly - then stop", "en") == "Slowly – then stop"
    assert typeset("Медленно - потом стоп", "ru") == "Медленно — потом стоп"


def test_what_is_not_prose_stays_as_typed():
    for text in (
        'A <b class="x"> tag',
        "<img src='/etc/hostname'/>",
        'See https://example.org/a-1-2?q="x"',
        'On 2026-12-01, a 12" board',
        "ISBN 978-3-16",
    ):
        assert typeset(text, "en") == text


def test_letters_are_never_recased():
    text = "ganze Hand, oberer Rücken, iPhone, ÉCOLE"
    for language in ("en", "de", "fr", "ru"):
        assert typeset(text, language) == text


def test_numbers_follow_the_language():
    assert number(1.5, "de") == "1,5"
    assert number(1.5, "en") == "1.5"
    assert number(1234.5, "fr") == "1\u202f234,5"
    assert percent(0.95, "de") == "95\u00a0%"
    assert minutes(1.5, Booklet("b", "T", ".", (), language="ru")) == "1,5 минуты"
    assert minutes(5, Booklet("b", "T", ".", (), language="ru")) == "5 минут"
    assert minutes(21, Booklet("b", "T", ".", (), language="ru")) == "21 минута"
    assert minutes(1.0, Booklet("b", "T", ".", (), language="en")) == "1 minute"


def test_german_booklet_prints_german_quotes_dashes_and_decimal_commas():
    booklet = load_booklet(FIXTURES / "schreibtisch-de")
    pages = PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf)).pages
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pages)
    assert "„locker lassen“" in text
    assert "„durchhalten“" in text
    assert "3–5 Mal" in text
    assert "1,5 Minuten" in text
    assert '"' not in text


def test_spanish_booklet_prints_spanish_labels_and_numbers():
    booklet = load_booklet(FIXTURES / "plantas-es")
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf)).pages
    )
    for phrase in ("GUÍA DE BOLSILLO", "Índice", "2,5 minutos", "Presión suave", "Yemas de los dedos", "2–3 minutos"):
        assert phrase in text, phrase
    assert "Palmas, paño húmedo" in text  # a hand the author named prints as typed
