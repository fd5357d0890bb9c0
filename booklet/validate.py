"""RawDoc -> Booklet: check every file against the schema, then across files.

All problems of all files are collected and raised together as one ContentError,
sorted by file, line and column.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from booklet.convert import Converter, Record, did_you_mean
from booklet.errors import ContentError, Problem
from booklet.load import RawDoc, RawNode
from booklet.model import Booklet, SourceRef, Step, Stroke, ref_of
from booklet.pictures import picture_problems
from booklet.schema import MODELS, RECORDS, Field


def validate(doc: RawDoc) -> Booklet:
    """Check a loaded content set and build the model, or raise every problem at once."""
    conv = Converter()
    _KEPT.begin()
    main = _KEPT.record(conv, doc.main, "booklet")
    if main is None:
        raise _error(conv)
    strokes = _strokes(conv, doc, main)
    audience_records = _audience_records(conv, doc, main)
    audiences = [_KEPT.model("audience", r) for r in audience_records]
    booklet = to_model(
        "booklet",
        main,
        root=str(doc.root),
        strokes=tuple(strokes),
        audiences=tuple(audiences),
        field_refs=tuple(main.refs.items()) + _label_refs(main),
    )
    _check_vocabulary(conv, main)
    _check_strokes(conv, booklet, main)
    for record in audience_records:
        _check_audience(conv, booklet, record)
    _check_figures(conv, booklet, main)
    conv.problems.extend((p.ref, p.where, p.message) for p in picture_problems(booklet))
    _check_labels(conv, booklet, main)
    if conv.problems:
        raise _error(conv)
    _check_editions(conv, booklet)
    if conv.problems:
        raise _error(conv)
    return booklet


class _Kept:
    """Each file's conversion in the last validation of a process that builds again (booklet/warm.py).

    A file load.py did not parse again is the same RawNode object as last time, and
    converting a node reads nothing but the node and the schema: its record, the problems
    converting it gave (added again where they were, so the order of the messages is the
    same) and the model made from that record are the last validation's.
    """

    def __init__(self) -> None:
        self.last: dict[int, tuple[Any, Any, Any]] = {}  # id(node or record) -> (it, its record or model, problems)
        self.made: dict[int, tuple[Any, Any, Any]] = {}

    def begin(self) -> None:
        self.last, self.made = self.made, {}

    def _known(self, of: Any) -> tuple[Any, Any, Any] | None:
        known = self.last.get(id(of))
        if known is None or known[0] is not of:
            return None
        self.made[id(of)] = known  # holding it keeps its id from being reused
        return known

    def record(self, conv: Converter, node: RawNode, name: str) -> Record | None:
        """``conv.record(node, name, "")``, kept."""
        from booklet.warm import keeps

        known = self._known(node) if keeps() else None
        if known is not None and known[2][0] == name:
            conv.problems.extend(known[2][1])
            return known[1]
        start = len(conv.problems)
        record = conv.record(node, name, "")
        if keeps():
            self.made[id(node)] = (node, record, (name, tuple(conv.problems[start:])))
        return record

    def model(self, name: str, record: Record) -> Any:
        """``to_model(name, record)`` for a record ``record`` gave, kept."""
        from booklet.warm import keeps

        known = self._known(record) if keeps() else None
        if known is not None and known[2] == name:
            return known[1]
        model = to_model(name, record)
        if keeps():
            self.made[id(record)] = (record, model, name)
        return model


_KEPT = _Kept()


def _check_editions(conv: Converter, booklet: Booklet) -> None:
    """Every audience's edition can be made: its reworded text keeps within the limits."""
    from booklet.audience import make_edition
    from booklet.errors import ContentError

    for audience in booklet.audiences:
        if audience.vocabulary != "anatomical" or not booklet.vocabulary:
            continue
        try:
            make_edition(booklet, audience.id)
        except ContentError as exc:
            conv.problems.extend((p.ref, p.where, p.message) for p in exc.problems)


def _label_refs(main: Record) -> tuple[tuple[str, SourceRef], ...]:
    """Where each label the author gave was written, as 'labels.<key>'."""
    labels = main.get("labels")
    return tuple((f"labels.{key}", ref) for key, ref in labels.refs.items()) if labels else ()


MAX_TERM = 200  # characters in a vocabulary term or its replacement


