"""Click commands: parse options, call the pipeline, print, exit.

The only module that talks to the terminal or exits. One exit-code rule: anything
wrong on the command line (a bad option value, an option that does not apply, an
audience or format the content lacks) is one line and exit 2; anything wrong in the
files is one line per problem and exit 1; success is 0. Anything else is a bug and
keeps its traceback (always with --debug). Build options come from options.OPTIONS.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

import booklet.compiled  # noqa: F401  (first: dataclasses made from here on reuse their compiled methods)
import booklet.deferred  # noqa: F401  (before ReportLab: PIL's image module and pyphen load at first use)
from booklet import __version__
from booklet.errors import BookletError, OptionError, clean
from booklet.fastpath import build_and_report, report
from booklet.impose import LAYOUTS
from booklet.lint_checks import CHECKS as LINT_CHECKS
from booklet.options import OPTIONS, SHEETS, Option, choice_list
from booklet.preview import SHEET_LAYOUTS

EXIT_CODES = """\b
Exit codes:
  0  success
  1  a problem in the files: content (file:line:col: error: ...), a PDF to impose, an output path
  2  a problem on the command line: an unknown command or option, a bad value, an option
     that does not apply, an audience or format the content does not define
"""


class BookletGroup(click.Group):
    """Applies the exit-code rule: command-line mistakes exit 2 in one line, file problems exit 1."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "booklet"
            click.echo(f"error: {clean(exc.format_message(), 400)} (see '{where} --help')", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("stopped", err=True)
            sys.exit(1)
        # The process ends here: spare the interpreter's last full collection, which walks every
        # object still alive (0.4 s after a 900-page build); reference counting frees the rest.
        gc.freeze()
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BookletError as exc:
            if ctx.params.get("debug"):
                raise
            for line in exc.lines():
                click.echo(clean(line, 400), err=True)
            ctx.exit(2 if isinstance(exc, OptionError) else 1)
        except (ValueError, OSError, RecursionError, MemoryError) as exc:
            if ctx.params.get("debug") or not _user_caused(exc):
                raise
            click.echo(f"error: {clean(str(exc), 400)}", err=True)
            ctx.exit(1)


def _user_caused(exc: BaseException) -> bool:
    """OS errors about files the user named (missing, unwritable) are theirs, not bugs."""
    return isinstance(exc, OSError) and exc.filename is not None


@click.group(
    name="booklet",
    cls=BookletGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES,
)
@click.version_option(__version__, prog_name="booklet")
@click.option("--debug", is_flag=True, help="Show a traceback for every error, user mistakes included.")
def main(debug: bool) -> None:
    """Turn technique content written in YAML into print-ready PDFs.

    SOURCE, where a command takes one, is a content folder (holding booklet.yaml,
    strokes/ and audiences/) or a booklet YAML file; without it, the shipped
    back-massage guide is used. Start with `booklet new my-guide`.
    """
    from booklet.logs import route_libraries

    route_libraries()  # pypdf, svglib, Pillow ... never print on their own


SOURCE_HELP = "SOURCE: a content folder or booklet YAML file (default: the shipped back-massage guide)."
source_argument = click.argument("source", required=False, type=click.Path(path_type=Path))


def click_option(option: Option) -> Callable[[Any], Any]:
    """An options.OPTIONS row -> its Click option: same flags, help and choices as the library's parser."""
    if option.is_flag:
        return click.option(*option.flags, option.field, is_flag=True, default=False, help=option.help)
    if option.choices is not None:
        kind: click.ParamType = click.Choice(list(option.choices), case_sensitive=False)
        if option.multiple:
            return click.option(*option.flags, option.field, type=kind, multiple=True, help=option.help)
        return click.option(*option.flags, option.field, type=kind, default=None, help=option.help)
    return click.option(*option.flags, option.field, default=None, metavar=option.metavar, help=option.help)


def build_options(*only: str) -> Callable[[Any], Any]:
    """Decorate a command with the build options (all of them, or the fields named)."""
    chosen = [o for o in OPTIONS if not only or o.field in only]

    def decorate(command: Any) -> Any:
        for option in reversed(chosen):
            command = click_option(option)(command)
        return command

    return decorate


def checked(values: dict[str, Any]) -> Any:
    """Click's values (None or False where not given) -> BuildOptions, or OptionError (exit 2)."""
    from booklet.options import parse_options

    return parse_options({k: v for k, v in values.items() if v is not None and v is not False and v != ()})


def output_option(text: str) -> Callable[[Any], Any]:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=text)


