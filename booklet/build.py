"""The pipeline, in order: load -> validate -> select audience -> lay out -> render -> impose -> files.

Each step is its own module; this one only hands the output of one to the next. A
build returns every file it makes as ``{name: bytes}``; :func:`booklet.write.write_files`
is the one place that puts them on disk, for the CLI, batch, watch and the library.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from booklet.errors import BookletError
from booklet.model import Booklet, Edition
from booklet.options import BY_FIELD, OPTIONS, BuildOptions, parse_options
from booklet.paper import MM, Paper, parse_paper

if TYPE_CHECKING:
    from booklet.fonts import FontSet
    from booklet.impose import Imposed, ImposeOptions
    from booklet.roster import Recipient

__all__ = ["BuildOptions", "BuildResult", "build", "build_booklet", "load_booklet", "output_names", "parse_options"]


@dataclass(frozen=True)
class BuildResult:
    """What one build made: its files by default name (the main file first) and what to report."""

    files: dict[str, bytes]
    edition: Edition
    pages: int  # reading pages of a booklet, or cards
    seconds: float
    sheets: int = 0  # printer sheets of an imposition or a card sheet file (0: not imposed)
    sides: int = 0  # printed sheet sides (PDF pages of the imposed file(s))
    instructions: str = ""
    unit: str = "pages"  # what ``pages`` counts: pages or cards
    warnings: tuple[str, ...] = ()  # one line each: what the CLI shows before the result (untranslated text)

    @property
    def name(self) -> str:
        """The main file's default name."""
        return next(iter(self.files))

    @property
    def pdf(self) -> bytes:
        """The main file's bytes."""
        return self.files[self.name]

    def summary(self) -> str:
        """'20 pages' or '20 pages on 5 sheets, 10 sides' or '12 cards on 2 sheets, 4 sides'."""
        text = f"{self.pages} {self.unit if self.pages != 1 else self.unit[:-1]}"
        if self.sheets:
            text += f" on {self.sheets} sheet{'s' if self.sheets != 1 else ''}, {self.sides} sides"
        return text


def resolve_source(source: str | Path | None) -> Path:
    """SOURCE argument -> a path; the shipped back-massage content by default."""
    from booklet.shipped import default_source

    return default_source() if source is None else Path(source)


def load_booklet(source: str | Path | None) -> Booklet:
    """load -> validate."""
    from booklet.load import load_doc
    from booklet.validate import validate

    return validate(load_doc(resolve_source(source)))


def edition_paper(edition: Edition, options: BuildOptions) -> Paper:
    return parse_paper(options.paper or edition.booklet.theme.paper)


def output_names(booklet: Booklet, options: BuildOptions) -> list[str]:
    """The default names of the files a build makes, main file first; never the same for different builds.

    The booklet id, then each option that names outputs and differs from its default,
    in the order of options.OPTIONS (audience, format, paper, imposition, ...). The
    paper counts only when it differs from the edition's own.
    """
    from booklet.audience import make_edition
    from booklet.write import output_name

    edition = make_edition(booklet, options.audience)
    parts = [part for option in OPTIONS if option.names_output for part in _name_part(option.field, edition, options)]
    if options.format == "cards" and options.backs == "separate":
        return [output_name(booklet.id, [*parts, "fronts"]), output_name(booklet.id, [*parts, "backs"])]
    return [output_name(booklet.id, parts)]


def _name_part(field: str, edition: Edition, options: BuildOptions) -> list[str]:
    value = getattr(options, field)
    if value in (None, False, 0.0, "none") or value == getattr(BuildOptions(), field):
        return []
    if field == "paper" and parse_paper(value).size == parse_paper(edition.booklet.theme.paper).size:
        return []
    option = BY_FIELD[field]
    if option.is_flag:
        return [option.flag.lstrip("-")]
    if field == "sheet":
        return [f"on-{value}"]
    if field == "bleed_mm":
        return [f"bleed-{value:g}mm"]
    if field == "pdf_standard":
        return list(value)
    return [str(value)]


def prepare(booklet: Booklet, audience: str | None) -> Edition:
    """select audience -> check fonts and glyphs: the checks before anything is drawn."""
    from booklet.audience import make_edition

    return check_edition(make_edition(booklet, audience))


def check_edition(edition: Edition) -> Edition:
    """An edition (an audience's or a roster recipient's) -> itself, once its fonts and glyphs are checked."""
    from booklet.render.glyphs import check_glyphs

    fonts = edition_fonts(edition)
    check_glyphs(edition.booklet, fonts.regular, edition.booklet.theme.font)
    return edition