def _check_vocabulary(conv: Converter, main: Record) -> None:
    """Each plain term is a word (an empty one would match at every word boundary); both sides short."""
    for term, (replacement, ref) in main.get("vocabulary", {}).items():
        where = f"vocabulary.{term}" if term.strip() else "vocabulary"
        if not any(ch.isalnum() for ch in term):
            conv.fail(ref, where, f"the term '{term}' has no letters; give the plain word to replace")
        elif len(term) > MAX_TERM or len(replacement) > MAX_TERM:
            conv.fail(ref, where, f"a vocabulary term and its replacement are at most {MAX_TERM} characters each")
        elif not replacement.strip():
            conv.fail(ref, where, f"the replacement for '{term}' is empty; give the anatomical word")


def _error(conv: Converter) -> ContentError:
    return ContentError(Problem(ref, message, where) for ref, where, message in conv.problems)


def _strokes(conv: Converter, doc: RawDoc, main: Record) -> list[Stroke]:
    entries = main.get("strokes")
    records: list[tuple[Record | None, str | None]] = []
    if entries is None:
        for name, node in sorted(doc.strokes.items()):
            records.append((_KEPT.record(conv, node, "stroke"), name))
    holders: dict[str, str] | None = None
    for i, entry in enumerate(entries or ()):
        if isinstance(entry, Record):
            records.append((entry, None))
            continue
        found = doc.strokes.get(entry)
        if found is None:
            holders = _stroke_ids(doc) if holders is None else holders
            ref = _item_ref(doc.main, "strokes", i, main.ref)
            conv.fail(ref, f"strokes[{i}]", _missing_stroke(entry, doc, holders))
            continue
        records.append((_KEPT.record(conv, found, "stroke"), entry))
    strokes = []
    for record, stem in records:
        if record is None:
            continue
        if stem is not None and record.get("id") not in (None, stem):
            conv.fail(record.where("id"), "id", f"id '{record.get('id')}' differs from the file name '{stem}.yaml'")
        strokes.append(_KEPT.model("stroke", record))
    return strokes


def _stroke_ids(doc: RawDoc) -> dict[str, str]:
    """The id each stroke file holds -> the file's stem (for files whose id is not their name)."""
    from booklet.load import RawMap, RawScalar

    out: dict[str, str] = {}
    for stem, node in sorted(doc.strokes.items()):
        value = node.get("id") if isinstance(node, RawMap) else None
        if isinstance(value, RawScalar) and value.text.strip() != stem:
            out.setdefault(value.text.strip(), stem)
    return out


def _missing_stroke(entry: str, doc: RawDoc, holders: dict[str, str]) -> str:
    """A stroke id with no file of that name -> the file that holds the id, or the closest file name."""
    holder = holders.get(entry)
    if holder is not None:
        return (
            f"no stroke file strokes/{entry}.yaml, but strokes/{holder}.yaml has id '{entry}'; "
            f"rename that file to {entry}.yaml"
        )
    hint = did_you_mean(entry, list(doc.strokes))
    if not doc.strokes:
        return f"no stroke file strokes/{entry}.yaml (the strokes/ folder has no .yaml files)"
    return f"no stroke file strokes/{entry}.yaml{hint}"


def _item_ref(node: RawNode, key: str, index: int, default: SourceRef) -> SourceRef:
    from booklet.load import RawList, RawMap

    if isinstance(node, RawMap):
        value = node.get(key)
        if isinstance(value, RawList) and index < len(value.items):
            return value.items[index].ref
    return default


# Records the schema describes that have no dataclass: they become sorted (key, value) pairs.
PAIRS = ("badges", "labels", "override")
# The model field a record's own ref comes from, where it is not the mapping's start.
REF_FROM = {"routine_step": "stroke"}


