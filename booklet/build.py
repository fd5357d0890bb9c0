"""The pipeline, in order: load -> validate -> select audience -> lay out -> render -> impose -> write.

Each step is its own module; this one only hands the output of one to the next.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from booklet.errors import BookletError
from booklet.model import Booklet, Edition
from booklet.paper import Paper, parse_paper

if TYPE_CHECKING:
    from booklet.impose import Imposed, ImposeOptions

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
    from booklet.render.fonts import content_font_dirs, register_family
    from booklet.render.glyphs import check_glyphs

    started = time.perf_counter()
    edition = make_edition(booklet, options.audience)
    theme = edition.booklet.theme
    fonts = register_family(theme.font, content_font_dirs(Path(booklet.root)))
    check_glyphs(edition.booklet, fonts.regular, theme.font)
    if options.format == "cards":
        return build_cards(edition, options, started)
    pdf, pages = render_pdf(edition, options)
    if options.impose == "none":
        return BuildResult(pdf, pages, edition, time.perf_counter() - started, {})
    imposed = impose_pdf(options.impose, [(pdf, "booklet")], edition, options, fonts.regular)
    return BuildResult(imposed.pdf, pages, edition, time.perf_counter() - started, {}, imposed.instructions)


def impose_options(edition: Edition, options: BuildOptions) -> ImposeOptions:
    """Build options -> the imposition's options, in millimetres as given."""
    from booklet.impose import ImposeOptions
    from booklet.paper import MM, parse_offset

    try:
        offset = parse_offset(options.back_offset)
    except ValueError as exc:
        raise BookletError(str(exc)) from None
    sheet = options.sheet
    us_paper = edition_paper(edition, options).name in ("letter", "half-letter")
    if options.format == "cards" and sheet is None and us_paper:
        sheet = "letter"
    return ImposeOptions(
        sheet=sheet,
        signature=options.signature,
        creep_mm=options.creep_mm,
        bleed_mm=options.bleed_mm,
        duplex=options.duplex,
        backs=options.backs,
        back_offset_mm=(offset[0] / MM, offset[1] / MM),
        job=f"{edition.booklet.title} · {edition.name}",
    )


def impose_pdf(
    scheme: str, inputs: list[tuple[bytes, str]], edition: Edition, options: BuildOptions, font: str
) -> Imposed:
    """Rendered PDFs -> imposed with the scheme, the slug set in the booklet's own font."""
    from booklet.impose import impose
    from booklet.render.slug import slug_renderer

    return impose(
        scheme, inputs, impose_options(edition, options), slugs=slug_renderer(font), words=edition.booklet.label
    )


def build_cards(edition: Edition, options: BuildOptions, started: float) -> BuildResult:
    """render cards -> impose them N-up with crop marks and duplex-aligned backs."""
    from booklet.paper import MM
    from booklet.render.cards import CARD_SIZES, render_cards
    from booklet.render.fonts import content_font_dirs, register_family

    size = CARD_SIZES[options.card]
    fronts, backs, _ = render_cards(edition, size, options.bleed_mm * MM)
    font = register_family(edition.booklet.theme.font, content_font_dirs(Path(edition.booklet.root))).regular
    imposed = impose_pdf("cards", [(fronts, "card fronts"), (backs, "card backs")], edition, options, font)
    extra = {"backs": imposed.files[1]} if len(imposed.files) > 1 else {}
    sheets = imposed.sheets * (1 if extra else 2)
    return BuildResult(imposed.pdf, sheets, edition, time.perf_counter() - started, extra, imposed.instructions)


def render_pdf(edition: Edition, options: BuildOptions) -> tuple[bytes, int]:
    from booklet.layout import plan_booklet
    from booklet.paper import MM
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
        return render_booklet(plan)

    pdf, pages = render(1)
    if options.impose != "none" and pages % 4:
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