def edition_fonts(edition: Edition) -> FontSet:
    """The edition's body and heading fonts, registered; one that cannot be found or read is a
    content error at the theme line that names it."""
    from booklet.errors import ContentError
    from booklet.fonts import content_font_dirs, register_family
    from booklet.model import ref_of

    theme = edition.booklet.theme
    found = []
    for key in ("font", "heading_font"):
        try:
            found.append(register_family(getattr(theme, key), content_font_dirs(Path(edition.booklet.root))))
        except ContentError:
            raise
        except BookletError as exc:
            raise ContentError.at(ref_of(theme, key), str(exc), f"theme.{key}") from None
    return found[0]


def build(booklet: Booklet, options: BuildOptions) -> BuildResult:
    """translate -> prepare -> lay out -> render -> impose, for one edition, language and format."""
    started = time.perf_counter()
    names = output_names(booklet, options)
    translated, warnings = in_language(booklet, options.lang)
    result = build_edition(prepare(translated, options.audience), options, names, started)
    return replace(result, warnings=warnings) if warnings else result


def in_language(booklet: Booklet, language: str | None) -> tuple[Booklet, tuple[str, ...]]:
    """The booklet in ``language`` (translations/<language>.po; None: as written) and the one-line
    warning about strings that still print in the source language, if any."""
    if language is None:
        return booklet, ()
    from booklet.translation.apply import translate_booklet

    translation = translate_booklet(booklet, language)
    return translation.booklet, tuple(w for w in (translation.warning,) if w)


def build_edition(edition: Edition, options: BuildOptions, names: list[str], started: float = 0.0) -> BuildResult:
    """lay out -> render -> impose, for a checked edition; its files under ``names``."""
    started = started or time.perf_counter()
    if options.format == "cards":
        return _cards(edition, options, names, started)
    if options.impose == "none":
        pdf, pages = reading_edition(edition, options)
        return BuildResult({names[0]: pdf}, edition, pages, time.perf_counter() - started)
    pdf, pages = render_pdf(edition, options)
    font = edition_fonts(edition).regular
    imposed = impose_pdf(options.impose, [(pdf, "booklet")], edition, options, font)
    seconds = time.perf_counter() - started
    files = {names[0]: imposed.pdf}
    return BuildResult(files, edition, pages, seconds, imposed.sheets, len(imposed.plan.sides), imposed.instructions)


def impose_options(edition: Edition, options: BuildOptions) -> ImposeOptions:
    """Build options -> the imposition's options (millimetres as given, the slug's job name)."""
    from booklet.impose import ImposeOptions
    from booklet.paper import parse_offset, sheet_for_cards

    offset = parse_offset(options.back_offset)
    sheet = options.sheet
    if options.format == "cards" and sheet is None:
        sheet = sheet_for_cards(edition_paper(edition, options))
    return ImposeOptions(
        sheet=sheet,
        signature=options.signature,
        creep_mm=options.creep_mm,
        paper_thickness_mm=options.paper_thickness_mm,
        bleed_mm=options.bleed_mm,
        mark_length_mm=options.mark_length_mm,
        mark_offset_mm=options.mark_offset_mm,
        gang=options.gang,
        duplex=options.duplex,
        backs=options.backs,
        back_offset_mm=(offset[0] / MM, offset[1] / MM),
        job=f"{edition.booklet.title} · {edition.name}",
    )


def impose_pdf(
    scheme: str, inputs: list[tuple[bytes, str]], edition: Edition, options: BuildOptions, font: str
) -> Imposed:
    """Rendered PDFs -> imposed with the scheme; the slug set in the booklet's own font, words from its labels."""
    from booklet.finish import finish_print
    from booklet.impose import impose
    from booklet.render.slug import slug_renderer

    settings = impose_options(edition, options)
    imposed = impose(scheme, inputs, settings, slugs=slug_renderer(font), words=edition.booklet.label)
    note = f"{scheme} imposition of {edition.booklet.title}. {imposed.instructions}"
    return replace(imposed, files=tuple(finish_print(pdf, note) for pdf in imposed.files))


def render_cards_pdfs(edition: Edition, options: BuildOptions) -> tuple[bytes, bytes, int]:
    """Edition -> (fronts, backs, card count), one card per page; refuses a card that cannot fit."""
    from booklet.paper import CARD_SIZES
    from booklet.render.cards import render_cards

    return render_cards(edition, CARD_SIZES[options.card], options.bleed_mm * MM)


def _cards(edition: Edition, options: BuildOptions, names: list[str], started: float) -> BuildResult:
    """render cards -> impose them N-up with crop marks and duplex-aligned backs."""
    fronts, backs, count = render_cards_pdfs(edition, options)
    font = edition_fonts(edition).regular
    imposed = impose_pdf("cards", [(fronts, "card fronts"), (backs, "card backs")], edition, options, font)
    files = dict(zip(names, imposed.files, strict=True))
    sheets, sides, how = imposed.sheets, len(imposed.plan.sides), imposed.instructions
    return BuildResult(files, edition, count, time.perf_counter() - started, sheets, sides, how, "cards")


