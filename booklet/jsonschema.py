"""schema.py's records -> JSON Schema (draft 2020-12) for editors' YAML language servers.

Generated from the same tables the validator reads, so the two cannot drift apart.
Our loader reads every scalar as text, so number fields accept numbers or numeric text.
"""

from __future__ import annotations

from typing import Any

from booklet.schema import RECORDS, Field

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("booklet", "stroke", "audience")


def _names() -> dict[str, tuple[str, ...]]:
    from booklet.illustrate import figures, motions

    return {
        "zone": figures.ALL_ZONE_NAMES,
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
            {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"},
        ]
    elif kind == "enum":
        out["enum"] = list(spec.choices)
    elif kind in names:
        out["enum"] = list(names[kind])
    elif kind == "list":
        assert spec.item is not None
        out["type"] = "array"
        out["items"] = field_schema(spec.item, names)
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
    else:
        out["type"] = "string"
        out.update(_string_format(kind))
    return out


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
