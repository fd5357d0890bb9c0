"""Booklet + audience id -> Edition: the booklet filtered and adjusted for one audience.

Pure: strokes kept or dropped by id or tag, pressure capped (and the text says so),
text overrides and vocabulary applied, extra cautions and checklist items added,
theme adjusted; then quotes, apostrophes and dashes set for the language. No I/O.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import fields, is_dataclass, replace
from typing import Any

from booklet.convert import did_you_mean, expected
from booklet.errors import OptionError
from booklet.model import PRESSURES, Audience, Booklet, Caution, Edition, Stroke
from booklet.schema import reworded_fields
from booklet.warm import keeps as keeps_built


def pick_audience(booklet: Booklet, audience_id: str | None) -> Audience | None:
    """The audience asked for, else the booklet's default, else none."""
    wanted = audience_id or booklet.default_audience
    if wanted is None:
        return None
    for audience in booklet.audiences:
        if audience.id == wanted:
            return audience
    names = [a.id for a in booklet.audiences]
    if not names:
        raise OptionError(f"unknown audience '{wanted}': this booklet defines no audiences")
    raise OptionError(f"unknown audience '{wanted}' (expected {expected(names)}){did_you_mean(wanted, names)}")


_MADE: OrderedDict[tuple[int, str | None], tuple[Booklet, Edition]] = OrderedDict()  # (id(booklet), audience)
MADE_LIMIT = 8  # editions remembered: a build asks for its edition several times (validate, names, prepare)


def make_edition(booklet: Booklet, audience_id: str | None = None) -> Edition:
    """Apply one audience's profile to the booklet; the same (frozen) booklet and audience give the same edition."""
    audience = pick_audience(booklet, audience_id)
    key = (id(booklet), audience.id if audience else None)
    known = _MADE.get(key)
    if known is not None and known[0] is booklet:
        _MADE.move_to_end(key)
        return known[1]
    edition = apply_audience(booklet, audience)
    _MADE[key] = (booklet, edition)  # holding the booklet keeps its id from being reused
    while len(_MADE) > MADE_LIMIT:
        _MADE.popitem(last=False)
    return edition


def apply_audience(booklet: Booklet, audience: Audience | None) -> Edition:
    """One audience profile (or none) applied to the booklet; a roster's layer comes here too."""
    if audience is None:
        return typeset_edition(Edition(booklet, None))
    strokes = [_adjust(s, audience, booklet) for s in booklet.strokes if keeps(audience, s)]
    kept = {s.id for s in strokes}
    routine = booklet.routine
    if routine is not None:
        routine = replace(routine, steps=tuple(step for step in routine.steps if step.stroke in kept))
    checklists = tuple(replace(c, items=c.items + dict(audience.extra_items).get(c.id, ())) for c in booklet.checklists)
    references = tuple(r for r in booklet.references if not r.audiences or audience.id in r.audiences)
    theme = replace(
        booklet.theme,
        accent=audience.accent or booklet.theme.accent,
        logo=audience.logo or booklet.theme.logo,
        paper=audience.paper or booklet.theme.paper,
    )
    adjusted = replace(
        booklet,
        strokes=tuple(strokes),
        routine=routine,
        checklists=checklists,
        cautions=merge_cautions(booklet.cautions, audience.extra_cautions),
        references=references,
        subtitle=booklet.subtitle if audience.subtitle is None else audience.subtitle,
        introduction=booklet.introduction if audience.introduction is None else audience.introduction,
        theme=theme,
        edition=audience.name,
    )
    if audience.vocabulary == "anatomical" and booklet.vocabulary:
        adjusted = reword(adjusted, dict(booklet.vocabulary))
    return typeset_edition(Edition(adjusted, audience, audience.font_scale))


def typeset_edition(edition: Edition) -> Edition:
    """The edition's text with its language's quotes, apostrophes and dashes (typography.py)."""
    from booklet.typography import typeset_record

    return typeset_record(edition, edition.booklet.language)


def merge_cautions(general: tuple[Caution, ...], extra: tuple[Caution, ...]) -> tuple[Caution, ...]:
    """General cautions with an edition's extras: an extra with a general caution's id takes its place."""
    by_id = {c.id: c for c in extra if c.id}
    kept = tuple(by_id.pop(c.id) if c.id in by_id else c for c in general)
    return kept + tuple(c for c in extra if not c.id or c.id in by_id)


def keeps(audience: Audience, stroke: Stroke) -> bool:
    """Whether the audience's edition prints the stroke."""
    names = {stroke.id, *stroke.tags}
    if stroke.audiences and audience.id not in stroke.audiences:
        return False
    if audience.include and not names & set(audience.include):
        return False
    return not names & set(audience.exclude)


