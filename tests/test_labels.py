"""Labels: built-in sets per language, author overrides, and no English left in a foreign booklet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import BuildOptions, build, load_booklet
from booklet.errors import ContentError
from booklet.labels import BUILT_IN, ENGLISH, OPTIONAL, fill, missing, placeholders
from booklet.labels.check import MAY_OMIT, label_problems
from booklet.model import HANDS, Booklet
from tests.conftest import FIXTURES, squash

MADE_UP = """\
id: zorbish
title: Zorba kelvi
subtitle: Mirto plany
author: Kvasta Zunn
edition: Ulma
language: xx
introduction: Zorba kelvi mirto. Plany vostra kelvi.
strokes:
  - id: vesh
    name: Vesh dorra
    other_names: [Dorra vesh]
    summary: Vesh dorra kelvi.
    purpose: Mirto vostra.
    position: Plany zunn.
    muscles: [Trapo]
    pressure: firm
    hands: [palms, heels of hands]
    areas: [neck, lower-back]
    duration: Tri vostra
    steps:
      - Zorba vesh kelvi.
      - text: Mirto plany vostra dorra kelvi zunn.
        short: Mirto plany.
    tips: [Kelvi zunn.]
    cautions:
      - signal: danger
        text: Vesh zunn kelvi.
        zone: spine
      - signal: notice
        text: Plany mirto.
  - id: trask
    name: Trask
    pressure: light
    steps: [Trask kelvi.]
checklists:
  - id: pre
    title: Zorba pre
    items: [Kelvi mirto]
  - id: post
    title: Zorba post
    placement: after
    items: [Vostra plany]
cautions:
  - signal: warning
    text: Zorba kelvi vesh.
    zone: kidney-area
  - signal: caution
    text: Mirto zunn.
routine:
  title: Zorba ronda
  intro: Ronda kelvi.
  steps:
    - stroke: vesh
      minutes: 1.5
    - stroke: trask
      minutes: 1
references:
  - title: Zorba vostra
    url: https://zz.example/zorba
audiences:
  - id: ulma
    name: Ulma
  - id: kappo
    name: Kappo
    max_pressure: moderate
    font_scale: 1.5
default_audience: ulma
"""


def made_up_labels() -> str:
    """Every label as XX<key>, keeping the placeholders each label takes (with its ^ where English has one)."""
    lines = ["labels:"]
    for key, english in ENGLISH.items():
        slots = " ".join(m.group(0) for m in re.finditer(r"\{\^?[a-z_]+\}", english))
        lines.append(f'  {key}: "XX{key}{" " + slots if slots else ""}"')
    return "\n".join(lines) + "\n"


def english_words() -> set[str]:
    words: set[str] = set()
    for text in ENGLISH.values():
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\^?[a-z_]+\}", " ", text))}
    return words


def printed_words(data: bytes) -> set[str]:
    """Words of a PDF's extracted text; XX<key> placeholders count as one word and are skipped."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    recased = re.findall(r"\b(?:Xx|xx|xX)[a-z_]+|\bXX[A-Z]{2,}\b", text)  # keys are lower case
    assert not recased, f"labels re-cased on the page: {sorted(set(recased))}"  # "XXdanger" printed "Xxdanger"
    return {w.lower() for w in re.findall(r"[A-Za-z_]+", text) if not w.startswith("XX")}