def out_dir_option(default: str, text: str) -> Callable[[Any], Any]:
    return click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=text,
    )


BUILD_EXAMPLES = """\b
Output names: output/<id>[-<audience>][-<lang>][-<format>][-<paper>][-<card>][-<impose>]...pdf,
listing every option that changes what is printed, so builds never overwrite each
other; -o FILE writes the main file there and any other (card backs) beside it.

\b
Examples:
  booklet build                              the shipped guide -> output/back-massage.pdf
  booklet build my-guide -a large-print      one edition of your content
  booklet build my-guide --paper a6          A6 pages -> output/<id>-a6.pdf
  booklet build my-guide --impose saddle     two-up sheets to fold and staple
  booklet build my-guide -f cards --card index --backs separate
  booklet build my-guide --lang de          the German edition, from translations/de.po
  booklet build my-guide -o print/guide.pdf
"""


@main.command(short_help="Build one booklet or card PDF from SOURCE.", epilog=BUILD_EXAMPLES)
@source_argument
@build_options()
@output_option("Output file (default: output/ and a name built from the options, see below).")
def build(source: Path | None, output: Path | None, **values: Any) -> None:
    """Build one edition of SOURCE as a booklet or as cards.

    SOURCE is a content folder or booklet YAML file (default: the shipped
    back-massage guide). Prints what it wrote, with pages (and sheets and sides for
    cards and impositions), size and time, then how to print it.
    """
    started = time.perf_counter()
    build_and_report(source, output, checked(values), click.echo, started)


@main.command(short_help="Check SOURCE for every problem a build could hit; exit 1 if any.")
@source_argument
@click.option(
    "--lang",
    "languages",
    multiple=True,
    metavar="LANG",
    help="Check the edition in this language instead (repeatable): translations/LANG.po is read, its "
    "translations must keep the placeholders, markup and links of the source, and every edition and "
    "format must build with them (cards that overflow are reported at the PO line).",
)
def validate(source: Path | None, languages: tuple[str, ...]) -> None:
    """Check SOURCE and print every problem as file:line:col: error: where: what.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide).
    Checks the files against the format, then does what a build does for every
    edition and format (fonts, missing glyphs, cards that do not fit, pages that
    cannot be laid out), so it exits 0 only when every build would succeed. With
    --lang, the same for each language's edition, problems in the PO file at its lines.
    """
    from booklet.build import load_booklet
    from booklet.check import check_builds, check_languages, editions

    booklet = load_booklet(source)
    if languages:
        for warning in check_languages(booklet, tuple(checked({"lang": lang}).lang for lang in languages)):
            click.echo(clean(warning, 400), err=True)
    else:
        check_builds(booklet)
    count = len(editions(booklet))
    langs = f" in {', '.join(languages)}" if languages else ""
    click.echo(
        f"{booklet.id}: ok ({len(booklet.strokes)} strokes, {len(booklet.audiences)} audiences; "
        f"{count} edition{'s' if count != 1 else ''} x booklet and cards build{langs})"
    )


@main.command(short_help="Write or update SOURCE/translations/LANG.po for a translator.")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--lang", "language", required=True, metavar="LANG", help="Language to translate into: de, fr, pt-BR ...")
def translate(source: Path, language: str) -> None:
    """Write translations/LANG.po in the content folder SOURCE, or update it after the content changed.

    One entry per string of the content (msgid: the text as written; context: the
    field it comes from; comments: file:line). Translations already there are kept;
    a string that changed becomes fuzzy, with its old text kept; one that is gone
    becomes obsolete. Fill it in with any PO editor (Poedit, Lokalize, Weblate), then
    `booklet validate SOURCE --lang LANG` and `booklet build SOURCE --lang LANG`.
    """
    from booklet.build import load_booklet
    from booklet.translation.update import update_translation

    lang = checked({"lang": language}).lang
    path, counts, written = update_translation(load_booklet(source), lang)
    click.echo(f"{'wrote' if written else 'unchanged:'} {path} ({counts.summary()})")


