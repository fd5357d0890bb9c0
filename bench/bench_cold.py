"""Benchmark: where a cold `booklet build` spends its time, phase by phase, in fresh processes.

Run: python bench/bench_cold.py [SOURCE] [--runs N]. Each run is a new interpreter, set up
as the booklet command sets up its process for a plain ``build SOURCE -o FILE``
(booklet/start.py, fastpath.py: no Click), that times, in CPU milliseconds: starting,
loading and validating the content, preparing the edition (fonts, glyphs), and rendering
(tagged, then finished and saved: structure tree, PDF/A, repairs, written in ReportLab's
own save; the finisher's share is shown on its own, though the tree's objects are
formatted in the save), then the slowest imports (the minimum of `-X importtime` over
the runs). Medians are printed with the load average, since on a shared machine every
figure moves with it. For the ratio against the hand-placed canvas floor and Typst, use
../shared/bench/compare.sh. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PHASES = r"""
import json, sys, time
clock = time.process_time
marks = [("start", clock())]
from booklet.start import started
started()  # as the booklet command starts: collector paused, shapes unchecked
import booklet.fastpath, booklet.compiled, booklet.deferred  # noqa: F401,E401  (start.run, a plain build)
marks.append(("start (plain build: no Click)", clock()))
from booklet import build as pipeline
from booklet.options import parse_options
booklet = pipeline.load_booklet(sys.argv[1] if sys.argv[1] != "-" else None)
marks.append(("load + validate", clock()))
options = parse_options({})
edition = pipeline.prepare(booklet, options.audience)
marks.append(("prepare (fonts, glyphs)", clock()))
from booklet.finish import DEFAULT_STANDARDS, reading
from booklet.render.tagging import Recorder
tags = Recorder(edition.booklet.language)
finish = reading(tags.root, DEFAULT_STANDARDS)
inside = []
def timed(canv):
    started = clock()
    finish(canv)
    inside.append(clock() - started)
pdf, pages = pipeline.render_pdf(edition, options, tags, timed)
marks.append(("render, tagged, finished, saved", clock()))
print(json.dumps({"pages": pages, "marks": marks, "finisher": sum(inside)}))
"""


def env() -> dict[str, str]:
    """This checkout first on the path; bytecode written, as an installed booklet has it."""
    variables = dict(os.environ, PYTHONPATH=str(REPO))
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    return variables


def phases(source: str, runs: int) -> tuple[dict[str, list[float]], int]:
    found: dict[str, list[float]] = defaultdict(list)
    pages = 0
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PHASES, source], env=env(), capture_output=True, text=True, check=True, cwd="/"
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        pages = result["pages"]
        marks = result["marks"]
        for (_, before), (name, after) in zip(marks, marks[1:], strict=False):
            found[name].append((after - before) * 1000)
        found["  of it, the finisher before the save"].append(result["finisher"] * 1000)
        found["total (interpreter start included)"].append(marks[-1][1] * 1000)
    return found, pages


def slowest_imports(source: str, runs: int, top: int) -> list[tuple[float, float, str]]:
    """(cumulative ms, self ms, module) of the slowest imports of `booklet build`, minimum over the runs."""
    cumulative: dict[str, list[int]] = defaultdict(list)
    own: dict[str, list[int]] = defaultdict(list)
    with_args = [] if source == "-" else [source]
    out = Path(tempfile.mkdtemp()) / "cold.pdf"
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "booklet", "build", *with_args, "-o", str(out)],
            env=env(),
            capture_output=True,
            text=True,
            check=False,
            cwd="/tmp",
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            mine, total, name = line[len("import time:") :].split("|")
            own[name.rstrip()].append(int(mine))
            cumulative[name.rstrip()].append(int(total))
    rows = [(min(cumulative[n]) / 1000, min(own[n]) / 1000, n) for n in cumulative]
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", nargs="?", default="-", help="content folder (default: the shipped guide)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    found, pages = phases(args.source, args.runs)
    print(
        f"cold build of {args.source if args.source != '-' else 'the shipped guide'}: {pages} pages, "
        f"{args.runs} fresh processes, load average {os.getloadavg()[0]:.1f}"
    )
    for name, values in found.items():
        print(f"  {name:38s} {statistics.median(values):7.1f} ms CPU (min {min(values):.1f})")
    print(f"slowest imports (min of {args.runs} runs: cumulative, self):")
    for total, own, name in slowest_imports(args.source, args.runs, args.top):
        print(f"  {total:7.1f} {own:7.1f}  {name}")


if __name__ == "__main__":
    main()
