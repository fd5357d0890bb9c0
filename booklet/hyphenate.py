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
from pathlib import Path

from booklet.labels import base_language
from booklet.syllables import has_vowel

SHY = "\u00ad"
MIN_WORD = 6  # shorter words are not worth a hyphen
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_AS_TYPED = re.compile(r"\S*(?:https?://|www\.|@)\S*|\S*\d\S*", re.IGNORECASE)


# Letters ReportLab's own hyphenation accepts (Latin and basic Cyrillic); words with any
# other letter (Greek, "ё") get soft hyphens instead.
_HOOK_LETTERS = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0410-\u044f]+")
DICTIONARIES = {"en": "en_US"}  # plain "en": the US patterns (TeX's original); "en-GB" finds its own
# A pattern line: letters and digits with at least one digit above zero; comments (% #) and
# keywords (LEFTHYPHENMIN 2) hold a space or start with their mark, so they never match.
_PATTERN = re.compile(r"^[ \t]*([^\s%#]*[1-9]\S*)[ \t]*$", re.MULTILINE)
_HEX = re.compile(r"\^\^([0-9a-f]{2})")
_NO_DIGITS = str.maketrans("", "", "0123456789")


class Patterns:
    """A ``hyph_*.dic`` file -> Liang's hyphenation patterns, each parsed only when a word needs it.

    The German file holds 78,000 patterns; parsing them all (pyphen's way) took 4.7 s
    on this loaded machine. Here loading only indexes the lines by their letters, and a
    pattern's digits are read the first time a word looks it up.
    """

    def __init__(self, path: Path):
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        encoding = head.decode("ascii").strip()
        text = body.decode("cp1251" if encoding.lower() == "microsoft-cp1251" else encoding).replace("\r", "")
        if "^^" in text:  # TeX's ^^hh: the character hh
            text = _HEX.sub(lambda m: chr(int(m.group(1), 16)), text)
        lines = _PATTERN.findall(text)  # not comments, nor keywords, nor patterns of zeros only
        keys = "\n".join(lines).encode("utf-8").translate(None, b"0123456789").decode("utf-8").split("\n")
        self._lines = dict(zip(keys, lines, strict=True))  # a later pattern for the same letters wins
        self.maxlen = max(map(len, self._lines), default=0)
        self.alternatives = "/" in text and any("/" in line and "=" in line for line in lines)
        self._parsed: dict[str, tuple[int, tuple[int, ...]] | None] = {}
        self._points: dict[str, list[int]] = {}  # a line break asks for the same word again and again

    def get(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        """Letters -> (offset of the first non-zero value, the values from there), or None."""
        if letters not in self._parsed:
            line = self._lines.get(letters)
            self._parsed[letters] = None if line is None else _values(line)
        return self._parsed[letters]

    def points(self, word: str) -> list[int]:
        """Liang: every pattern inside ".word." votes on the gaps it covers; odd votes are breaks."""
        word = word.lower()
        if word in self._points:
            return self._points[word]
        dotted = f".{word}."
        votes = [0] * (len(dotted) + 1)
        for i in range(len(dotted) - 1):
            for j in range(i + 1, min(i + self.maxlen, len(dotted)) + 1):
                found = self.get(dotted[i:j])
                if found is not None:
                    offset, values = found
                    for k, value in enumerate(values, i + offset):
                        votes[k] = max(votes[k], value)
        self._points[word] = found_points = [i - 1 for i, vote in enumerate(votes) if vote % 2]
        return found_points


def _values(line: str) -> tuple[int, tuple[int, ...]] | None:
    """ "a1b" -> (1, (1,)): the digit before each letter (and after the last), zeros trimmed."""
    values = [0] * (len(line.translate(_NO_DIGITS)) + 1)
    at = 0
    for char in line:
        if char in "0123456789":
            values[at] = int(char)
        else:
            at += 1
    marked = [i for i, v in enumerate(values) if v]
    return (marked[0], tuple(values[marked[0] : marked[-1] + 1])) if marked else None


def _voiced(word: str, breaks: list[int]) -> list[int]:
    """Breaks -> those that leave every piece a vowel: pyphen's German "Bild-schirm-a-r-beit" becomes "ar"."""
    kept: list[int] = []
    for point in breaks:
        if has_vowel(word[kept[-1] if kept else 0 : point]):
            kept.append(point)
        elif kept:  # the vowelless piece joins the one before it
            kept[-1] = point
    while kept and not has_vowel(word[kept[-1] :]):
        kept.pop()  # the last piece joins the one before it
    return kept


@cache
def patterns(path: Path) -> Patterns:
    return Patterns(path)


class Hyphenator:
    """Syllable breaks for one language; with no dictionary for it, words never break.

    The dictionary is read on first use, so a booklet whose lines never need a break
    never pays for it; its patterns are parsed one by one as words need them.
    """

    def __init__(self, language: str, left: int = 2, right: int = 3):
        import pyphen

        code = language.replace("-", "_")
        self.found = (
            DICTIONARIES.get(code) or pyphen.language_fallback(code) or pyphen.language_fallback(base_language(code))
        )
        self.language, self.left, self.right = language, left, right
        self._pyphen: pyphen.Pyphen | None = None

    def __bool__(self) -> bool:
        return self.found is not None

    def _table(self) -> Patterns | None:
        import pyphen

        return None if self.found is None else patterns(pyphen.LANGUAGES[self.found])

    def _changing(self):
        """pyphen itself, for a dictionary whose breaks change letters (Hungarian "ssz" -> "sz-sz")."""
        import pyphen

        if self._pyphen is None:
            self._pyphen = pyphen.Pyphen(lang=self.found, left=self.left, right=self.right)
        return self._pyphen

    def breaks(self, word: str) -> list[int]:
        """A word -> the offsets where it may break, at least ``left``/``right`` letters from its ends."""
        table = self._table()
        if table is None or len(word) < MIN_WORD:
            return []
        found = [p for p in table.points(word) if self.left <= p <= len(word) - self.right]
        return _voiced(word, found)

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        """ReportLab's hook: (head, tail) pairs of a word, the longest head first."""
        table = self._table()
        if table is not None and table.alternatives:
            yield from self._changing().iterate(word) if len(word) >= MIN_WORD else ()
            return
        for p in reversed(self.breaks(word)):
            yield word[:p], word[p:]

    def pieces(self, word: str) -> list[str]:
        """A word -> its syllable groups: "Schreibtisch" -> ["Schreib", "tisch"]."""
        table = self._table()
        if table is not None and table.alternatives and len(word) >= MIN_WORD:
            return str(self._changing().inserted(word, hyphen=SHY)).split(SHY)
        cuts = [0, *self.breaks(word), len(word)]
        return [word[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]

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