def to_model(name: str, r: Record, **given: Any) -> Any:
    """A converted record -> its model dataclass, driven by schema.RECORDS and schema.MODELS.

    Only fields the author wrote are passed, so every default lives in one place: the
    dataclass. A required field that is missing (already reported) gets a blank value
    so the rest can still be checked. ``given`` supplies derived fields (root, strokes).
    """
    values: dict[str, Any] = {}
    for spec in RECORDS[name]:
        if spec.name in given:
            continue
        if spec.name in r.values:
            values[spec.name] = _shaped(spec, r.get(spec.name), r, spec.name)
        elif spec.required:
            values[spec.name] = _blank(spec)
    if name in PAIRS:
        pairs = dict(values)
        if name == "override":
            pairs["field_refs"] = tuple(r.refs.items())  # where the edition's own text was written
        return tuple(sorted(pairs.items()))
    ref = r.where(REF_FROM[name]) if name in REF_FROM else r.ref
    model = MODELS[name](**values, **{"ref": ref, "field_refs": tuple(r.refs.items()), **given})
    if name == "stroke" and model.cautions:  # a stroke's cautions name it, for the cautions page
        model = replace(model, cautions=tuple(replace(c, source=model.name) for c in model.cautions))
    return model


def _shaped(spec: Field, value: Any, r: Record, key: str) -> Any:
    """A converted value -> the model's shape: records to dataclasses, lists and maps to tuples."""
    if spec.kind == "list":
        assert spec.item is not None
        return tuple(_item(spec.item, v, r.where(f"{key}[{i}]")) for i, v in enumerate(value))
    if spec.kind == "map":
        assert spec.item is not None
        return tuple((k, _item(spec.item, v, ref)) for k, (v, ref) in value.items())
    return _item(spec, value, r.where(key))


def _item(spec: Field, value: Any, ref: SourceRef) -> Any:
    if isinstance(value, Record):
        record = spec.record or {"step": "step", "stroke-entry": "stroke"}.get(spec.kind)
        assert record is not None, spec
        return _KEPT.model(record, value)  # a part of an unchanged file: the same object as last time
    if spec.kind == "step":
        return Step(value, ref=ref)
    if spec.kind == "list" or isinstance(value, list):
        return tuple(value)
    return value


def _blank(spec: Field) -> Any:
    return () if spec.kind in ("list", "map") else 0 if spec.kind in ("int", "number") else ""


def _audience_records(conv: Converter, doc: RawDoc, main: Record) -> list[Record]:
    records = list(main.get("audiences", ()))
    for stem, node in sorted(doc.audiences.items()):
        record = _KEPT.record(conv, node, "audience")
        if record is None:
            continue
        if record.get("id") not in (None, stem):
            conv.fail(record.where("id"), "id", f"id '{record.get('id')}' differs from the file name '{stem}.yaml'")
        records.append(record)
    return records


def _check_strokes(conv: Converter, booklet: Booklet, main: Record) -> None:
    """Ids are unique and every id that names a stroke, audience or checklist exists."""
    stroke_ids = [s.id for s in booklet.strokes]
    audience_ids = [a.id for a in booklet.audiences]
    for kind, items in (
        ("stroke", booklet.strokes),
        ("audience", booklet.audiences),
        ("checklist", booklet.checklists),
    ):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                conv.fail(item.ref, "id", f"duplicate {kind} id '{item.id}'")
            seen.add(item.id)
    hazards: set[str] = set()
    for caution in booklet.cautions:
        if caution.id and caution.id in hazards:
            conv.fail(ref_of(caution, "id"), "cautions", f"duplicate caution id '{caution.id}'")
        hazards.add(caution.id)
    if not booklet.strokes and not conv.problems:  # else the reason is already reported
        conv.fail(main.ref, "strokes", "the booklet has no strokes (add strokes/<id>.yaml files)")
    for step in booklet.routine.steps if booklet.routine else ():
        if step.stroke not in stroke_ids:
            hint = did_you_mean(step.stroke, stroke_ids)
            conv.fail(step.ref, "routine", f"unknown stroke '{step.stroke}'{hint}")
    for stroke in booklet.strokes:
        for audience in stroke.audiences:
            if audience not in audience_ids:
                hint = did_you_mean(audience, audience_ids)
                conv.fail(stroke.ref, f"{stroke.id}.audiences", f"unknown audience '{audience}'{hint}")
    for n, reference in enumerate(booklet.references):
        for audience in reference.audiences:
            if audience not in audience_ids:
                hint = did_you_mean(audience, audience_ids)
                where = ref_of(reference, "audiences")
                conv.fail(where, f"references[{n}].audiences", f"unknown audience '{audience}'{hint}")
    default = booklet.default_audience
    if default is not None and default not in audience_ids:
        hint = did_you_mean(default, audience_ids)
        conv.fail(main.where("default_audience"), "default_audience", f"unknown audience '{default}'{hint}")


