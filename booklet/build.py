"""The pipeline, in order: load -> validate -> select audience -> lay out -> render -> impose -> write.

Each step is its own module; this one only hands the output of one to the next.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from booklet.errors import BookletError
from booklet.model import Booklet, Edition
from booklet.paper import Paper, parse_paper

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
    pdf_standard: tuple[str, ...] = ()  # ua-1, a-2b, a-2a, a-3b; empty: tagged, PDF/UA-1 + PDF/A-2b


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
    standards = pdf_standards(options)
    if options.format == "cards":
        return build_cards(edition, options, started)
    reading = options.impose == "none"
    if reading and options.pdf_standard and "ua-1" in standards:
        from booklet.render.alt import check_accessible

        check_accessible(edition.booklet)
    from booklet.render.tagging import Recorder

    tags = Recorder(edition.booklet.language) if reading else None
    pdf, pages = render_pdf(edition, options, tags)
    instructions = ""
    from booklet.finish import finish_print, finish_reading

    if options.impose == "saddle":
        from booklet.impose import SADDLE_HOW
        from booklet.impose.apply import impose_saddle

        pdf = impose_saddle(pdf, sheet=options.sheet, signature=options.signature, creep_mm=options.creep_mm)
        instructions = SADDLE_HOW
        pdf = finish_print(pdf, f"saddle-stitched booklet sheets. {SADDLE_HOW}")
    else:
        sources = source_files(Path(booklet.root)) if "a-3b" in standards else None
        strict = bool(options.pdf_standard)
        pdf = finish_reading(pdf, tags.root if tags else None, standards, strict=strict, sources=sources)
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
    from booklet.finish import finish_print

    pdf = finish_print(pdf, f"card sheets. {how}")
    separate = finish_print(separate, f"card backs. {how}") if separate else separate
    extra = {"backs": separate} if separate else {}
    sheets = len(plan.sheets) * (1 if separate else 2)
    return BuildResult(pdf, sheets, edition, time.perf_counter() - started, extra, how)


def pdf_standards(options: BuildOptions) -> tuple[str, ...]:
    from booklet.finish import DEFAULT_STANDARDS, check_standards

    return check_standards(options.pdf_standard) if options.pdf_standard else DEFAULT_STANDARDS


def source_files(root: Path) -> list[tuple[str, bytes]]:
    """The content folder's files, by path relative to it, for a PDF/A-3 build to carry."""
    from booklet.files import content_sources

    return content_sources(root)


def render_pdf(edition: Edition, options: BuildOptions, tags: Any = None) -> tuple[bytes, int]:
    """lay out -> render; a render.tagging.Recorder given as ``tags`` records the structure."""
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
        return render_booklet(plan, tags)

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