def spoken_strings(data: bytes) -> list[str]:
    """What a screen reader says instead of the page: every /Alt, /ActualText and /E of the structure tree."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return found
        todo = [pdf.Root.StructTreeRoot]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Array):
                todo += list(node)
            elif isinstance(node, pikepdf.Dictionary):
                found += [str(node[key]) for key in ("/Alt", "/ActualText", "/E") if key in node]
                if "/K" in node:
                    todo.append(node.K)
    return found


def test_every_built_in_set_has_every_label_with_its_placeholders():
    assert {"en", "de", "fr", "es", "it", "el", "ru"} <= set(BUILT_IN)
    for language, labels in BUILT_IN.items():
        assert set(labels) == set(ENGLISH), language
        for key, text in labels.items():
            wanted = placeholders(ENGLISH[key])
            assert placeholders(text) <= wanted, (language, key)
            assert wanted - placeholders(text) <= MAY_OMIT.get(key, set()), (language, key)
            assert text, (language, key)
            assert text.strip() == text, (language, key)


def test_built_in_sets_use_the_language_quotes_not_straight_ones():
    quotes = {"en": "“”", "de": "„“", "fr": "«»", "es": "«»", "it": "«»", "el": "«»", "ru": "«»"}
    for language, labels in BUILT_IN.items():
        for key, text in labels.items():
            assert '"' not in text, (language, key, text)
            assert "'" not in text, (language, key, text)
            used = set(re.findall("[“”„«»‚‘]", text))
            assert used <= set(quotes[language]), (language, key, text)


def test_a_made_up_language_prints_no_english_in_any_format(tmp_path: Path):
    (tmp_path / "booklet.yaml").write_text(MADE_UP + made_up_labels(), encoding="utf-8")
    booklet = load_booklet(tmp_path)
    english = english_words()
    runs = [
        BuildOptions(),
        BuildOptions(audience="kappo"),
        BuildOptions(impose="saddle"),
        BuildOptions(bleed_mm=3),
        BuildOptions(format="cards"),
        BuildOptions(format="cards", audience="kappo", duplex="short-edge"),  # large print: index is too small
        BuildOptions(format="cards", card="index"),
        BuildOptions(format="cards", backs="separate", bleed_mm=2),
    ]
    for options in runs:
        result = build(booklet, options)
        outputs = list(result.files.values())
        for data in outputs:
            leaked = printed_words(data) & english
            assert not leaked, (options, sorted(leaked))
            spoken = spoken_strings(data)
            said = {w.lower() for t in spoken for w in re.findall(r"[A-Za-z_]+", t) if not w.startswith("XX")}
            assert not said & english, (options, sorted(said & english))
        if options == BuildOptions():  # the reading edition is tagged: its figures speak in labels too
            alts = spoken_strings(result.pdf)
            assert any(t.startswith("XXalt_sentence XXalt_figure_back") for t in alts), alts
            assert any(t.startswith("XXalt_avoid_map XXalt_figure_back") for t in alts), alts
        if options.impose != "none" or options.format == "cards":
            said = {w.lower() for w in re.findall(r"[A-Za-z_]+", result.instructions) if not w.startswith("XX")}
            assert result.instructions.startswith("XXhow_"), options
            assert not said & english, (options, result.instructions)


def test_the_made_up_set_reaches_every_kind_of_label(tmp_path: Path):
    """Zone, hand and pressure words, the capped note, minutes and the cautions card all come from labels."""
    (tmp_path / "booklet.yaml").write_text(MADE_UP + made_up_labels(), encoding="utf-8")
    booklet = load_booklet(tmp_path)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf)).pages)
    for key in ("zone_neck", "zone_lower_back", "hand_palms", "hand_heels_of_hands", "pressure_firm", "firm"):
        assert f"XX{key}" in text, key
    assert "XXminutes 1.5" in text  # a language Babel does not know keeps English number conventions
    capped = build(booklet, BuildOptions(audience="kappo"))
    capped_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(capped.pdf)).pages)
    assert "XXpressure_capped XXlevel_moderate Kappo" in " ".join(capped_text.split())


def test_a_language_without_built_in_labels_must_give_them_all(tmp_path: Path):
    (tmp_path / "booklet.yaml").write_text(MADE_UP + "labels:\n  contents: XXcontents\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_booklet(tmp_path)
    message = str(caught.value)
    assert "booklet.yaml:6:11: error: labels: booklet has no built-in labels for language 'xx'" in message
    for key in ("cover_kicker", "zone_neck", "how_duplex"):
        assert key in message
    assert "contents," not in message  # given, so not asked for
    assert missing("xx", {"contents": "x"}) == [k for k in ENGLISH if k != "contents" and k not in OPTIONAL]


def test_a_regional_code_uses_its_language_set():
    assert missing("de-AT", {}) == []
    assert Booklet("b", "T", ".", (), language="de_CH").label("contents") == "Inhalt"


def test_author_labels_override_single_built_in_ones():
    booklet = Booklet("b", "T", ".", (), language="de", labels=(("steps", "Ablauf"),))
    assert booklet.label("steps") == "Ablauf"
    assert booklet.label("tips") == "Tipps"


def test_placeholders_are_checked_against_the_label(tmp_path: Path):
    problems = label_problems("de", {"pressure_light": "{level}er Druck", "continued": "Fortsetzung"})
    assert ("continued", "missing placeholder {title}") in problems
    assert ("pressure_light", "unknown placeholder {level} (this label takes none)") in problems


def test_caret_raises_only_the_first_character():
    assert fill("{^items}", {"items": "ganze Hand, oberer Rücken"}) == "Ganze Hand, oberer Rücken"
    assert fill("{items}", {"items": "ganze Hand"}) == "ganze Hand"
    assert fill("{^zone}", {"zone": "épaules"}) == "Épaules"


def test_hands_print_their_label_or_the_author_words_as_typed():
    german = Booklet("b", "T", ".", (), language="de")
    assert [german.hand_name(h) for h in HANDS] == [
        "Handflächen",
        "Fingerspitzen",
        "Daumen",
        "Unterarme",
        "Fingerknöchel",
        "Handballen",
    ]
    assert german.hand_name("ganze Hand") == "ganze Hand"
    assert german.zone_name("kidney-area") == "Nierengegend"


def test_german_booklet_without_labels_prints_german_throughout():
    booklet = load_booklet(FIXTURES / "schreibtisch-de")
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(build(booklet, BuildOptions(audience="grossdruck")).pdf)).pages
    )
    for phrase in (
        "KLEINER LEITFADEN",
        "Ganze Hand, Fingerspitzen",
        "Schultern, Nacken",
        "1,5 Minuten",
        "Leichter Druck",
        "auf „leicht“ begrenzt",
        "Insgesamt: 3,5 Minuten",
    ):
        assert squash(phrase) in squash(text), phrase
    for english in ("light", "moderate", "Neck", "Spine", "minutes", "Steps", "PRESSURE", "page"):
        assert not re.search(rf"\b{english}\b", text), english


def test_new_keeps_the_title_as_typed(tmp_path: Path):
    from booklet.scaffold import scaffold

    scaffold(tmp_path / "Mein Ratgeber für Ärzte")
    text = (tmp_path / "Mein Ratgeber für Ärzte" / "booklet.yaml").read_text(encoding="utf-8")
    assert 'title: "Mein Ratgeber für Ärzte"' in text
    assert "id: mein-ratgeber-fur-arzte" in text
    booklet = load_booklet(tmp_path / "Mein Ratgeber für Ärzte")
    assert booklet.title == "Mein Ratgeber für Ärzte"


def test_figure_descriptions_follow_each_languages_punctuation_and_grammar():
    """Greek ";" is a question mark, French sets a no-break space before ";", and languages whose
    words for both/the agree with the noun name the hands first ("entrambe le mani (palmi)")."""
    import dataclasses

    from booklet.illustrate.describe import alt_texts
    from booklet.model import Illustration
    from tests.conftest import SHIPPED

    shipped = load_booklet(SHIPPED)
    described = {lang: alt_texts(dataclasses.replace(shipped, language=lang)) for lang in BUILT_IN}
    assert ";" not in described["el"]["fan-stroke"]
    assert "· καμία πίεση σε: σπονδυλική στήλη·" in described["el"]["fan-stroke"]
    assert "\u00a0; aucune pression sur\u00a0:" in described["fr"]["fan-stroke"]
    assert "Entrambe le mani (palmi) scivolano" in described["it"]["fan-stroke"]
    assert "Ambas manos (palmas) se deslizan" in described["es"]["fan-stroke"]
    assert "zone «\u00a0bas du dos\u00a0»" in described["fr"]["fan-stroke"]
    bare = dataclasses.replace(shipped.strokes[0], illustration=Illustration(pattern="glide"))
    for lang in BUILT_IN:
        booklet = dataclasses.replace(shipped, language=lang, strokes=(bare,))
        text = alt_texts(booklet)[bare.id]
        assert booklet.label("alt_both_hands")[1:] in text, (lang, text)  # no hand given: "both hands"
        assert "(" not in text, (lang, text)


def test_a_label_is_looked_up_once_per_language_overrides_and_key():
    from dataclasses import replace

    from booklet import model
    from tests.conftest import SHIPPED

    model._template.cache_clear()
    booklet = load_booklet(SHIPPED)
    assert booklet.label("continued", title="Raking") == booklet.label("continued", title="Raking")
    assert model._template.cache_info().hits == 1
    own = replace(booklet, labels=(("continued", "{title}, weiter"),))
    assert own.label("continued", title="Raking") == "Raking, weiter"
    german = replace(booklet, language="de")
    assert german.label("continued", title="Raking") == fill(BUILT_IN["de"]["continued"], {"title": "Raking"})
    assert model._template.cache_info().misses == 3
