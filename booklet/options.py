"""Option values (command line or library keywords) -> one checked BuildOptions record.

Every build option is described once, in :data:`OPTIONS`: its field, its command-line
flags, its help, how a value is read, which registry it chooses from, and when it
applies. The CLI generates its Click options from this table and the library's
``build_booklet(**options)`` goes through the same parser, so a bad value is refused
in the same words everywhere: an :class:`~booklet.errors.OptionError` naming the
choices. An option given where it does not apply (``creep`` without saddle
imposition, ``card`` with a booklet) is an error too, never silently ignored.

To add an option: add a field with its default to :class:`BuildOptions`, then one
:class:`Option` row to :data:`OPTIONS` (flags, help, reader or registry, and
``applies`` if it only makes sense for some formats). If the option changes what the
output shows, set ``names_output`` so default file names keep builds apart. The CLI
flag, its help, the library keyword and the error messages follow from the row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from booklet.errors import OptionError
from booklet.finish import STANDARDS as PDF_STANDARDS
from booklet.impose import LAYOUTS
from booklet.impose.settings import DUPLEX as DUPLEX_MODES
from booklet.paper import ALIASES as PAPER_ALIASES
from booklet.paper import CARD_SIZES, PAPERS, check_page_size, parse_offset, parse_paper
from booklet.paper import SHEETS as SHEET_SIZES

# Registries: name -> what it means (shown in --help and in error messages).
FORMATS: dict[str, str] = {
    "booklet": "reading pages: cover, contents, strokes, cautions",
    "cards": "one pocket card per stroke (steps on the back), placed N-up on sheets with crop marks",
}
PAPER_NAMES: tuple[str, ...] = tuple(sorted(PAPERS))
CARDS: dict[str, str] = {
    name: f"{size.width_pt * 25.4 / 72:.0f} x {size.height_pt * 25.4 / 72:.0f} mm" for name, size in CARD_SIZES.items()
}
SHEETS: dict[str, str] = {
    name: f"{sheet.paper.width_pt * 25.4 / 72:.0f} x {sheet.paper.height_pt * 25.4 / 72:.0f} mm"
    + (" press sheet" if sheet.press else "")
    for name, sheet in SHEET_SIZES.items()
}
DUPLEX: dict[str, str] = {
    "long-edge": "the printer turns the sheet over its long edge",
    "short-edge": "the printer turns the sheet over its short edge",
}
assert tuple(DUPLEX) == DUPLEX_MODES
BACKS: dict[str, str] = {
    "duplex": "fronts and backs alternate in one file, for a duplex printer",
    "separate": "a fronts file and a backs file, for printing the second side by hand",
}
# Booklet impositions: the schemes booklet/impose defines, except the one for card PDFs.
IMPOSE: dict[str, str] = {
    "none": "one reading page per PDF page",
    **{name: what for name, what in LAYOUTS.items() if name != "cards"},
}


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build can be asked for, checked: the CLI and the library fill the same record.

    Values are read and checked on construction (``BuildOptions(format="poster")``
    raises OptionError), so a record that exists is one a build can use.
    """

    audience: str | None = None
    lang: str | None = None  # None: the content's own language
    format: str = "booklet"
    paper: str | None = None  # reading page; None: from the edition's theme
    impose: str = "none"
    fillable: bool = False
    card: str = "a6"
    sheet: str | None = None  # printer sheet; None: from the paper
    duplex: str = "long-edge"
    backs: str = "duplex"
    back_offset: str = "0x0mm"
    bleed_mm: float = 0.0
    creep_mm: float = 0.0
    signature: int | None = None
    paper_thickness_mm: float = 0.0
    gang: bool = False
    mark_length_mm: float = 5.0
    mark_offset_mm: float = 3.0
    pdf_standard: tuple[str, ...] = ()  # empty: tagged, PDF/UA-1 and PDF/A-2b

    def __post_init__(self) -> None:
        defaults = _defaults()
        for option in OPTIONS:
            value = getattr(self, option.field)
            if value is not None:
                object.__setattr__(self, option.field, option.read(value))
        for option in OPTIONS:
            if getattr(self, option.field) != defaults[option.field] and not option.applies(self):
                raise OptionError(f"{option.flag} {option.why_not}")

    def given(self) -> dict[str, Any]:
        """The options that differ from their defaults, by field."""
        defaults = _defaults()
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != defaults[f.name]}


