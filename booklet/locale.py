"""Language code + number -> the number as that language writes it (CLDR data through Babel).

Decimal separators, percent signs and plural categories follow the booklet's language:
1.5 minutes is "1,5 Minuten" in German, "1,5 минуты" in Russian. A language Babel does
not know (a made-up test language, say) falls back to English conventions.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

    from booklet.model import Booklet

PLURAL_KEYS = {"one": "minute", "few": "minutes_few", "many": "minutes_many"}


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
    return Decimal(repr(float(value)))


def number(value: float, language: str) -> str:
    """1.5, "de" -> "1,5"; 1000, "en" -> "1,000"; at most three decimals."""
    from babel.numbers import format_decimal

    return format_decimal(_exact(value), format="#,##0.###", locale=babel_locale(language))


def percent(fraction: float, language: str) -> str:
    """0.95, "de" -> "95 %" (with the language's spacing and sign)."""
    from babel.numbers import format_percent

    return format_percent(fraction, locale=babel_locale(language))


def plural(value: float, language: str) -> str:
    """The CLDR plural category of a count: "one", "few", "many" or "other"."""
    return str(babel_locale(language).plural_form(_exact(value)))


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
