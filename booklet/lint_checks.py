"""Lint check names -> what each looks for (for `booklet lint --skip`, read without importing the checks)."""

from __future__ import annotations

CARD_STEP = 140  # characters; longer steps should have a short form for the cards


# Each check by name, for `booklet lint --skip NAME` when one does not fit a topic.
CHECKS = {
    "caution-zone": "a stroke on the body diagram has no caution naming a zone where not to press",
    "summary": "a stroke has no summary",
    "card-step": f"a step over {CARD_STEP} characters has no 'short' form for the cards",
    "unknown-zone": "a caution names a zone that is not on the diagram",
    "pressure-words": "text says a firmer pressure than the stroke (or the edition's cap) allows",
    "step-pressure": "a stroke's pressure is firmer than every pressure word its steps use",
    "routine-minutes": "the routine's title gives minutes its steps do not add up to",
    "signal-words": "one hazard (caution id or zone) has different signal words",
    "picture-zones": "a motion crosses a zone a caution keeps free of pressure, or is not shaded",
    "reading-level": "the reading level, by a formula for the booklet's language, is harder than its aim",
    "invisible": "an invisible format character (zero-width joiner or space, direction mark) where the script "
    "does not need it",
}
