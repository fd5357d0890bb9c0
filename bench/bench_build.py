"""Benchmark: whole-process `booklet build`, render time per page, peak memory, and scaling.

Run: python bench/bench_build.py [--runs N]. Prints figures; asserts nothing (not a test).
"""

from __future__ import annotations

import argparse
import inspect
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def whole_process(runs: int) -> list[float]:
    """`python -m booklet build` from a clean folder, as a user runs it."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "booklet", "build"], cwd=folder, check=True, stdout=subprocess.DEVNULL
            )
            times.append(time.perf_counter() - started)
    return times


def peak_memory_mb() -> float:
    """Peak RSS of one build in a child process."""
    with tempfile.TemporaryDirectory() as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([sys.executable, "-m", "booklet", "build"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def in_process(runs: int) -> tuple[float, float, int]:
    """Import cost, then median render time of the shipped booklet after imports."""
    started = time.perf_counter()
    import booklet.render.booklet  # noqa: F401
    from booklet.build import BuildOptions, build, load_booklet

    imports = time.perf_counter() - started
    booklet = load_booklet(None)
    build(booklet, BuildOptions())  # fonts and caches warm
    times, pages = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        result = build(booklet, BuildOptions())
        times.append(time.perf_counter() - t)
        pages = result.pages
    return imports, statistics.median(times), pages


def illustration_cost(runs: int) -> tuple[float, float]:
    """Median cold build (fresh diagram caches) with the real diagrams, and with empty drawings instead."""
    from booklet.build import BuildOptions, build, load_booklet
    from booklet.illustrate import diagram

    booklet = load_booklet(None)

    def cold() -> float:
        diagram._diagram.cache_clear()
        diagram._avoid_map.cache_clear()
        started = time.perf_counter()
        build(booklet, BuildOptions())
        return time.perf_counter() - started

    with_pictures = statistics.median(cold() for _ in range(runs))
    real = diagram._diagram, diagram._avoid_map
    diagram._diagram = empty_like(diagram._diagram)  # type: ignore[assignment]
    diagram._avoid_map = empty_like(diagram._avoid_map)  # type: ignore[assignment]
    try:
        without = statistics.median(cold() for _ in range(runs))
    finally:
        diagram._diagram, diagram._avoid_map = real
    return with_pictures, without


def empty_like(drawer):
    """A diagram function -> a stand-in taking the same arguments that returns an empty Drawing of the same size.

    The arguments are bound by the real function's signature, so the stand-in keeps up
    when the drawing functions gain or reorder parameters.
    """
    from reportlab.graphics.shapes import Drawing

    signature = inspect.signature(drawer.__wrapped__)

    def empty(*args, **kwargs):
        given = signature.bind(*args, **kwargs).arguments
        return Drawing(given["width_pt"], given["height_pt"])

    empty.cache_clear = lambda: None  # type: ignore[attr-defined]
    return empty


def synthetic(strokes: int) -> tuple[int, float]:
    """A booklet of many copies of the shipped strokes: (pages, seconds)."""
    from booklet.build import BuildOptions, build, load_booklet

    booklet = load_booklet(None)
    copies = [
        replace(s, id=f"{s.id}-{i}", name=f"{s.name} {i}")
        for i in range(strokes // len(booklet.strokes) + 1)
        for s in booklet.strokes
    ][:strokes]
    big = replace(booklet, strokes=tuple(copies), routine=None)
    started = time.perf_counter()
    result = build(big, BuildOptions(audience="home"))
    return result.pages, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    whole = whole_process(args.runs)
    print(
        f"whole process `booklet build`: median {statistics.median(whole) * 1000:.0f} ms "
        f"(min {min(whole) * 1000:.0f}, max {max(whole) * 1000:.0f}, {args.runs} runs)"
    )
    print(f"peak memory of one build: {peak_memory_mb():.1f} MB")
    imports, render, pages = in_process(args.runs)
    print(
        f"imports: {imports * 1000:.0f} ms; warm build: {render * 1000:.1f} ms for {pages} pages "
        f"= {render * 1000 / pages:.2f} ms/page"
    )
    with_pictures, without = illustration_cost(args.runs)
    print(
        f"build with diagrams {with_pictures * 1000:.0f} ms, with empty drawings {without * 1000:.0f} ms: "
        f"illustrations add {(with_pictures / without - 1) * 100:.0f}% to the render "
        f"(whole process: {(with_pictures - without) / statistics.median(whole) * 100:.0f}%)"
    )
    for n in (100, 300, 600):
        pages, seconds = synthetic(n)
        print(f"synthetic {n} strokes: {pages} pages in {seconds:.2f} s = {seconds * 1000 / pages:.2f} ms/page")


if __name__ == "__main__":
    main()
