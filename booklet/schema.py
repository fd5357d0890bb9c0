"""The content format as data: every record, field, type and allowed value.

One description per field: convert.py reads content by these tables, validate.py turns
the records into the model dataclasses named in MODELS (defaults live in the
dataclasses), the JSON Schema for editors (``booklet schema``) is generated from them,
and the glyph check and the audience rewording read which fields are printed and
reworded from them. No third-party imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

import booklet.model as model
from booklet.model import HANDS, LABELS, LEVELS, MOMENTS, PLACEMENTS, PRESSURES, SIGNALS, VOCABULARIES


@dataclass(frozen=True)
class Field:
    """One key of a record.

    ``kind`` is one of: text, paragraphs, id, enum, int, number, url, color, paper,
    path, zone, pattern, direction, side, list (of ``item``), record (named ``record``),
    map (text keys to ``item``), step (text or a step record), stroke-entry (an id or
    an inline stroke), points (a list of [x, y] pairs). For numbers ``low`` and ``high``
    bound the value; for lists ``low`` is the fewest items allowed.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    item: Field | None = None
    record: str | None = None
    low: float | None = None
    high: float | None = None
    printed: bool | None = None  # drawn in the PDF (glyph-checked); None: decided by the kind
    reworded: bool = False  # reader text an anatomical edition rewords with the vocabulary


def reader(field: Field) -> Field:
    """A field whose text the reader follows: an anatomical edition rewords it with the vocabulary."""
    return replace(field, reworded=True)


def text(name: str, description: str, required: bool = False) -> Field:
    return Field(name, "text", description, required)


def texts(name: str, description: str, kind: str = "text") -> Field:
    return Field(name, "list", description, item=Field("item", kind, description))


def records(name: str, record: str, description: str, kind: str = "list") -> Field:
    """A list (or map) of records of one kind."""
    return Field(name, kind, description, item=Field(record, "record", "", record=record))


def ids(name: str, description: str) -> Field:
    return texts(name, description, kind="id")


CAUTION = (
    Field("signal", "enum", "ANSI Z535.6 signal word", True, SIGNALS),
    reader(text("text", "What to do or avoid", True)),
    Field("zone", "zone", "Body zone this caution protects; shaded on diagrams and the cautions map"),
    reader(text("why", "The reason, in one short sentence")),
    Field("id", "id", "Names the hazard; cautions with the same id (a general one and a stroke's) are one hazard"),
    reader(text("short", "A shorter form for pocket cards")),
    Field(
        "level",
        "enum",
        "How diagrams shade the zone: no-pressure or light-touch (default: the figure's own, else light-touch)",
        False,
        LEVELS,
    ),
)

STEP = (
    reader(text("text", "The step in full", True)),
    reader(text("short", "A shorter form for pocket cards")),
)

BADGES = tuple(
    Field(moment, "int", f"Number of the step the '{moment}' part of the drawing shows", low=1, high=99)
    for moment in MOMENTS
)

ILLUSTRATION = (
    Field("figure", "figure", "The body the pattern is drawn on: back, neck-shoulders, or none"),
    Field("pattern", "pattern", "Motion pattern drawn on the body diagram"),
    Field("start", "zone", "Zone where the motion starts"),
    Field("direction", "direction", "Direction of travel"),
    Field("repeats", "int", "How many passes to draw", low=1, high=12),
    Field("side", "side", "Which side: both at once, left, right, left-then-right or right-then-left"),
    text("hand", "What touches: a short text; suggestions: " + ", ".join(HANDS)),
    Field("badges", "record", "Step numbers shown on the drawing, by the part of the stroke", record="badges"),
    Field(
        "paths",
        "list",
        "Explicit motion paths: lists of [x, y] points, 0..1, x left to right, y hips to head",
        item=Field("path", "points", "A polyline of [x, y] points"),
    ),
    Field("image", "path", "A PNG, JPEG or SVG file inside the content folder, instead of a diagram"),
    text("caption", "Caption printed under the illustration"),
    replace(text("alt", "Text alternative for the image (required with image)"), printed=False),  # metadata
)

