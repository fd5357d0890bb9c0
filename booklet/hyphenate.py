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
from typing import Any

from booklet.kept import keep, mark_of
from booklet.kept import read as read_kept
from booklet.labels import base_language
from booklet.syllables import has_vowel

SHY = "\u00ad"
MIN_WORD = 6  # shorter words are not worth a hyphen
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_AS_TYPED = re.compile(r"\S*(?:https?://|www\.|@)\S*|\S*\d\S*", re.IGNORECASE)


# Letters ReportLab's own hyphenation accepts (Latin and basic Cyrillic); words with any
# other letter (Greek, "ё") get soft hyphens instead.
_HOOK_LETTERS = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0410-\u044f]+")
TABLE = "1"  # the version of Patterns.table's output, part of a kept table's mark
DICTIONARIES = {"en": "en_US"}  # plain "en": the US patterns (TeX's original); "en-GB" finds its own


class Hyphenator:
    """Syllable breaks for one language; with no dictionary for it, words never break.

    The dictionary is read on first use, so a booklet whose lines never need a break
    never pays for it; its patterns are parsed one by one as words need them (Patterns).
    A break that would leave a piece without a vowel is dropped: no syllable lacks one.
    """

    def __init__(self, language: str, left: int = 2, right: int = 3):
        code = language.replace("-", "_")
        self.found = DICTIONARIES.get(code) or language_fallback(code) or language_fallback(base_language(code))
        self.language, self.left, self.right = language, left, right
        self._dic: Any = None

    def __bool__(self) -> bool:
        return self.found is not None

    @property
    def dic(self) -> Any:
        if self._dic is None and self.found is not None:
            path = languages()[self.found]
            self._dic = Patterns.read(path, self.left, self.right, kept=True)
            if self._dic is None:
                import pyphen

                self._dic = pyphen.Pyphen(filename=path, left=self.left, right=self.right)
        return self._dic

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        """ReportLab's hook: (head, tail) pairs of a word, the longest head first."""
        if self.found is None or len(word) < MIN_WORD:
            return
        dic = self.dic
        if not isinstance(dic, Patterns):  # pyphen's own, for breaks that change letters
            yield from dic.iterate(word)
            return
        for i in reversed(voiced(word, dic.positions(word))):
            yield word[:i], word[i:]

    def pieces(self, word: str) -> list[str]:
        """A word -> its syllable groups: "Schreibtisch" -> ["Schreib", "tisch"]."""
        if self.found is None or len(word) < MIN_WORD:
            return [word]
        dic = self.dic
        if not isinstance(dic, Patterns):
            return str(dic.inserted(word, hyphen=SHY)).split(SHY)
        cuts = [0, *voiced(word, dic.positions(word)), len(word)]
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
def languages() -> dict[str, Path]:
    """pyphen's LANGUAGES (a dictionary's name, and its language alone, -> its file), listed as pyphen
    lists them but without importing pyphen (importlib.resources, zipfile and the listing itself: about
    1.5% of a cold build; ReportLab imports pyphen unread, see deferred.py). pyphen's own when its
    dictionaries are not a plain folder."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("pyphen")
    folder = (
        Path(spec.submodule_search_locations[0]) / "dictionaries" if spec and spec.submodule_search_locations else None
    )
    if folder is None or not folder.is_dir():
        import pyphen

        return dict(pyphen.LANGUAGES)
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".dic":
            name = path.name[5:-4]
            found[name] = path
            found.setdefault(name.split("_")[0], path)
    return found


@cache
def _lowercase() -> dict[str, str]:
    return {name.lower(): name for name in languages()}


def language_fallback(language: str) -> str | None:
    """pyphen.language_fallback: the dictionary for a language tag, trying it shorter and shorter ("de_CH_1996",
    "de_CH", "de"), or None."""
    parts = language.replace("-", "_").lower().split("_")
    while parts:
        found = _lowercase().get("_".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def voiced(word: str, breaks: list[int]) -> list[int]:
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


# Compiled on first use: a dictionary is read only when no kept table is current.
_IGNORED = r"(?m)^[ \t]*(?:%|#|(?:COMPOUND)?(?:LEFT|RIGHT)HYPHENMIN).*$"
_PATTERN = r"\S*[1-9]\S*"  # a pattern that allows or forbids a break somewhere
_PAIRS = re.compile(r"(\d?)(\D?)")


class Patterns:
    """A hyph_*.dic file -> Liang's hyphenation points, each pattern parsed only when a word needs it.

    Parsing all of a dictionary's patterns up front (pyphen's way) costs more than a
    whole English booklet's line breaking; here reading one is a few C-level scans, and
    a pattern's digits are read on its first lookup. Same points as pyphen's (a test
    compares them word by word); files with pyphen's non-standard alternatives
    (``/``) or ``^^`` escapes are left to pyphen (``read`` returns None).
    """

    def __init__(self, raw: dict[str, str], left: int, right: int):
        self._raw, self.left, self.right = raw, left, right
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._cache: dict[str, list[int]] = {}
        self._maxlen = max(map(len, raw), default=0)

    @classmethod
    def read(cls, path: Path, left: int = 2, right: int = 2, *, kept: bool = False) -> Patterns | None:
        """A dictionary file -> its patterns, or None when pyphen must read it. ``kept``: the table read is
        kept between runs (booklet/kept.py; pyphen's own dictionaries, which do not change, take about
        12 ms to read for English and 4 ms to unmarshal)."""
        data = Path(path).read_bytes()
        if not kept:
            raw = cls.table(data)
            return None if raw is None else cls(raw, left, right)
        name, marked = f"hyphenation.{Path(path).stem}", mark_of(Path(path), data, TABLE)
        raw = read_kept(name, marked)
        if not isinstance(raw, dict):
            raw = cls.table(data)
            if raw is None:
                return None
            keep(name, marked, raw)
        return cls(raw, left, right)

    @staticmethod
    def table(data: bytes) -> dict[str, str] | None:
        """A dictionary file's bytes -> each pattern's letters -> the pattern, or None when pyphen must read it."""
        head, _, body_bytes = data.partition(b"\n")
        encoding = head.decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        try:
            body = body_bytes.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            return None
        body = re.sub(_IGNORED, "", body)
        if "/" in body or "^^" in body:
            return None
        patterns = re.findall(_PATTERN, body)
        # The letters of each pattern: deleting ASCII digits from UTF-8 bytes is a C-level
        # pass (no letter's bytes hold one); a regex over the text takes several times longer.
        tags = "\n".join(patterns).encode("utf-8").translate(None, b"0123456789").decode("utf-8").split("\n")
        return dict(zip(tags, patterns, strict=True))

    def _pattern(self, tag: str) -> tuple[int, tuple[int, ...]]:
        if tag not in self._parsed:
            values = [int(digit or 0) for digit, _ in _PAIRS.findall(self._raw[tag])]
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            self._parsed[tag] = (start, tuple(values[start:end]))
        return self._parsed[tag]

    def _points(self, word: str) -> list[int]:
        word = word.lower()
        points = self._cache.get(word)
        if points is None:
            dotted = f".{word}."
            levels = [0] * (len(dotted) + 1)
            for i in range(len(dotted) - 1):
                for j in range(i + 1, min(i + self._maxlen, len(dotted)) + 1):
                    if dotted[i:j] not in self._raw:
                        continue
                    offset, values = self._pattern(dotted[i:j])
                    at = slice(i + offset, i + offset + len(values))
                    levels[at] = map(max, values, levels[at])
            points = self._cache[word] = [i - 1 for i, level in enumerate(levels) if level % 2]
        return points

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may break, keeping ``left`` letters before and ``right`` after."""
        last = len(word) - self.right
        return [i for i in self._points(word) if self.left <= i <= last]

    def iterate(self, word: str) -> Iterator[tuple[str, str]]:
        """(head, tail) pairs, the longest head first."""
        for i in reversed(self.positions(word)):
            yield word[:i], word[i:]

    def inserted(self, word: str, hyphen: str = "-") -> str:
        """The word with ``hyphen`` at every break."""
        letters = list(word)
        for i in reversed(self.positions(word)):
            letters.insert(i, hyphen)
        return "".join(letters)


@cache
def hyphenator(language: str) -> Hyphenator:
    """The (shared) hyphenator for a language code such as "de", "de-AT" or "el"."""
    return Hyphenator(language)
