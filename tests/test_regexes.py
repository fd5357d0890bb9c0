"""Kept regular-expression programs (booklet/regexes.py): the same pattern objects as compiling afresh."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from booklet import regexes
from tests.conftest import FIXTURES, REPO

PATTERNS = [
    (r"\s*(\.\.|!=|=|%|,|[a-z]+|\d+)", 0),
    (r"(?P<word>[^\W\d_]+)(?:-(?P=word))?", re.UNICODE),
    (r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$", re.I),
    ("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]", 0),
    (r"(?<=[^aeiouyàâèêëîïôùûüÿœæ])(?:e|es)$", 0),
    (
        r"""
        (?P<tag>[a-z]+)   # a name
        \s*=\s*
        (?P<value>"[^"]*"|\S+)
    """,
        re.VERBOSE | re.IGNORECASE,
    ),
    (rb"/ID\s*\[<([0-9a-f]{32})><([0-9a-f]{32})>\]", 0),
    (rb"(?i)startxref\n(\d+)\n%%EOF\n?$", 0),
    (r"(a|b)*?c{2,5}(?!d)", re.DOTALL | re.MULTILINE),
    (r"", 0),
]
TEXTS = [
    "a, b != 12 .. xyz",
    "Schreib-Schreib tisch",
    " 105 × 148 mm",
    "x\x07y\ue001",
    "année ",
    'Tag = "v" k=w',
    "abbcc",
    "ABCCC",
    "startxref\n123\n%%EOF\n",
]


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """regexes.kept_compile with an empty table of its own, without touching this process's re."""
    from re import _compiler  # type: ignore[attr-defined]

    monkeypatch.setattr(regexes, "_original", _compiler.compile)
    monkeypatch.setattr(regexes, "_kept", {})
    monkeypatch.setattr(regexes, "_added", [])
    return tmp_path / "regex-code.marshal"


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for text in TEXTS:
        if isinstance(a.pattern, bytes):
            text = text.encode("latin-1", "replace")  # type: ignore[assignment]
        assert [m.span() + m.groups() for m in a.finditer(text)] == [m.span() + m.groups() for m in b.finditer(text)]


def test_a_kept_program_makes_the_pattern_compiling_makes(kept: Path):
    from re import _compiler  # type: ignore[attr-defined]

    made = [regexes.kept_compile(p, f) for p, f in PATTERNS]  # compiled, and their programs kept
    assert len(regexes._added) == len(PATTERNS)
    regexes.save(kept)
    regexes._kept.clear()
    regexes._kept.update(regexes.load(kept))  # as a later start reads them
    assert len(regexes._kept) == len(PATTERNS)
    calls = []
    real = regexes._original
    regexes._original = lambda p, f=0: calls.append(p) or real(p, f)
    again = [regexes.kept_compile(p, f) for p, f in PATTERNS]
    assert calls == []  # every one from its kept program
    for (p, f), first, second in zip(PATTERNS, made, again, strict=True):
        fresh = _compiler.compile(p, f)
        _same(first, fresh)
        _same(second, fresh)


def test_a_text_whose_compiling_warns_is_never_kept_and_warns_every_time(kept: Path):
    for _ in range(2):
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")
            regexes.kept_compile("[[a]", 0)
        assert any(issubclass(w.category, FutureWarning) for w in warned)
    assert ("[[a]", 0) not in regexes._kept


def test_a_text_that_does_not_compile_raises_as_before(kept: Path):
    with pytest.raises(re.error, match="unterminated character set"):
        regexes.kept_compile("[a", 0)
    assert not regexes._kept


def test_a_table_of_another_interpreter_or_broken_is_not_read(kept: Path):
    import marshal

    kept.write_bytes(marshal.dumps((("0", "another Python", 0, "x"), {("a", 0): b"x"})))
    assert regexes.load(kept) == {}
    kept.write_bytes(b"not marshal")
    assert regexes.load(kept) == {}


PROBE = """
import json, sys
from re import _parser
parsed = []
real = _parser.parse
_parser.parse = lambda *a, **k: parsed.append(a[0]) or real(*a, **k)
import atexit
atexit.register(lambda: print(json.dumps({"parsed": len(parsed)})))
from booklet.start import run
sys.argv = ["booklet", *sys.argv[1:]]
run()
"""


def test_a_second_command_compiles_from_kept_programs_and_builds_the_same(tmp_path: Path):
    """The command keeps the programs it compiled; the next process parses (almost) no pattern and writes the same
    bytes. A library import of booklet leaves re alone."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO)
    table = regexes.table_path()
    assert table is not None
    if table.exists():
        table.unlink()
    counts = []
    for name in ("first.pdf", "second.pdf"):
        args = ["build", str(FIXTURES / "handwash"), "-o", str(tmp_path / name)]
        done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        counts.append(json.loads(done.stdout.strip().splitlines()[-1])["parsed"])
    assert table.exists()
    assert counts[0] > 50
    assert counts[1] <= counts[0] // 10
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "second.pdf").read_bytes()
    library = "import re._compiler as c, booklet.build; print(c.compile.__module__)"
    done = subprocess.run([sys.executable, "-c", library], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "re._compiler"
