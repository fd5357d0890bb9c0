"""Stroke + illustration -> alternate text for its figure: what a screen reader says instead of the picture.

Derived from the same data the diagram is drawn from: the motion pattern and where it
starts and goes, the hands that touch, the areas worked and the zones shaded as "avoid".
Words are English; ``alt_lang`` says so when the booklet is in another language, so the
structure tree declares it rather than mislabelling it.
"""

from __future__ import annotations

import re

from booklet.errors import ContentError, Problem
from booklet.model import Booklet, Illustration, Stroke, ref_of
from booklet.render.markup import plain

PATTERNS = {
    "glide": "long gliding strokes",
    "fan": "a fan stroke, hands sweeping outwards",
    "circles": "small circles",
    "knead": "kneading",
    "rake": "raking with the fingers",
    "press": "steady presses",
}


def zone_words(zones: tuple[str, ...] | list[str]) -> str:
    from booklet.illustrate.zones import ZONES

    names = [ZONES[z].label.lower() if z in ZONES else z.replace("-", " ") for z in zones]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def stroke_alt(stroke: Stroke, avoid: list[str] | tuple[str, ...] = ()) -> str:
    """A stroke -> its diagram's description, naming the pattern, the hands and the zones."""
    ill = stroke.illustration
    name = plain(stroke.name)
    if ill is not None and ill.image:
        return plain(ill.alt) or plain(ill.caption) or f"Picture: {name}"
    parts = [f"Diagram of {name} on the back"]
    motion = _motion(ill)
    if motion:
        parts.append(motion)
    hands = list(stroke.hands) or ([ill.hand] if ill is not None and ill.hand else [])
    if hands:
        parts.append(f"using the {' and '.join(hands)}")
    if stroke.areas:
        parts.append(f"over the {zone_words(stroke.areas)}")
    text = ", ".join(parts) + "."
    if avoid:
        text += f" Shaded as no pressure: the {zone_words(list(avoid))}."
    return text


def _motion(ill: Illustration | None) -> str:
    if ill is None:
        return ""
    if not ill.pattern:
        return "hand paths drawn as arrows" if ill.paths else ""
    words = f"pattern {ill.pattern}: {PATTERNS.get(ill.pattern, ill.pattern)}"
    if ill.start:
        words += f" starting at the {zone_words([ill.start])}"
    if ill.direction:
        words += f", moving {ill.direction}"
    if ill.repeats > 1:
        words += f", {ill.repeats} times"
    return words


def cover_alt(booklet: Booklet, ill: Illustration | None) -> str:
    first = booklet.strokes[0] if booklet.strokes else None
    if first is not None and ill is first.illustration and ill is not None and not ill.image:
        return "Cover illustration. " + stroke_alt(first)
    return "Cover illustration: outline of the back."


def avoid_alt(zones: list[str]) -> str:
    return f"Map of the back with the zones where not to press shaded: the {zone_words(zones)}."


def alt_lang(booklet: Booklet) -> str:
    """The language of the generated descriptions, when it differs from the booklet's."""
    return "" if booklet.language.lower().startswith("en") else "en"


LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def check_accessible(booklet: Booklet) -> None:
    """What no tagging can repair, for PDF/UA-1: author images need alt text, the language a valid tag."""
    problems: list[Problem] = []
    if not LANGUAGE_TAG.match(booklet.language or ""):
        problems.append(
            Problem(
                ref_of(booklet, "language"),
                f"PDF/UA-1 needs the booklet's language as a tag such as 'en' or 'de-CH', not {booklet.language!r}",
                "language",
            )
        )
    for stroke in booklet.strokes:
        ill = stroke.illustration
        if ill is not None and ill.image and not (ill.alt or plain(ill.caption)).strip():
            problems.append(
                Problem(
                    ref_of(ill, "image"),
                    "PDF/UA-1 needs alternate text for an image: give the illustration an alt text",
                    f"{stroke.id}.illustration.image",
                )
            )
    if problems:
        raise ContentError(problems)
