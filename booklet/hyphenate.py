"""Language + word -> where it may break: syllable hyphenation from pyphen's dictionaries.

A :class:`Hyphenator` serves two ReportLab needs without importing ReportLab: called
with a word it yields (head, tail) pairs, longest head first (ReportLab's
``hyphenationLang`` hook, used when a line needs a break), and ``soft`` puts soft
hyphens (U+00AD) at the syllable breaks of words that hook does not accept (Greek, or
Russian with "ё"); ReportLab shows one as a hyphen only where a line breaks. Web
addresses, e-mail addresses and words with digits are never hyphenated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from booklet.labels import base_language

SHY = "\u00ad"
MIN_WORD = 6  # shorter words are not worth a hyphen
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_AS_TYPED = re.compile(r"\S*(?:https?://|www\.|@)\S*|\S*\d\S*", re.IGNORECASE)


# Letters ReportLab's own hyphenation accepts (Latin and basic Cyrillic); words with any
# other letter (Greek, "ё") get soft hyphens instead.
_HOOK_LETTERS = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0410-\u044f]+")
DICTIONARIES = {"en": "en_US"}  # plain "en": the US patterns (TeX's original); "en-GB" finds its own


class Hyphenator:
    """Syllable breaks for one language; with no dictionary for it, words never break.

    The dictionary is read on first use (German's takes a second or more), so a booklet
    whose lines never need a break never pays for it.
    """

    def __init__(self, language: str, left: int = 2, right: int = 3):
        import pyphen

        code = language.replace("-", "_")
        self.found = (
            DICTIONARIES.get(code) or pyphen.language_fallback(code) or pyphen.language_fallback(base_language(code))
        )
        self.language, self.left, self.right = language, left, right
        self._dic: pyphen.Pyphen | None = None

    def __bool__(self) -> bool:
        return self.found is not None

    @property
    def dic(self):
        if self._dic is None and self.found is not None:
            import pyphen

            self._dic = pyphen.Pyphen(lang=self.found, left=self.left, right=self.right)
        return self._dic

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        """ReportLab's hook: (head, tail) pairs of a word, the longest head first."""
        if self.found is not None and len(word) >= MIN_WORD:
            yield from self.dic.iterate(word)

    def pieces(self, word: str) -> list[str]:
        """A word -> its syllable groups: "Schreibtisch" -> ["Schreib", "tisch"]."""
        if self.found is None or len(word) < MIN_WORD:
            return [word]
        return self.dic.inserted(word, hyphen=SHY).split(SHY)

    def soft(self, text: str, every: bool = False) -> str:
        """Text -> the same with a soft hyphen at the syllable breaks of the longer words the hook
        cannot take (of every longer word, with ``every``)."""
        if self.found is None:
            return text
        out, last = [], 0
        for skip in _AS_TYPED.finditer(text):
            out += [self._words(text[last : skip.start()], every), skip.group()]
            last = skip.end()
        out.append(self._words(text[last:], every))
        return "".join(out)

    def _words(self, text: str, every: bool) -> str:
        def put(match: re.Match[str]) -> str:
            word = match.group()
            if len(word) < MIN_WORD or (not every and _HOOK_LETTERS.fullmatch(word)):
                return word  # ReportLab's hook hyphenates it when a line needs it
            return SHY.join(self.pieces(word))

        return _WORD.sub(put, text)


@cache
def hyphenator(language: str) -> Hyphenator:
    """The (shared) hyphenator for a language code such as "de", "de-AT" or "el"."""
    return Hyphenator(language)