STROKE = (
    Field("id", "id", "Unique id, lower-case words joined by hyphens", True),
    text("name", "Name printed as the page title", True),
    texts("other_names", "Other names the stroke is known by"),
    ids("tags", "Free tags that audiences can include or exclude"),
    reader(text("summary", "One-sentence summary")),
    reader(text("purpose", "What the stroke is for")),
    Field("pressure", "enum", "How firmly to press", choices=PRESSURES),
    texts("hands", "Hands or tools used"),
    Field("areas", "list", "Body zones worked", item=Field("area", "zone", "A body zone")),
    texts("muscles", "Muscles worked"),
    reader(text("position", "Where the giver stands or kneels")),
    reader(text("duration", "How long, or how many repetitions")),
    reader(Field("steps", "list", "Numbered steps, in order", True, item=Field("step", "step", "A step"))),
    reader(texts("tips", "Tips")),
    reader(records("cautions", "caution", "Cautions for this stroke")),
    Field("illustration", "record", "How to picture the stroke", record="illustration"),
    ids("audiences", "Only these audiences get this stroke (default: all)"),
)

CHECKLIST = (
    Field("id", "id", "Unique id", True),
    text("title", "Title printed above the list", True),
    Field("placement", "enum", "Before or after the strokes", choices=PLACEMENTS),
    reader(Field("items", "list", "Items to tick", True, item=text("item", "Items to tick"), low=1)),
)

ROUTINE_STEP = (
    Field("stroke", "id", "A stroke id", True),
    Field("minutes", "number", "Minutes to spend", True, low=0.25, high=120),
    reader(text("note", "A short note")),
)

ROUTINE = (
    text("title", "Title of the routine", True),
    reader(text("intro", "A sentence before the steps")),
    reader(
        Field(
            "steps",
            "list",
            "Strokes in order, with minutes",
            True,
            item=Field("step", "record", "", record="routine_step"),
        )
    ),
)

REFERENCE = (
    text("title", "Title printed beside the QR code", True),
    Field("url", "url", "http(s) address, printed and encoded as a QR code; leave it out for a printed book"),
    text("note", "A short note"),
    ids("audiences", "Only these audiences print this reference (default: all)"),
)

THEME = (
    Field("font", "id", "Body font family: fonts/<Family>-Regular.ttf and its styles"),
    Field("heading_font", "id", "Heading font family"),
    Field("base_size", "number", "Body text size in points", low=6, high=24),
    Field("accent", "color", "Accent colour, #RRGGBB"),
    Field("logo", "path", "A logo image inside the content folder"),
    Field("paper", "paper", "Reading page size: a4, a5, a6, letter, half-letter or WxHmm"),
    Field("cover_image", "path", "A picture for the cover (PNG, JPEG or SVG inside the content folder)"),
    replace(text("cover_alt", "Text alternative for the cover picture (required with cover_image)"), printed=False),
)

AUDIENCE = (
    Field("id", "id", "Unique id, used with -a", True),
    text("name", "Edition name printed on the cover and in the footer", True),
    text("description", "Who this edition is for"),
    ids("include", "Keep only strokes with these ids or tags"),
    ids("exclude", "Drop strokes with these ids or tags"),
    Field("max_pressure", "enum", "Cap every stroke's pressure at this", choices=PRESSURES),
    Field("font_scale", "number", "Type size factor", low=0.7, high=2.5),
    Field("paper", "paper", "Reading page size for this edition"),
    text("subtitle", "Replaces the booklet's subtitle in this edition"),
    Field("introduction", "paragraphs", "Replaces the booklet's introduction in this edition"),
    records("extra_cautions", "caution", "Cautions added; one with a general caution's id replaces it"),
    Field("extra_items", "map", "Checklist items added, by checklist id", item=texts("items", "Items to add")),
    records("overrides", "override", "Per-stroke text overrides, by stroke id", kind="map"),
    Field("vocabulary", "enum", "Plain or anatomical words", choices=VOCABULARIES),
    Field("accent", "color", "Accent colour for this edition"),
    Field("logo", "path", "Logo for this edition"),
)

OVERRIDE = tuple(
    replace(f, required=False) for f in STROKE if f.name not in ("id", "tags", "audiences", "illustration", "areas")
)

