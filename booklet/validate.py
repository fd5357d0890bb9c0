"""RawDoc -> Booklet: check every file against the schema, then across files.

All problems of all files are collected and raised together as one ContentError,
sorted by file, line and column.
"""

from __future__ import annotations

from typing import Any

from booklet.convert import Converter, Record, did_you_mean
from booklet.errors import ContentError, Problem
from booklet.load import RawDoc, RawNode
from booklet.model import (
    Audience,
    Booklet,
    Caution,
    Checklist,
    Illustration,
    Reference,
    Routine,
    RoutineStep,
    SourceRef,
    Step,
    Stroke,
    Theme,
    ref_of,
)
from booklet.pictures import picture_problems


def validate(doc: RawDoc) -> Booklet:
    """Check a loaded content set and build the model, or raise every problem at once."""
    conv = Converter()
    main = conv.record(doc.main, "booklet", "")
    if main is None:
        raise _error(conv)
    strokes = _strokes(conv, doc, main)
    audience_records = _audience_records(conv, doc, main)
    audiences = [_audience(r) for r in audience_records]
    booklet = Booklet(
        id=main.get("id", "booklet"),
        title=main.get("title", ""),
        root=str(doc.root),
        strokes=tuple(strokes),
        subtitle=main.get("subtitle", ""),
        author=main.get("author", ""),
        publisher=main.get("publisher", ""),
        edition=main.get("edition", ""),
        language=main.get("language", "en"),
        keywords=tuple(main.get("keywords", ())),
        introduction=main.get("introduction", ()),
        checklists=tuple(_checklist(r) for r in main.get("checklists", ())),
        cautions=tuple(_caution(r) for r in main.get("cautions", ())),
        routine=_routine(main.get("routine")),
        stop_if=tuple(main.get("stop_if", ())),
        references=tuple(_reference(r) for r in main.get("references", ())),
        theme=_theme(main.get("theme")),
        vocabulary=tuple((k, v) for k, (v, _) in main.get("vocabulary", {}).items()),
        audiences=tuple(audiences),
        default_audience=main.get("default_audience"),
        labels=tuple(sorted(main.get("labels").values.items())) if main.get("labels") else (),
        ref=main.ref,
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
            records.append((conv.record(node, "stroke", ""), name))
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
        records.append((conv.record(found, "stroke", ""), entry))
    strokes = []
    for record, stem in records:
        if record is None:
            continue
        if stem is not None and record.get("id") not in (None, stem):
            conv.fail(record.where("id"), "id", f"id '{record.get('id')}' differs from the file name '{stem}.yaml'")
        strokes.append(_stroke(record))
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


def _stroke(r: Record) -> Stroke:
    name = r.get("name", "")
    return Stroke(
        id=r.get("id", ""),
        name=name,
        steps=tuple(_step(s, r.where(f"steps[{i}]")) for i, s in enumerate(r.get("steps", ()))),
        other_names=tuple(r.get("other_names", ())),
        summary=r.get("summary", ""),
        purpose=r.get("purpose", ""),
        pressure=r.get("pressure", "moderate"),
        hands=tuple(r.get("hands", ())),
        areas=tuple(r.get("areas", ())),
        muscles=tuple(r.get("muscles", ())),
        position=r.get("position", ""),
        duration=r.get("duration", ""),
        tips=tuple(r.get("tips", ())),
        cautions=tuple(_caution(c, source=name) for c in r.get("cautions", ())),
        illustration=_illustration(r.get("illustration")),
        tags=tuple(r.get("tags", ())),
        audiences=tuple(r.get("audiences", ())),
        ref=r.ref,
        field_refs=tuple(r.refs.items()),
    )


def _step(value: Any, ref: SourceRef | None = None) -> Step:
    if isinstance(value, Record):
        return Step(value.get("text", ""), value.get("short", ""), value.ref)
    return Step(value, ref=ref) if ref is not None else Step(value)


def _caution(r: Record, source: str = "") -> Caution:
    return Caution(
        r.get("signal", "notice"),
        r.get("text", ""),
        r.get("zone"),
        r.get("why", ""),
        source,
        r.get("id", ""),
        r.get("short", ""),
        r.get("level", ""),
        r.ref,
        tuple(r.refs.items()),
    )


def _illustration(r: Record | None) -> Illustration | None:
    if r is None:
        return None
    return Illustration(
        pattern=r.get("pattern"),
        start=r.get("start"),
        direction=r.get("direction"),
        repeats=r.get("repeats", 3),
        side=r.get("side", "both"),
        hand=r.get("hand"),
        paths=tuple(r.get("paths", ())),
        image=r.get("image"),
        caption=r.get("caption", ""),
        figure=r.get("figure", "back"),
        badges=tuple((k, v) for k, v in (r.get("badges").values.items() if r.get("badges") is not None else ())),
        alt=r.get("alt", ""),
        ref=r.ref,
        field_refs=tuple(r.refs.items()),
    )


def _checklist(r: Record) -> Checklist:
    return Checklist(
        r.get("id", ""),
        r.get("title", ""),
        tuple(r.get("items", ())),
        r.get("placement", "before"),
        r.ref,
        tuple(r.refs.items()),
    )


def _routine(r: Record | None) -> Routine | None:
    if r is None:
        return None
    steps = tuple(
        RoutineStep(s.get("stroke", ""), s.get("minutes", 1.0), s.get("note", ""), s.where("stroke"))
        for s in r.get("steps", ())
    )
    return Routine(r.get("title", ""), steps, r.get("intro", ""), r.ref, tuple(r.refs.items()))


def _reference(r: Record) -> Reference:
    return Reference(
        r.get("title", ""),
        r.get("url", ""),
        r.get("note", ""),
        tuple(r.get("audiences", ())),
        r.ref,
        tuple(r.refs.items()),
    )


def _theme(r: Record | None) -> Theme:
    if r is None:
        return Theme()
    defaults = Theme()
    return Theme(
        font=r.get("font", defaults.font),
        heading_font=r.get("heading_font", defaults.heading_font),
        base_size=r.get("base_size", defaults.base_size),
        accent=r.get("accent", defaults.accent).upper(),
        logo=r.get("logo"),
        paper=r.get("paper", defaults.paper),
        cover_image=r.get("cover_image"),
        cover_alt=r.get("cover_alt", ""),
        ref=r.ref,
        field_refs=tuple(r.refs.items()),
    )


def _audience_records(conv: Converter, doc: RawDoc, main: Record) -> list[Record]:
    records = list(main.get("audiences", ()))
    for stem, node in sorted(doc.audiences.items()):
        record = conv.record(node, "audience", "")
        if record is None:
            continue
        if record.get("id") not in (None, stem):
            conv.fail(record.where("id"), "id", f"id '{record.get('id')}' differs from the file name '{stem}.yaml'")
        records.append(record)
    return records


def _override(r: Record) -> tuple[tuple[str, object], ...]:
    """Override values in the model's own types: steps and cautions as records, lists as tuples."""
    out: dict[str, object] = {}
    for key, value in r.values.items():
        if key == "steps":
            value = tuple(_step(s) for s in value)
        elif key == "cautions":
            value = tuple(_caution(c) for c in value)
        elif isinstance(value, list):
            value = tuple(value)
        out[key] = value
    out["field_refs"] = tuple(r.refs.items())  # where the edition's own text was written
    return tuple(sorted(out.items()))


def _audience(r: Record) -> Audience:
    overrides = tuple((sid, _override(rec)) for sid, (rec, _) in r.get("overrides", {}).items())
    return Audience(
        id=r.get("id", ""),
        name=r.get("name", ""),
        description=r.get("description", ""),
        include=tuple(r.get("include", ())),
        exclude=tuple(r.get("exclude", ())),
        max_pressure=r.get("max_pressure"),
        font_scale=r.get("font_scale", 1.0),
        paper=r.get("paper"),
        extra_cautions=tuple(_caution(c) for c in r.get("extra_cautions", ())),
        extra_items=tuple((cid, tuple(items)) for cid, (items, _) in r.get("extra_items", {}).items()),
        overrides=overrides,
        vocabulary=r.get("vocabulary", "plain"),
        subtitle=r.get("subtitle"),
        introduction=r.get("introduction"),
        accent=(r.get("accent") or "").upper() or None,
        logo=r.get("logo"),
        ref=r.ref,
        field_refs=tuple(r.refs.items()),
    )


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
