"""Edition -> warnings where the booklet disagrees with itself.

Five checks, each pointing at the file and line to fix:
- pressure: a stroke's text names a pressure above the one its at-a-glance strip
  prints (which is the edition's cap when the edition caps it), or an edition with a
  cap prints a pressure above it anywhere;
- step pressure: the strip (and the card) print a pressure above every pressure word
  the stroke's steps use ("Firm pressure" over steps that all say "gently");
- routine: a routine whose title states a number of minutes that its steps, as this
  edition keeps them, do not add up to;
- signal words: one hazard (the same caution ``id``, or the same ``zone``) printed
  with different signal words;
- pictures: a motion path that crosses a no-pressure zone (a zone a warning or danger
  protects), and a caution that names a zone the motion crosses but no caution shades.
Picture checks apply only to strokes drawn on the body diagram. No ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from booklet.lint import Warning
from booklet.model import (
    NOWHERE,
    PRESSURES,
    SIGNALS,
    Booklet,
    Caution,
    Edition,
    Illustration,
    SourceRef,
    Stroke,
    ref_of,
)

SEVERE = ("danger", "warning")  # a zone one of these protects gets no pressure at all
PRESSURE_FORMS = {"light": r"", "moderate": r"(?:ly)?", "firm": r"(?:er|est|ly|ness)?"}
_MINUTES = re.compile(r"\b(\d+(?:\.\d+)?)[\s-]*(?:minutes?|mins?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Text:
    """One printed piece of text and where it was written."""

    text: str
    ref: SourceRef
    what: str  # names the place for the message: "fan-stroke step 3", "cautions"


def disagreements(edition: Edition) -> list[Warning]:
    """Every place where the edition contradicts itself, in the order of the checks."""
    booklet = edition.booklet
    cap = edition.audience.max_pressure if edition.audience else None
    found = _named("pressure-words", pressure_words(booklet, cap, edition.name))
    found += _named("step-pressure", step_pressure(booklet))
    found += _named("routine-minutes", routine_minutes(booklet, edition.name))
    found += _named("signal-words", signal_words(booklet))
    for stroke in booklet.strokes:
        if on_body(stroke):
            found += _named("picture-zones", picture_zones(stroke, booklet))
    return found


def _named(check: str, warnings: Iterable[Warning]) -> list[Warning]:
    """Warnings of one check -> the same, carrying the check's name (for `lint --skip`)."""
    from dataclasses import replace

    return [replace(w, check=check) for w in warnings]


# -- pressure ---------------------------------------------------------------------------


def pressure_pattern(level: str, booklet: Booklet) -> re.Pattern[str]:
    """A pressure level -> a pattern for the words that name it: the level, its forms, its label."""
    words = {re.escape(level) + PRESSURE_FORMS.get(level, "")}
    label = booklet.label(level).strip().lower()
    if label and label != level:
        words.add(re.escape(label))
    return re.compile(r"\b(" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)


def above(level: str) -> list[str]:
    """A pressure level -> the levels firmer than it."""
    return list(PRESSURES[PRESSURES.index(level) + 1 :]) if level in PRESSURES else []


def pressure_words(booklet: Booklet, cap: str | None, edition: str) -> Iterator[Warning]:
    """Text naming a pressure firmer than its stroke's (or, anywhere, than the edition's cap)."""
    for stroke in booklet.strokes:
        for piece in stroke_texts(stroke):
            for level in above(stroke.pressure):
                match = pressure_pattern(level, booklet).search(piece.text)
                if match:
                    why = (
                        f"the {edition} caps pressure at {cap}"
                        if cap and stroke.pressure == cap
                        else f"its pressure is {stroke.pressure}"
                    )
                    yield Warning(
                        piece.ref, f"{piece.what} says '{match.group(0)}' but {why}; the page prints {stroke.pressure}"
                    )
                    break
    if cap is None:
        return
    for piece in general_texts(booklet):
        for level in above(cap):
            match = pressure_pattern(level, booklet).search(piece.text)
            if match:
                yield Warning(
                    piece.ref, f"{piece.what} says '{match.group(0)}' but the {edition} caps pressure at {cap}"
                )
                break


# Words a step uses to say how hard to press, by level, beside each level's own label.
# Comparatives ("lighter", "lighten", "firmer") are left out: "a lighter touch on the way
# down" says the rest of the stroke is more than light, not that the stroke is light.
STEP_WORDS = {
    "en": {
        "light": ("gentle", "gently", "light", "lightly", "soft", "softly"),
        "moderate": ("moderate", "moderately", "medium"),
        "firm": ("firm", "firmly", "deep", "deeply"),
    },
    "de": {
        "light": ("leicht", "sanft", "behutsam"),
        "moderate": ("mäßig", "mäßigem", "mäßigen", "mäßiger", "mittel", "mittlerem", "mittleren", "mittlerer"),
        "firm": ("fest", "festem", "festen", "fester", "kräftig", "kräftigem", "kräftigen"),
    },
}


