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


# -- self-consistency: lint --------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def shoulders(tmp_path: Path) -> Path:
    """A copy of a small booklet drawn on the body diagram that agrees with itself."""
    import shutil

    target = tmp_path / "shoulders"
    shutil.copytree(FIXTURES / "shoulders", target)
    return target


def lint_lines(folder: Path, *args: str) -> tuple[int, list[str]]:
    """Run `booklet lint --strict` on a folder: exit code and warning lines, folder prefix removed."""
    from click.testing import CliRunner

    from booklet.cli import main

    result = CliRunner().invoke(main, ["lint", str(folder), "--strict", *args])
    lines = [line.replace(f"{folder}/", "") for line in result.output.splitlines() if ": warning: " in line]
    return result.exit_code, lines


def test_the_consistent_fixture_passes_strict(shoulders: Path):
    assert lint_lines(shoulders) == (0, [])


# (file, old snippet, new snippet, the expected warning lines, folder prefix removed)
INCONSISTENT = [
    (  # a step names a pressure above the stroke's own
        "strokes/glide.yaml",
        "  - Glide up beside the spine.",
        "  - Glide up beside the spine, pressing firmly.",
        [
            "strokes/glide.yaml:8:5: warning: glide step 2 says 'firmly' but its pressure is moderate; "
            "the page prints moderate",
            "strokes/glide.yaml:8:5: warning: glide step 2 says 'firmly' but the Gentle edition caps pressure "
            "at light; the page prints light",
        ],
    ),
    (  # fine where the stroke is moderate, above the cap where the edition caps at light
        "strokes/glide.yaml",
        "  - Go slowly.",
        "  - Go slowly, with moderate pressure.",
        [
            "strokes/glide.yaml:10:5: warning: glide tip 1 says 'moderate' but the Gentle edition caps pressure "
            "at light; the page prints light"
        ],
    ),
    (  # general text of a capped edition
        "booklet.yaml",
        "items: [Warm your hands, Ask how it feels]",
        "items: [Warm your hands, Ask if they like it firm]",
        ["booklet.yaml:9:30: warning: checklist 'before' says 'firm' but the Gentle edition caps pressure at light"],
    ),
    (  # the strip and card say moderate over steps that all say gently (the gentle edition prints light)
        "strokes/glide.yaml",
        "  - Glide up beside the spine.",
        "  - Glide up gently beside the spine.",
        [
            "strokes/glide.yaml:4:11: warning: glide: the page and card print moderate pressure, but no step "
            "asks for more than light ('gently'); say in a step how firmly to press, or lower the pressure"
        ],
    ),
    (  # a short form counts: the card prints it
        "strokes/glide.yaml",
        "  - Glide up beside the spine.",
        "  - text: Glide up beside the spine.\n    short: Glide up, softly.",
        [
            "strokes/glide.yaml:4:11: warning: glide: the page and card print moderate pressure, but no step "
            "asks for more than light ('softly'); say in a step how firmly to press, or lower the pressure"
        ],
    ),
    (  # a routine title that its steps do not add up to
        "booklet.yaml",
        "title: A 4-minute shoulder rub",
        "title: A 5-minute shoulder rub",
        [
            "booklet.yaml:20:10: warning: the routine title says 5-minute but its steps add up to 4 minutes "
            "in the Everyday edition",
            "booklet.yaml:20:10: warning: the routine title says 5-minute but its steps add up to 4 minutes "
            "in the Gentle edition",
        ],
    ),
    (  # an edition that drops a stroke drops its minutes too
        "booklet.yaml",
        "    max_pressure: light",
        "    max_pressure: light\n    exclude: [press]",
        [
            "booklet.yaml:20:10: warning: the routine title says 4-minute but its steps add up to 2 minutes "
            "in the Gentle edition"
        ],
    ),
    (  # one hazard id, two signal words
        "strokes/press.yaml",
        "  - signal: warning\n    id: spine",
        "  - signal: caution\n    id: spine",
        [
            "strokes/press.yaml:9:13: warning: the hazard with id 'spine' is CAUTION here but WARNING at "
            "booklet.yaml:11:13; give one hazard one signal word"
        ],
    ),
    (  # one zone, two signal words, no ids
        "strokes/glide.yaml",
        "  - signal: warning\n    id: spine\n",
        "  - signal: notice\n",
        [
            "strokes/glide.yaml:12:13: warning: the hazard with zone 'spine' is NOTICE here but WARNING at "
            "booklet.yaml:11:13; give one hazard one signal word"
        ],
    ),
    (  # a motion across a zone a warning protects (validate refuses paths across the figure's own)
        "strokes/glide.yaml",
        "  - Go slowly.\ncautions:",
        "  - Go slowly.\ncautions:\n  - signal: warning\n    text: Never press on the kidneys.\n    zone: kidney-area",
        [
            "strokes/glide.yaml:20:3: warning: glide: the motion path crosses the kidney-area zone, where WARNING "
            "at strokes/glide.yaml:14:11 says no pressure"
        ],
    ),
    (  # a caution names the kidney area, the motion crosses it, nothing shades it
        "strokes/glide.yaml",
        "  - Go slowly.\ncautions:",
        "  - Go slowly.\ncautions:\n  - signal: caution\n    text: Glide lightly over the kidneys.",
        [
            "strokes/glide.yaml:13:11: warning: glide: a caution names the kidney-area zone and the motion "
            "crosses it, but the diagram does not shade it (give the caution zone: kidney-area)"
        ],
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), INCONSISTENT)
def test_lint_strict_catches_a_booklet_that_disagrees_with_itself(
    shoulders: Path, edit, name: str, old: str, new: str, expected: list[str]
):
    edit(shoulders / name, old, new)
    load_booklet(shoulders)  # valid content: these are lint's to find
    code, lines = lint_lines(shoulders)
    assert lines == expected
    assert code == 1


