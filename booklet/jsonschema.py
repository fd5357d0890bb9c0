"""schema.py's records -> JSON Schema (draft 2020-12) for editors' YAML language servers.

Generated from the same tables the validator reads, and it accepts what the validator
accepts: our loader reads every scalar as text (so text fields take numbers and number
fields take numeric text), a single value stands for a one-item list, choices are read
without regard to case or surrounding spaces (``Light``), and zones take their aliases
("Shoulder blades", "kidneys"). tests/test_jsonschema.py holds the two to one table.
"""

from __future__ import annotations

import re
from typing import Any

from booklet.schema import RECORDS, Field

NUMBER_TEXT = r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$"  # convert._NUMBER, spaces allowed

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("booklet", "stroke", "audience")


def _names() -> dict[str, tuple[str, ...]]:
    from booklet.illustrate import figures, motions
    from booklet.illustrate.zones import ALIASES

    return {
        "zone": (*figures.ALL_ZONE_NAMES, *sorted(a for a, zone in ALIASES.items() if zone in figures.ALL_ZONE_NAMES)),
        "figure": figures.FIGURE_NAMES,
        "pattern": motions.PATTERN_NAMES,
        "direction": motions.DIRECTIONS,
        "side": motions.SIDES,
    }


def field_schema(spec: Field, names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """One field's schema, with its description."""
    out: dict[str, Any] = {"description": spec.description} if spec.description else {}
    kind = spec.kind
    if kind in ("int", "number"):
        bounds = {k: v for k, v in (("minimum", spec.low), ("maximum", spec.high)) if v is not None}
        out["anyOf"] = [
            {"type": "integer" if kind == "int" else "number", **bounds},
            {"type": "string", "pattern": NUMBER_TEXT},
        ]
    elif kind == "enum":
        out["anyOf"] = _choices(spec.choices)
    elif kind == "zone":
        out["anyOf"] = _choices(names[kind], words=True)
    elif kind in names:
        out["anyOf"] = _choices(names[kind])
    elif kind == "list":
        assert spec.item is not None
        item = field_schema(spec.item, names)
        array = {"type": "array", "items": item, **({"minItems": int(spec.low)} if spec.low else {})}
        if spec.item.kind in ("record", "points"):
            out.update(array)
        else:  # a single value where a list is expected is a list of one
            out["anyOf"] = [array, item]
    elif kind == "map":
        assert spec.item is not None
        out["type"] = "object"
        out["additionalProperties"] = field_schema(spec.item, names)
    elif kind == "record":
        out["$ref"] = f"#/$defs/{spec.record}"
    elif kind == "step":
        out["anyOf"] = [{"type": "string"}, {"$ref": "#/$defs/step"}]
    elif kind == "stroke-entry":
        out["anyOf"] = [{"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"}, {"$ref": "#/$defs/stroke"}]
    elif kind == "points":
        out.update(
            type="array",
            minItems=2,
            items={
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "items": {"type": "number", "minimum": 0, "maximum": 1},
            },
        )
    elif kind in ("text", "paragraphs"):
        out["type"] = ["string", "number"]  # the loader reads `name: 12` as the text "12"
    else:
        out["type"] = "string"
        out.update(_string_format(kind))
    return out


def _choices(choices: tuple[str, ...], words: bool = False) -> list[dict[str, Any]]:
    """The choices as an enum (for completion) or any spelling the validator reads the same way.

    Choices are read without regard to case or surrounding spaces; zone words may be
    joined by spaces, hyphens or underscores.
    """

    def spelling(choice: str) -> str:
        parts = re.split(r"[ _-]+", choice) if words else [choice]
        ci = ["".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in p) for p in parts]
        return "[ _-]+".join(ci) if words else ci[0]

    pattern = r"^\s*(" + "|".join(spelling(c) for c in choices) + r")\s*$"
    return [{"enum": list(choices)}, {"type": "string", "pattern": pattern}]


def _string_format(kind: str) -> dict[str, Any]:
    return {
        "id": {"pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"},
        "color": {"pattern": "^#[0-9A-Fa-f]{6}$"},
        "url": {"pattern": "^https?://"},
    }.get(kind, {})


def record_schema(name: str, names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    fields = RECORDS[name]
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: field_schema(f, names) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def json_schema(kind: str = "booklet") -> dict[str, Any]:
    """The schema of one kind of file; every record is under $defs for cross-references."""
    names = _names()
    defs = {name: record_schema(name, names) for name in RECORDS}
    titles = {"booklet": "booklet.yaml", "stroke": "strokes/<id>.yaml", "audience": "audiences/<id>.yaml"}
    return {"$schema": DIALECT, "title": f"booklet content: {titles[kind]}", "$ref": f"#/$defs/{kind}", "$defs": defs}
