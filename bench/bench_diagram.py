"""Benchmark: drawing each shipped stroke's body diagram, uncached (about 2 ms each alone).

Run: python bench/bench_diagram.py.
"""

from __future__ import annotations

import statistics
import time

from reportlab.lib.units import mm

from booklet.build import load_booklet
from booklet.illustrate.diagram import draw_diagram


def main() -> None:
    strokes = [s for s in load_booklet(None).strokes if s.illustration is not None]
    times = []
    for _ in range(5):
        for n, stroke in enumerate(strokes):
            started = time.perf_counter()
            draw_diagram(stroke.illustration, 95 * mm + n + len(times) * 0.01, 124 * mm, avoid=["spine"])
            times.append(time.perf_counter() - started)
    print(f"body diagram: median {statistics.median(times) * 1000:.1f} ms over {len(times)} draws")


if __name__ == "__main__":
    main()
