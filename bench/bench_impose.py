"""Benchmark: saddle-stitch imposition of a 12-page and a 64-page A5 PDF, the shipped booklet, and a build.

Targets: 64 pages in under 1 s; --impose saddle adds under 100 ms to a build.

Run: python bench/bench_impose.py. Prints figures; asserts nothing.
"""

from __future__ import annotations

import io
import statistics
import time

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booklet.build import BuildOptions, build, load_booklet
from booklet.impose import impose


def synthetic(pages: int) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(148 * mm, 210 * mm), invariant=1)
    for n in range(1, pages + 1):
        canv.setFont("Helvetica", 11)
        for line in range(40):
            canv.drawString(15 * mm, (195 - line * 4.5) * mm, f"Page {n}, line {line}: the quick brown fox.")
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def timed(pdf: bytes, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        impose("saddle", [(pdf, "bench")])
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    for pages in (12, 64):
        pdf = synthetic(pages)
        print(f"impose a {pages}-page A5 PDF ({len(pdf) // 1024} KB): {timed(pdf) * 1000:.0f} ms")
    booklet = build(load_booklet(None), BuildOptions()).pdf
    print(f"impose the shipped booklet ({len(booklet) // 1024} KB): {timed(booklet) * 1000:.0f} ms")
    loaded = load_booklet(None)
    plain = statistics.median(_build_seconds(loaded, "none") for _ in range(5))
    saddle = statistics.median(_build_seconds(loaded, "saddle") for _ in range(5))
    print(
        f"warm build {plain * 1000:.0f} ms; with --impose saddle {saddle * 1000:.0f} ms "
        "(one render, Notes pages decided during layout, then imposition)"
    )


def _build_seconds(loaded, impose: str) -> float:
    started = time.perf_counter()
    build(loaded, BuildOptions(impose=impose))
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
