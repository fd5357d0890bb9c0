"""Booklet + audiences x formats -> many PDFs, built in parallel processes.

The parent loads and validates the content once, then forks workers that inherit it;
each worker imports the renderer on its first job (in parallel, rather than serially in
the parent) and stays warm for the rest, so each edition costs about what a single
build costs after start-up. One failing edition never stops the others: its error is
reported with the rest at the end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from booklet.build import BuildOptions, build
from booklet.errors import BookletError
from booklet.model import Booklet

BATCH_FORMATS = {
    "booklet": BuildOptions(),
    "cards": BuildOptions(format="cards"),
    "saddle": BuildOptions(impose="saddle"),
}


COST = {"saddle": 3, "cards": 2, "booklet": 1}  # relative build time, for scheduling


@dataclass(frozen=True)
class Job:
    audience: str | None
    format: str

    @property
    def label(self) -> str:
        return f"{self.audience or 'default'} / {self.format}"


@dataclass(frozen=True)
class JobResult:
    job: Job
    path: Path | None
    pages: int = 0
    size: int = 0
    seconds: float = 0.0
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def plan_jobs(booklet: Booklet, audiences: tuple[str, ...], formats: tuple[str, ...]) -> list[Job]:
    """Every audience x format asked for; all of them when none are named."""
    names = audiences or tuple(a.id for a in booklet.audiences) or (None,)
    unknown = [f for f in formats if f not in BATCH_FORMATS]
    if unknown:
        raise BookletError(f"unknown format '{unknown[0]}' (expected {', '.join(BATCH_FORMATS)})")
    return [Job(a, f) for a in names for f in (formats or tuple(BATCH_FORMATS))]


_BOOKLET: Booklet | None = None  # set in the parent before forking; workers inherit it


def run_job(job: Job, out_dir: str) -> JobResult:
    """Build and write one edition x format; user errors become a failed result."""
    from booklet.write import output_name, write_atomic

    assert _BOOKLET is not None
    started = time.perf_counter()
    options = replace(BATCH_FORMATS[job.format], audience=job.audience)
    try:
        result = build(_BOOKLET, options)
        impose = "saddle" if options.impose == "saddle" else None
        name = output_name(_BOOKLET.id, job.audience, options.format, impose=impose)
        path = write_atomic(Path(out_dir) / name, result.pdf, inputs=[Path(_BOOKLET.root)])
        for suffix, data in result.extra.items():
            write_atomic(path.with_name(f"{path.stem}-{suffix}.pdf"), data, inputs=[Path(_BOOKLET.root)])
    except BookletError as exc:
        return JobResult(job, None, seconds=time.perf_counter() - started, errors=tuple(exc.lines()))
    return JobResult(job, path, result.pages, len(result.pdf), time.perf_counter() - started)


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
    ordered = sorted(jobs, key=lambda job: COST[job.format], reverse=True)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future[JobResult], Job] = {pool.submit(run_job, job, str(out_dir)): job for job in ordered}
        for future in as_completed(futures):
            yield future.result()
