"""PO catalogue -> the translations that would print wrongly, each at its msgstr line.

A translation must keep what the program or the page relies on: the same
``{placeholders}`` (a label's values), the same inline markup (``**bold**`` and
``*italic*`` spans) and the same web addresses (they print as links and QR codes).
Fuzzy, untranslated and obsolete entries are not used, so they are not checked.
"""

from __future__ import annotations

import re
from collections import Counter

import polib

from booklet.errors import Problem
from booklet.labels import ENGLISH, placeholders
from booklet.labels.check import placeholder_problems
from booklet.translation.catalog import Catalog

_URL = re.compile(r"https?://[^\s<>\"]+")


def used(entry: polib.POEntry) -> bool:
    """Whether a build prints this entry's msgstr: translated, not fuzzy, not obsolete."""
    return bool(entry.msgstr) and not entry.fuzzy and not entry.obsolete


def entry_problems(catalog: Catalog) -> list[Problem]:
    """Every used entry whose msgstr differs from its msgid in placeholders, markup or links."""
    problems = []
    for entry in catalog.po:
        if not used(entry):
            continue
        where = entry.msgctxt or ""
        for message in differences(entry.msgid, entry.msgstr, where):
            problems.append(Problem(catalog.ref(entry), message, where))
    return problems


def differences(source: str, translation: str, context: str = "") -> list[str]:
    """What a translation changed that it must keep, in words a translator can act on.

    A label (context ``labels.<key>``) may leave out or add the placeholders its key
    allows in any language (labels/check.py); other text keeps exactly the msgid's.
    """
    out = []
    have, want = placeholders(translation), placeholders(source)
    key = context.removeprefix("labels.")
    if context.startswith("labels.") and key in ENGLISH:
        out += placeholder_problems(key, translation)
    elif have != want:
        missing = ", ".join("{" + n + "}" for n in sorted(want - have))
        extra = ", ".join("{" + n + "}" for n in sorted(have - want))
        parts = [f"lacks {missing}" if missing else "", f"adds {extra}" if extra else ""]
        out.append(f"the translation {' and '.join(p for p in parts if p)} (keep the placeholders of the msgid)")
    for kind, name in (("b", "**bold**"), ("i", "*italic*")):
        a, b = spans(source)[kind], spans(translation)[kind]
        if a != b:
            out.append(f"the msgid has {a} {name} span{'s' if a != 1 else ''}, the translation {b}")
    links_a, links_b = links(source), links(translation)
    if links_a != links_b:
        lost = sorted(set(links_a) - set(links_b)) or sorted(set(links_b) - set(links_a))
        out.append(f"the web addresses differ ({lost[0]}); keep each address of the msgid as it is")
    return out


def spans(text: str) -> Counter[str]:
    """Inline markup -> how many bold and italic spans the page prints, as render/markup reads it."""
    from booklet.render.markup import to_para

    para = to_para(text)
    return Counter({"b": para.count("<b>"), "i": para.count("<i>")})


def links(text: str) -> Counter[str]:
    return Counter(m.group().rstrip(".,;:!?)»“”\"'") for m in _URL.finditer(text))
