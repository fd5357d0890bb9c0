"""PDF bytes + a scheme name + options -> imposed PDF files and printing instructions.

Schemes are a registry (``SCHEMES``): each turns page sizes and options into one
:class:`~booklet.impose.plan.Plan` (a sheet side is a list of placements), and
pdf.py (the only pypdf user) carries out any plan with one loop. The planning
modules are pure; importing this package does not import pypdf.

    saddle.py   page order: saddle stitch, signatures, creep, padding
    sheets.py   which real sheet the spreads go on
    spreads.py  saddle and 2up plans;  grid.py + cards.py  card plans
    trims.py    crop, fold and staple marks, the slug's place
    instructions.py  the plan in words;  marks.py  marks as PDF operators
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from booklet.errors import InputError, clean
from booklet.impose.settings import ImposeOptions

if TYPE_CHECKING:
    from booklet.impose.instructions import Words
    from booklet.impose.plan import Plan

Size = tuple[float, float]
SlugLine = tuple[str, float, float, float, float, bool]
SlugRenderer = Callable[[Sequence[SlugLine], Size], bytes]
MAX_INPUT = 200_000_000  # bytes
DEFAULTS = ImposeOptions()

__all__ = ["SCHEMES", "ImposeOptions", "Imposed", "Scheme", "impose", "impose_file"]


@dataclass(frozen=True)
class Scheme:
    """One imposition: what it does (``--help`` text), what it imposes, and its planner."""

    describe: str
    format: str  # "booklet": reading pages; "cards": card fronts and backs
    plan: Callable[[Sequence[Sequence[Size]], ImposeOptions], Plan]


# The planners load on first use: a build that imposes nothing (and every command that only
# needs the scheme names, as the CLI's choices) does not import the planning modules.
def saddle_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    from booklet.impose.spreads import saddle_plan as plan

    return plan(sizes, options)


def two_up_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    from booklet.impose.spreads import two_up_plan as plan

    return plan(sizes, options)


def card_plan(sizes: Sequence[Sequence[Size]], options: ImposeOptions) -> Plan:
    from booklet.impose.cards import card_plan as plan

    return plan(sizes, options)


SCHEMES: dict[str, Scheme] = {
    "saddle": Scheme(
        "reading pages two-up in saddle-stitch order, for folding and stapling (with --bleed: a press sheet)",
        "booklet",
        saddle_plan,
    ),
    "2up": Scheme(
        "two copies of a small saddle-stitched booklet per sheet, cut apart after folding", "booklet", two_up_plan
    ),
    "cards": Scheme("cards N-up with crop marks, backs placed for duplex printing", "cards", card_plan),
}
LAYOUTS = {name: scheme.describe for name, scheme in SCHEMES.items()}  # booklet impose --layout
BOOKLET_SCHEMES = tuple(name for name, scheme in SCHEMES.items() if scheme.format == "booklet")


@dataclass(frozen=True)
class Imposed:
    """Imposed files (the main one first; card backs second when printed separately), the plan and its instructions."""

    files: tuple[bytes, ...]
    plan: Plan
    instructions: str

    @property
    def pdf(self) -> bytes:
        return self.files[0]

    @property
    def sheets(self) -> int:
        return self.plan.sheets

    @property
    def pages(self) -> int:
        return self.plan.pages


def impose(
    scheme: str,
    inputs: Sequence[tuple[bytes, str]],
    options: ImposeOptions = DEFAULTS,
    *,
    slugs: SlugRenderer | None = None,
    words: Words | None = None,
) -> Imposed:
    """PDFs (bytes, name for messages) + a scheme -> imposed files.

    Cards take two PDFs (fronts, backs) or one whose pages alternate front, back.
    """
    if scheme not in SCHEMES:
        raise InputError(f"unknown imposition {scheme!r} (expected {', '.join(SCHEMES)})")
    from booklet.impose import pdf
    from booklet.impose.instructions import instructions, slug_text, wording

    say = wording(words)
    sources = [pdf.open_pdf(data, name, options.bleed_pt) for data, name in inputs]
    try:
        plan = SCHEMES[scheme].plan([source.sizes for source in sources], options)
    except ValueError as exc:
        raise InputError(f"{inputs[0][1]}: {exc}") from None
    job = clean(options.job or inputs[0][1], 80)
    plan = replace(
        plan,
        sides=tuple(
            replace(side, slug=replace(side.slug, text=slug_text(side, plan, job, say))) if side.slug else side
            for side in plan.sides
        ),
    )
    overlay = None
    lines = [(s.text, s.x, s.y, s.room, s.size, s.vertical) for side in plan.sides if (s := side.slug)]
    if slugs is not None and lines:
        overlay = pdf.open_pdf(slugs(lines, plan.sheet), "slug")
    seed = b"".join(data for data, _ in inputs) + repr(options).encode()
    files = pdf.apply_plan(plan, sources, overlay=overlay, seed=seed)
    return Imposed(tuple(files), plan if overlay else _unslugged(plan), instructions(plan, say))


def _unslugged(plan: Plan) -> Plan:
    """The plan as carried out without a slug renderer: no slug lines."""
    return replace(plan, sides=tuple(replace(side, slug=None) for side in plan.sides))


def impose_file(
    in_path: Path,
    out_path: Path,
    *,
    layout: str = "saddle",
    options: ImposeOptions = DEFAULTS,
    slugs: SlugRenderer | None = None,
) -> Imposed:
    """A PDF on disk (regular file, size-capped) -> imposed bytes and instructions; the caller writes out_path."""
    from booklet.files import UnsafePath, read_regular

    if layout not in SCHEMES:
        raise InputError(f"unknown layout {layout!r} (expected {' or '.join(sorted(SCHEMES))})")
    if layout == "cards" and (options.signature or options.creep_mm or options.paper_thickness_mm):
        raise InputError("--signature, --creep and --paper-thickness apply to the saddle and 2up layouts only")
    if Path(out_path).resolve() == Path(in_path).resolve():
        raise InputError(f"{out_path}: the output would replace the input; choose another name")
    try:
        data = read_regular(Path(in_path), MAX_INPUT)
    except UnsafePath as exc:
        raise InputError(f"{in_path}: {exc}") from None
    name = clean(Path(in_path).name)
    return impose(layout, [(data, name)], replace(options, job=options.job or name), slugs=slugs)