@pytest.mark.parametrize(
    "steps",
    [
        "  - Rest your hands gently on the lower back.\n  - Glide up beside the spine with moderate pressure.",
        "  - Rest your hands on the lower back.\n  - Glide up beside the spine, with a lighter touch at the top.",
        "  - Rest your hands on the lower back.\n  - Glide up beside the spine.",
    ],
    ids=["one-step-says-moderate", "a-comparative-says-nothing-of-the-rest", "no-pressure-word"],
)
def test_steps_that_reach_the_stated_pressure_or_name_none_pass(shoulders: Path, edit, steps: str):
    edit(
        shoulders / "strokes/glide.yaml",
        "  - Rest your hands on the lower back.\n  - Glide up beside the spine.",
        steps,
    )
    assert lint_lines(shoulders, "-a", "everyone") == (0, [])  # the gentle edition refuses 'moderate' anywhere


def test_lint_checks_the_edition_asked_for_only(shoulders: Path, edit):
    edit(shoulders / "strokes/glide.yaml", "  - Go slowly.", "  - Go slowly, with moderate pressure.")
    assert lint_lines(shoulders, "-a", "everyone") == (0, [])
    code, lines = lint_lines(shoulders, "-a", "gentle")
    assert code == 1
    assert len(lines) == 1


def test_zone_checks_skip_strokes_not_drawn_on_the_body(shoulders: Path, edit):
    """A stroke shown by the author's own picture has no diagram to shade or cross."""
    (shoulders / "hands.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    )
    edit(
        shoulders / "strokes/glide.yaml",
        "  pattern: glide\n  start: lower-back\n  direction: up\n  repeats: 1",
        "  image: hands.svg\n  alt: Two hands gliding up a back.",
    )
    edit(shoulders / "strokes/glide.yaml", "    zone: spine\n", "")
    edit(shoulders / "strokes/glide.yaml", "  - signal: warning\n    id: spine\n", "  - signal: warning\n")
    assert lint_lines(shoulders) == (0, [])


def test_the_shipped_editions_agree_with_themselves():
    from booklet.audience import make_edition
    from booklet.lint import lint

    from .conftest import SHIPPED

    booklet = load_booklet(SHIPPED)
    for audience in booklet.audiences:
        warnings, level = lint(make_edition(booklet, audience.id))
        assert not warnings, (audience.id, [str(w) for w in warnings])
        assert level.fine, (audience.id, str(level))


def test_step_pressure_reads_the_booklets_language(tmp_path: Path, edit):
    """German steps are read with German words: 'leicht' under a moderate stroke is caught."""
    import shutil

    german = tmp_path / "schreibtisch-de"
    shutil.copytree(FIXTURES / "schreibtisch-de", german)
    assert lint_lines(german, "--skip", "reading-level") == (0, [])
    edit(german / "strokes/nackendehnung.yaml", "Kopfseite legen", "Kopfseite leicht legen")
    code, lines = lint_lines(german)
    assert code == 1
    assert any("nackendehnung: the page and card print moderate pressure" in x and "('leicht')" in x for x in lines)
