"""Content that is simply wrong -> validate errors at file:line:col; content that disagrees with itself -> lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.build import load_booklet
from booklet.errors import ContentError


def first_errors(folder: Path) -> list[str]:
    """Validate a content folder; the error lines with the folder prefix removed."""
    with pytest.raises(ContentError) as caught:
        load_booklet(folder)
    return [str(p).replace(f"{folder}/", "") for p in caught.value.problems]


# (file, old snippet, new snippet, an expected error line without the folder prefix)
WRONG = [
    (
        "booklet.yaml",
        "    items: [Turn the tap off with the towel]",
        "    items: []",
        "booklet.yaml:21:12: error: checklists[1].items: 'items' needs at least 1 item(s); it has 0",
    ),
    (
        "booklet.yaml",
        "    items: [Turn the tap off with the towel]",
        "    items:",
        "booklet.yaml:21:11: error: checklists[1].items: 'items' needs at least 1 item(s); it has 0",
    ),
    (
        "booklet.yaml",
        "    items: [Turn the tap off with the towel]",
        "",
        "booklet.yaml:18:5: error: checklists[1]: missing required field 'items'",
    ),
    (
        "booklet.yaml",
        '    items: [Soap, Clean towel, "Sleeves rolled up"]',
        '    items: [Soap, " ", "Sleeves rolled up"]',
        "booklet.yaml:17:19: error: checklists[0].items[1]: item 2 of 'items' is blank",
    ),
    (
        "booklet.yaml",
        "routine:",
        "stop_if: []\nroutine:",
        "booklet.yaml:27:10: error: stop_if: 'stop_if' needs at least 1 item(s); it has 0",
    ),
    (
        "booklet.yaml",
        "routine:",
        "stop_if:\n  - Pain\n  - ''\nroutine:",
        "booklet.yaml:29:5: error: stop_if[1]: item 2 of 'stop_if' is blank",
    ),
    (
        "booklet.yaml",
        "default_audience: kids",
        "labels:\n  stroke_number: 'STEP {num} OF {count}'\ndefault_audience: kids",
        "booklet.yaml:50:18: error: labels.stroke_number: unknown placeholder {num} "
        "(this label takes {count}, {number})",
    ),
    (
        "booklet.yaml",
        "default_audience: kids",
        "labels:\n  stroke_number: 'STEP {num} OF {count}'\ndefault_audience: kids",
        "booklet.yaml:50:18: error: labels.stroke_number: missing placeholder {number}",
    ),
    (
        "booklet.yaml",
        "    exclude: [rinse]",
        "    exclude: [rinse, lather]",
        "booklet.yaml:42:5: error: audience: the kids edition keeps no stroke (check include, exclude and audiences)",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), WRONG)
def test_wrong_content_is_a_validate_error(handwash: Path, edit, name: str, old: str, new: str, expected: str):
    edit(handwash / name, old, new)
    assert expected in first_errors(handwash)


def test_two_general_cautions_may_not_share_an_id(handwash: Path, edit):
    edit(
        handwash / "booklet.yaml",
        "  - signal: caution\n    text: Very hot",
        "  - signal: caution\n    id: skin\n    text: Very hot",
    )
    load_booklet(handwash)  # one id is fine
    edit(
        handwash / "booklet.yaml",
        "  - signal: notice\n    text: Dry",
        "  - signal: notice\n    id: skin\n    text: Dry",
    )
    assert first_errors(handwash) == ["booklet.yaml:27:9: error: cautions: duplicate caution id 'skin'"]


def test_a_label_may_leave_out_an_optional_placeholder_and_use_it(handwash: Path, edit):
    edit(
        handwash / "booklet.yaml",
        "default_audience: kids",
        "labels:\n  pressure_capped: 'Kept to {cap} in the {edition}; {original} elsewhere.'\ndefault_audience: kids",
    )
    assert (
        load_booklet(handwash).label("pressure_capped", cap="a", edition="b", original="c")
        == "Kept to a in the b; c elsewhere."
    )


def test_stop_if_and_caution_short_forms_reach_the_model(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "routine:", "stop_if: [It stings, You feel faint]\nroutine:")
    edit(
        handwash / "booklet.yaml",
        "    text: Very hot water dries the skin; use warm water.",
        "    id: heat\n    text: Very hot water dries the skin; use warm water.\n    short: Use warm water.",
    )
    booklet = load_booklet(handwash)
    assert booklet.stop_if == ("It stings", "You feel faint")
    hot = booklet.cautions[1]
    assert (hot.id, hot.short) == ("heat", "Use warm water.")
