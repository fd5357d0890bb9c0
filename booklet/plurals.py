"""CLDR plural rules (category -> condition text) + a number -> the number's plural category.

The conditions are CLDR's plural-rule syntax (Unicode TR35, "Language Plural Rules"), as
Babel writes a locale's rules out: ``v in 0 and i mod 10 in 2..4 and i mod 100 not in
12..14``. Operands: n (the absolute value), i (its integer digits), v and w (the count
of visible fraction digits with and without trailing zeros), f and t (those digits as
a number), c and e (the compact exponent, always 0 here). ``in`` and ``=`` need an
integer inside the ranges, ``within`` any value between their ends. No third-party
import: a cold build reads its language's rules from locale.py's kept table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from decimal import Decimal

Operands = dict[str, Any]  # int, or Decimal for a fraction
Test = Callable[[Operands], bool]

_TOKEN = re.compile(r"\s*(\.\.|!=|=|%|,|[a-z]+|\d+)")


def operands(value: int | Decimal) -> Operands:
    """An int or a Decimal (as written: Decimal("1.50") keeps its zero) -> CLDR's operands."""
    n = -value if value < 0 else value
    digits = ""
    if _is_decimal(n):
        _, figures, exponent = n.as_tuple()
        if isinstance(exponent, int) and exponent < 0:  # the last -exponent figures, as Babel takes them
            digits = "".join(map(str, figures[exponent:]))  # (0.05 counts one digit: no leading zero is added)
    trimmed = digits.rstrip("0")
    return {
        "n": n,
        "i": int(n),
        "v": len(digits),
        "w": len(trimmed),
        "f": int(digits or 0),
        "t": int(trimmed or 0),
        "c": 0,
        "e": 0,
    }


def _is_decimal(value: object) -> TypeGuard[Decimal]:
    """``isinstance(value, Decimal)`` without importing decimal (1.5 ms of a cold build that counts only whole
    numbers): a Decimal exists only once the module is imported."""
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


def compile_rules(rules: Sequence[tuple[str, str]]) -> Callable[[int | Decimal], str]:
    """((category, condition), ...) in the order they are tried -> number -> category ("other" if none holds)."""
    tests = [(category, _condition(_tokens(text))) for category, text in rules]

    def category_of(value: int | Decimal) -> str:
        found = operands(value)
        for category, test in tests:
            if test(found):
                return category
        return "other"

    return category_of


def _tokens(text: str) -> list[str]:
    out, at = [], 0
    text = text.strip()
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            raise ValueError(f"plural rule {text!r}: cannot read {text[at:]!r}")
        out.append(match.group(1))
        at = match.end()
    return out


def _condition(tokens: list[str]) -> Test:
    """condition = and_condition ('or' and_condition)*; an empty condition always holds."""
    if not tokens:
        return lambda found: True
    groups: list[list[Test]] = [[]]
    at = 0
    while at < len(tokens):
        relation, at = _relation(tokens, at)
        groups[-1].append(relation)
        if at < len(tokens):
            word = tokens[at]
            at += 1
            if word == "or":
                groups.append([])
            elif word != "and":
                raise ValueError(f"plural rule: 'and' or 'or' expected, got {word!r}")
    return lambda found: any(all(test(found) for test in group) for group in groups)


def _relation(tokens: list[str], at: int) -> tuple[Test, int]:
    """operand ('mod'|'%' value)? ('in'|'not in'|'='|'!='|'is'|'is not'|'within'|'not within') ranges."""
    name = tokens[at]
    if name not in "niwvftce" or len(name) != 1:
        raise ValueError(f"plural rule: unknown operand {name!r}")
    at += 1
    modulo = 0
    if at < len(tokens) and tokens[at] in ("mod", "%"):
        modulo, at = int(tokens[at + 1]), at + 2
    negated, within = False, False
    word = tokens[at]
    at += 1
    if word == "!=":
        negated = True
    elif word == "is":
        if tokens[at] == "not":
            negated, at = True, at + 1
    elif word == "not":
        negated, word = True, tokens[at]
        at += 1
        within = word == "within"
    elif word == "within":
        within = True
    elif word not in ("in", "="):
        raise ValueError(f"plural rule: a relation expected, got {word!r}")
    ranges: list[tuple[int, int]] = []
    while True:
        low = int(tokens[at])
        at += 1
        high = low
        if at < len(tokens) and tokens[at] == "..":
            high, at = int(tokens[at + 1]), at + 2
        ranges.append((low, high))
        if at < len(tokens) and tokens[at] == ",":
            at += 1
            continue
        break

    def test(found: Operands) -> bool:
        value = found[name]
        if modulo:
            value = value % modulo
        inside = (within or value == int(value)) and any(low <= value <= high for low, high in ranges)
        return inside != negated

    return test, at
