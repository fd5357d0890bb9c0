"""The content model: frozen dataclasses handed from step to step.

validate.py builds a :class:`Booklet` from the raw YAML; audience.py turns it into an
:class:`Edition` for one audience. Every record keeps the :class:`SourceRef` it came
from, so a later step can still point at the line an author should fix.
No third-party imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from booklet.labels import ENGLISH, fill, hand_key, lookup, zone_key

PRESSURES = ("light", "moderate", "firm")
LEVELS = ("no-pressure", "light-touch")  # the two levels of the zone key on every diagram
SIGNALS = ("danger", "warning", "caution", "notice")  # ANSI Z535.6, most severe first
HANDS = ("palms", "fingertips", "thumbs", "forearms", "knuckles", "heels of hands")  # suggestions; any short text
# The parts of a stroke a diagram can show; an illustration's ``badges`` gives each a step number.
MOMENTS = ("place", "pass", "next", "move", "over", "return", "change")
PLACEMENTS = ("before", "after")
VOCABULARIES = ("plain", "anatomical")


# Words the booklet prints around the author's content: the English set, whose keys
# every language has (booklet/labels/). A booklet overrides single ones under `labels:`.
LABELS: dict[str, str] = ENGLISH


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a value came from: file, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


NOWHERE = SourceRef("<built-in>")


def ref_of(record: object, field: str) -> SourceRef:
    """Where one field (or one item, "steps[2]") of a model record was written, else the
    field's, else where the record starts."""
    own = getattr(record, "ref", NOWHERE)
    refs = dict(getattr(record, "field_refs", ()))
    return refs.get(field) or refs.get(field.split("[")[0], own)


@dataclass(frozen=True)
class Caution:
    """A safety message with an ANSI Z535.6 signal word."""

    signal: str
    text: str
    zone: str | None = None
    why: str = ""
    source: str = ""  # name of the stroke it belongs to, "" for general cautions
    id: str = ""  # names the hazard: cautions with the same id are the same hazard
    short: str = ""  # a shorter form for pocket cards
    level: str = ""  # how diagrams shade its zone: no-pressure or light-touch; "" for the figure's own
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Step:
    """One numbered step; ``short`` is the card form, if the author gave one."""

    text: str
    short: str = ""
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Illustration:
    """How to picture a stroke: a motion pattern, explicit paths, or an author image.

    Coordinates of ``paths`` are normalised to the diagram: x 0..1 left to right,
    y 0..1 bottom (hips) to top (head).
    """

    pattern: str | None = None
    start: str | None = None
    direction: str | None = None
    repeats: int = 3
    side: str = "both"
    hand: str | None = None
    paths: tuple[tuple[tuple[float, float], ...], ...] = ()
    image: str | None = None  # path relative to the content root, checked to stay inside
    caption: str = ""
    figure: str = "back"  # the figure the pattern is drawn on (illustrate.figures)
    badges: tuple[tuple[str, int], ...] = ()  # (moment, step number): which step each part of the drawing shows
    alt: str = ""  # the author image's text alternative (required with ``image``)
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Stroke:
    """One technique, printed on its own page (or spread) and its own card."""

    id: str
    name: str
    steps: tuple[Step, ...]
    other_names: tuple[str, ...] = ()
    summary: str = ""
    purpose: str = ""
    pressure: str = "moderate"
    pressure_note: str = ""  # set when an edition caps the pressure
    hands: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    position: str = ""
    duration: str = ""
    tips: tuple[str, ...] = ()
    cautions: tuple[Caution, ...] = ()
    illustration: Illustration | None = None
    tags: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Checklist:
    """A checklist: its id, title and items, and where it goes (before or after the strokes)."""

    id: str
    title: str
    items: tuple[str, ...]
    placement: str = "before"
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class RoutineStep:
    """One step of the routine: a stroke, for so many minutes, with an optional note."""

    stroke: str  # a stroke id
    minutes: float
    note: str = ""
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Routine:
    """The routine: its title, introduction and steps, in order."""

    title: str
    steps: tuple[RoutineStep, ...]
    intro: str = ""
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written

    @property
    def minutes(self) -> float:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Reference:
    """A further reading: title, web address (none for a printed book), note, and the audiences that print it."""

    title: str
    url: str = ""  # "" for a printed book: no link, no QR code
    note: str = ""
    audiences: tuple[str, ...] = ()  # only these audiences print it (default: all)
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Theme:
    """Typography and colour. Font families name TTF files in ``fonts/``."""

    font: str = "NotoSans"
    heading_font: str = "NotoSans"
    base_size: float = 10.0
    accent: str = "#2E6F73"
    logo: str | None = None
    paper: str = "a5"
    cover_image: str | None = None  # a picture for the cover instead of the first stroke's
    cover_alt: str = ""  # its text alternative
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Audience:
    """An edition's profile: what to keep, how to adjust it."""

    id: str
    name: str  # edition name shown on the cover and in footers
    description: str = ""
    include: tuple[str, ...] = ()  # stroke ids or tags; empty keeps all
    exclude: tuple[str, ...] = ()
    max_pressure: str | None = None
    font_scale: float = 1.0
    paper: str | None = None
    extra_cautions: tuple[Caution, ...] = ()  # one with a general caution's id replaces it
    extra_items: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (checklist id, items)
    overrides: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()  # (stroke id, fields)
    vocabulary: str = "plain"
    subtitle: str | None = None  # replaces the booklet's subtitle in this edition
    introduction: tuple[str, ...] | None = None  # replaces the booklet's introduction
    accent: str | None = None
    logo: str | None = None
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written