@main.command(name="list", short_help="List the strokes, checklists, audiences and formats of SOURCE.")
@source_argument
def list_(source: Path | None) -> None:
    """List what SOURCE holds: strokes, checklists, audiences (the ids -a takes) and formats.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide).
    """
    from booklet.batch import BATCH_FORMATS
    from booklet.build import load_booklet

    booklet = load_booklet(source)
    click.echo(f"{booklet.title} ({booklet.id})")
    click.echo("strokes:")
    for stroke in booklet.strokes:
        tags = f"  [{', '.join(stroke.tags)}]" if stroke.tags else ""
        click.echo(f"  {stroke.id:<20} {stroke.name} · {stroke.pressure}{tags}")
    click.echo("checklists:")
    for checklist in booklet.checklists:
        click.echo(f"  {checklist.id:<20} {checklist.title} ({checklist.placement}, {len(checklist.items)} items)")
    click.echo("audiences:")
    for audience in booklet.audiences:
        mark = " (default)" if audience.id == booklet.default_audience else ""
        click.echo(f"  {audience.id:<20} {audience.name}{mark}")
    click.echo("formats:")
    click.echo("  " + ", ".join(BATCH_FORMATS) + " (batch -f names; build: -f booklet|cards, --impose)")
    from booklet.translation import FOLDER

    translated = sorted(p.stem for p in (Path(booklet.root) / FOLDER).glob("*.po"))
    click.echo("languages:")
    click.echo(f"  {booklet.language} (as written)" + "".join(f", {lang}" for lang in translated))
    if translated:
        click.echo(f"  ({FOLDER}/<lang>.po: build --lang <lang>; update with booklet translate)")


BATCH_EXAMPLES = """\b
Examples:
  booklet batch my-guide                     every audience x booklet, cards and saddle
  booklet batch my-guide -a kids -f cards    one audience, one format
  booklet batch my-guide -j 2 -o print/      two processes, into print/
  booklet batch my-guide --lang de --lang fr every audience x format, in German and in French
  booklet batch my-guide --roster people.csv -f booklet -f cards -o out/
  booklet batch my-guide --roster people.csv --executor dask://10.0.0.5:8786 -o /shared/out
"""


