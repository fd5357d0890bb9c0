"""Booklet -> every string a translator translates, and (with a change function) back to a Booklet.

One walk over the model, driven by the schema tables: every text field of the booklet,
its strokes (steps, tips, cautions, illustration captions), checklists, general
cautions, routine, stop_if, references, theme alt text, vocabulary, and audiences
(names, descriptions, introductions, extra cautions and items, per-stroke overrides).
Identifiers, choices, paths, colours, numbers and the built-in hand words (they are
labels) are not translatable. Each string is a :class:`Slot`: a context (the field
path, with the ids of strokes, checklists and audiences but no list positions, so
inserting a step keeps the other contexts), the text, and where it was written.
``walk`` hands every slot to a function that returns its replacement (text and the
place the replacement was written) or None to keep it; extraction collects, the PO
application replaces, so both see exactly the same strings. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from booklet.labels import ENGLISH, built_in, lookup
from booklet.model import HANDS, Booklet, SourceRef
from booklet.schema import OVERRIDE, RECORDS, Field


@dataclass(frozen=True)
class Slot:
    """One translatable string: its context, the source text, where it is, what it is for."""

    context: str
    text: str
    ref: SourceRef
    note: str = ""  # the field's description, shown to the translator

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.text)


Change = Callable[[Slot], "tuple[str, SourceRef] | None"]

# List records whose items are named by their (unique) id in the context.
_BY_ID = {"stroke", "checklist", "audience"}
# The field whose translation a record's own place follows: card-fit errors point at it.
_PRIMARY = {"step": "text", "caution": "text"}
_CARD_NOTE = " (printed on a pocket card: keep it short)"


def collect(booklet: Booklet) -> list[Slot]:
    """Every translatable string of the content, in reading order (labels not included)."""
    found: list[Slot] = []
    walk(booklet, lambda slot: found.append(slot))  # None: every text stays as it is
    return found


def walk(booklet: Booklet, change: Change) -> Booklet:
    """The booklet with every slot's text replaced by ``change`` (None keeps it); labels untouched."""
    return _Walker(change).record(booklet, "booklet", "")


def label_slots(booklet: Booklet, target: str) -> list[Slot]:
    """The labels a translation into ``target`` gives: the author's own, and every label when
    booklet has no built-in set for the target language (the translator then writes them all)."""
    given = dict(booklet.labels)
    refs = dict(booklet.field_refs)
    keys = list(ENGLISH) if built_in(target) is None else [k for k in ENGLISH if k in given]
    note = "A word booklet prints around the content; keep every {placeholder} as it is"
    return [
        Slot(f"labels.{key}", lookup(booklet.language, given, key), refs.get(f"labels.{key}", booklet.ref), note)
        for key in keys
    ]


@dataclass
class _Walker:
    """Walks model records, changing each translatable field by ``change``."""

    change: Change

    def record(self, value: Any, name: str, path: str) -> Any:
        """A model record -> the same record with its translatable fields changed."""
        refs = dict(getattr(value, "field_refs", ()))
        own = getattr(value, "ref", None)
        changes: dict[str, Any] = {}
        present = {f.name for f in fields(value)}
        for spec in RECORDS[name]:
            if spec.name not in present or spec.name in ("labels", "badges"):
                continue
            current = getattr(value, spec.name)
            new = self.field(spec, current, refs, own, _join(path, spec.name), name)
            if new is not current and new != current:
                changes[spec.name] = new
        primary = _PRIMARY.get(name)
        if primary in changes and refs.get(primary):
            changes["ref"] = refs[primary]
        if changes and "field_refs" in present:
            changes["field_refs"] = tuple(refs.items())
        if name == "stroke" and "name" in changes:  # a stroke's cautions carry its name
            cautions = changes.get("cautions", value.cautions)
            changes["cautions"] = tuple(replace(c, source=changes["name"]) for c in cautions)
        return replace(value, **changes) if changes else value

    def field(self, spec: Field, value: Any, refs: dict, own: Any, path: str, record: str) -> Any:
        """One field's value (text, paragraphs, list, record or map) -> the changed value."""
        if value is None or value == "" or value == ():
            return value
        where = refs.get(spec.name, own)
        note = spec.description + (_CARD_NOTE if spec.name == "short" else "")
        kind = spec.kind
        if kind == "text" and isinstance(value, str):
            if spec.name == "hand" and value in HANDS:
                return value
            return self.text(value, path, where, note, refs, spec.name)
        if kind == "paragraphs":
            return tuple(self.text(p, path, where, note, refs, spec.name) for p in value)
        if kind == "record" and is_dataclass(value):
            assert spec.record is not None
            return self.record(value, spec.record, path)
        if kind == "list":
            assert spec.item is not None
            return tuple(self.item(spec, item, i, refs, own, path, record) for i, item in enumerate(value))
        if kind == "map":
            return self.map(spec, value, refs, own, path)
        return value

    def item(self, spec: Field, item: Any, index: int, refs: dict, own: Any, path: str, record: str) -> Any:
        assert spec.item is not None
        kind = spec.item.kind
        if is_dataclass(item):
            name = {"step": "step", "stroke-entry": "stroke"}.get(kind) or spec.item.record
            assert name is not None
            ident = getattr(item, "id", "") if name in _BY_ID else ""
            return self.record(item, name, _join(path, ident) if ident else path)
        if isinstance(item, str) and kind in ("text", "step"):
            if spec.name == "hands" and item in HANDS:  # a built-in hand prints as its label
                return item
            key = f"{spec.name}[{index}]"
            where = refs.get(key) or refs.get(spec.name, own)
            return self.text(item, path, where, spec.description, refs, key)
        return item

    def map(self, spec: Field, value: tuple, refs: dict, own: Any, path: str) -> tuple:
        """vocabulary (term -> term), extra_items (checklist id -> items), overrides (stroke id -> fields)."""
        where = refs.get(spec.name, own)
        out: list[tuple[str, Any]] = []
        for key, item in value:
            if spec.name == "vocabulary":
                plain = self.text(key, _join(path, "plain"), where, "A plain term (as it appears in the text)")
                term = self.text(item, _join(path, "anatomical"), where, "The anatomical term that replaces it")
                out.append((plain, term))
            elif spec.name == "extra_items":
                here = _join(path, key)
                out.append((key, tuple(self.text(t, here, where, "A checklist item this edition adds") for t in item)))
            elif spec.name == "overrides":
                out.append((key, self.override(item, own, _join(path, key))))
            else:
                out.append((key, item))
        return tuple(out)

    def override(self, pairs: tuple, own: Any, path: str) -> tuple:
        """One stroke's override fields (sorted pairs, with their own field_refs) -> changed pairs."""
        values = dict(pairs)
        refs = dict(values.get("field_refs", ()))
        specs = {f.name: f for f in OVERRIDE}
        for name in [f.name for f in OVERRIDE if f.name in values]:  # in the schema's order
            if name in specs:
                values[name] = self.field(specs[name], values[name], refs, own, _join(path, name), "override")
        if "field_refs" in values:
            values["field_refs"] = tuple(refs.items())
        return tuple(sorted(values.items()))

    def text(self, text: str, path: str, where: Any, note: str, refs: dict | None = None, key: str = "") -> str:
        if not text.strip():
            return text
        got = self.change(Slot(path, text, where if isinstance(where, SourceRef) else SourceRef(""), note))
        if got is None:
            return text
        new, ref = got
        if refs is not None and key:
            refs[key] = ref
        return new


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