@dataclass(frozen=True)
class Option:
    """One build option: where it lives, how it is written, read and explained."""

    field: str  # BuildOptions field and build_booklet keyword
    flags: tuple[str, ...]  # command-line flags, the long one last
    help: str
    choices: Mapping[str, str] | None = None  # registry: the only accepted values
    reader: Callable[[Any], Any] | None = None  # text -> value; raises ValueError with the reason
    metavar: str | None = None
    is_flag: bool = False
    multiple: bool = False  # repeatable: the value is a tuple of choices
    applies: Callable[[BuildOptions], bool] = lambda options: True
    why_not: str = ""  # completes "--flag ..." when the option does not apply
    names_output: bool = False  # a non-default value is part of the default output name

    @property
    def flag(self) -> str:
        return self.flags[-1]

    def read(self, value: Any) -> Any:
        """A value as typed (text, number, bool) -> the checked value, or OptionError."""
        if self.multiple:
            values = (value,) if isinstance(value, str) else tuple(value)
            chosen = tuple(self.read_one(v) for v in values)
            if self.reader is not None:
                try:
                    return self.reader(chosen)
                except (ValueError, TypeError) as exc:
                    raise OptionError(f"{self.flag}: {exc}") from None
            return chosen
        return self.read_one(value)

    def read_one(self, value: Any) -> Any:
        if self.is_flag:
            if not isinstance(value, bool):
                raise OptionError(f"{self.flag} is on or off (True or False), not {value!r}")
            return value
        if self.choices is not None:
            key = str(value).strip().lower()
            if key not in self.choices:
                hint = did_you_mean(key, self.choices)
                raise OptionError(
                    f"{self.flag}: unknown value {str(value)!r} (expected {choice_list(self.choices)}){hint}"
                )
            return key
        if self.reader is None or self.multiple:
            return value
        try:
            return self.reader(value)
        except (ValueError, TypeError) as exc:
            raise OptionError(f"{self.flag}: {exc}") from None


def choice_list(choices: Mapping[str, str] | tuple[str, ...]) -> str:
    """['a', 'b', 'c'] -> "a, b or c"."""
    items = list(choices)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def did_you_mean(word: str, choices: Mapping[str, str] | tuple[str, ...]) -> str:
    import difflib  # on a typo only

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _paper(value: Any) -> str:
    """A paper name or WxH with a unit -> its canonical name (a5, 105x148mm)."""
    text = str(value).strip().lower()
    check_page_size(parse_paper(text), text)
    return PAPER_ALIASES.get(text, text).replace(" ", "")


def _offset(value: Any) -> str:
    parse_offset(str(value))
    return str(value).strip()


def _number(low: float, high: float, unit: str) -> Callable[[Any], float]:
    def read(value: Any) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"expected a number of {unit}, got {value!r}") from None
        if not (math.isfinite(number) and low <= number <= high):
            raise ValueError(f"{number:g} is out of range ({low:g} to {high:g} {unit})")
        return number

    return read


def _whole(low: int, high: int) -> Callable[[Any], int]:
    def read(value: Any) -> int:
        if isinstance(value, bool) or not str(value).strip().isdigit():
            raise ValueError(f"expected a whole number {low} to {high}, got {value!r}")
        number = int(str(value))
        if not low <= number <= high:
            raise ValueError(f"{number} is out of range ({low} to {high})")
        return number

    return read


def _audience(value: Any) -> str:
    text = str(value).strip()
    if not text:
        raise ValueError("expected an audience id")
    return text


_LANGUAGE = r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$"  # re.ASCII; compiled when --lang is given


def _language(value: Any) -> str:
    """A language code as typed -> the code; the PO file is translations/<code>.po."""
    text = str(value).strip()
    if not re.match(_LANGUAGE, text, re.ASCII):
        raise ValueError(f"'{text[:20]}' is not a language code (like de, fr or pt-BR)")
    return text


