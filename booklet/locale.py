"""Language code + number -> the number as that language writes it (CLDR data through Babel).

Decimal separators, percent signs and plural categories follow the booklet's language:
1.5 minutes is "1,5 Minuten" in German, "1,5 минуты" in Russian. A language Babel does
not know (a made-up test language, say) falls back to English conventions.

A build needs three facts of its language from Babel: the decimal and group symbols and
the plural rules. Importing Babel and loading a locale's data costs about 25 ms of a
cold build (the locale's pickle holds every CLDR field and imports babel.dates and
zoneinfo), so the facts are kept, like compiled.py's methods, in booklet's own
__pycache__ (marked with the file Babel was read from, so another Babel reads its
data again). A later run formats numbers with those facts (Babel's "#,##0.###", done
the same way) and plural categories with booklet/plurals.py, without importing Babel;
anything else (negative or huge numbers, percentages, PO headers) still asks Babel.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

    from babel import Locale

    from booklet.model import Booklet

PLURAL_KEYS = {"one": "minute", "few": "minutes_few", "many": "minutes_many"}
Facts = tuple[str, str, tuple[tuple[str, str], ...]]  # decimal symbol, group symbol, plural rules in Babel's order
_LARGEST = 10**15  # below this a float's digits fit Decimal's default precision many times over


@cache
def babel_locale(language: str) -> Locale:
    """A language tag ("de", "pt-BR", "el_GR") -> Babel's locale; English if Babel has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse("en")


def _exact(value: float) -> int | Decimal:
    """Whole numbers as ints (1.0 -> 1, so CLDR counts it as "one"), others as the decimal they print as."""
    if float(value).is_integer():
        return int(value)
    from decimal import Decimal  # only for a fraction: whole numbers (most counts) need no decimal module

    return Decimal(repr(float(value)))


def number(value: float, language: str) -> str:
    """1.5, "de" -> "1,5"; 1000, "en" -> "1,000"; at most three decimals."""
    known = facts(language)
    if known is None or not 0 <= value < _LARGEST:
        from babel.numbers import format_decimal

        return format_decimal(_exact(value), format="#,##0.###", locale=babel_locale(language))
    return _formatted(_exact(value), known[0], known[1])


def _formatted(value: int | Decimal, decimal_symbol: str, group_symbol: str) -> str:
    """A number >= 0 -> Babel's "#,##0.###" with these symbols: rounded half to even to three
    decimals, trailing zeros dropped, the whole part in groups of three."""
    if isinstance(value, int):  # what the rounding below gives a whole number: its digits, no fraction
        whole, fraction = str(value), ""
    else:
        from decimal import Decimal

        rounded = Decimal(value).normalize().quantize(Decimal(10) ** -3)  # "#,##0.###": at most three decimals
        whole, _, fraction = f"{rounded:f}".partition(".")
    groups = ""
    while len(whole) > 3:
        whole, groups = whole[:-3], group_symbol + whole[-3:] + groups
    fraction = fraction.rstrip("0")
    return whole + groups + (decimal_symbol + fraction if fraction else "")


def percent(fraction: float, language: str) -> str:
    """0.95, "de" -> "95 %" (with the language's spacing and sign)."""
    from babel.numbers import format_percent

    return format_percent(fraction, locale=babel_locale(language))


def plural(value: float, language: str) -> str:
    """The CLDR plural category of a count: "one", "few", "many" or "other"."""
    return _categories(language)(_exact(value))


@cache
def _categories(language: str) -> Callable[[int | Decimal], str]:
    known = facts(language)
    if known is None:
        rule = babel_locale(language).plural_form
        return lambda value: str(rule(value))
    from booklet.plurals import compile_rules

    return compile_rules(known[2])


@cache
def facts(language: str) -> Facts | None:
    """A language tag -> its decimal and group symbols and plural rules: kept from an earlier run, else
    read from Babel (and kept); None if Babel has no Latin-digit symbols for it."""
    mark = _babel_mark()
    table = _kept()
    kept = table.get(language) if table.get("") == mark else None
    if _is_facts(kept):
        return kept  # type: ignore[return-value]  # its shape is checked
    found = _from_babel(language)
    if found is not None and mark:
        _keep(mark, language, found)
    return found


def _is_facts(kept: object) -> bool:
    return (
        isinstance(kept, tuple)
        and len(kept) == 3
        and isinstance(kept[0], str)
        and isinstance(kept[1], str)
        and isinstance(kept[2], tuple)
        and all(isinstance(r, tuple) and len(r) == 2 and all(isinstance(x, str) for x in r) for r in kept[2])
    )


def _from_babel(language: str) -> Facts | None:
    from babel.numbers import UnsupportedNumberingSystemError, get_decimal_symbol, get_group_symbol

    locale = babel_locale(language)
    try:
        symbols = get_decimal_symbol(locale, numbering_system="latn"), get_group_symbol(locale, numbering_system="latn")
    except (KeyError, UnsupportedNumberingSystemError):
        return None
    if any("'" in symbol for symbol in symbols):  # Babel's patterns treat a quote specially
        return None
    rule = locale.plural_form
    return symbols[0], symbols[1], tuple((tag, rule.rules[tag]) for tag, _ in rule.abstract)


def kept_path() -> Path | None:
    """Where the facts are kept for this interpreter, or None when it keeps no bytecode."""
    tag = sys.implementation.cache_tag
    return None if tag is None else Path(__file__).parent / "__pycache__" / f"locale-facts.{tag}.marshal"


def _babel_mark() -> str:
    """The file Babel would be imported from, with its size and time: another Babel, another mark."""
    from importlib.util import find_spec

    spec = find_spec("babel")
    origin = spec.origin if spec is not None else None
    if not origin:
        return ""
    try:
        info = os.stat(origin)
    except OSError:
        return ""
    return f"{origin}:{info.st_size}:{info.st_mtime_ns}"


@cache
def _kept() -> dict[str, object]:
    path = kept_path()
    try:
        table = marshal.loads(path.read_bytes()) if path else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _keep(mark: str, language: str, found: Facts) -> None:
    """Add one language's facts to the kept table, atomically; give up silently (read-only, no bytecode)."""
    path = kept_path()
    if path is None or sys.dont_write_bytecode:
        return
    table = _kept()
    if table.get("") != mark:
        table.clear()
        table[""] = mark
    table[language] = found
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(table))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return


def minutes(value: float, words: Booklet) -> str:
    """A duration in minutes -> "1 minute", "1,5 Minuten", "5 минут", in the right plural form."""
    key = PLURAL_KEYS.get(plural(value, words.language), "minutes")
    return words.label(key, n=number(value, words.language))


def plural_forms(language: str) -> str:
    """A language tag -> the PO header's Plural-Forms ("nplurals=2; plural=(n != 1);"), from CLDR."""
    from babel import UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        return get_plural(language.replace("-", "_")).plural_forms
    except (ValueError, TypeError, UnknownLocaleError):
        return get_plural("en").plural_forms
