"""Language code + author overrides -> the words booklet prints around the content.

One module per language holds a complete built-in set; ``en`` is the reference whose
keys every other set has. A booklet's ``labels:`` override single entries. A language
without a built-in set must give every label itself (validate names the missing ones).

Placeholders: ``{name}`` is replaced by a value; ``{^name}`` also upper-cases the first
character of that value, and nothing else. No third-party imports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from booklet.labels import de, el, en, es, fr, it, ru

ENGLISH: dict[str, str] = en.LABELS
BUILT_IN: dict[str, dict[str, str]] = {
    "en": en.LABELS,
    "de": de.LABELS,
    "fr": fr.LABELS,
    "es": es.LABELS,
    "it": it.LABELS,
    "el": el.LABELS,
    "ru": ru.LABELS,
}
# Plural forms some languages do not need: they fall back to "minutes" when not given.
OPTIONAL = frozenset({"minutes_few", "minutes_many"})

_PLACEHOLDER = re.compile(r"\{(\^?)([a-z_]+)\}")


def base_language(code: str) -> str:
    """A language tag -> its primary language, lower case: "de-AT" and "de_at" -> "de"."""
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def built_in(language: str) -> dict[str, str] | None:
    """The built-in set for a language (any region), or None when booklet has none."""
    return BUILT_IN.get(base_language(language))


def missing(language: str, given: Mapping[str, str]) -> list[str]:
    """Label keys a booklet in ``language`` must still give: none when a built-in set exists."""
    if built_in(language) is not None:
        return []
    return [key for key in ENGLISH if key not in given and key not in OPTIONAL]


def placeholders(text: str) -> set[str]:
    """The names of the placeholders in a label or message: "{n} of {^count}" -> {"n", "count"}."""
    return {m.group(2) for m in _PLACEHOLDER.finditer(text)}


def fill(template: str, values: Mapping[str, object]) -> str:
    """A label and values -> the printed text; unknown placeholders stay as written."""

    def put(match: re.Match[str]) -> str:
        caret, name = match.groups()
        if name not in values:
            return match.group(0)
        text = str(values[name])
        return text[:1].upper() + text[1:] if caret else text

    return _PLACEHOLDER.sub(put, template)


def lookup(language: str, overrides: Mapping[str, str], key: str) -> str:
    """One label: the author's own, else the language's built-in, else the English one."""
    if key in overrides:
        return overrides[key]
    if key in OPTIONAL and key not in (built_in(language) or {}) and "minutes" in overrides:
        return overrides["minutes"]
    return (built_in(language) or ENGLISH).get(key, ENGLISH[key])


def zone_key(zone: str) -> str:
    """A zone id -> its label key: "kidney-area" -> "zone_kidney_area"."""
    return "zone_" + zone.replace("-", "_")


def hand_key(hand: str) -> str:
    """A built-in hand -> its label key: "heels of hands" -> "hand_heels_of_hands"."""
    return "hand_" + hand.replace(" ", "_").replace("-", "_")