def _check_audience(conv: Converter, booklet: Booklet, r: Record) -> None:
    """An audience names only strokes, tags and checklists that exist, and keeps at least one stroke."""
    from booklet.audience import keeps

    stroke_ids = [s.id for s in booklet.strokes]
    names = stroke_ids + sorted({t for s in booklet.strokes for t in s.tags})
    for key in ("include", "exclude"):
        for name in r.get(key, ()):
            if name not in names:
                conv.fail(r.where(key), key, f"unknown stroke id or tag '{name}'{did_you_mean(name, names)}")
    for sid, (_, ref) in r.get("overrides", {}).items():
        if sid not in stroke_ids:
            conv.fail(ref, "overrides", f"unknown stroke '{sid}'{did_you_mean(sid, stroke_ids)}")
    audience = next((a for a in booklet.audiences if a.id == r.get("id")), None)
    if audience is not None and booklet.strokes and not any(keeps(audience, s) for s in booklet.strokes):
        conv.fail(
            r.ref, "audience", f"the {audience.id} edition keeps no stroke (check include, exclude and audiences)"
        )
    checklist_ids = [c.id for c in booklet.checklists]
    for cid, (_, ref) in r.get("extra_items", {}).items():
        if cid not in checklist_ids:
            conv.fail(ref, "extra_items", f"unknown checklist '{cid}'{did_you_mean(cid, checklist_ids)}")


MAX_HAND = 40  # characters in an illustration's ``hand``


def _check_figures(conv: Converter, booklet: Booklet, main: Record) -> None:
    """Each stroke's zones are on its figure, its badges name parts its pattern draws and steps it has,
    no explicit path crosses a no-pressure zone, and every author image has alt text."""
    from booklet.illustrate.figures import figure
    from booklet.illustrate.motions import moments_of, path_crosses_no_pressure

    for stroke in booklet.strokes:
        ill = stroke.illustration
        f = figure(ill.figure if ill else None)
        where = dict(ill.field_refs) if ill else {}
        on = f"is not on the {f.name} figure" + (
            f" (its zones: {', '.join(f.zones)})" if f.zones else " (it has no zones)"
        )
        if ill is not None and ill.start and ill.start not in f.zones:
            conv.fail(where.get("start", ill.ref), f"{stroke.id}.illustration.start", f"zone '{ill.start}' {on}")
        wanted = [(z, stroke.ref, f"{stroke.id}.areas") for z in stroke.areas]
        wanted += [
            (c.zone, dict(c.field_refs).get("zone", c.ref), f"{stroke.id}.cautions.zone")
            for c in stroke.cautions
            if c.zone
        ]
        if ill is None or not ill.image:
            for zone, ref, at in wanted:
                if zone not in f.zones:
                    conv.fail(ref, at, f"zone '{zone}' {on}")
        if ill is None:
            continue
        if ill.hand and len(ill.hand) > MAX_HAND:
            conv.fail(where.get("hand", ill.ref), f"{stroke.id}.illustration.hand", f"more than {MAX_HAND} characters")
        drawn = moments_of(ill)
        for moment, number in ill.badges:
            ref = where.get("badges", ill.ref)
            if number > len(stroke.steps):
                conv.fail(
                    ref,
                    f"{stroke.id}.illustration.badges.{moment}",
                    f"step {number} does not exist (the stroke has {len(stroke.steps)} steps)",
                )
            elif moment not in drawn:
                conv.fail(
                    ref,
                    f"{stroke.id}.illustration.badges.{moment}",
                    f"the drawing has no '{moment}' part (it has: {', '.join(drawn) or 'none'})",
                )
        for zone in path_crosses_no_pressure(ill) if ill.paths else ():
            conv.fail(
                where.get("paths", ill.ref),
                f"{stroke.id}.illustration.paths",
                f"a path crosses the {zone}, a no-pressure zone",
            )


def _check_labels(conv: Converter, booklet: Booklet, main: Record) -> None:
    """Every label the language needs is there, and each placeholder is one the label takes."""
    from booklet.labels.check import label_problems

    labels = main.get("labels")
    for key, message in label_problems(booklet.language, dict(booklet.labels)):
        if key and labels is not None:
            conv.fail(labels.where(key), f"labels.{key}", message)
        else:
            conv.fail(main.where("language"), "labels", message)
