"""Folder path + title -> a new content folder that validates and builds at once.

The example is neutral (a shoulder stretch), uses every common field, and each YAML
file names the JSON Schema written beside it, so editors complete and check fields.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from booklet.errors import BookletError

SCHEMA_LINE = "# yaml-language-server: $schema={schema}\n"

BOOKLET = """{schema_line}# The booklet: title, introduction, checklists, cautions and routine.
# Field reference: docs/content-format.md in the booklet project.
id: {id}
title: {title}
subtitle: A short guide
author: Your name
edition: First edition
language: en
keywords: [guide]
introduction: |
  Say in a few sentences who this guide is for and what it teaches.

  Blank lines separate paragraphs. Use **bold** and *italic* sparingly.
strokes: [shoulder-roll]
checklists:
  - id: before
    title: Before you begin
    placement: before
    items:
      - Find a quiet, comfortable place.
      - Read the cautions page.
  - id: after
    title: Afterwards
    placement: after
    items:
      - Rest for a minute.
cautions:
  - signal: caution
    text: Stop if anything hurts.
    why: Discomfort is a signal to ease off.
  - signal: notice
    text: Move slowly and breathe normally.
routine:
  title: A two-minute routine
  steps:
    - stroke: shoulder-roll
      minutes: 2
references:
  - title: booklet documentation
    url: https://example.org/booklet
theme:
  accent: "#2E6F73"
  paper: a5
default_audience: everyone
"""

STROKE = """{schema_line}# One technique. Steps are numbered in the order given; 'short' is the card version.
id: shoulder-roll
name: Shoulder roll
other_names: [Shoulder circles]
summary: Slow circles of the shoulders to ease stiffness.
purpose: Loosens the muscles across the top of the shoulders.
pressure: light
hands: [palms]
areas: [shoulders]
muscles: [trapezius]
position: Sit or stand tall with your arms relaxed.
duration: 1-2 minutes
steps:
  - Let your arms hang loosely by your sides.
  - text: Lift both shoulders towards your ears, roll them back, then let them drop down.
    short: Lift, roll back, drop.
  - Repeat five times, then roll the other way.
tips:
  - Keep your neck long and your jaw relaxed.
cautions:
  - signal: caution
    text: Keep the movement small if your neck is sore.
    zone: neck
illustration:
  pattern: circles
  start: shoulders
  repeats: 2
  side: both
  hand: palms
"""

AUDIENCE = """{schema_line}# An edition: who it is for and how it differs.
id: everyone
name: Standard edition
description: For every reader.
"""

README = """# {title}

A content folder for `booklet`.

- `booklet.yaml`: title, introduction, checklists, cautions, routine, references, theme.
- `strokes/`: one file per technique.
- `audiences/`: one file per edition.

Build it with `booklet build {folder}`, check it with `booklet validate {folder}`, and keep
it rebuilding as you edit with `booklet watch {folder}`. Editors that use the YAML
language server read `booklet.schema.json` (see the first line of each file).
"""


def slug(text: str) -> str:
    """A folder name -> an id: "Mein Ratgeber für Ärzte" -> "mein-ratgeber-fur-arzte"."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].strip("-") or "booklet"


def scaffold(path: Path, title: str | None = None) -> list[Path]:
    """Write the example folder; refuse a folder that already has files in it."""
    from booklet.jsonschema import json_schema

    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise BookletError(f"{path} already exists and is not empty; choose a new folder")
    if not title:  # from the folder name, as typed: only the first letter is raised
        named = path.name.replace("-", " ").replace("_", " ")
        title = named[:1].upper() + named[1:]
    files = {
        "booklet.schema.json": json.dumps(json_schema("booklet"), indent=1) + "\n",
        "stroke.schema.json": json.dumps(json_schema("stroke"), indent=1) + "\n",
        "audience.schema.json": json.dumps(json_schema("audience"), indent=1) + "\n",
        "booklet.yaml": BOOKLET.format(
            schema_line=SCHEMA_LINE.format(schema="./booklet.schema.json"), id=slug(path.name), title=_quote(title)
        ),
        "strokes/shoulder-roll.yaml": STROKE.format(schema_line=SCHEMA_LINE.format(schema="../stroke.schema.json")),
        "audiences/everyone.yaml": AUDIENCE.format(schema_line=SCHEMA_LINE.format(schema="../audience.schema.json")),
        "README.md": README.format(title=title, folder=path),
    }
    written = []
    for name, text in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
