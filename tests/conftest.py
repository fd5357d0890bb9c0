"""Shared fixtures: small content folders written into tmp_path, and PDF readers."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHIPPED = REPO / "content" / "back-massage"
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None


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
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "–": "-"})


def squash(text: str) -> str:
    """Text without markup markers, whitespace collapsed, typographic quotes and dashes as typed."""
    return " ".join(text.replace("**", "").replace("*", "").translate(_STRAIGHT).replace("\u00a0", " ").split())


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
