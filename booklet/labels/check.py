"""Language + the author's labels -> problems: labels a language must still give, wrong placeholders.

No third-party imports; validate.py turns each (key, message) into a content error.
"""

from __future__ import annotations

from collections.abc import Mapping

from booklet.labels import ENGLISH, missing, placeholders

# Placeholders a translation may leave out: the phrase still reads right without them.
MAY_OMIT = {
    "stroke_number": {"count"},
    "pressure_capped": {"edition"},
    "page_slug": {"title", "edition"},
    "read_first_part": {"parts"},
    "part": {"parts"},
}

# Placeholders a label may use beyond those of its English wording.
MAY_ADD = {"pressure_capped": {"original"}}


def label_problems(language: str, given: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every problem with a booklet's labels, as (label key or "", message)."""
    found: list[tuple[str, str]] = []
    absent = missing(language, given)
    if absent:
        found.append(
            (
                "",
                f"booklet has no built-in labels for language '{language}'; give these {len(absent)} "
                f"under labels: {', '.join(absent)}",
            )
        )
    for key, text in sorted(given.items()):
        if key in ENGLISH:
            found += [(key, message) for message in placeholder_problems(key, text)]
    return found


def placeholder_problems(key: str, text: str) -> list[str]:
    """A label's wording -> what is wrong with its {placeholders}, if anything."""
    wanted = placeholders(ENGLISH[key])
    have = placeholders(text)
    problems = []
    allowed = wanted | MAY_ADD.get(key, set())
    for name in sorted(have - allowed):
        choices = ", ".join("{" + w + "}" for w in sorted(allowed)) or "none"
        problems.append(f"unknown placeholder {{{name}}} (this label takes {choices})")
    for name in sorted(wanted - have - MAY_OMIT.get(key, set())):
        problems.append(f"missing placeholder {{{name}}}")
    return problems
