"""Hyphenation in the booklet's language: words break at syllables with a hyphen, titles stay whole."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from booklet.build import BuildOptions, build, load_booklet
from booklet.hyphenate import SHY, hyphenator
from booklet.labels import BUILT_IN
from booklet.shipped import default_source
from tests.conftest import FIXTURES

GERMAN = FIXTURES / "schreibtisch-de"
LETTERS = re.compile(r"[^\W\d_]+")


def vocabulary(folder: Path, language: str) -> set[str]:
    """Every whole word the booklet could print: its YAML text and its language's labels."""
    text = " ".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.yaml"))
    text += " " + " ".join(BUILT_IN[language].values())
    return {w.lower() for w in LETTERS.findall(text)}


def broken_words(data: bytes, words: set[str]) -> list[str]:
    """Line ends that cut a word without a hyphen: a line's last word (rejoined with the
    next line where the line ends in a hyphen) that is not a whole word of the booklet."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [line.rstrip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        for i, line in enumerate(lines):
            if line.endswith("…"):  # a running head shortened on purpose
                continue
            if "/" in line or (i and "/" in lines[i - 1] and " " not in line):
                continue  # a web address breaks where it must, never with a hyphen
            if line.endswith("-") and i + 1 < len(lines):
                head = LETTERS.findall(line)[-1]
                tail = LETTERS.findall(lines[i + 1])[:1]
                if tail and (head + tail[0]).lower() not in words and head.lower() not in words:
                    found.append(f"{head}-{tail[0]}")
                continue
            last = LETTERS.findall(line)
            if last and last[-1].lower() not in words and not lines[i - 1].endswith("-"):
                found.append(line)
    return found


def test_soft_hyphens_go_where_reportlab_cannot_hyphenate():
    greek = hyphenator("el")
    assert SHY in greek.soft("σπονδυλική στήλη")
    german = hyphenator("de")
    assert german.soft("Schulterentspannung") == "Schulterentspannung"  # ReportLab's hook takes it
    assert german.pieces("Schreibtisch") == ["Schreib", "tisch"]
    for text in ("https://www.example.org/bewegungspausen-am-arbeitsplatz", "name@example.org", "A4-Bogen"):
        assert greek.soft(text) == text
    assert not hyphenator("xx")  # no dictionary: words never break


def test_german_text_breaks_only_at_syllables_with_a_hyphen():
    booklet = load_booklet(GERMAN)
    words = vocabulary(GERMAN, "de")
    for options in (
        BuildOptions(paper="a6"),
        BuildOptions(paper="a5", audience="grossdruck"),
        BuildOptions(paper="a6", audience="grossdruck"),  # the glance page's stroke names in a narrow column
        BuildOptions(format="cards", card="business"),
    ):
        data = build(booklet, options).pdf
        text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
        assert not broken_words(data, words), options
        if options.format == "booklet":
            assert re.search(r"\w-\n\w", text.replace(" \n", "\n")), "some word was hyphenated"


def test_a_long_title_shrinks_rather_than_break_a_word(tmp_path: Path):
    import shutil

    folder = tmp_path / "de"
    shutil.copytree(GERMAN, folder)
    yaml = folder / "booklet.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace(
            "title: Schulterentspannung am Schreibtisch", "title: Schulterentspannungsübungen am Schreibtisch"
        ),
        encoding="utf-8",
    )
    booklet = load_booklet(folder)
    cover = PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf)).pages[0].extract_text()
    assert "Schulterentspannungsübungen" in cover.split()  # A5: the title shrinks, the word stays whole
    data = build(booklet, BuildOptions(paper="a6", audience="grossdruck")).pdf
    cover = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    head, tail = re.search(r"(\w+)-\n(\w+)", cover).groups()  # A6 large print: too long even so
    assert head + tail == "Schulterentspannungsübungen"
    assert len(head) in {len("".join(hyphenator("de").pieces(head + tail)[:n])) for n in range(1, 8)}
    stroke_page = next(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages if "TECHNIK 1" in p.extract_text())
    assert "Selbstmassage" in stroke_page.split()  # the stroke title keeps its words whole


def test_patterns_are_liangs_on_a_small_dictionary(tmp_path: Path):
    """Hand-computed: in ".abcab." the patterns a1b (given twice: the later wins), b2c and c3a vote."""
    from booklet.hyphenate import Patterns

    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\n% a comment 1 2 3\nLEFTHYPHENMIN 2\na2b\na1b\nb2c\nc3a\nzz0\nplain\n", encoding="utf-8")
    table = Patterns.read(dic, 1, 1)
    assert table is not None
    # gaps of "abcab": a|b gets 1 (odd: a break), b|c 2 (even: none), c|a 3, a|b 1
    assert table.positions("abcab") == [1, 3, 4]
    assert table.positions("ABCAB") == [1, 3, 4]  # patterns are lower case; so is the lookup
    assert table.positions("zzplain") == []  # a pattern of zeros, and a line with no digit, vote for nothing


def test_no_piece_of_a_word_is_without_a_vowel():
    """pyphen's German patterns give "Bild-schirm-a-r-beit"; a syllable needs a vowel, so "r" joins "a"."""
    import pyphen

    assert pyphen.Pyphen(lang="de_DE", left=2, right=3).inserted("Bildschirmarbeit") == "Bild-schirm-a-r-beit"
    german = hyphenator("de")
    assert german.pieces("Bildschirmarbeit") == ["Bild", "schirm", "ar", "beit"]
    assert [head for head, _ in german("Bildschirmarbeit")] == ["Bildschirmar", "Bildschirm", "Bild"]
    assert german.pieces("Schulterentspannung") == ["Schul", "te", "rent", "span", "nung"]


