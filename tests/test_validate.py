"""Broken content -> exactly one expected first error line, file:line:col, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.build import load_booklet
from booklet.errors import ContentError

# (file, old snippet, new snippet, expected first error line without the folder prefix)
BROKEN = [
    (
        "strokes/lather.yaml",
        "pressure: light",
        "pressure: hard",
        "strokes/lather.yaml:5:11: error: pressure: unknown pressure 'hard' (expected light, moderate or firm)",
    ),
    (
        "strokes/lather.yaml",
        "pressure: light",
        "presure: light",
        "strokes/lather.yaml:5:1: error: unknown key 'presure' (did you mean 'pressure'?)",
    ),
    (
        "strokes/lather.yaml",
        "summary: Cover",
        "summary: Cover\nsummary: Again",
        "strokes/lather.yaml:5:1: error: duplicate key 'summary' (first at line 4)",
    ),
    (
        "booklet.yaml",
        "signal: notice",
        "signal: note",
        "booklet.yaml:23:13: error: cautions[0].signal: unknown signal 'note' "
        "(expected danger, warning, caution or notice) (did you mean 'notice'?)",
    ),
    (
        "booklet.yaml",
        "- stroke: lather",
        "- stroke: lathr",
        "booklet.yaml:30:15: error: routine: unknown stroke 'lathr' (did you mean 'lather'?)",
    ),
    (
        "booklet.yaml",
        "strokes: [lather, rinse]",
        "strokes: [lather, rinse, dry]",
        "booklet.yaml:12:26: error: strokes[2]: no stroke file strokes/dry.yaml",
    ),
    (
        "booklet.yaml",
        "title: Washing Your Hands",
        "title: no",
        "booklet.yaml:2:8: error: title: unquoted 'no' reads as a yes/no value in YAML; put it in quotes if you mean "
        "the text",
    ),
    (
        "booklet.yaml",
        "title: Washing Your Hands",
        "title: Washing # your hands",
        "booklet.yaml:2:8: error: title: text is cut short at ' #' (YAML reads the rest as a comment); put the whole "
        "text in quotes",
    ),
    (
        "booklet.yaml",
        "title: Washing Your Hands",
        "title: [a, b]",
        "booklet.yaml:2:8: error: title: expected text, got a list",
    ),
    ("booklet.yaml", "id: handwash\n", "", "booklet.yaml:1:1: error: missing required field 'id'"),
    (
        "booklet.yaml",
        "minutes: 1.5",
        "minutes: 1:30",
        "booklet.yaml:31:16: error: routine.steps[0].minutes: expected a number, got '1:30'",
    ),
    (
        "booklet.yaml",
        'accent: "#7A3E9D"',
        "accent: purple",
        "booklet.yaml:39:11: error: theme.accent: 'purple' is not a colour (expected #RRGGBB)",
    ),
    (
        "booklet.yaml",
        "paper: a6",
        "paper: b7",
        "booklet.yaml:40:10: error: theme.paper: unknown paper size 'b7' (expected a3, a4, a5, a6, half-letter, "
        "letter, or WxHmm)",
    ),
    (
        "booklet.yaml",
        "exclude: [rinse]",
        "exclude: [rinser]",
        "booklet.yaml:45:14: error: exclude: unknown stroke id or tag 'rinser' (did you mean 'rinse'?)",
    ),
    (
        "booklet.yaml",
        "default_audience: kids",
        "default_audience: kid",
        "booklet.yaml:49:19: error: default_audience: unknown audience 'kid' (did you mean 'kids'?)",
    ),
    (
        "booklet.yaml",
        "url: https://example.org/hand-hygiene",
        "url: javascript:alert(1)",
        "booklet.yaml:37:10: error: references[0].url: 'javascript:alert(1)' is not an http(s) address",
    ),
    (
        "booklet.yaml",
        "  - id: kit\n",
        "  - id: kit\n    colour: red\n",
        "booklet.yaml:15:5: error: checklists[0]: unknown key 'colour'",
    ),
    (
        "strokes/rinse.yaml",
        "name: Rinse",
        "name: Rinse\n  bad: indent",
        "strokes/rinse.yaml:3:1: error: indentation: line 3 is indented 2 spaces, 2 more than 'name' on line 2, "
        "which already has its value; indent it like 'name' (0 spaces), or quote the value if it continues the text "
        "above",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), BROKEN, ids=[b[3].split(": error: ")[1][:40] for b in BROKEN]
)
def test_broken_content_names_file_line_and_column(handwash: Path, edit, file, old, new, expected):
    edit(handwash / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    first = caught.value.lines()[0]
    assert first == f"{handwash / expected}" or first.endswith(expected), first


def test_stroke_id_must_match_its_file(handwash: Path, edit):
    edit(handwash / "strokes/rinse.yaml", "id: rinse", "id: rinsing")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert any(
        line.endswith("strokes/rinse.yaml:1:5: error: id: id 'rinsing' differs from the file name 'rinse.yaml'")
        for line in caught.value.lines()
    )


def test_every_problem_is_reported_at_once(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "pressure: light", "pressure: hard")
    edit(handwash / "strokes/rinse.yaml", "name: Rinse", "nam: Rinse")
    edit(handwash / "booklet.yaml", "signal: notice", "signal: note")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    lines = caught.value.lines()
    assert len(lines) >= 4  # the rinse stroke also misses its required name
    files = [line.split(":")[0] for line in lines]
    assert files == sorted(files)
    assert all(": error: " in line for line in lines)


def test_clean_fixture_validates(handwash: Path):
    booklet = load_booklet(handwash)
    assert [s.id for s in booklet.strokes] == ["lather", "rinse"]
    assert booklet.routine is not None
    assert booklet.routine.minutes == 2.0
    assert booklet.checklists[0].items == ("Soap", "Clean towel", "Sleeves rolled up")
    assert booklet.strokes[0].steps[1].short == "Palms, backs, between fingers."


def test_yaml_1_1_numbers_stay_text(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "duration: 20 seconds", "duration: 012")
    edit(handwash / "booklet.yaml", "items: [Soap, Clean towel", "items: [1:20, Clean towel")
    booklet = load_booklet(handwash)
    assert booklet.strokes[0].duration == "012"
    assert booklet.checklists[0].items[0] == "1:20"


def test_required_text_may_not_be_blank(handwash: Path, edit):
    edit(handwash / "strokes/rinse.yaml", "name: Rinse", 'name: "  "')
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert caught.value.lines()[0].endswith("strokes/rinse.yaml:2:7: error: name: 'name' must not be empty")
