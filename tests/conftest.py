"""Shared fixtures: small content folders written into tmp_path, and PDF readers."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHIPPED = REPO / "content" / "back-massage"
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None


def runs_of_a_fresh_copy(tmp_path: Path, probe: str, runs: int = 2) -> list[dict]:
    """A copy of booklet without bytecode, ``probe`` run in it that many times in new processes
    (bytecode writing on) -> the JSON each run printed last: what a first and a later run keep."""
    shutil.copytree(REPO / "booklet", tmp_path / "booklet", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tmp_path)
    found = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
        )
        found.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return found


@pytest.fixture
def handwash(tmp_path: Path) -> Path:
    """A copy of the small hand-washing booklet, safe to edit."""
    target = tmp_path / "handwash"
    shutil.copytree(FIXTURES / "handwash", target)
    return target


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped back-massage content, safe to edit."""
    target = tmp_path / "back-massage"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace one exact snippet in a content file; fail loudly if it is not there."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


def pdf_text(data: bytes) -> str:
    """All text of a PDF, pages joined, whitespace collapsed."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(unbreak(page.extract_text() or "").split()) for page in reader.pages)


_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")


def unbreak(text: str) -> str:
    """Extracted text -> the same with words hyphenated at a line end joined again.

    A hyphen at a line end before a lower-case letter is taken for hyphenation
    ("mas-\nsage" -> "massage"); before a capital it is the word's own
    ("Schulter-\nSelbstmassage" stays). A compound like "grown-up" broken at its own
    hyphen reads "grownup": compare such text with ``squash``.
    """

    def join(match: re.Match[str]) -> str:
        after = match.string[match.end()]
        return "" if after.islower() else "-"

    return _LINE_HYPHEN.sub(join, text)


_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "–": "-"})


def squash(text: str) -> str:
    """Text without markup markers and hyphens, whitespace collapsed, typographic quotes as typed."""
    text = text.replace("**", "").replace("*", "").translate(_STRAIGHT).replace("\u00a0", " ")
    return " ".join(re.sub(r"-\s*", "", text).split())  # hyphens dropped: a line may break a word at one


def word_boxes(data: bytes) -> list[list[tuple[str, float, float]]]:
    """Per page, each word with the x and y (from the top) poppler lays it out at."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        html = subprocess.run(
            ["pdftotext", "-bbox", handle.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    pages = re.findall(r"<page [^>]*>(.*?)</page>", html, re.S)
    pattern = r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="[-\d.]+" yMax="[-\d.]+">(.*?)</word>'
    return [[(w, float(x), float(y)) for x, y, w in re.findall(pattern, page)] for page in pages]
