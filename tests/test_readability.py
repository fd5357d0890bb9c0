"""Reading level per language: each formula on short texts counted by hand, and on the fixtures."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from booklet.build import load_booklet
from booklet.cli import main
from booklet.readability import count, reading, sentences
from booklet.syllables import syllables
from tests.conftest import FIXTURES, SHIPPED


@pytest.mark.parametrize(
    ("language", "text", "counts", "value"),
    [
        # 2 sentences, 6 words, 6 syllables: 0.39 * 3 + 11.8 * 1 - 15.59
        ("en", "The cat sat. The dog ran.", (2, 6, 6), -2.62),
        # Le-gen Sie z B ein Kis-sen un-ter (7 words, 10 syllables) | At-men Sie ru-hig (3, 5);
        # "z. B." ends no sentence: 180 - 10/2 - 58.5 * 15/10
        ("de", "Legen Sie z. B. ein Kissen unter. Atmen Sie ruhig.", (2, 10, 15), 180 - 5 - 58.5 * 1.5),
        # El a-gua del rí-o es-tá frí-a (10) | Rie-ga la plan-ta ca-da dí-a (9): 206.835 - 62.3 * 19/11 - 11/2
        ("es", "El agua del río está fría. Riega la planta cada día.", (2, 11, 19), 93.7259),
        # L'eau est froide (1+1+1) | Po-sez les mains sur le dos (2+1+1+1+1+1): 207 - 1.015 * 4.5 - 73.6 * 10/9
        ("fr", "L'eau est froide. Posez les mains sur le dos.", (2, 9, 10), 120.6547),
        # 8 words, 33 letters, 2 sentences: 89 + (300 * 2 - 10 * 33) / 8
        ("it", "Il cane dorme. Il gatto gioca in giardino.", (2, 8, None), 122.75),
    ],
)
def test_each_language_has_its_own_formula(language, text, counts, value):
    found = count(text, language)
    assert (found.sentences, found.words) == counts[:2]
    if counts[2] is not None:
        assert found.syllables == counts[2]
    level = reading(text, language)
    assert level.value == pytest.approx(value, abs=0.001)


def test_the_italian_formula_counts_letters():
    assert count("Il cane dorme. Il gatto gioca in giardino.", "it").letters == 33
    assert reading("Il cane dorme.", "it-CH").formula.name == "Gulpease"  # a region keeps its language


@pytest.mark.parametrize("language", ["el", "ru", "pt", "xx"])
def test_a_language_without_a_formula_gets_none_not_an_english_grade(language):
    level = reading("Η πλάτη πονάει. Спина болит. A dor passa.", language)
    assert level.formula is None
    assert level.value is None
    assert level.fine
    assert str(level) == f"none for language '{language}'"
    assert "Flesch" not in level.explained()


@pytest.mark.parametrize(
    ("language", "word", "expected"),
    [
        ("en", "massage", 2),
        ("en", "gently", 2),
        ("en", "the", 1),
        ("en", "blades", 1),
        ("en", "idea", 3),
        ("de", "Wirbelsäule", 4),
        ("de", "Bauer", 2),
        ("de", "Theater", 3),
        ("de", "Situation", 4),
        ("de", "heute", 2),
        ("es", "día", 2),
        ("es", "tierra", 2),
        ("es", "queso", 2),
        ("es", "poeta", 3),
        ("es", "ayuda", 3),
        ("fr", "épaule", 2),
        ("fr", "naïf", 2),
        ("fr", "chaque", 1),
        ("fr", "année", 2),
        ("it", "poeta", 3),
        ("it", "chiesa", 2),
    ],
)
def test_syllables_follow_each_languages_rules(language, word, expected):
    assert syllables(word, language) == expected


def test_sentences_end_where_the_language_says():
    assert len(sentences("Legen Sie z. B. ein Kissen unter. Dann den 3. Schritt.", "de")) == 2
    assert len(sentences("Use a towel, e.g. a small one. Rest for 3. Then stop!", "en")) == 3
    assert len(sentences("¿Está seca? Riega p. ej. cada semana…", "es")) == 2


def test_the_german_fixture_reads_by_flesch_amstad():
    """Its first introduction paragraph, by hand: 2 sentences, 27 words (the numbers are not words),
    24 + 21 syllables: Wer vie-le Stun-den am Bild-schirm sitzt, kennt das: Die Schul-tern wan-dern nach
    o-ben, der Na-cken wird steif. | Die-se Ü-bun-gen dau-ern je-weils 1,5 bis 2 Mi-nu-ten und
    brau-chen kei-ne Hilfs-mit-tel. 180 - 27/2 - 58.5 * 45/27 = 69.0"""
    text = load_booklet(FIXTURES / "schreibtisch-de").introduction[0]
    found = count(text, "de")
    assert (found.sentences, found.words, found.syllables) == (2, 27, 45)
    assert reading(text, "de").value == pytest.approx(69.0)


def test_the_spanish_fixture_reads_by_szigriszt_pazos():
    """Its introduction, by hand: 2 sentences, 22 words, 26 + 21 syllables (in-te-rior, re-gu-la-ri-dad,
    ma-yo-rí-a): 206.835 - 62.3 * 47/22 - 22/2 = 62.7395"""
    text = load_booklet(FIXTURES / "plantas-es").introduction[0]
    found = count(text, "es")
    assert (found.sentences, found.words, found.syllables) == (2, 22, 47)
    assert reading(text, "es").value == pytest.approx(62.7395, abs=0.001)


def test_lint_names_the_formula_and_explains_it_once():
    german = CliRunner().invoke(main, ["lint", str(FIXTURES / "schreibtisch-de")])
    assert german.exit_code == 0, german.output
    lines = german.output.splitlines()
    assert any(line.startswith("reading level (Standardausgabe): Flesch-Amstad ") for line in lines)
    assert "Flesch-Kincaid" not in german.output
    explained = [line for line in lines if line.startswith("Flesch-Amstad: ")]
    assert explained == [
        "Flesch-Amstad: 0-100, higher is easier; 60-70 is plain German for 13- to 15-year-olds; aim for 60 or above"
    ]
    english = CliRunner().invoke(main, ["lint", str(SHIPPED)])
    assert "reading level (Home edition): Flesch-Kincaid grade " in english.output
    assert english.output.count("Flesch-Kincaid grade: the US school grade") == 1


def test_lint_warns_when_german_text_is_too_hard(tmp_path):
    import shutil

    folder = tmp_path / "de"
    shutil.copytree(FIXTURES / "schreibtisch-de", folder)
    yaml = folder / "booklet.yaml"
    hard = "Arbeitsplatzergonomische Bildschirmtätigkeitsunterbrechungen verhindern Verspannungserscheinungen"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(
        text.replace("  Wer viele Stunden", f"  {hard}. {hard}. {hard}. {hard}.\n  Wer viele Stunden"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["lint", str(folder), "--strict"])
    assert result.exit_code == 1
    assert "warning: reading level is Flesch-Amstad " in result.output
    assert ", below the aim of 60 (" in result.output


def test_lint_lang_measures_the_translation_by_its_languages_formula(tmp_path):
    """The Spanish booklet translated into German is measured by Flesch-Amstad; Greek has no formula."""
    import shutil

    import polib

    folder = tmp_path / "plantas"
    shutil.copytree(FIXTURES / "plantas-es", folder)
    for lang in ("de", "el"):
        assert CliRunner().invoke(main, ["translate", str(folder), "--lang", lang]).exit_code == 0
    path = folder / "translations" / "de.po"
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid.startswith("Las plantas de interior"):
            entry.msgstr = "Zimmerpflanzen brauchen wenig. Sie brauchen es aber regelmäßig."
    po.save(str(path))
    german = CliRunner().invoke(main, ["lint", str(folder), "--lang", "de"])
    assert german.exit_code == 0, german.output
    assert "reading level (Edición básica): Flesch-Amstad " in german.output
    assert "strings print in the source language" in german.output  # the rest is still Spanish
    greek = CliRunner().invoke(main, ["lint", str(folder), "--lang", "el"])
    assert "reading level (Edición básica): none for language 'el'" in greek.output