def _standards(chosen: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated --pdf-standard values -> registry order, without repeats; at most one PDF/A level."""
    ordered = tuple(name for name in PDF_STANDARDS if name in chosen)
    if sum(name.startswith("a-") for name in ordered) > 1:
        levels = tuple(n for n in PDF_STANDARDS if n.startswith("a-"))
        raise ValueError(f"choose one PDF/A level: {choice_list(levels)}")
    return ordered


def _reading(options: BuildOptions) -> bool:
    return options.format == "booklet" and options.impose == "none"


def _cards(options: BuildOptions) -> bool:
    return options.format == "cards"


def _booklet(options: BuildOptions) -> bool:
    return options.format == "booklet"


def _saddle(options: BuildOptions) -> bool:
    return options.format == "booklet" and options.impose != "none"


def _marked(options: BuildOptions) -> bool:
    return options.format == "cards" or (options.impose == "saddle" and options.bleed_mm > 0)


def _on_sheets(options: BuildOptions) -> bool:
    return options.format == "cards" or options.impose != "none"


OPTIONS: tuple[Option, ...] = (
    Option(
        "audience",
        ("-a", "--audience"),
        "Edition to build: an audience id of the content (see `booklet list`). "
        "Default: the content's default_audience, else the standard edition.",
        reader=_audience,
        metavar="ID",
        names_output=True,
    ),
    Option(
        "lang",
        ("--lang",),
        "Language of the edition: its text from translations/LANG.po (see `booklet translate`), "
        "with that language's built-in labels, numbers, quotes and hyphenation. "
        "Default: the content's own language.",
        reader=_language,
        metavar="LANG",
        names_output=True,
    ),
    Option(
        "format",
        ("-f", "--format"),
        "What to make. " + "; ".join(f"{k}: {v}" for k, v in FORMATS.items()) + ". Default: booklet.",
        choices=FORMATS,
        names_output=True,
    ),
    Option(
        "paper",
        ("--paper",),
        f"Reading page size: {', '.join(PAPER_NAMES)}, or width x height with a unit "
        "(148x210mm, 14.8x21cm, 5.5x8.5in, 420x595pt). Default: the theme's paper (a5 unless set).",
        reader=_paper,
        metavar="SIZE",
        names_output=True,
    ),
    Option(
        "impose",
        ("--impose",),
        "Booklet pages on printer sheets. " + "; ".join(f"{k}: {v}" for k, v in IMPOSE.items()) + ". Default: none.",
        choices=IMPOSE,
        applies=_booklet,
        why_not="applies to -f booklet only (cards are always placed on sheets)",
        names_output=True,
    ),
    Option(
        "fillable",
        ("--fillable",),
        "Checklists also get PDF form check boxes, to tick on screen. Default: off.",
        is_flag=True,
        applies=_booklet,
        why_not="applies to -f booklet only",
        names_output=True,
    ),
    Option(
        "card",
        ("--card",),
        "Card size. " + "; ".join(f"{k}: {v}" for k, v in CARDS.items()) + ". Default: a6.",
        choices=CARDS,
        applies=_cards,
        why_not="applies to -f cards only",
        names_output=True,
    ),
    Option(
        "sheet",
        ("--sheet",),
        f"Printer sheet for cards or an imposition: {choice_list(SHEETS)}. "
        "Default: Letter for letter-sized pages, else A4 (saddle: the sheet twice the page).",
        choices=SHEETS,
        applies=_on_sheets,
        why_not="applies to -f cards or --impose only (an unimposed booklet prints one page per sheet)",
        names_output=True,
    ),
    Option(
        "duplex",
        ("--duplex",),
        "How your duplex printer turns the sheet, so card backs land behind their fronts. "
        + "; ".join(f"{k}: {v}" for k, v in DUPLEX.items())
        + ". Default: long-edge.",
        choices=DUPLEX,
        applies=_cards,
        why_not="applies to -f cards only",
    ),
    Option(
        "backs",
        ("--backs",),
        "Card backs. " + "; ".join(f"{k}: {v}" for k, v in BACKS.items()) + ". Default: duplex.",
        choices=BACKS,
        applies=_cards,
        why_not="applies to -f cards only",
    ),
    Option(
        "back_offset",
        ("--back-offset",),
        "Shift every card back to correct a printer whose two sides do not line up: XxY with "
        "an optional unit mm (default), in or pt, e.g. 0.5x-1mm. Default: 0x0mm.",
        reader=_offset,
        metavar="XxY",
        applies=_cards,
        why_not="applies to -f cards only",
    ),
    Option(
        "bleed_mm",
        ("--bleed",),
        "Bleed in mm (0 to 10) for a print shop: colour runs past the trim, with crop marks. Default: 0.",
        reader=_number(0, 10, "mm"),
        metavar="MM",
        names_output=True,
    ),
    Option(
        "creep_mm",
        ("--creep",),
        "Creep compensation in mm (0 to 5): the per-page shift toward the fold of the innermost sheet of a "
        "saddle-stitched booklet (pdfimpose and InDesign give the total instead); the sheets between move in "
        "equal steps. Default: 0.",
        reader=_number(0, 5, "mm"),
        metavar="MM",
        applies=_saddle,
        why_not="applies to --impose saddle or 2up only",
    ),
    Option(
        "signature",
        ("--signature",),
        "Sheets folded together (1 to 64); the signatures are stacked and bound. Default: one stack of all sheets.",
        reader=_whole(1, 64),
        metavar="N",
        applies=_saddle,
        why_not="applies to --impose saddle or 2up only",
    ),
    Option(
        "paper_thickness_mm",
        ("--paper-thickness",),
        "Paper thickness in mm (0 to 1): computes the creep from the sheet count, one thickness per "
        "sheet inward (instead of --creep). Default: 0.",
        reader=_number(0, 1, "mm"),
        metavar="MM",
        applies=_saddle,
        why_not="applies to --impose saddle or 2up only",
    ),
    Option(
        "gang",
        ("--gang",),
        "Cards abut and share their cuts, so more fit a sheet (10 business cards on A4 instead of 9). Default: off.",
        is_flag=True,
        applies=_cards,
        why_not="applies to -f cards only",
        names_output=True,
    ),
    Option(
        "mark_length_mm",
        ("--mark-length",),
        "Crop mark length in mm (2 to 20); marks shorten to stay 5 mm inside a desktop sheet. Default: 5.",
        reader=_number(2, 20, "mm"),
        metavar="MM",
        applies=_marked,
        why_not="applies to -f cards or --impose saddle --bleed only (where there are crop marks)",
    ),
    Option(
        "mark_offset_mm",
        ("--mark-offset",),
        "Gap in mm (0 to 10) between the trim and its crop marks; never less than the bleed. Default: 3.",
        reader=_number(0, 10, "mm"),
        metavar="MM",
        applies=_marked,
        why_not="applies to -f cards or --impose saddle --bleed only (where there are crop marks)",
    ),
)

OPTIONS += (
    Option(
        "pdf_standard",
        ("--pdf-standard",),
        "Standard the reading edition declares and meets (repeatable). "
        + "; ".join(f"{k}: {v}" for k, v in PDF_STANDARDS.items())
        + ". Given, a file that cannot meet it fails the build (file:line). Default: tagged, ua-1 and a-2b.",
        choices=PDF_STANDARDS,
        reader=_standards,
        multiple=True,
        applies=_reading,
        why_not="applies to unimposed -f booklet only (print files are not tagged)",
        names_output=True,
    ),
)

BY_FIELD: dict[str, Option] = {option.field: option for option in OPTIONS}
assert set(BY_FIELD) == {f.name for f in fields(BuildOptions)}, "every BuildOptions field needs an Option row"


def _defaults() -> dict[str, Any]:
    return {f.name: f.default for f in fields(BuildOptions)}


def parse_options(values: Mapping[str, Any]) -> BuildOptions:
    """Keyword values (only those given) -> BuildOptions, or OptionError for an unknown name or bad value.

    Keywords are the field names; the flag spellings without dashes (``bleed``,
    ``back-offset``) are accepted too.
    """
    aliases = {o.flag.lstrip("-").replace("-", "_"): o.field for o in OPTIONS}
    checked: dict[str, Any] = {}
    for key, value in values.items():
        name = key if key in BY_FIELD else aliases.get(key.replace("-", "_"))
        if name is None:
            known = tuple(sorted(set(BY_FIELD) | set(aliases)))
            raise OptionError(f"unknown option '{key}' (expected one of {', '.join(known)}){did_you_mean(key, known)}")
        if value is not None:
            checked[name] = value
    return BuildOptions(**checked)