def reading_edition(edition: Edition, options: BuildOptions) -> tuple[bytes, int]:
    """render, tagged -> structure tree, metadata and the PDF standards asked for (PDF/UA-1 + PDF/A-2b by default).

    Standards asked for by name are a promise: what cannot meet them fails the build.
    """
    from booklet.finish import DEFAULT_STANDARDS, reading
    from booklet.render.tagging import Recorder

    standards = options.pdf_standard or DEFAULT_STANDARDS
    strict = bool(options.pdf_standard)
    if strict and "ua-1" in standards:
        from booklet.render.alt import check_accessible

        check_accessible(edition.booklet)
    tags = Recorder(edition.booklet.language)
    sources = None
    if "a-3b" in standards:
        from booklet.files import content_sources

        sources = content_sources(Path(edition.booklet.root))
    return render_pdf(edition, options, tags, reading(tags.root, standards, strict=strict, sources=sources))


def render_pdf(edition: Edition, options: BuildOptions, tags: Any = None, finish: Any = None) -> tuple[bytes, int]:
    """lay out -> render; a render.tagging.Recorder given as ``tags`` records the structure, and
    ``finish`` (booklet.finish) completes the document as it is written."""
    from booklet.layout import plan_booklet
    from booklet.render.booklet import render_booklet

    def render(back_pages: int) -> tuple[bytes, int]:
        plan = plan_booklet(
            edition,
            edition_paper(edition, options),
            fillable=options.fillable,
            pad_to_four=options.impose != "none",
            back_pages=back_pages,
            bleed_pt=options.bleed_mm * MM,
        )
        return render_booklet(plan, tags, finish)

    pdf, pages = render(1)
    if options.impose != "none" and pages % 4:
        # The back cover ran longer than the one page the padding assumed: its real
        # length is 1 + the surplus, so render once more with that.
        pdf, pages = render(1 + pages % 4)
    return pdf, pages


def build_booklet(
    source: str | Path | None = None, *, output: str | Path | None = None, **options: Any
) -> bytes | list[Path]:
    """Library entry point: build; return the main file's bytes, or write every file and return their paths.

    ``options`` are the fields of BuildOptions (format="cards", paper="a6", impose="saddle",
    ...), checked like the command line's: a bad value raises OptionError naming the
    choices. With ``output`` (a file path) the main file is written there and any other
    file beside it (``<output>-backs.pdf``); with ``output_dir`` every file goes there
    under its default name.
    """
    from booklet.write import write_files

    folder = options.pop("output_dir", None)
    checked = parse_options(options)
    booklet = load_booklet(source)
    result = build(booklet, checked)
    if output is None and folder is None:
        return result.pdf
    return write_files(
        result.files,
        folder=Path(folder) if folder is not None else None,
        output=Path(output) if output is not None else None,
        inputs=[Path(booklet.root)],
    )


ROSTER_FORMATS = {"booklet": {}, "cards": {"format": "cards"}, "saddle": {"impose": "saddle"}}


def build_recipient(
    booklet: Booklet, recipient: Recipient, formats: tuple[str, ...]
) -> tuple[dict[str, bytes], int, list[str]]:
    """One roster recipient -> their files by name (``ID.pdf``, ``ID-cards.pdf``, ...), the booklet's pages,
    and the self-consistency warnings of their edition (the checks every edition gets from lint)."""
    from booklet.consistency import disagreements
    from booklet.errors import ContentError
    from booklet.personal import personal_edition
    from booklet.render.glyphs import check_text
    from booklet.write import output_name

    started = time.perf_counter()
    booklet, untranslated = _recipient_language(booklet, recipient)
    edition = check_edition(personal_edition(booklet, recipient))
    fonts = edition_fonts(edition)
    try:
        check_text(recipient.name, recipient.ref, "name", fonts.regular, booklet.theme.font)
    except ContentError:  # the message would quote the letters: a name is never shown
        message = f"the font {booklet.theme.font} cannot print some letters of this recipient's name"
        raise ContentError.at(recipient.ref, message, "name") from None
    files: dict[str, bytes] = {}
    pages = 0
    for fmt in formats:
        options = parse_options(ROSTER_FORMATS[fmt])
        names = [output_name(recipient.id, [] if fmt == "booklet" else [fmt])]
        result = build_edition(edition, options, names, started)
        files.update(result.files)
        if fmt == "booklet":
            pages = result.pages
    return files, pages, [*untranslated, *(str(w) for w in disagreements(edition))]


def _recipient_language(booklet: Booklet, recipient: Recipient) -> tuple[Booklet, tuple[str, ...]]:
    """A recipient's language -> the booklet in it; a language with no PO file is an error at their row."""
    from booklet.errors import ContentError
    from booklet.translation import missing_message, po_path

    language = recipient.language
    if not language or language == booklet.language:
        return booklet, ()
    if not po_path(booklet.root, language).is_file():
        raise ContentError.at(recipient.ref, missing_message(language), "language")
    return in_language(booklet, language)
