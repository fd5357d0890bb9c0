"""Where the shipped content and fonts live, installed or in a source checkout.

A wheel carries them inside the package (``booklet/_shipped/``); a source checkout has
them at the top level beside ``booklet/``. No third-party imports.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DEFAULT_CONTENT = "back-massage"


def _data_dir(name: str) -> Path:
    installed = PACKAGE / "_shipped" / name
    return installed if installed.is_dir() else PACKAGE.parent / name


def fonts_dir() -> Path:
    return _data_dir("fonts")


def content_dir() -> Path:
    return _data_dir("content")


def default_source() -> Path:
    return content_dir() / DEFAULT_CONTENT