def step_word_pattern(level: str, booklet: Booklet) -> re.Pattern[str]:
    """A pressure level -> a pattern for the words a step may use for it, in the booklet's language."""
    words = {re.escape(level)} if booklet.language.split("-")[0] == "en" else set()
    words |= {re.escape(w) for w in STEP_WORDS.get(booklet.language.split("-")[0], {}).get(level, ())}
    label = booklet.label(level).strip().lower()
    if label:
        words.add(re.escape(label))
    return re.compile(r"\b(" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)


def step_pressure(booklet: Booklet) -> Iterator[Warning]:
    """A stroke whose printed pressure is firmer than every pressure word its steps (and their short forms) use.

    Steps that name no pressure at all say nothing to disagree with.
    """
    patterns = {level: step_word_pattern(level, booklet) for level in PRESSURES}
    for stroke in booklet.strokes:
        if stroke.pressure not in PRESSURES:
            continue
        said: dict[str, str] = {}  # level -> the first word found for it
        for step in stroke.steps:
            for text in (step.text, step.short):
                for level, pattern in patterns.items():
                    match = pattern.search(text or "")
                    if match and level not in said:
                        said[level] = match.group(0)
        if not said:
            continue
        most = max(said, key=PRESSURES.index)
        if PRESSURES.index(most) < PRESSURES.index(stroke.pressure):
            yield Warning(
                ref_of(stroke, "pressure"),
                f"{stroke.id}: the page and card print {stroke.pressure} pressure, but no step asks for more "
                f"than {most} ('{said[most]}'); say in a step how firmly to press, or lower the pressure",
            )


def stroke_texts(stroke: Stroke) -> Iterator[Text]:
    """Every text a stroke prints, on its pages and its card."""
    sid = stroke.id
    for name in ("summary", "purpose", "position", "duration"):
        value = getattr(stroke, name)
        if value:
            yield Text(value, ref_of(stroke, name), f"{sid} {name}")
    for n, step in enumerate(stroke.steps, 1):
        ref = step.ref if step.ref.line else ref_of(stroke, f"steps[{n - 1}]")
        yield Text(step.text, ref, f"{sid} step {n}")
        if step.short:
            yield Text(step.short, ref, f"{sid} step {n} (short form)")
    for n, tip in enumerate(stroke.tips, 1):
        yield Text(tip, ref_of(stroke, f"tips[{n - 1}]"), f"{sid} tip {n}")
    for caution in stroke.cautions:
        yield from caution_texts(caution, f"{sid} caution")


def caution_texts(caution: Caution, what: str) -> Iterator[Text]:
    for name in ("text", "short", "why"):
        value = getattr(caution, name)
        if value:
            yield Text(value, ref_of(caution, name), what)


def general_texts(booklet: Booklet) -> Iterator[Text]:
    """Every text the booklet prints outside its strokes."""
    for paragraph in booklet.introduction:
        yield Text(paragraph, ref_of(booklet, "introduction"), "introduction")
    for caution in booklet.cautions:
        yield from caution_texts(caution, "caution")
    for n, item in enumerate(booklet.stop_if):
        yield Text(item, ref_of(booklet, f"stop_if[{n}]"), "stop_if")
    for checklist in booklet.checklists:
        for n, item in enumerate(checklist.items):
            yield Text(item, ref_of(checklist, f"items[{n}]"), f"checklist '{checklist.id}'")
    routine = booklet.routine
    if routine is not None:
        for name in ("title", "intro"):
            if getattr(routine, name):
                yield Text(getattr(routine, name), ref_of(routine, name), f"routine {name}")
        for step in routine.steps:
            if step.note:
                yield Text(step.note, step.ref, "routine note")
    for reference in booklet.references:
        for name in ("title", "note"):
            if getattr(reference, name):
                yield Text(getattr(reference, name), ref_of(reference, name), f"reference {name}")


# -- routine ----------------------------------------------------------------------------


def routine_minutes(booklet: Booklet, edition: str) -> list[Warning]:
    """A routine title's minutes against the sum of the steps this edition keeps."""
    routine = booklet.routine
    if routine is None or not routine.steps:
        return []
    match = _MINUTES.search(routine.title)
    if match is None:
        return []
    said, total = float(match.group(1)), routine.minutes
    if abs(said - total) < 1e-6:
        return []
    return [
        Warning(
            ref_of(routine, "title"),
            f"the routine title says {match.group(0)} but its steps add up to {total:g} minutes in the {edition}",
        )
    ]


# -- signal words -----------------------------------------------------------------------


