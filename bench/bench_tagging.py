"""Benchmark: what tagging, PDF/UA-1 and PDF/A-2b cost in a whole-process default build.

Run: python bench/bench_tagging.py. Times, as medians of several runs:
- the whole process, ``python -m booklet build`` of the shipped guide (what a user waits for);
- in one warm process, the reading edition drawn untagged (render only) and as shipped
  (tagged while drawing, then finished in ReportLab's save: structure tree, XMP, output
  intent); both get the same repairs (subset tags, ToUnicode maps).
The cost is the warm difference, as a share of the whole-process build without it (no
library is imported for it). The issue's budget for making it the default: 15%.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from booklet.build import load_booklet, prepare, reading_edition, render_pdf
from booklet.options import BuildOptions
from booklet.shipped import default_source

RUNS = 7


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def whole_process() -> float:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "book.pdf"
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "booklet", "build", "-o", str(out)], check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    return median_ms(times)


def warm() -> tuple[float, float]:
    booklet = load_booklet(default_source())
    options = BuildOptions()
    edition = prepare(booklet, None)
    render_pdf(edition, options)
    reading_edition(edition, options)
    plain, tagged = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        render_pdf(edition, options)
        plain.append(time.perf_counter() - started)
        started = time.perf_counter()
        reading_edition(edition, options)
        tagged.append(time.perf_counter() - started)
    return median_ms(plain), median_ms(tagged)


def main() -> None:
    total = whole_process()
    plain, tagged = warm()
    cost = tagged - plain
    share = 100 * cost / (total - cost)
    print(f"whole-process default build: {total:.0f} ms")
    print(f"warm render untagged {plain:.0f} ms, tagged and finished {tagged:.0f} ms")
    print(f"cost of tagging, PDF/UA-1 and PDF/A-2b: {cost:.0f} ms = {share:.1f}% of the build without them")


if __name__ == "__main__":
    main()