def test_lazy_patterns_break_every_word_where_pyphen_does():
    """booklet reads pyphen's dictionaries lazily (hyphenate.Patterns); the points must be pyphen's own."""
    import pyphen

    from booklet.hyphenate import Patterns

    for language in ("en_US", "en_GB", "el_GR", "ru_RU", "fr", "it_IT", "es", "nl_NL", "de_DE"):
        path = pyphen.LANGUAGES[language]
        lazy = Patterns.read(path, 2, 3)
        assert lazy is not None, language
        words = sorted(vocabulary(default_source(), "en") | vocabulary(GERMAN, "de"))
        words += [w.upper() for w in words[:50]] + ["Rückenmassage", "ΜΑΣΑΖ", "массажист", "éléphantesque"]
        reference = pyphen.Pyphen(filename=path, left=2, right=3)
        for word in words:
            assert list(lazy.iterate(word)) == list(reference.iterate(word)), (language, word)
            assert lazy.inserted(word, SHY) == reference.inserted(word, SHY), (language, word)


def test_dictionaries_with_alternatives_are_left_to_pyphen(tmp_path):
    """A pattern with a non-standard break (``/``) is pyphen's to apply: Patterns declines the file."""
    from booklet.hyphenate import Patterns

    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\n% comment / with a slash is fine\na1b\nc1k/k=k,1,1\n", encoding="utf-8")
    assert Patterns.read(dic) is None
    dic.write_text("UTF-8\n% comment / with a slash is fine\nLEFTHYPHENMIN 2\na1b\nx0y\n", encoding="utf-8")
    lazy = Patterns.read(dic, 1, 1)
    assert lazy is not None
    assert lazy.inserted("abab", "-") == "a-ba-b"


def test_dictionaries_are_found_as_pyphen_finds_them():
    """hyphenate lists pyphen's dictionaries without importing it: the same table, the same fallbacks."""
    import pyphen

    from booklet.hyphenate import Patterns, language_fallback, languages

    assert languages() == pyphen.LANGUAGES
    assert list(languages()) == list(pyphen.LANGUAGES)
    tags = [*pyphen.LANGUAGES, "en", "EN-us", "de-CH-1996", "pt-BR", "sr-Latn", "zz", "", "nb-NO", "x_y_z", "fr_FR_x"]
    for tag in tags + [t.upper() for t in tags]:
        assert language_fallback(tag) == pyphen.language_fallback(tag), tag
    assert language_fallback("zz") is None
    assert isinstance(hyphenator("hu").dic, pyphen.Pyphen)  # a dictionary with alternatives: pyphen's own
    assert isinstance(hyphenator("de").dic, Patterns)


def test_a_kept_table_is_the_dictionarys_and_a_stale_one_is_read_again(tmp_path: Path, monkeypatch):
    import marshal
    import sys

    from booklet import kept
    from booklet.hyphenate import Patterns, languages

    monkeypatch.setattr(kept, "where", lambda name: tmp_path / f"{name}.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    source = tmp_path / "hyph_en_US.dic"
    source.write_bytes(languages()["en_US"].read_bytes())
    read = Patterns.read(source, kept=True)
    assert read is not None
    place = tmp_path / "hyphenation.hyph_en_US.marshal"
    assert marshal.loads(place.read_bytes())[1] == read._raw
    assert Patterns.read(source, kept=True)._raw == read._raw == Patterns.table(source.read_bytes())
    mark, table = marshal.loads(place.read_bytes())
    place.write_bytes(marshal.dumps(((mark[0], mark[1], mark[2] + 1, mark[3]), {"x": "x1"})))
    assert Patterns.read(source, kept=True)._raw == read._raw  # another mark: read again, and kept again
    assert marshal.loads(place.read_bytes())[0] == mark
    place.write_bytes(marshal.dumps((mark, {"ab": "a1b"})))
    assert Patterns.read(source, kept=True)._raw == {"ab": "a1b"}  # the mark is what is trusted
    assert Patterns.read(source)._raw == read._raw  # not kept: always the file's
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    place.unlink()
    assert Patterns.read(source, kept=True)._raw == read._raw
    assert not place.exists()


KEPT_PROBE = """
import json
from booklet import hyphenate
tables = []
table = hyphenate.Patterns.table
hyphenate.Patterns.table = staticmethod(lambda data: (tables.append(len(data)), table(data))[1])
en = hyphenate.hyphenator("en")
read = len(tables) if en.dic else -1
breaks, de = en.pieces("hyphenation"), hyphenate.hyphenator("de").pieces("Schreibtisch")
print(json.dumps({"tables": read, "breaks": breaks, "de": de}))
"""


def test_a_second_run_reads_the_dictionary_it_kept(tmp_path: Path):
    from tests.conftest import runs_of_a_fresh_copy

    runs = runs_of_a_fresh_copy(tmp_path, KEPT_PROBE)
    assert runs[0]["tables"] == 1
    assert runs[1]["tables"] == 0
    assert runs[1]["breaks"] == runs[0]["breaks"] == ["hy", "phen", "ation"]
    assert runs[1]["de"] == runs[0]["de"] == ["Schreib", "tisch"]
