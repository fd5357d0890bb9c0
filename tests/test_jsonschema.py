"""One description per field: the schema tables, the model dataclasses, the JSON Schema and the validator agree."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from booklet.errors import ContentError
from booklet.jsonschema import json_schema
from booklet.load import load_doc
from booklet.schema import DERIVED, MODELS, RECORDS
from booklet.validate import validate

from .conftest import FIXTURES, SHIPPED


@pytest.mark.parametrize("record", sorted(MODELS))
def test_schema_and_dataclass_list_the_same_fields(record: str):
    in_schema = {f.name for f in RECORDS[record]}
    in_model = {f.name for f in fields(MODELS[record])} - DERIVED
    assert in_schema == in_model


def _kind(path: Path) -> str:
    return {"strokes": "stroke", "audiences": "audience"}.get(path.parent.name, "booklet")


CONTENT = sorted(
    p
    for root in (SHIPPED, *FIXTURES.iterdir())
    if root.is_dir()
    for p in root.rglob("*.yaml")
    if "hostile" not in str(p)
)


@pytest.mark.parametrize("path", CONTENT, ids=[f"{p.parent.parent.name}/{p.parent.name}/{p.name}" for p in CONTENT])
def test_every_shipped_and_fixture_file_passes_the_json_schema(path: Path):
    errors = [
        e.message for e in Draft202012Validator(json_schema(_kind(path))).iter_errors(yaml.safe_load(path.read_text()))
    ]
    assert errors == []


BASE = "id: lather\nname: Lather\nsteps: [Wet your hands and take some soap.]\n"

# Stroke-file snippets (added to a minimal stroke) and whether booklet accepts them: both the
# validator and the generated JSON Schema must give that verdict.
SNIPPETS = [
    ("pressure: light", True),
    ("pressure: Light", True),
    ("pressure: ' FIRM '", True),
    ("pressure: hard", False),
    ("pressure: yes", False),
    ("areas: [upper-back, shoulders]", True),
    ("areas: upper back", True),  # a single value for a list, and a zone alias
    ("areas: [Shoulder blades, lower_back]", True),
    ("areas: [elbow]", False),
    ("tips: Sing twice.", True),
    ("tips: [Sing twice., Dry well.]", True),
    ("name: 12", True),  # text: the loader reads the number as "12"
    ("tags: solo", True),
    ("tags: [two words]", False),
    ("illustration: {pattern: fan, repeats: '3'}", True),
    ("illustration: {pattern: fan, repeats: 0}", False),
    ("illustration: {pattern: Fan, side: Left}", True),
    ("illustration: {pattern: fan, side: up}", False),
    ("cautions: [{signal: WARNING, text: Mind the spine.}]", True),
    ("cautions: [{signal: alarm, text: Mind the spine.}]", False),
    ("cautions: [{signal: caution}]", False),
    ("colour: red", False),
    ("steps: [{text: Rub palm to palm., short: Palms.}]", True),
    ("steps: [{txt: Rub palm to palm.}]", False),
]


@pytest.mark.parametrize(("snippet", "accepted"), SNIPPETS, ids=[s for s, _ in SNIPPETS])
def test_json_schema_and_validator_agree(handwash: Path, snippet: str, accepted: bool):
    key = snippet.split(":")[0]
    text = "\n".join(line for line in BASE.splitlines() if not line.startswith(key + ":")) + "\n" + snippet + "\n"
    (handwash / "strokes" / "lather.yaml").write_text(text)
    try:
        validate(load_doc(handwash))
        by_validator = True
    except ContentError:
        by_validator = False
    by_schema = Draft202012Validator(json_schema("stroke")).is_valid(yaml.safe_load(text))
    assert (by_validator, by_schema) == (accepted, accepted)