@main.command(short_help="Build every audience x format of SOURCE in parallel.", epilog=BATCH_EXAMPLES)
@source_argument
@click.option(
    "-a",
    "--audience",
    "audiences",
    multiple=True,
    metavar="ID",
    help="Audience to build; repeat for more. Default: every audience (the standard edition if there are none).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    help="Format to build; repeat for more: booklet, cards or an imposition scheme (saddle). Default: all of them.",
)
@click.option(
    "--lang",
    "languages",
    multiple=True,
    metavar="LANG",
    help="Language to build (translations/LANG.po); repeat for more: every language x audience x format. "
    "Default: the content's own language.",
)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Parallel processes, 1 to 64. Default: the CPU cores.")
@click.option(
    "--roster",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A CSV or YAML list of recipients: build each their own edition (see docs/roster.md).",
)
@click.option(
    "--executor",
    default="local",
    show_default=True,
    metavar="local|dask|dask://HOST:PORT",
    help="With --roster: a local process pool, a Dask LocalCluster, or a running Dask scheduler.",
)
@click.option(
    "--force", is_flag=True, help="With --roster: rebuild every recipient, even those the manifest shows done."
)
@out_dir_option("output", "Output folder; files get the names `booklet build` gives them.")
def batch(
    source: Path | None,
    audiences: tuple[str, ...],
    formats: tuple[str, ...],
    languages: tuple[str, ...],
    jobs: int | None,
    roster: Path | None,
    executor: str,
    force: bool,
    out_dir: Path,
) -> None:
    """Build every audience x format of SOURCE in parallel and report each file.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide).
    One failing edition does not stop the others; failures are listed at the end
    and make the exit code 1. With --roster, each recipient gets their own edition
    (ROSTER-ID.pdf, ROSTER-ID-cards.pdf, ...) and the output folder a manifest.json.
    """
    from booklet.batch import JobResult, check_translations, plan_jobs, run_batch
    from booklet.build import load_booklet
    from booklet.warm import collect_again

    collect_again()  # the run goes on (a worker pool, Dask's scheduler): collect cycles (start.py)
    if roster is None and (executor != "local" or force):
        raise click.UsageError("--executor and --force apply only with --roster")
    if roster is not None:
        if languages:
            raise click.UsageError("--lang does not apply with --roster: the roster names each language")
        if audiences:
            raise click.UsageError("-a/--audience does not apply with --roster: the roster names each audience")
        if not (executor in ("local", "dask") or executor.startswith("dask://")):
            raise click.BadParameter(
                f"'{executor}' (expected local, dask or dask://HOST:PORT)", param_hint="--executor"
            )
        _roster_batch(source, roster, formats, jobs, executor, force, out_dir)
        return
    started = time.perf_counter()
    booklet = load_booklet(source)
    langs = tuple(checked({"lang": lang}).lang for lang in languages)
    work = plan_jobs(booklet, audiences, formats, langs)
    for warning in check_translations(booklet, langs):  # a missing or broken PO file fails before any build
        click.echo(clean(warning, 400), err=True)
    results: list[JobResult] = []
    bar: Any
    with click.progressbar(
        length=len(work),
        label=f"Building {len(work)} PDFs",
        file=sys.stderr,
        item_show_func=lambda r: r.job.label if r else None,
    ) as bar:
        for result in run_batch(booklet, work, out_dir, jobs):
            results.append(result)
            bar.update(1, result)
    order = {job: i for i, job in enumerate(work)}
    results.sort(key=lambda r: order[r.job])
    click.echo(f"{'file':<52} {'contents':<28} {'size':>8} {'seconds':>8}")
    for r in results:
        name = ", ".join(p.name for p in r.paths) if r.ok else f"FAILED {r.job.label}"
        click.echo(f"{name:<52} {r.summary:<28} {r.size / 1024:>6.0f}KB {r.seconds:>8.2f}")
    failed = [r for r in results if not r.ok]
    click.echo(f"{len(results) - len(failed)} built, {len(failed)} failed in {time.perf_counter() - started:.2f} s")
    for r in failed:
        _echo_problems(f"{r.job.label}:", r.errors)
    if failed:
        sys.exit(1)


def _echo_problems(heading: str, lines: tuple[str, ...]) -> None:
    """A heading on stderr, then each problem indented under it, cleaned for the terminal."""
    click.echo(heading, err=True)
    for line in lines:
        click.echo(f"  {clean(line, 400)}", err=True)


def _roster_batch(
    source: Path | None,
    roster: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    executor: str,
    force: bool,
    out_dir: Path,
) -> None:
    """One edition per roster recipient; progress by count, failures by roster line and id, never by name."""
    from booklet.build import ROSTER_FORMATS, load_booklet, resolve_source
    from booklet.roster import load_roster
    from booklet.roster_run import Receipt, plan_run, run_roster

    unknown = [f for f in formats if f not in ROSTER_FORMATS]
    if unknown:
        raise click.BadParameter(f"'{unknown[0]}' (expected {', '.join(ROSTER_FORMATS)})", param_hint="-f/--format")
    started = time.perf_counter()
    booklet = load_booklet(source)
    recipients = load_roster(roster, booklet, tuple(ROSTER_FORMATS))
    plan = plan_run(resolve_source(source), Path(booklet.root), recipients, formats or ("booklet",), out_dir, force)
    order = {r.id: i for i, r in enumerate(recipients)}
    with click.progressbar(length=len(recipients), label=f"{len(recipients)} recipients", file=sys.stderr) as bar:

        def progress(_receipt: Receipt) -> None:
            bar.update(1)

        receipts = run_roster(plan, out_dir, executor, jobs, progress=progress, order=order)
    failed = sorted((r for r in receipts if not r.ok), key=lambda r: order[r.id])
    built = sum(1 for r in receipts if r.ok and not r.skipped)
    skipped = sum(1 for r in receipts if r.skipped)
    total = sum(f.bytes for r in receipts for f in r.files)
    click.echo(
        f"{built} built, {skipped} up to date, {len(failed)} failed in {time.perf_counter() - started:.2f} s "
        f"({total / 1024 / 1024:.1f} MB); manifest: {out_dir / 'manifest.json'}"
    )
    for r in sorted((r for r in receipts if r.warnings), key=lambda r: order[r.id]):
        _echo_problems(f"recipient {r.id} (roster line {r.line}): {len(r.warnings)} warnings", r.warnings)
    for r in failed:
        _echo_problems(f"recipient {r.id} (roster line {r.line}):", r.errors)
    if failed:
        sys.exit(1)


