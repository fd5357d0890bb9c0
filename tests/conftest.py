"""Shared fixtures: small content folders written into tmp_path, and PDF readers."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHIPPED = REPO / "content" / "back-massage"


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


def squash(text: str) -> str:
    return " ".join(text.replace("**", "").replace("*", "").split())
