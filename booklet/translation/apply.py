"""Booklet + language -> the booklet in that language, from translations/<language>.po.

Every translatable string (slots.py) is looked up by its context and source text; a
translated entry replaces it and takes its place (file:line of the msgstr), so any
later error about that text (a card it overflows, a glyph the font lacks) points into
the PO file. Untranslated and fuzzy strings keep the source text and are counted in one
warning. The author's labels follow their translations; one left untranslated gives way
to the language's built-in label. The result's ``language`` is the target, so labels,
numbers, quotes and hyphenation follow it. A PO file that cannot be read, or whose
translations break placeholders, markup or links, is a ContentError at its lines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from booklet.errors import ContentError, Problem
from booklet.labels import built_in
from booklet.model import Booklet, SourceRef
from booklet.translation import missing_message, po_path
from booklet.translation.catalog import Catalog, read_catalog, shown
from booklet.translation.check import entry_problems, used
from booklet.translation.slots import Slot, label_slots, walk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Translation:
    """A booklet in one language and what of it still prints in the source language."""

    booklet: Booklet
    path: str = ""  # the PO file, as shown; "" when the content is already in that language
    strings: int = 0
    untranslated: int = 0
    fuzzy: int = 0

    @property
    def warning(self) -> str:
        """One line, or "" when everything is translated."""
        if not (self.untranslated or self.fuzzy):
            return ""
        return (
            f"{self.path}: warning: {self.untranslated + self.fuzzy} of {self.strings} strings print in the "
            f"source language ({self.untranslated} untranslated, {self.fuzzy} fuzzy)"
        )


def translate_booklet(booklet: Booklet, language: str) -> Translation:
    """The booklet in ``language``: itself when that is its own language, else from its PO file."""
    if language == booklet.language:
        return Translation(booklet)
    path = po_path(booklet.root, language)
    if not path.is_file():
        raise ContentError.at(SourceRef(shown(path)), missing_message(language))
    catalog, problems = _cached(path)
    if problems:
        raise ContentError(problems)
    result = apply_catalog(booklet, language, catalog)
    if result.warning:
        log.info("%s", result.warning)
    return result


_CACHE: dict[tuple[str, bytes], tuple[Catalog, list[Problem]]] = {}


def _cached(path: Path) -> tuple[Catalog, list[Problem]]:
    """Parse and check a PO file once per content of it (batch and watch ask again for every build)."""
    key = (str(path.resolve()), path.read_bytes())
    if key not in _CACHE:
        catalog = read_catalog(path)
        if len(_CACHE) >= 8:  # a few languages at once (batch); files edited in a watch replace theirs
            _CACHE.clear()
        _CACHE[key] = (catalog, entry_problems(catalog))
    return _CACHE[key]


def apply_catalog(booklet: Booklet, language: str, catalog: Catalog) -> Translation:
    """Replace every slot with its translation; count what falls back."""
    entries = {(e.msgctxt or "", e.msgid): e for e in catalog.po if not e.obsolete}
    seen: dict[tuple[str, str], str] = {}  # key -> "ok", "fuzzy" or "missing"

    def change(slot: Slot) -> tuple[str, SourceRef] | None:
        entry = entries.get(slot.key)
        if entry is None or not entry.msgstr:
            seen[slot.key] = "missing"
            return None
        if not used(entry):
            seen[slot.key] = "fuzzy"
            return None
        seen[slot.key] = "ok"
        return entry.msgstr, catalog.ref(entry)

    translated = walk(booklet, change)
    labels = []
    for slot in label_slots(booklet, language):
        got = change(slot)
        if got is not None:
            labels.append((slot.context.removeprefix("labels."), got[0]))
        elif built_in(language) is None:
            labels.append((slot.context.removeprefix("labels."), slot.text))
    states = list(seen.values())
    result = replace(translated, language=language, labels=tuple(labels))
    return Translation(result, catalog.path, len(states), states.count("missing"), states.count("fuzzy"))