IMPOSE_EXAMPLES = """\b
Examples:
  booklet impose guide.pdf sheets.pdf                     A5 pages two-up on A4, saddle order
  booklet impose guide.pdf sheets.pdf --sheet letter --signature 4 --creep 0.3
  booklet impose a6.pdf sheets.pdf --layout 2up           two A6 booklets per A4 sheet
  booklet impose cards.pdf sheets.pdf --layout cards      front, back, front, ... N-up
"""


@main.command(short_help="Impose any PDF: pages two-up for saddle stitching, or cards N-up.", epilog=IMPOSE_EXAMPLES)
@click.argument("in_pdf", type=click.Path(path_type=Path))
@click.argument("out_pdf", type=click.Path(path_type=Path))
@click.option(
    "--layout",
    type=click.Choice(sorted(LAYOUTS)),
    default="saddle",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in sorted(LAYOUTS.items())) + ".",
)
@click.option(
    "--sheet",
    type=click.Choice(list(SHEETS)),
    help=f"Printer sheet: {choice_list(SHEETS)}. Default: the smallest standard sheet that holds "
    "two pages at 100% (A5 -> A4, landscape A5 -> A4 bound at the top), A4 or Letter for cards.",
)
@click.option(
    "--signature",
    type=click.IntRange(1, 64),
    help="Sheets folded together, 1 to 64 (saddle, 2up). Default: one stack of all sheets.",
)
@click.option(
    "--creep",
    "creep_mm",
    type=click.FloatRange(0, 5),
    default=0.0,
    help="Creep compensation in mm, 0 to 5 (saddle, 2up): the per-page shift toward the fold of the innermost "
    "sheet; sheets between move in equal steps. Default: 0.",
)
@click.option(
    "--paper-thickness",
    "paper_thickness_mm",
    type=click.FloatRange(0, 1),
    default=0.0,
    help="Paper thickness in mm (saddle, 2up): computes the creep, one thickness per sheet inward. Default: 0.",
)
@click.option(
    "--pad",
    type=click.Choice(["before-last", "end"]),
    default="before-last",
    show_default=True,
    help="Where blank pages go to make a multiple of 4: before the last page, so the back cover stays last, "
    "or at the end.",
)
def impose(in_pdf: Path, out_pdf: Path, layout: str, **values: Any) -> None:
    """Impose IN_PDF onto printer sheets and write OUT_PDF.

    saddle: reading pages two-up in saddle-stitch order, to fold and staple. 2up: two
    copies of a small booklet per sheet, cut apart after folding. cards: a PDF of card
    pages, front and back alternating, placed N-up with crop marks.
    """
    from booklet.impose import ImposeOptions, impose_file
    from booklet.render.slug import default_slug_renderer
    from booklet.write import write_atomic

    started = time.perf_counter()
    settings = ImposeOptions(**values)
    got = impose_file(in_pdf, out_pdf, layout=layout, options=settings, slugs=default_slug_renderer())
    from booklet.finish import finish_print

    sheets = finish_print(got.pdf, f"{layout} imposition of {in_pdf.name}. {got.instructions}")
    write_atomic(out_pdf, sheets, inputs=[in_pdf])
    summary = f"{got.pages} pages on {got.sheets} sheets, {len(got.plan.sides)} sides"
    click.echo(report([out_pdf], summary, len(sheets), time.perf_counter() - started))
    click.echo(got.instructions)


