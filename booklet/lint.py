"""Edition -> warnings beyond the schema: safety coverage, card-sized steps, self-consistency, reading level.

Each warning names the file and line to look at. The self-consistency checks live in
booklet.consistency. The reading level of every text the edition prints is measured by a
formula made for the booklet's language (booklet.readability), or reported as none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet.lint_checks import CARD_STEP, CHECKS  # noqa: F401  (CHECKS: booklet.lint.CHECKS, as before)
from booklet.model import Booklet, Edition, SourceRef
from booklet.readability import Reading, reading


@dataclass(frozen=True)
class Warning:
    """A lint finding: where, what, and the check that found it."""

    ref: SourceRef
    message: str
    check: str = ""  # a key of CHECKS

    def __str__(self) -> str:
        return f"{self.ref}: warning: {self.message}"


def reader_text(booklet: Booklet) -> str:
    """Every text the edition prints (pages and cards), as sentences, for the reading grade."""
    from booklet.consistency import general_texts, stroke_texts

    parts = [t.text for t in general_texts(booklet)]
    for stroke in booklet.strokes:
        parts += [t.text for t in stroke_texts(stroke)]
        parts.append(stroke.pressure_note)
    return " ".join(p if p.rstrip().endswith((".", "!", "?")) else p + "." for p in parts if p)


def source_warnings(source: Path) -> list[Warning]:
    """The checks that read the content files themselves, before loading them: invisible characters."""
    from booklet.invisible import invisible

    return [Warning(ref, message, "invisible") for ref, message in invisible(source)]


def lint(subject: Booklet | Edition, skip: frozenset[str] = frozenset()) -> tuple[list[Warning], Reading]:
    """Every warning about one edition (or the booklet as written) but the ``skip``ped checks, and its reading level."""
    found, grade = _lint(subject)
    return [w for w in found if w.check not in skip], grade


def _lint(subject: Booklet | Edition) -> tuple[list[Warning], Reading]:
    from booklet.consistency import disagreements, on_body
    from booklet.illustrate.zones import ZONES

    edition = subject if isinstance(subject, Edition) else Edition(subject, None)
    booklet = edition.booklet
    found: list[Warning] = []
    for stroke in booklet.strokes:
        if on_body(stroke) and not any(c.zone for c in stroke.cautions):
            message = f"{stroke.id}: no caution names a zone where not to press"
            found.append(Warning(stroke.ref, message, "caution-zone"))
        if not stroke.summary:
            found.append(Warning(stroke.ref, f"{stroke.id}: no summary", "summary"))
        for n, step in enumerate(stroke.steps, 1):
            if len(step.text) > CARD_STEP and not step.short:
                found.append(
                    Warning(
                        step.ref if step.ref.line else stroke.ref,
                        f"{stroke.id}: step {n} is {len(step.text)} characters; give it a 'short' form for the cards",
                        "card-step",
                    )
                )
    for caution in [*booklet.cautions, *(c for s in booklet.strokes for c in s.cautions)]:
        if caution.zone and caution.zone not in ZONES:
            found.append(Warning(caution.ref, f"zone '{caution.zone}' is not on the body diagram", "unknown-zone"))
    found += disagreements(edition)
    level = reading(reader_text(booklet), booklet.language)
    if not level.fine:
        found.append(Warning(booklet.ref, level.warning(), "reading-level"))
    return found, level
