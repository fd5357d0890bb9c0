"""Benchmark: a warm rebuild after a one-line edit, from save to written PDF (what `booklet watch` does).

Run: python bench/bench_watch.py. Copies the shipped content to a temporary folder, builds
once to warm up, then edits one stroke line and times `rebuild` ten times.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from booklet.options import BuildOptions
from booklet.shipped import default_source
from booklet.watch import rebuild


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "content"
        shutil.copytree(default_source(), source)
        output = Path(folder) / "out.pdf"
        options = BuildOptions()
        rebuild(source, options, output)
        stroke = source / "strokes" / "raking.yaml"
        original = stroke.read_text()
        times = []
        for i in range(10):
            stroke.write_text(original.replace("summary: Curved", f"summary: Edit {i}, curved"))
            started = time.perf_counter()
            event = rebuild(source, options, output)
            times.append(time.perf_counter() - started)
            assert not event.errors, event.errors
        print(
            f"warm rebuild after a one-line edit: median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; {event.summary})"
        )


if __name__ == "__main__":
    main()
