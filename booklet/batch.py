"""Booklet + audiences x formats -> many PDFs, built in parallel processes.

The parent loads and validates the content once, then forks workers that inherit it;
each worker imports the renderer on its first job (in parallel, rather than serially in
the parent) and stays warm for the rest, so each edition costs about what a single
build costs after start-up. One failing edition never stops the others: its error is
reported with the rest at the end. Every job writes through write.write_files under
its default name, and the names are checked to be distinct before anything is built.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from booklet.build import build, output_names
from booklet.errors import BookletError, OptionError
from booklet.model import Booklet
from booklet.options import FORMATS, IMPOSE, BuildOptions, choice_list, did_you_mean

# What `batch -f` can ask for: each format, and each booklet imposition by its scheme name.
BATCH_FORMATS: dict[str, BuildOptions] = {
    **{name: BuildOptions(format=name) for name in FORMATS},
    **{name: BuildOptions(impose=name) for name in IMPOSE if name != "none"},
}

COST = {"saddle": 3, "cards": 2, "booklet": 1}  # relative build time, for scheduling


@dataclass(frozen=True)
class Job:
    """One build of a batch: an audience, a format and a language."""

    audience: str | None
    format: str
    lang: str | None = None  # None: the content's own language

    @property
    def label(self) -> str:
        return f"{self.audience or 'default'} / {self.format}" + (f" / {self.lang}" if self.lang else "")

    @property
    def options(self) -> BuildOptions:
        return replace(BATCH_FORMATS[self.format], audience=self.audience, lang=self.lang)


@dataclass(frozen=True)
class JobResult:
    """What one job wrote (paths, pages, size, time), or the errors that stopped it."""

    job: Job
    paths: tuple[Path, ...] = ()
    summary: str = ""  # pages, sheets and sides, as build reports them
    size: int = 0
    seconds: float = 0.0
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def plan_jobs(
    booklet: Booklet, audiences: tuple[str, ...], formats: tuple[str, ...], languages: tuple[str | None, ...] = ()
) -> list[Job]:
    """Every language x audience x format asked for, once each; all audiences and formats when none
    are named, the content's own language when no language is.

    An unknown format or audience is an OptionError (a command-line mistake), and so
    are two jobs whose outputs would share a name.
    """
    for fmt in formats:
        if fmt not in BATCH_FORMATS:
            hint = did_you_mean(fmt, tuple(BATCH_FORMATS))
            raise OptionError(f"-f: unknown format '{fmt}' (expected {choice_list(tuple(BATCH_FORMATS))}){hint}")
    known = tuple(a.id for a in booklet.audiences)
    for audience in audiences:
        if audience not in known:
            raise OptionError(
                f"-a: unknown audience '{audience}' "
                + (f"(expected {choice_list(known)}){did_you_mean(audience, known)}" if known else "(none defined)")
            )
    names = tuple(dict.fromkeys(audiences)) or known or (None,)
    langs = tuple(dict.fromkeys(languages)) or (None,)
    kinds = tuple(dict.fromkeys(formats)) or tuple(BATCH_FORMATS)
    jobs = [Job(a, f, lang) for lang in langs for a in names for f in kinds]
    seen: dict[str, Job] = {}
    for job in jobs:
        for name in output_names(booklet, job.options):
            if name in seen:
                raise OptionError(f"{job.label} and {seen[name].label} would both write {name}")
            seen[name] = job
    return jobs


def check_translations(booklet: Booklet, languages: tuple[str, ...]) -> list[str]:
    """Each language's PO file read and checked once, before any build (and before forking, so
    workers inherit the parsed files) -> its warning lines; a missing or broken one raises."""
    from booklet.build import in_language

    return [warning for lang in dict.fromkeys(languages) for warning in in_language(booklet, lang)[1]]


_BOOKLET: Booklet | None = None  # set in the parent before forking; workers inherit it


def run_job(job: Job, out_dir: str) -> JobResult:
    """Build and write one edition x format; user errors become a failed result."""
    from booklet.warm import builds_again
    from booklet.write import write_files

    assert _BOOKLET is not None
    builds_again()
    started = time.perf_counter()
    try:
        result = build(_BOOKLET, job.options)
        paths = write_files(result.files, folder=Path(out_dir), inputs=[Path(_BOOKLET.root)])
    except BookletError as exc:
        return JobResult(job, seconds=time.perf_counter() - started, errors=tuple(exc.lines()))
    size = sum(len(data) for data in result.files.values())
    return JobResult(job, tuple(paths), result.summary(), size, time.perf_counter() - started)


def run_batch(booklet: Booklet, jobs: list[Job], out_dir: Path, workers: int | None = None) -> Iterator[JobResult]:
    """Yield each job's result as it finishes."""
    global _BOOKLET
    _BOOKLET = booklet
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    if workers == 1:
        for job in jobs:
            yield run_job(job, str(out_dir))
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    # Longest jobs first, so the last one to finish is a short one.
    ordered = sorted(jobs, key=lambda job: COST.get(job.format, 2), reverse=True)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[JobResult], Job] = {pool.submit(run_job, job, str(out_dir)): job for job in ordered}
        for future in as_completed(futures):
            yield future.result()
