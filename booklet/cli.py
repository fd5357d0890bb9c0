"""Click commands: parse options, call the pipeline, print, exit.

The only module that talks to the terminal or exits. Every user-caused failure
becomes one line per problem and exit 1; a bad command line is Click's exit 2;
anything else is a bug and keeps its traceback (always with --debug).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from booklet import __version__
from booklet.errors import BookletError, clean
from booklet.impose import LAYOUTS


class PaperType(click.ParamType):
    """A paper name or WxHmm, checked at the command line."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from booklet.paper import parse_paper

        try:
            parse_paper(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        return str(value)


PAPER = PaperType()


class BookletGroup(click.Group):
    """Turns user errors into `file:line:col: error: ...` lines and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BookletError as exc:
            if ctx.params.get("debug"):
                raise
            for line in exc.lines():
                click.echo(clean(line, 400), err=True)
            ctx.exit(1)
        except (ValueError, OSError, RecursionError, MemoryError) as exc:
            if ctx.params.get("debug") or not _user_caused(exc):
                raise
            click.echo(f"error: {clean(str(exc), 400)}", err=True)
            ctx.exit(1)


def _user_caused(exc: BaseException) -> bool:
    """OS errors about files the user named (missing, unwritable) are theirs, not bugs."""
    return isinstance(exc, OSError) and exc.filename is not None


@click.group(cls=BookletGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
@click.option("--debug", is_flag=True, help="Show tracebacks for every error.")
def main(debug: bool) -> None:
    """Turn technique content written in YAML into print-ready PDFs."""


source_argument = click.argument("source", required=False, type=click.Path(path_type=Path))


def out_dir_option(default: str, text: str) -> Any:
    return click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=text,
    )


@main.command()
@source_argument
@click.option("-a", "--audience", help="Edition to build (an audience id).")
@click.option("-f", "--format", "fmt", type=click.Choice(["booklet", "cards"]), default="booklet", show_default=True)
@click.option("--paper", type=PAPER, help="Reading page: a4, a5, a6, letter, half-letter or WxHmm.")
@click.option(
    "--impose",
    type=click.Choice(["none", "saddle"]),
    default="none",
    show_default=True,
    help="saddle: two-up on sheets in saddle-stitch order.",
)
@click.option("--fillable", is_flag=True, help="Checklists also get PDF form check boxes.")
@click.option("--card", type=click.Choice(["a6", "index", "business"]), default="a6", show_default=True)
@click.option("--sheet", type=click.Choice(["a4", "letter"]), help="Sheet for cards or imposition.")
@click.option("--duplex", type=click.Choice(["long-edge", "short-edge"]), default="long-edge", show_default=True)
@click.option("--backs", type=click.Choice(["duplex", "separate"]), default="duplex", show_default=True)
@click.option("--back-offset", default="0x0mm", show_default=True, help="Shift card backs, XxYmm.")
@click.option("--bleed", "bleed_mm", type=click.FloatRange(0, 10), default=0.0, help="Bleed in mm.")
@click.option("--creep", "creep_mm", type=click.FloatRange(0, 5), default=0.0, help="Creep compensation in mm.")
@click.option("--signature", type=click.IntRange(1, 64), help="Sheets per signature.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file.")
def build(source: Path | None, audience: str | None, fmt: str, output: Path | None, **options: Any) -> None:
    """Build a booklet or cards PDF from SOURCE (default: the shipped back-massage guide)."""
    from booklet.build import BuildOptions, load_booklet
    from booklet.build import build as run
    from booklet.write import output_name, write_atomic

    started = time.perf_counter()
    booklet = load_booklet(source)
    result = run(booklet, BuildOptions(audience=audience, format=fmt, **options))
    impose = options["impose"] if options["impose"] != "none" else None
    target = output or Path("output") / output_name(booklet.id, audience, fmt, impose=impose)
    inputs = [Path(booklet.root)]
    written = write_atomic(target, result.pdf, inputs=inputs)
    for suffix, data in result.extra.items():
        write_atomic(written.with_name(f"{written.stem}-{suffix}.pdf"), data, inputs=inputs)
    seconds = time.perf_counter() - started
    click.echo(f"wrote {written} ({result.pages} pages, {len(result.pdf) / 1024:.0f} KB, {seconds:.2f} s)")
    if result.instructions:
        click.echo(result.instructions)


@main.command()
@source_argument
def validate(source: Path | None) -> None:
    """Check SOURCE; print every problem, then exit 1 (0 when clean)."""
    from booklet.build import load_booklet

    booklet = load_booklet(source)
    click.echo(f"{booklet.id}: ok ({len(booklet.strokes)} strokes, {len(booklet.audiences)} audiences)")


@main.command(name="list")
@source_argument
def list_(source: Path | None) -> None:
    """List the strokes, checklists, audiences and formats of SOURCE."""
    from booklet.build import FORMATS, load_booklet

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
    click.echo("  " + ", ".join(FORMATS) + " (booklet also --impose saddle)")


@main.command()
@source_argument
@click.option("-a", "--audience", "audiences", multiple=True, help="Audience to build (repeatable; default all).")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["booklet", "cards", "saddle"]),
    help="Format to build (repeatable; default all: booklet, cards, saddle-imposed booklet).",
)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Parallel processes (default: CPU cores).")
@out_dir_option("output", "Output folder.")
def batch(
    source: Path | None, audiences: tuple[str, ...], formats: tuple[str, ...], jobs: int | None, out_dir: Path
) -> None:
    """Build every audience x format of SOURCE in parallel; report failures at the end."""
    from booklet.batch import JobResult, plan_jobs, run_batch
    from booklet.build import load_booklet

    started = time.perf_counter()
    booklet = load_booklet(source)
    work = plan_jobs(booklet, audiences, formats)
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
    click.echo(f"{'file':<44} {'pages':>5} {'size':>8} {'seconds':>8}")
    for r in results:
        name = str(r.path) if r.path else f"FAILED {r.job.label}"
        click.echo(f"{name:<44} {r.pages:>5} {r.size / 1024:>6.0f}KB {r.seconds:>8.2f}")
    failed = [r for r in results if not r.ok]
    click.echo(f"{len(results) - len(failed)} built, {len(failed)} failed in {time.perf_counter() - started:.2f} s")
    for r in failed:
        click.echo(f"{r.job.label}:", err=True)
        for line in r.errors:
            click.echo(f"  {clean(line, 400)}", err=True)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("in_pdf", type=click.Path(path_type=Path))
@click.argument("out_pdf", type=click.Path(path_type=Path))
@click.option(
    "--layout",
    type=click.Choice(sorted(LAYOUTS)),
    default="saddle",
    show_default=True,
    help="; ".join(f"{name}: {what}" for name, what in sorted(LAYOUTS.items())),
)
@click.option("--sheet", type=click.Choice(["a4", "letter"]), help="Sheet size (default: from the pages).")
@click.option("--signature", type=click.IntRange(1, 64), help="Sheets per signature.")
@click.option("--creep", "creep_mm", type=click.FloatRange(0, 5), default=0.0, help="Creep compensation in mm.")
def impose(in_pdf: Path, out_pdf: Path, layout: str, sheet: str | None, signature: int | None, creep_mm: float) -> None:
    """Impose any PDF: reading pages two-up in saddle-stitch order (or cards N-up)."""
    from booklet.impose import impose_file
    from booklet.write import write_atomic

    report = impose_file(in_pdf, out_pdf, layout=layout, sheet=sheet, signature=signature, creep_mm=creep_mm)
    write_atomic(out_pdf, report.pdf, inputs=[in_pdf])
    click.echo(f"wrote {out_pdf} ({report.sheets} sheets from {report.pages} pages)")
    click.echo(report.instructions)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--title", help="Title of the new booklet.")
def new(path: Path, title: str | None) -> None:
    """Create a content folder at PATH that validates and builds at once."""
    from booklet.scaffold import scaffold

    for written in scaffold(path, title):
        click.echo(f"created {written}")
    click.echo(f"next: booklet watch {path}")


@main.command()
@source_argument
@click.option("-a", "--audience", help="Edition to preview.")
@click.option("-f", "--format", "fmt", type=click.Choice(["booklet", "cards"]), default="booklet", show_default=True)
@click.option("--pages", help="Pages to render, e.g. 1-3,5 (default: all).")
@click.option("--dpi", type=click.IntRange(20, 300), default=60, show_default=True)
@out_dir_option("output/preview", "Folder for the PNGs and the contact sheet.")
def preview(source: Path | None, audience: str | None, fmt: str, pages: str | None, dpi: int, out_dir: Path) -> None:
    """Render pages to PNG and write a contact sheet of them."""
    from booklet.build import BuildOptions, load_booklet
    from booklet.build import build as run
    from booklet.preview import write_preview
    from booklet.write import output_name

    booklet = load_booklet(source)
    result = run(booklet, BuildOptions(audience=audience, format=fmt))
    stem = output_name(booklet.id, audience, fmt).removesuffix(".pdf")
    shown = write_preview(result.pdf, out_dir, stem, pages, dpi)
    click.echo(f"wrote {len(shown.pages)} pages to {out_dir}/ and the contact sheet {shown.sheet}")


@main.command()
@source_argument
@click.option("-a", "--audience", help="Edition to build.")
@click.option("-f", "--format", "fmt", type=click.Choice(["booklet", "cards"]), default="booklet", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file.")
@click.option(
    "--interval", type=click.FloatRange(0.05, 10), default=0.2, show_default=True, help="Seconds between checks."
)
def watch(source: Path | None, audience: str | None, fmt: str, output: Path | None, interval: float) -> None:
    """Rebuild on every save; print pages and time, or the errors. Ctrl-C stops."""
    from booklet.build import BuildOptions, load_booklet
    from booklet.watch import Event
    from booklet.watch import watch as loop
    from booklet.write import output_name

    booklet_id = load_booklet(source).id
    target = output or Path("output") / output_name(booklet_id, audience, fmt)

    def report(event: Event) -> None:
        stamp = time.strftime("%H:%M:%S")
        if event.errors:
            click.echo(f"[{stamp}] {len(event.errors)} problem(s):", err=True)
            for line in event.errors:
                click.echo(f"  {clean(line, 400)}", err=True)
        else:
            click.echo(f"[{stamp}] wrote {event.path} ({event.pages} pages, {event.seconds * 1000:.0f} ms)")

    click.echo(f"watching {source or 'the shipped content'}; Ctrl-C to stop")
    try:
        loop(source, target, report, options=BuildOptions(audience=audience, format=fmt), interval=interval)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@click.option("--kind", type=click.Choice(["booklet", "stroke", "audience"]), default="booklet", show_default=True)
def schema(kind: str) -> None:
    """Print the JSON Schema of booklet, stroke or audience files (for editors)."""
    import json

    from booklet.jsonschema import json_schema

    click.echo(json.dumps(json_schema(kind), indent=1))


@main.command()
@source_argument
@click.option("-a", "--audience", help="Edition to check (default: every edition).")
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings.")
def lint(source: Path | None, audience: str | None, strict: bool) -> None:
    """Content checks beyond the schema: cautions, card-sized steps, self-consistency, reading level."""
    from booklet.audience import make_edition
    from booklet.build import load_booklet
    from booklet.lint import lint as check

    booklet = load_booklet(source)
    wanted: list[str | None] = [audience] if audience else [a.id for a in booklet.audiences] or [None]
    total = 0
    seen: set[str] = set()
    for audience_id in wanted:
        edition = make_edition(booklet, audience_id) if audience_id else make_edition(booklet, None)
        warnings, grade = check(edition)
        fresh = [w for w in warnings if str(w) not in seen]  # text every edition shares warns once
        seen.update(str(w) for w in warnings)
        for warning in fresh:
            click.echo(clean(str(warning), 400))
        total += len(fresh)
        click.echo(
            f"reading level: Flesch-Kincaid grade {grade:.1f} ({edition.name or 'default edition'}); "
            f"{len(fresh)} warning(s)"
        )
    if strict and total:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