def _adjust(stroke: Stroke, audience: Audience, booklet: Booklet) -> Stroke:
    overrides: dict[str, Any] = dict(dict(audience.overrides).get(stroke.id, ()))
    if "field_refs" in overrides:  # overridden fields point at the audience file
        overrides["field_refs"] = tuple({**dict(stroke.field_refs), **dict(overrides["field_refs"])}.items())
    if "cautions" in overrides:
        name = overrides.get("name", stroke.name)
        overrides["cautions"] = tuple(replace(c, source=name) for c in overrides["cautions"])
    stroke = replace(stroke, **overrides) if overrides else stroke
    return cap_pressure(stroke, audience.max_pressure, audience.name, booklet)


def cap_pressure(stroke: Stroke, cap: str | None, edition: str, labels: Booklet | None = None) -> Stroke:
    """Lower a stroke's pressure to ``cap``; the note tells the reader what changed."""
    if cap is None or PRESSURES.index(stroke.pressure) <= PRESSURES.index(cap):
        return stroke
    labels = labels or Booklet("", "", "", ())
    note = labels.label(
        "pressure_capped",
        cap=labels.label("level_" + cap),
        edition=edition,
        original=labels.label("level_" + stroke.pressure),
    )
    return replace(stroke, pressure=cap, pressure_note=note)


# In a process that builds again (booklet/warm.py), a record validate.py kept from the last build
# (an unchanged file's stroke, step or caution; model records are frozen) is reworded once per vocabulary:
# (id(record), the vocabulary's terms) -> (record, reworded, the problems rewording it found).
_REWORDED: OrderedDict[tuple[int, tuple[tuple[str, str], ...]], tuple[Any, Any, tuple[Any, ...]]] = OrderedDict()
REWORDED_KEPT = 20_000
# vocabulary -> text -> the text reworded (a process that builds again: an edited record's unchanged text)
_SUBBED: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}


def reword(booklet: Booklet, terms: dict[str, str]) -> Booklet:
    """Replace plain terms with anatomical ones in the text a reader sees.

    The limits on text length hold for the text that is laid out: a field that grows
    past them once reworded is an error at that field, so a short term with a long
    replacement cannot multiply the work of layout.
    """
    from booklet.convert import MAX_PARAGRAPHS, MAX_TEXT
    from booklet.errors import ContentError, Problem
    from booklet.model import ref_of

    pattern = re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    lookup = {k.lower(): v for k, v in terms.items()}
    problems: list[Problem] = []
    kept, vocabulary = keeps_built(), tuple(terms.items())
    subbed = _SUBBED.setdefault(vocabulary, {}) if kept else None  # text -> reworded, for this vocabulary
    if len(_SUBBED) > 8:
        _SUBBED.clear()

    def swap(match: re.Match[str]) -> str:
        found, term = match.group(0), lookup[match.group(0).lower()]
        return term[:1].upper() + term[1:] if found[:1].isupper() else term

    def fix(value: Any, owner: object = None, name: str = "") -> Any:
        if isinstance(value, str):
            out = subbed.get(value) if subbed is not None else None
            if out is None:
                out = pattern.sub(swap, value)
                if subbed is not None:
                    if len(subbed) > REWORDED_KEPT:
                        subbed.clear()
                    subbed[value] = out
            limit = MAX_PARAGRAPHS if name == "introduction" else MAX_TEXT
            if len(out) > limit and len(out) > len(value):
                message = (
                    f"text is too long once the vocabulary is applied ({len(out):,} characters; limit {limit:,}); "
                    "shorten it or the vocabulary's replacements"
                )
                problems.append(Problem(ref_of(owner, name) if owner is not None else booklet.ref, message, name))
            return out
        if isinstance(value, tuple):
            return tuple(fix(v, owner, name) for v in value)
        if is_dataclass(value) and not isinstance(value, type):
            known = _REWORDED.get((id(value), vocabulary)) if kept else None
            if known is not None and known[0] is value:
                problems.extend(known[2])
                return known[1]
            start = len(problems)
            changes = {
                f.name: fix(getattr(value, f.name), value, f.name)
                for f in fields(value)
                if f.name in reworded_fields(type(value))
            }
            reworded = replace(value, **changes)
            if kept:  # holding the record keeps its id from being reused
                _REWORDED[(id(value), vocabulary)] = (value, reworded, tuple(problems[start:]))
                while len(_REWORDED) > REWORDED_KEPT:
                    _REWORDED.popitem(last=False)
            return reworded
        return value

    strokes = tuple(fix(s) for s in booklet.strokes)
    reworded = replace(
        booklet,
        strokes=strokes,
        introduction=fix(booklet.introduction, booklet, "introduction"),
        checklists=fix(booklet.checklists),
        cautions=tuple(fix(c) for c in booklet.cautions),
        stop_if=fix(booklet.stop_if),
        routine=fix(booklet.routine) if booklet.routine else None,
    )
    if problems:
        raise ContentError(problems[:50])
    return reworded
