"""Text + language -> its reading level, by a formula made for that language, or none.

Each formula was fitted to readers of one language, so an English grade says little
about German text. Sentences, words, syllables (booklet.syllables) and letters are
counted by the language's own rules; a language booklet has no formula for gets a
`Reading` that says so instead of a number.

- English: Flesch-Kincaid grade, 0.39 words/sentence + 11.8 syllables/word - 15.59.
- German: Flesch-Amstad (1978), 180 - words/sentence - 58.5 syllables/word.
- Spanish: Szigriszt-Pazos perspicuity (1993), 206.835 - 62.3 syllables/word -
  words/sentence, read on the INFLESZ scale (Barrio-Cantalejo 2008). Fernández-Huerta
  is older but circulates in two forms that disagree on its sentence term.
- French: Kandel-Moles (1958), 207 - 1.015 words/sentence - 73.6 syllables/word.
- Italian: Gulpease (1988), 89 + (300 sentences - 10 letters) / words; it counts letters,
  not syllables, and was fitted to Italian readers by school level.
No third-party imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from booklet.labels import base_language
from booklet.syllables import syllables


@dataclass(frozen=True)
class Counts:
    """Sentences, words, syllables and letters of a text, for the readability formulas."""

    sentences: int
    words: int
    syllables: int
    letters: int

    @property
    def per_sentence(self) -> float:
        return self.words / self.sentences

    @property
    def per_word(self) -> float:
        return self.syllables / self.words


@dataclass(frozen=True)
class Formula:
    """A readability formula: its name, score, which way is easier, the aim beyond which lint warns."""

    name: str  # as printed: "Flesch-Amstad"
    score: Callable[[Counts], float]
    easier: bool  # True: a higher score is easier to read
    aim: float  # warn beyond this
    scale: str  # one line: what the number means and where the aim comes from

    def fine(self, value: float) -> bool:
        return value >= self.aim if self.easier else value <= self.aim


FORMULAS: dict[str, Formula] = {
    "en": Formula(
        "Flesch-Kincaid grade",
        lambda c: 0.39 * c.per_sentence + 11.8 * c.per_word - 15.59,
        False,
        8.0,
        "the US school grade that reads it; aim for 8 or below",
    ),
    "de": Formula(
        "Flesch-Amstad",
        lambda c: 180 - c.per_sentence - 58.5 * c.per_word,
        True,
        60.0,
        "0-100, higher is easier; 60-70 is plain German for 13- to 15-year-olds; aim for 60 or above",
    ),
    "es": Formula(
        "Szigriszt-Pazos",
        lambda c: 206.835 - 62.3 * c.per_word - c.per_sentence,
        True,
        55.0,
        "INFLESZ scale: under 40 very hard, 40-55 somewhat hard, 55-65 normal, over 65 easy; aim for 55 or above",
    ),
    "fr": Formula(
        "Kandel-Moles",
        lambda c: 207 - 1.015 * c.per_sentence - 73.6 * c.per_word,
        True,
        60.0,
        "Flesch's scale fitted to French: 0-100, higher is easier; 60-70 is standard; aim for 60 or above",
    ),
    "it": Formula(
        "Gulpease",
        lambda c: 89 + (300 * c.sentences - 10 * c.letters) / c.words,
        True,
        60.0,
        "0-100, higher is easier; under 60 is hard for readers with middle-school education; aim for 60 or above",
    ),
}


@dataclass(frozen=True)
class Reading:
    """A booklet's readability: its language, the formula used and its value, and the counts."""

    language: str  # the booklet's language tag
    formula: Formula | None  # None: booklet has no formula for the language
    value: float | None
    counts: Counts

    @property
    def fine(self) -> bool:
        return self.formula is None or self.value is None or self.formula.fine(self.value)

    def __str__(self) -> str:
        """The measure in a few words: "Flesch-Amstad 68.0"."""
        if self.formula is None:
            return f"none for language '{self.language}'"
        if self.value is None:
            return f"{self.formula.name}: no sentences to measure"
        return f"{self.formula.name} {self.value:.1f}"

    def explained(self) -> str:
        """One line: what the formula reports and what it aims for, or why there is none."""
        if self.formula is None:
            return (
                f"no reading-level formula made for '{self.language}': booklet measures English, German, "
                "Spanish, French and Italian, and an English grade would mislead"
            )
        return f"{self.formula.name}: {self.formula.scale}"

    def warning(self) -> str:
        """The lint warning for a text beyond the formula's aim."""
        formula, value = self.formula, self.value
        assert formula is not None
        assert value is not None
        side = "below" if formula.easier else "above"
        return f"reading level is {formula.name} {value:.1f}, {side} the aim of {formula.aim:g} ({formula.scale})"


# Abbreviations whose full stop ends no sentence; after a number a full stop in German,
# Spanish, French and Italian text is mostly an ordinal ("3. Schritt").
ABBREVIATIONS = {
    "en": ("e.g", "i.e", "etc", "approx", "dr", "mr", "mrs", "ms", "no", "vs", "cf"),
    "de": ("z", "z.b", "d", "d.h", "u", "u.a", "bzw", "ca", "usw", "evtl", "ggf", "inkl", "nr", "s", "vgl", "min"),
    "es": ("p", "p.ej", "etc", "sr", "sra", "dr", "dra", "aprox", "núm", "pág", "ud", "uds", "min"),
    "fr": ("p", "p.ex", "etc", "env", "m", "mme", "dr", "cf", "n°", "min"),
    "it": ("ecc", "es", "sig", "dott", "ca", "n", "pag", "min"),
}
_END = re.compile(r"([.!?…]+)[\"'»”’)]*(?=\s|$)")


def sentences(text: str, language: str) -> list[str]:
    """Text -> its sentences: ends at . ! ? … before a space, not after a known abbreviation."""
    lang = base_language(language)
    known = ABBREVIATIONS.get(lang, ())
    out, start = [], 0
    for end in _END.finditer(text):
        before = text[start : end.start()].split()
        last = before[-1].lower() if before else ""
        pair = "".join(before[-2:]).lower().rstrip(".")  # "z. B." written with its space
        if end.group(1) == "." and (last.rstrip(".") in known or pair in known or (lang != "en" and last.isdigit())):
            continue
        out.append(text[start : end.end()])
        start = end.end()
    out.append(text[start:])
    return [s.strip() for s in out if any(c.isalpha() for c in s)]


def words(text: str) -> list[str]:
    """Text -> its words: runs of letters joined by inner hyphens and apostrophes ("l'eau", "don't").

    Numbers are not words here: "1,5" is read out, but no formula was fitted with them.
    """
    return re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)


def count(text: str, language: str) -> Counts:
    """Text -> its sentences, words, syllables and letters; an elided "l'" is part of its word's syllable."""
    lang = base_language(language)
    found = words(text)
    parts = [p.replace("'", "").replace("’", "") for w in found for p in w.split("-")]
    return Counts(
        sentences=len(sentences(text, language)),
        words=len(found),
        syllables=sum(syllables(p, lang) for p in parts),
        letters=sum(len(p) for p in parts),
    )


def reading(text: str, language: str) -> Reading:
    """Text + language tag -> its reading level by that language's formula (value None: nothing to measure)."""
    formula = FORMULAS.get(base_language(language))
    counts = count(text, language)
    if formula is None or not counts.words or not counts.sentences:
        return Reading(language, formula, None, counts)
    return Reading(language, formula, formula.score(counts), counts)
