"""Translated editions from PO files: the content's text <-> ``translations/<lang>.po``.

Four small steps, one job each:

- ``slots.py``   Booklet -> its translatable strings (Slot: context, text, where), and back:
                 one walk over the model serves extraction and application, so the two agree.
- ``catalog.py`` PO file <-> polib catalogue: reading (syntax errors as file:line), writing.
- ``update.py``  Booklet + existing catalogue -> the updated catalogue (``booklet translate``):
                 translations kept, changed strings fuzzy, vanished ones obsolete.
- ``apply.py``   Booklet + language -> the translated Booklet and what fell back to the source
                 (``build --lang``); ``check.py`` refuses msgstrs whose placeholders, markup or
                 links differ from their msgid.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = "translations"


def po_path(root: str | Path, language: str) -> Path:
    """The content folder and a language code -> translations/<language>.po in it."""
    return Path(root) / FOLDER / f"{language}.po"


def missing_message(language: str) -> str:
    """What to say when a language has no PO file yet."""
    return (
        f"no translation into '{language}': run `booklet translate SOURCE --lang {language}` "
        f"and fill in {FOLDER}/{language}.po"
    )
