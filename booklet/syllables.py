"""Word + language -> its syllables (spoken), counted from vowel groups with each language's rules.

A syllable has one vowel sound at its core. Adjacent vowel letters usually make one
sound, so a first count is the vowel groups; each language then corrects it:
- English: a silent final "e" ("stroke"), "-es" and "-ed" ("blades", "relaxed") and the e
  before "-ly"/"-ment" ("likely") are no syllable; "-le" is ("gentle"); final "ea", "ia",
  "eo", "io" are two ("idea", "video").
- German: diphthongs (ei, au, eu, äu, ie) are one syllable, "e" after one starts another
  ("Bau-er"); "eo", "ea", "ua", "ia" in loan words ("Theater", "Januar") and "eu" in
  "-eum"/"-eus" ("Museum") are two.
- Spanish and Italian: a, e, o (and any accented vowel) are strong; two strong vowels
  side by side are two syllables ("poeta", "día"), a weak i/u joins its neighbour
  ("tierra", "cuidado"); "u" in que/qui/gue/gui is silent.
- French: a silent final "e"/"es" after a consonant or "é" is no syllable ("épaule",
  "année"), nor the u of "qu"/"gu"; "é" before another vowel and a vowel with a
  diaeresis ("naïf") start a new one.
bench/bench_syllables.py compares these counts, and pyphen's hyphenation points, with
hand counts. No third-party imports.
"""

from __future__ import annotations

import re
import unicodedata

# Vowel letters of the Latin, Greek and Cyrillic alphabets, after accents are removed.
_PLAIN_VOWELS = frozenset("aeiouyæøœ" + "αεηιουω" + "аеёиоуыэюяіїє")


def base(char: str) -> str:
    """A letter without its accents, lower case: "É" -> "e", "ΰ" -> "υ"."""
    return unicodedata.normalize("NFD", char.lower())[:1]


def is_vowel(char: str) -> bool:
    return base(char) in _PLAIN_VOWELS


def has_vowel(text: str) -> bool:
    """Whether a piece of a word could be a syllable on its own (has a vowel letter)."""
    return any(is_vowel(c) for c in text)


def vowel_groups(word: str) -> list[str]:
    """ "Wirbelsäule" -> ["i", "e", "äu", "e"]: the runs of vowel letters, in order."""
    groups, run = [], ""
    for char in word:
        if is_vowel(char):
            run += char
        elif run:
            groups.append(run)
            run = ""
    return [*groups, run] if run else groups


def _english(word: str) -> int:
    w = word.lower()
    count = len(vowel_groups(w))
    if count > 1 and (
        (w.endswith("e") and not w.endswith(("le", "ee")))  # "stroke"; "gentle" keeps its -le
        or (w.endswith("es") and not w.endswith(("ses", "xes", "zes", "ces", "ges", "ches", "shes", "les")))
        or (w.endswith("ed") and not w.endswith(("ted", "ded")))  # "relaxed", not "created"
    ):
        count -= 1  # "blades", "relaxed"
    if re.search(r"[^aeiouy]e(?:ly|ment|ful)$", w) and count > 1:
        count -= 1  # "likely", "movement": the e before the suffix is silent
    if w.endswith(("ea", "ia", "eo", "io")) and len(w) > 3:
        count += 1  # "idea", "area", "video", "radio": the last two vowels are two syllables
    return count


_GERMAN_TWO = ("eo", "ea", "ua", "ia", "uo")  # not "io": "-tion" and "Region" end in one syllable


def _german(word: str) -> int:
    w = word.lower()
    count = 0
    for group in vowel_groups(w):
        count += 1
        if len(group) == 3 and group[:2] in ("au", "eu", "äu", "ei", "ai") and group[2] == "e":
            count += 1  # "Bau-er", "teu-er", "Fei-er"
        # loan-word hiatus: "The-a-ter", "Si-tu-a-tion", "Mu-se-um"; "eu" is one ("heute")
        if group in _GERMAN_TWO or (group == "eu" and w.endswith(("eum", "eus"))):
            count += 1
    return count


_STRONG = frozenset("aeoáéíóúàèìòùâêôîû")


def _romance(word: str) -> int:
    """Spanish and Italian: one syllable per strong vowel in a group, one for a group of weak ones."""
    w = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word.lower())  # the silent u of que, qui, gue, gui
    w = re.sub(r"y(?=[aeiouáéíóú])", "j", w)  # "ayuda": y before a vowel is a consonant
    count = 0
    for group in vowel_groups(w):
        strong = sum(1 for c in group if c in _STRONG)
        count += strong or 1
    return count


_FRENCH_SILENT = r"(?<=[^aeiouyàâèêëîïôùûüÿœæ])(?:e|es)$"  # also after é: "année"; compiled for the first French word


def _french(word: str) -> int:
    w = re.sub(r"(?<=[qg])u(?=[eiéèêy])", "", word.lower())  # "chaque", "guide": the u is silent
    if len(vowel_groups(w)) > 1:
        w = re.sub(_FRENCH_SILENT, "", w)
    count = 0
    for group in vowel_groups(w):
        count += 1
        # a new syllable at é followed by a vowel ("ré-el") and at a diaeresis ("na-ïf"), not at its start
        count += sum(1 for i, c in enumerate(group) if i and (c in "ëïüÿ" or group[i - 1] == "é"))
    return count


COUNTERS = {"en": _english, "de": _german, "es": _romance, "it": _romance, "fr": _french}


def syllables(word: str, language: str = "en") -> int:
    """A word -> its number of syllables in the language (at least 1 for a word with letters)."""
    counter = COUNTERS.get(language, lambda w: len(vowel_groups(w)))
    return max(1, counter(word)) if any(c.isalpha() for c in word) else 0