def signal_words(booklet: Booklet) -> list[Warning]:
    """Cautions about one hazard (same id, or same zone) that print different signal words."""
    cautions = [*booklet.cautions, *(c for s in booklet.strokes for c in s.cautions)]
    found: list[Warning] = []
    flagged: set[int] = set()
    for kind, key in (("id", lambda c: c.id), ("zone", lambda c: c.zone)):
        groups: dict[str, list[Caution]] = {}
        for caution in cautions:
            if key(caution):
                groups.setdefault(key(caution), []).append(caution)
        for name, group in groups.items():
            signals = {c.signal for c in group}
            if len(signals) < 2:
                continue
            first = min(group, key=lambda c: SIGNALS.index(c.signal))
            for caution in group:
                if caution.signal != first.signal and id(caution) not in flagged:
                    flagged.add(id(caution))
                    found.append(
                        Warning(
                            ref_of(caution, "signal"),
                            f"the hazard with {kind} '{name}' is {caution.signal.upper()} here but "
                            f"{first.signal.upper()} at {ref_of(first, 'signal')}; give one hazard one signal word",
                        )
                    )
    return found


# -- pictures ---------------------------------------------------------------------------


def on_body(stroke: Stroke) -> bool:
    """Whether the stroke is drawn on a body figure (an illustration that is not an image, on a drawn figure)."""
    from booklet.illustrate.figures import figure

    ill = stroke.illustration
    return ill is not None and not ill.image and figure(ill.figure).drawn


def crossed_zones(stroke: Stroke) -> set[str]:
    """The zones of its figure that the stroke's motion paths pass through.

    Cached on the drawing data alone (as motions.traces_for is): every roster recipient's
    edition checks the same strokes, and walking the paths through the zones' polygons
    was a third of a recipient's build.
    """
    ill = stroke.illustration
    assert ill is not None
    return set(_crossed(replace(ill, ref=NOWHERE, field_refs=())))


@lru_cache(maxsize=1024)
def _crossed(ill: Illustration) -> frozenset[str]:
    from booklet.illustrate.figures import figure
    from booklet.illustrate.motions import traces_for

    f = figure(ill.figure)
    return frozenset(zone for trace in traces_for(ill) for p in along(trace.points) for zone in f.zones_at(p))


def along(points: tuple[tuple[float, float], ...], step: float = 0.004) -> Iterator[tuple[float, float]]:
    """A polyline -> points along it no more than ``step`` apart (a single point is itself)."""
    if len(points) == 1:
        yield points[0]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        count = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / step))
        for k in range(count + 1):
            yield (x0 + (x1 - x0) * k / count, y0 + (y1 - y0) * k / count)


def zones_named(text: str, names: Iterable[str]) -> set[str]:
    """A text + a figure's zone ids -> the ones it mentions, by label, id or alias ("kidneys")."""
    from booklet.illustrate.zones import ALIASES, ZONES

    wanted = set(names)
    words = {n.replace("-", " "): n for n in wanted}
    words |= {z.label.lower(): n for n, z in ZONES.items() if n in wanted}
    words |= {alias: n for alias, n in ALIASES.items() if n in wanted}
    lowered = text.lower()
    return {zone for word, zone in words.items() if re.search(r"\b" + re.escape(word) + r"\b", lowered)}


def picture_zones(stroke: Stroke, booklet: Booklet) -> list[Warning]:
    """A stroke's motion against its zones: never across a no-pressure zone; no unshaded zone a caution names.

    No-pressure zones are the figure's own and any zone a warning or danger protects.
    (validate already refuses explicit paths across the figure's own.)
    """
    from booklet.illustrate.figures import figure

    ill = stroke.illustration
    assert ill is not None
    f = figure(ill.figure)
    crossed = crossed_zones(stroke)
    shaded = {c.zone for c in stroke.cautions if c.zone}
    severe: dict[str, str] = {}
    for caution in [*booklet.cautions, *stroke.cautions]:  # a general caution names the hazard first
        if caution.zone and caution.signal in SEVERE:
            severe.setdefault(caution.zone, f"{caution.signal.upper()} at {ref_of(caution, 'zone')}")
    for zone in f.no_pressure():
        severe.setdefault(zone, f"the {f.name} figure")
    found = [
        Warning(ill.ref, f"{stroke.id}: the motion path crosses the {zone} zone, where {severe[zone]} says no pressure")
        for zone in sorted(crossed & set(severe))
    ]
    for caution in stroke.cautions:
        for zone in sorted((zones_named(caution.text, f.zones) & crossed) - shaded - set(stroke.areas)):
            found.append(
                Warning(
                    ref_of(caution, "text"),
                    f"{stroke.id}: a caution names the {zone} zone and the motion crosses it, "
                    f"but the diagram does not shade it (give the caution zone: {zone})",
                )
            )
    return found
