"""Numbers and plural categories from locale.py's kept facts are Babel's own, for every locale Babel has."""

from __future__ import annotations

import marshal
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale, localedata
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from booklet import locale
from booklet.plurals import compile_rules, operands
from tests.conftest import runs_of_a_fresh_copy

LANGUAGES = ("en", "de", "el", "es", "fr", "it", "ru", "pl", "ar", "cy", "lt", "ga", "sl", "br", "he", "zh", "pt-BR")
COUNTS = [0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 100, 101, 111, 1000, 10**6, 2 * 10**6, 10**7 + 1]
FRACTIONS = [0.5, 1.5, 2.25, 0.05, 1.0, 11.1, 0.001, 0.0005, 1234.5678, 999.9995, 1e-7]


def _rules(name: str) -> tuple[tuple[str, str], ...]:
    rule = Locale.parse(name).plural_form
    return tuple((tag, rule.rules[tag]) for tag, _ in rule.abstract)


def test_every_locales_plural_rules_give_babels_categories():
    values: list[int | Decimal] = [*COUNTS, *(locale._exact(v) for v in FRACTIONS)]
    checked = 0
    for name in localedata.locale_identifiers():
        babel_rule = Locale.parse(name).plural_form
        ours = compile_rules(_rules(name))
        for value in values:
            assert ours(value) == babel_rule(value), (name, value)
        checked += 1
    assert checked > 500


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(0, 10**9), st.floats(0, 10**9, allow_nan=False)), st.sampled_from(LANGUAGES))
def test_numbers_and_plurals_from_kept_facts_are_babels(value: float, language: str):
    exact, babel_locale = locale._exact(value), locale.babel_locale(language)
    assert locale.number(value, language) == format_decimal(exact, format="#,##0.###", locale=babel_locale)
    assert locale.plural(value, language) == str(locale.babel_locale(language).plural_form(exact))


def test_numbers_outside_the_kept_formatting_still_come_from_babel():
    assert locale.number(-1.5, "de") == "-1,5"
    assert locale.number(10**16, "en") == "10,000,000,000,000,000"
    assert locale.number(float("inf"), "en") == "∞"


def test_operands_follow_babels_reading_of_a_decimal():
    assert operands(Decimal("1.50")) == {"n": Decimal("1.50"), "i": 1, "v": 2, "w": 1, "f": 50, "t": 5, "c": 0, "e": 0}
    assert operands(7) == {"n": 7, "i": 7, "v": 0, "w": 0, "f": 0, "t": 0, "c": 0, "e": 0}


def test_a_rule_babel_would_not_write_is_refused():
    with pytest.raises(ValueError, match="unknown operand 'q'"):
        compile_rules([("one", "q in 1")])


def _fresh(monkeypatch: pytest.MonkeyPatch, path: Path, mark: str) -> None:
    monkeypatch.setattr(locale, "kept_path", lambda: path)
    monkeypatch.setattr(locale, "_babel_mark", lambda: mark)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for memo in (locale.facts, locale._kept, locale._categories):
        memo.cache_clear()


def test_facts_are_kept_and_another_babel_reads_them_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "facts.marshal"
    try:
        _fresh(monkeypatch, path, "babel-a")
        assert locale.facts("de") == (",", ".", _rules("de"))
        assert marshal.loads(path.read_bytes()) == {"": "babel-a", "de": (",", ".", _rules("de"))}
        path.write_bytes(marshal.dumps({"": "babel-a", "de": ("D", "G", ())}))  # what a run finds is what it uses
        _fresh(monkeypatch, path, "babel-a")
        assert locale.number(1234.5, "de") == "1G234D5"
        _fresh(monkeypatch, path, "babel-b")  # another Babel: read from it again, and kept for it alone
        assert locale.number(1234.5, "de") == "1.234,5"
        assert marshal.loads(path.read_bytes()) == {"": "babel-b", "de": (",", ".", _rules("de"))}
        path.write_bytes(marshal.dumps({"": "babel-b", "de": ("only", "two")}))  # a table of another shape
        _fresh(monkeypatch, path, "babel-b")
        assert locale.number(1234.5, "de") == "1.234,5"
        path.write_bytes(b"not marshal")
        _fresh(monkeypatch, path, "babel-b")
        assert locale.number(1234.5, "de") == "1.234,5"
    finally:
        for memo in (locale.facts, locale._kept, locale._categories):
            memo.cache_clear()


def test_nothing_is_kept_without_bytecode_or_in_a_read_only_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    try:
        _fresh(monkeypatch, tmp_path / "facts.marshal", "babel-a")
        monkeypatch.setattr(sys, "dont_write_bytecode", True)
        assert locale.number(1.5, "fr") == "1,5"
        assert not (tmp_path / "facts.marshal").exists()
        _fresh(monkeypatch, tmp_path / "file" / "facts.marshal", "babel-a")
        (tmp_path / "file").write_text("a file where the folder would be")
        assert locale.number(1.5, "fr") == "1,5"
    finally:
        for memo in (locale.facts, locale._kept, locale._categories):
            memo.cache_clear()


PROBE = """
import json, sys
from booklet.locale import minutes
from booklet.model import Booklet
said = [minutes(v, Booklet("b", "T", ".", (), language=lang)) for v in (1, 1.5, 5, 21) for lang in ("en", "ru")]
print(json.dumps({"said": said, "babel": sorted(m for m in sys.modules if m.startswith("babel"))}))
"""


def test_a_second_run_says_minutes_without_importing_babel(tmp_path: Path):
    runs = runs_of_a_fresh_copy(tmp_path, PROBE)
    assert "babel.core" in runs[0]["babel"]  # the first run read Babel and kept the facts
    assert (tmp_path / "booklet" / "__pycache__" / f"locale-facts.{sys.implementation.cache_tag}.marshal").is_file()
    assert runs[1]["babel"] == []
    assert runs[1]["said"] == runs[0]["said"]
    assert runs[0]["said"][:4] == ["1 minute", "1 минута", "1.5 minutes", "1,5 минуты"]
