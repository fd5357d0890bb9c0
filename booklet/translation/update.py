"""Booklet + target language + the existing PO catalogue (if any) -> the updated catalogue.

What ``booklet translate`` does, the way gettext's msgmerge does it:
- a string whose context and text are unchanged keeps its translation (and its fuzzy
  mark, translator comments and previous msgid);
- a string that changed becomes fuzzy, with the old translation and the old text kept
  as the previous msgid (``#| msgid``), so a PO editor shows what changed: matched by the
  same text under another context (a renamed stroke), else the closest old text in the
  same context;
- a string that is gone from the source becomes obsolete (``#~``) when it had a
  translation, so nothing a translator wrote is lost; an obsolete one that comes back
  is revived.
Entries follow the content's reading order; nothing depends on the clock, so running
it twice on unchanged content gives the same bytes.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass

import polib

from booklet.model import Booklet
from booklet.translation.slots import Slot, collect, label_slots

SIMILAR = 0.6  # difflib ratio above which an old string counts as the same string edited


@dataclass(frozen=True)
class Counts:
    """What an update found: strings, and how many are translated, fuzzy, new, obsolete."""

    strings: int
    translated: int
    fuzzy: int
    new: int
    obsolete: int

    def summary(self) -> str:
        return (
            f"{self.strings} strings: {self.translated} translated, {self.fuzzy} fuzzy, "
            f"{self.strings - self.translated - self.fuzzy} to translate ({self.new} new); {self.obsolete} obsolete"
        )


def wanted(booklet: Booklet, language: str) -> list[tuple[Slot, list[tuple[str, str]]]]:
    """Each distinct (context, text) once, in reading order, with every place it occurs (file, line)."""
    root = os.path.abspath(booklet.root)
    grouped: dict[tuple[str, str], tuple[Slot, list[tuple[str, str]]]] = {}
    for slot in [*collect(booklet), *label_slots(booklet, language)]:
        first, places = grouped.setdefault(slot.key, (slot, []))
        if slot.ref.file:
            place = (_relative(slot.ref.file, root), str(slot.ref.line))
            if place not in places:
                places.append(place)
    return list(grouped.values())


def _relative(file: str, root: str) -> str:
    path = os.path.relpath(os.path.abspath(file), root)
    return file if path.startswith("..") else path.replace(os.sep, "/")


def update_catalog(
    booklet: Booklet, language: str, old: polib.POFile | None, plural_forms: str
) -> tuple[polib.POFile, Counts]:
    """The catalogue for ``language`` after the content changed (or the first one, from nothing)."""
    po = polib.POFile(wrapwidth=78)
    po.header = old.header if old is not None and old.header else _header(booklet, language)
    po.metadata = _metadata(booklet, language, old, plural_forms)
    active = {_key(e): e for e in old or () if not e.obsolete}
    buried = {_key(e): e for e in old or () if e.obsolete}
    want = wanted(booklet, language)
    exact = {slot.key for slot, _ in want} & (set(active) | set(buried))
    unclaimed = {k: e for k, e in active.items() if k not in exact and e.msgstr}
    new = 0
    for slot, places in want:
        entry = polib.POEntry(msgctxt=slot.context, msgid=slot.text, msgstr="", occurrences=places, comment=slot.note)
        before = active.get(slot.key) or buried.get(slot.key)
        if before is not None:
            _carry(entry, before)
        else:
            match = _fuzzy_match(slot, unclaimed)
            if match is None:
                new += 1
            else:
                unclaimed.pop(_key(match))
                entry.msgstr = match.msgstr
                entry.tcomment = match.tcomment
                entry.flags = ["fuzzy"]
                entry.previous_msgid = match.msgid
                if match.msgctxt != slot.context:
                    entry.previous_msgctxt = match.msgctxt
        po.append(entry)
    for key, entry in [*buried.items(), *unclaimed.items()]:
        if key not in exact:
            gone = _copy(entry)
            gone.obsolete = True
            gone.occurrences = []
            po.append(gone)
    live = [e for e in po if not e.obsolete]
    counts = Counts(
        strings=len(live),
        translated=sum(1 for e in live if e.msgstr and not e.fuzzy),
        fuzzy=sum(1 for e in live if e.fuzzy),
        new=new,
        obsolete=sum(1 for e in po if e.obsolete),
    )
    return po, counts


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _carry(entry: polib.POEntry, before: polib.POEntry) -> None:
    """Keep what the translator wrote: the translation, their comments, the fuzzy mark and what it was."""
    entry.msgstr = before.msgstr
    entry.tcomment = before.tcomment
    entry.flags = [f for f in before.flags]
    if before.fuzzy:
        entry.previous_msgid = before.previous_msgid
        entry.previous_msgctxt = before.previous_msgctxt


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        previous_msgid=entry.previous_msgid,
        previous_msgctxt=entry.previous_msgctxt,
    )


def _fuzzy_match(slot: Slot, unclaimed: dict[tuple[str, str], polib.POEntry]) -> polib.POEntry | None:
    """An old translated entry this string most likely grew from: the same text elsewhere, else the
    closest text under the same context."""
    for (_context, text), entry in unclaimed.items():
        if text == slot.text:
            return entry
    same = [e for (context, _), e in unclaimed.items() if context == slot.context]
    best, score = None, SIMILAR
    for entry in same:
        ratio = difflib.SequenceMatcher(None, entry.msgid, slot.text, autojunk=False).ratio()
        if ratio > score:
            best, score = entry, ratio
    return best


def _header(booklet: Booklet, language: str) -> str:
    return (
        f"Translation of {booklet.title} ({booklet.id}) into {language}.\n"
        f"Written by `booklet translate --lang {language}`; fill in each msgstr with a PO editor\n"
        "(Poedit, Lokalize, Weblate) and run it again whenever the content changes."
    )


def _metadata(booklet: Booklet, language: str, old: polib.POFile | None, plural_forms: str) -> dict[str, str]:
    """The header fields: booklet's own are set, any a PO editor added (translator, team, dates) are kept."""
    kept = dict(old.metadata) if old is not None else {}
    ours = {
        "Project-Id-Version": booklet.id,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
        "X-Source-Language": booklet.language,
    }
    return {**kept, **ours}


def update_translation(booklet: Booklet, language: str) -> tuple[str, Counts, bool]:
    """Write or update translations/<language>.po for the booklet -> (the file as shown, counts, whether written).

    A language that is the content's own is an OptionError: there is nothing to translate.
    """
    from booklet.errors import OptionError
    from booklet.locale import plural_forms
    from booklet.translation import po_path
    from booklet.translation.catalog import read_catalog, shown, write_catalog

    if language == booklet.language:
        raise OptionError(f"--lang: the content is written in '{language}' (its language:); name another language")
    path = po_path(booklet.root, language)
    old = read_catalog(path).po if path.exists() else None
    po, counts = update_catalog(booklet, language, old, plural_forms(language))
    return shown(path), counts, write_catalog(path, po)
