"""Figure name -> Figure: the registry of bodies a diagram can be drawn on.

Each figure is one module of pure data; adding one is that module plus a line in
``FIGURES``. Zone names may be shared between figures (``spine``, ``shoulders``), and
each figure knows only its own zones. No third-party imports.
"""

from __future__ import annotations

from booklet.illustrate.figure import Figure
from booklet.illustrate.figures import back, neck_shoulders, none
from booklet.illustrate.zones import ALIASES

FIGURES: dict[str, Figure] = {
    "back": back.FIGURE,
    "neck-shoulders": neck_shoulders.FIGURE,
    "none": none.FIGURE,
}
FIGURE_NAMES: tuple[str, ...] = tuple(FIGURES)
DEFAULT = "back"

# Every zone name any figure has, in registry order, for the validator's first check.
ALL_ZONE_NAMES: tuple[str, ...] = tuple(dict.fromkeys(z for f in FIGURES.values() for z in f.zones))


def figure(name: str | None) -> Figure:
    """A figure name (None for the default) -> its Figure; unknown names give the default."""
    return FIGURES.get(name or DEFAULT, FIGURES[DEFAULT])


def zone_name(text: str) -> str | None:
    """An author's zone name ("Shoulder blades", "base of skull") -> a zone id some figure has, or None."""
    key = " ".join(str(text).strip().lower().replace("_", " ").replace("-", " ").split())
    if key.replace(" ", "-") in ALL_ZONE_NAMES:
        return key.replace(" ", "-")
    found = ALIASES.get(key)
    return found if found in ALL_ZONE_NAMES else None


def figures_with(zones: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Zone names -> the figures that have every one of them, in registry order."""
    return tuple(name for name, f in FIGURES.items() if f.drawn and zones <= set(f.zones))