BOOKLET = (
    Field("id", "id", "Unique id; names the output file", True),
    text("title", "Title on the cover", True),
    text("subtitle", "Subtitle on the cover"),
    text("author", "Author, printed on the cover and in the metadata"),
    text("publisher", "Publisher"),
    text("edition", "Default edition name"),
    Field("language", "id", "Language code, e.g. en, de, el, ru"),
    texts("keywords", "Keywords for the PDF metadata"),
    reader(Field("introduction", "paragraphs", "Introduction; blank lines separate paragraphs")),
    Field(
        "strokes",
        "list",
        "Stroke ids (files strokes/<id>.yaml) or inline strokes, in order",
        item=Field("stroke", "stroke-entry", "A stroke id or an inline stroke"),
    ),
    reader(records("checklists", "checklist", "Checklists")),
    reader(records("cautions", "caution", "General cautions")),
    reader(Field("routine", "record", "A timed sequence of strokes", record="routine")),
    reader(
        Field(
            "stop_if",
            "list",
            "Stop at once if: short signs that mean stop the massage at once",
            item=text("item", "A sign to stop at once"),
            low=1,
        )
    ),
    records("references", "reference", "References, printed with QR codes"),
    Field("theme", "record", "Fonts, size, colour, logo, paper", record="theme"),
    replace(
        Field("vocabulary", "map", "Plain term -> anatomical term", item=text("term", "Anatomical term")),
        printed=False,  # printed only through the reworded text, which is checked
    ),
    replace(
        records("audiences", "audience", "Audience profiles (or files audiences/*.yaml)"),
        printed=False,  # each edition's own words are checked when that edition is built
    ),
    Field("default_audience", "id", "Audience built when -a is not given"),
    Field("labels", "record", "The booklet's own words for printed labels (for other languages)", record="labels"),
)

LABEL_FIELDS = tuple(text(key, f"Default: {default!r}") for key, default in LABELS.items())

RECORDS: dict[str, tuple[Field, ...]] = {
    "booklet": BOOKLET,
    "stroke": STROKE,
    "caution": CAUTION,
    "step": STEP,
    "illustration": ILLUSTRATION,
    "badges": BADGES,
    "checklist": CHECKLIST,
    "routine": ROUTINE,
    "routine_step": ROUTINE_STEP,
    "reference": REFERENCE,
    "theme": THEME,
    "audience": AUDIENCE,
    "override": OVERRIDE,
    "labels": LABEL_FIELDS,
}

# The model dataclass each record becomes (badges, labels and override become (key, value) pairs).
MODELS: dict[str, type] = {
    "booklet": model.Booklet,
    "stroke": model.Stroke,
    "caution": model.Caution,
    "step": model.Step,
    "illustration": model.Illustration,
    "checklist": model.Checklist,
    "routine": model.Routine,
    "routine_step": model.RoutineStep,
    "reference": model.Reference,
    "theme": model.Theme,
    "audience": model.Audience,
}
# Model fields no author writes: where a value came from, and what later steps derive.
DERIVED = {"ref", "field_refs", "root", "source", "pressure_note"}

# Kinds whose values are never drawn as text: identifiers, choices, files, colours, sizes.
UNPRINTED_KINDS = {"id", "enum", "zone", "pattern", "direction", "side", "figure", "path", "color", "paper", "url"}


def printed(field: Field) -> bool:
    """Whether a field's text reaches the page (so every character needs a glyph)."""
    if field.printed is not None:
        return field.printed
    if field.kind in ("list", "map"):
        return field.item is not None and printed(field.item)
    return field.kind not in UNPRINTED_KINDS


def _names(model_type: type, keep: Callable[[Field], bool]) -> frozenset[str]:
    record = next(name for name, cls in MODELS.items() if cls is model_type)
    return frozenset(f.name for f in RECORDS[record] if keep(f))


@cache
def printed_fields(model_type: type) -> frozenset[str]:
    """The fields of a model dataclass the glyph check reads."""
    return _names(model_type, printed)


@cache
def reworded_fields(model_type: type) -> frozenset[str]:
    """The fields of a model dataclass an anatomical edition rewords."""
    return _names(model_type, lambda f: f.reworded)
