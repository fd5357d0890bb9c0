"""The pipeline, in order: load -> validate -> select audience -> lay out -> render -> impose -> write.

Each step is its own module; this one only hands the output of one to the next.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from booklet.errors import BookletError, ContentError
from booklet.model import Booklet, Edition
from booklet.paper import Paper, parse_paper

if TYPE_CHECKING:
    from booklet.roster import Recipient

log = logging.getLogger(__name__)

FORMATS = ("booklet", "cards")


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build can be asked for; the CLI and the library fill the same record."""

    audience: str | None = None
    format: str = "booklet"
    paper: str | None = None  # reading page; default from the edition's theme
    impose: str = "none"
    fillable: bool = False
    card: str = "a6"
    sheet: str | None = None
    duplex: str = "long-edge"
    backs: str = "duplex"  # duplex | separate
    back_offset: str = "0x0mm"
    bleed_mm: float = 0.0
    creep_mm: float = 0.0
    signature: int | None = None


@dataclass(frozen=True)
class BuildResult:
    pdf: bytes
    pages: int
    edition: Edition
    seconds: float
    extra: dict[str, bytes]  # other files a build makes (card backs printed separately)
    instructions: str = ""


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


def build(booklet: Booklet, options: BuildOptions) -> BuildResult:
    """select audience -> lay out -> render -> impose, for one edition and format."""
    from booklet.audience import make_edition

    return build_edition(make_edition(booklet, options.audience), options)


def build_edition(edition: Edition, options: BuildOptions) -> BuildResult:
    """lay out -> render -> impose, for an edition already made (an audience's or a recipient's)."""
    from booklet.render.fonts import content_font_dirs, register_family
    from booklet.render.glyphs import check_glyphs

    started = time.perf_counter()
    booklet = edition.booklet
    theme = edition.booklet.theme
    fonts = register_family(theme.font, content_font_dirs(Path(booklet.root)))
    check_glyphs(edition.booklet, fonts.regular, theme.font)
    if options.format == "cards":
        return build_cards(edition, options, started)
    pdf, pages = render_pdf(edition, options)
    instructions = ""
    if options.impose == "saddle":
        from booklet.impose import SADDLE_HOW
        from booklet.impose.apply import impose_saddle

        pdf = impose_saddle(pdf, sheet=options.sheet, signature=options.signature, creep_mm=options.creep_mm)
        instructions = SADDLE_HOW
    return BuildResult(pdf, pages, edition, time.perf_counter() - started, {}, instructions)


def build_cards(edition: Edition, options: BuildOptions, started: float) -> BuildResult:
    """render cards -> impose them N-up with crop marks and duplex-aligned backs."""
    from booklet.impose import CARDS_HOW
    from booklet.impose.apply import impose_cards
    from booklet.impose.grid import plan_cards
    from booklet.paper import MM, PAPERS, parse_offset
    from booklet.render.cards import CARD_SIZES, render_cards, slug_page

    size = CARD_SIZES[options.card]
    bleed = options.bleed_mm * MM
    fronts, backs, count = render_cards(edition, size, bleed)
    sheet = PAPERS[
        options.sheet or ("letter" if edition_paper(edition, options).name in ("letter", "half-letter") else "a4")
    ]
    try:
        offset = parse_offset(options.back_offset)
    except ValueError as exc:
        raise BookletError(str(exc)) from None
    plan = plan_cards(
        count, (size.width_pt, size.height_pt), sheet.size, bleed=bleed, duplex=options.duplex, back_offset=offset
    )
    how = CARDS_HOW.replace("long edge", options.duplex.replace("-", " "))
    if options.backs == "separate":
        how = "Print the fronts, put the sheets back in the tray face down, then print the backs file."
    slug = slug_page(f"{edition.booklet.title} · {edition.name} · cards · {how}", plan.sheet_w, plan.sheet_h, edition)
    pdf, separate = impose_cards(
        fronts, backs, plan, bleed_pt=bleed, separate=options.backs == "separate", overlay=slug
    )
    extra = {"backs": separate} if separate else {}
    sheets = len(plan.sheets) * (1 if separate else 2)
    return BuildResult(pdf, sheets, edition, time.perf_counter() - started, extra, how)


def render_pdf(edition: Edition, options: BuildOptions) -> tuple[bytes, int]:
    from booklet.layout import plan_booklet
    from booklet.paper import MM
    from booklet.render.booklet import render_booklet

    def render(back_pages: int) -> tuple[bytes, int]:
        plan = plan_booklet(
            edition,
            edition_paper(edition, options),
            fillable=options.fillable,
            pad_to_four=options.impose == "saddle",
            back_pages=back_pages,
            bleed_pt=options.bleed_mm * MM,
        )
        return render_booklet(plan)

    pdf, pages = render(1)
    if options.impose == "saddle" and pages % 4:
        # The back cover ran longer than the one page the padding assumed: its real
        # length is 1 + the surplus, so render once more with that.
        pdf, pages = render(1 + pages % 4)
    return pdf, pages


def build_booklet(
    source: str | Path | None = None, *, output: str | Path | None = None, **options: Any
) -> bytes | Path:
    """Library entry point: build one PDF; return its bytes, or write ``output`` and return the path."""
    booklet = load_booklet(source)
    result = build(booklet, replace(BuildOptions(), **options))
    if output is None:
        return result.pdf
    from booklet.write import write_atomic

    return write_atomic(Path(output), result.pdf, inputs=[Path(booklet.root)])


ROSTER_FORMATS = {"booklet": BuildOptions(), "cards": BuildOptions(format="cards"), "saddle": BuildOptions(impose="saddle")}


def build_recipient(booklet: Booklet, recipient: Recipient, formats: tuple[str, ...]) -> tuple[dict[str, bytes], int]:
    """One roster recipient -> their files by name (``ID.pdf``, ``ID-cards.pdf``, ...) and the booklet's pages."""
    from booklet.personal import personal_edition

    from booklet.render.fonts import content_font_dirs, register_family
    from booklet.render.glyphs import check_text

    edition = personal_edition(booklet, recipient)
    fonts = register_family(booklet.theme.font, content_font_dirs(Path(booklet.root)))
    try:
        check_text(recipient.name, recipient.ref, "name", fonts.regular, booklet.theme.font)
    except ContentError:  # the message would quote the letters: a name is never shown
        message = f"the font {booklet.theme.font} cannot print some letters of this recipient's name"
        raise ContentError.at(recipient.ref, message, "name") from None
    files: dict[str, bytes] = {}
    pages = 0
    for fmt in formats:
        result = build_edition(edition, ROSTER_FORMATS[fmt])
        stem = recipient.id if fmt == "booklet" else f"{recipient.id}-{fmt}"
        files[f"{stem}.pdf"] = result.pdf
        for suffix, data in result.extra.items():
            files[f"{stem}-{suffix}.pdf"] = data
        if fmt == "booklet":
            pages = result.pages
    return files, pages