@dataclass(frozen=True)
class Booklet:
    """A whole validated content set, before any audience is applied."""

    id: str
    title: str
    root: str  # the content folder; every file path is resolved inside it
    strokes: tuple[Stroke, ...]
    subtitle: str = ""
    author: str = ""
    publisher: str = ""
    edition: str = ""
    language: str = "en"
    keywords: tuple[str, ...] = ()
    introduction: tuple[str, ...] = ()  # paragraphs
    checklists: tuple[Checklist, ...] = ()
    cautions: tuple[Caution, ...] = ()
    routine: Routine | None = None
    stop_if: tuple[str, ...] = ()  # "stop at once if" items: short signs to stop at once
    references: tuple[Reference, ...] = ()
    theme: Theme = field(default_factory=Theme)
    vocabulary: tuple[tuple[str, str], ...] = ()  # (plain term, anatomical term)
    audiences: tuple[Audience, ...] = ()
    default_audience: str | None = None
    labels: tuple[tuple[str, str], ...] = ()  # overrides of LABELS
    ref: SourceRef = NOWHERE
    field_refs: tuple[tuple[str, SourceRef], ...] = ()  # where each field's value was written

    def stroke(self, stroke_id: str) -> Stroke:
        return next(s for s in self.strokes if s.id == stroke_id)

    def label(self, key: str, **values: object) -> str:
        """A printed word or phrase in the booklet's language, in its own wording if it gives one."""
        return fill(_template(self.language, self.labels, key), values)

    def zone_name(self, zone: str) -> str:
        """A zone id -> its name as printed inside a line ("lower back", "unterer Rücken")."""
        key = zone_key(zone)
        return self.label(key) if key in LABELS else zone.replace("-", " ")

    def hand_name(self, hand: str) -> str:
        """A hand as written -> its label when it is a built-in hand, else the author's words as typed."""
        key = hand_key(hand)
        return self.label(key) if hand in HANDS and key in LABELS else hand


@lru_cache(maxsize=4096)
def _template(language: str, labels: tuple[tuple[str, str], ...], key: str) -> str:
    """A label's wording before its values are filled in: looked up once per language, overrides and key."""
    return lookup(language, dict(labels), key)


def all_cautions(booklet: Booklet) -> list[Caution]:
    """General cautions, then every stroke's, each stroke caution naming its stroke."""
    return list(booklet.cautions) + [c for s in booklet.strokes for c in s.cautions]


@dataclass(frozen=True)
class Edition:
    """The booklet as one audience reads it: filtered, capped, reworded."""

    booklet: Booklet  # already adjusted: strokes, cautions and theme are the edition's
    audience: Audience | None
    font_scale: float = 1.0
    recipient: str = ""  # the name printed "Prepared for ..." on a roster edition's cover

    @property
    def name(self) -> str:
        return self.audience.name if self.audience else self.booklet.edition

    @property
    def slug(self) -> str:
        return self.audience.id if self.audience else ""