@main.command(short_help="Write the content sources a --pdf-standard a-3b booklet carries into DIR.")
@click.argument("book", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def extract(book: Path, folder: Path) -> None:
    """Extract the content files embedded in BOOK (a PDF/A-3 build) into FOLDER, inside it only."""
    from booklet.finish.extract import extract as extract_sources

    for path in extract_sources(book, folder):
        click.echo(f"wrote {path}")


@main.command(short_help="Create a content folder at PATH that validates and builds at once.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--title", help="Title of the new booklet. Default: made from the folder name.")
def new(path: Path, title: str | None) -> None:
    """Create a content folder at PATH: booklet.yaml, one stroke, one audience and the JSON Schema.

    PATH must not exist yet or be an empty folder. Then run `booklet watch PATH`.
    """
    from booklet.scaffold import scaffold

    for written in scaffold(path, title):
        click.echo(f"created {written}")
    click.echo(f"next: booklet watch {path}")


@main.command(short_help="Render pages of SOURCE to PNG, with a contact sheet.")
@source_argument
@build_options("audience", "lang", "format", "paper", "card", "bleed_mm")
@click.option("--pages", help="Pages to render, e.g. 1-3,5. Default: all.")
@click.option(
    "--dpi", type=click.IntRange(20, 300), default=60, show_default=True, help="Resolution of the PNGs, 20 to 300."
)
@click.option(
    "--spreads",
    is_flag=True,
    help="Write one PNG per spread, facing pages side by side (page 1 alone, then 2|3, 4|5, ...).",
)
@click.option(
    "--sheet",
    type=click.Choice(SHEET_LAYOUTS),
    help="Contact sheet as facing-page spreads or a flat grid of pages. Default: spreads (booklet), pages (cards).",
)
@out_dir_option("output/preview", "Folder for the PNGs and the contact sheet.")
def preview(
    source: Path | None, pages: str | None, dpi: int, spreads: bool, sheet: str | None, out_dir: Path, **values: Any
) -> None:
    """Render pages of one build of SOURCE to PNG files and one contact sheet of them all.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide). A
    booklet's contact sheet shows facing pages side by side, as the booklet is held.
    """
    from booklet.build import build as run
    from booklet.build import load_booklet
    from booklet.preview import write_preview

    options = checked(values)
    cards = options.format == "cards"
    if cards and (spreads or sheet == "spreads"):
        flag = "--spreads" if spreads else "--sheet spreads"
        raise click.UsageError(f"{flag} applies to booklets: card sheets have no facing pages")
    result = run(load_booklet(source), options)
    layout = sheet or ("pages" if cards else "spreads")
    shown = write_preview(result.pdf, out_dir, Path(result.name).stem, pages, dpi, spreads, layout)
    what = "spreads" if spreads else "pages"
    click.echo(f"wrote {len(shown.pages)} {what} to {out_dir}/ and the contact sheet {shown.sheet}")


@main.command(short_help="Rebuild SOURCE on every save; print pages and time, or the errors.")
@source_argument
@build_options()
@output_option("Output file (default: output/ and the name `booklet build` gives).")
@click.option(
    "--interval", type=click.FloatRange(0.05, 10), default=0.2, show_default=True, help="Seconds between checks."
)
def watch(source: Path | None, output: Path | None, interval: float, **values: Any) -> None:
    """Build SOURCE now and again after every save of a YAML, image or font file; Ctrl-C stops.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide). A
    bad edit prints its problems and the watch carries on; the last good files stay.
    """
    from booklet.audience import pick_audience
    from booklet.build import load_booklet
    from booklet.warm import collect_again
    from booklet.watch import Event
    from booklet.watch import watch as loop

    collect_again()  # the watch goes on until Ctrl-C: collect cycles (start.py)
    options = checked(values)
    try:
        booklet = load_booklet(source)
    except BookletError:
        booklet = None  # broken content: the loop reports it and waits for the fix
    if booklet is not None:
        pick_audience(booklet, options.audience)  # a wrong -a is a command-line mistake: exit 2

    def show(event: Event) -> None:
        stamp = time.strftime("%H:%M:%S")
        if event.errors:
            click.echo(f"[{stamp}] {len(event.errors)} problem(s):", err=True)
            for line in event.errors:
                click.echo(f"  {clean(line, 400)}", err=True)
        else:
            written = ", ".join(str(p) for p in event.paths)
            click.echo(f"[{stamp}] wrote {written} ({event.summary}, {event.seconds * 1000:.0f} ms)")
            for warning in event.warnings:
                click.echo(f"  {clean(warning, 400)}", err=True)

    click.echo(f"watching {source or 'the shipped content'}; Ctrl-C to stop")
    try:
        loop(source, show, options=options, output=output, interval=interval)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command(short_help="Print the JSON Schema of booklet, stroke or audience files, for editors.")
@click.option(
    "--kind",
    type=click.Choice(["booklet", "stroke", "audience"]),
    default="booklet",
    show_default=True,
    help="Which file: booklet.yaml, strokes/<id>.yaml or audiences/<id>.yaml.",
)
def schema(kind: str) -> None:
    """Print the JSON Schema of one kind of content file, for editors' YAML completion and checks."""
    import json

    from booklet.jsonschema import json_schema

    click.echo(json.dumps(json_schema(kind), indent=1))


@main.command(short_help="Content checks beyond the schema: cautions, card-sized steps, reading level.")
@source_argument
@click.option("-a", "--audience", metavar="ID", help="Edition to check. Default: every edition.")
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings. Default: warnings only print.")
@click.option(
    "--skip",
    "skips",
    multiple=True,
    type=click.Choice(sorted(LINT_CHECKS)),
    help="Leave out one check that does not fit the topic (repeatable): "
    + "; ".join(f"{k}: {v}" for k, v in sorted(LINT_CHECKS.items()))
    + ". Default: every check.",
)
@click.option(
    "--lang",
    "language",
    metavar="LANG",
    help="Check the edition in this language, from translations/LANG.po: its text, and its reading level "
    "by that language's formula. Default: the content's own language.",
)
def lint(source: Path | None, audience: str | None, strict: bool, skips: tuple[str, ...], language: str | None) -> None:
    """Check the editions of SOURCE for writing problems and self-contradictions; print reading levels.

    SOURCE is a content folder or booklet YAML file (default: the shipped guide).
    """
    from booklet.audience import make_edition
    from booklet.build import in_language, load_booklet, resolve_source
    from booklet.lint import lint as check
    from booklet.lint import source_warnings

    early = [] if "invisible" in skips else source_warnings(resolve_source(source))
    for warning in early:  # read from the files, so they print even when loading then fails
        click.echo(clean(str(warning), 600))
    booklet = load_booklet(source)
    if language:
        booklet, fallbacks = in_language(booklet, checked({"lang": language}).lang)
        for line in fallbacks:  # what still prints in the source language is measured in it too
            click.echo(line)
    wanted: list[str | None] = [audience] if audience else [a.id for a in booklet.audiences] or [None]
    total = len(early)
    seen: set[str] = set()
    explained: list[str] = []
    for audience_id in wanted:
        edition = make_edition(booklet, audience_id) if audience_id else make_edition(booklet, None)
        warnings, level = check(edition, frozenset(skips))
        fresh = [w for w in warnings if str(w) not in seen]  # text every edition shares warns once
        seen.update(str(w) for w in warnings)
        for warning in fresh:
            click.echo(clean(str(warning), 400))
        total += len(fresh)
        click.echo(f"reading level ({edition.name or 'default edition'}): {level}; {len(fresh)} warning(s)")
        if level.explained() not in explained:
            explained.append(level.explained())
    for line in explained:  # what each measure means, once
        click.echo(line)
    if strict and total:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
