"""Benchmark: a content folder repeated to about 250, 500 and 1,000 pages -> time and peak memory per size.

Each stroke file is copied N times under new ids and names (as `../shared/bench/compare.sh`
makes its x80 content), and each size is built by `python -m booklet build` in its own child
process, so the time is a whole process and the peak RSS is that build's alone (os.wait4).
The sizes are interleaved over the runs, so a change in the machine's load touches them all.
Growth is linear when ms/page stays flat and MB grows by a constant per page: the last
lines fit peak RSS = fixed + per page x pages over the sizes (least squares), print the
MB each extra page costs, how far each size is from the line, and the line at 1,000 pages.

The copies for a size come from two probe builds (pages = fixed + per copy x copies).
A booklet lists at most 500 strokes, so the shipped guide (5 strokes) reaches about 920
A5 pages; a size beyond that is built at the most copies and says so. ``--build-args``
passes options to every build, e.g. "--paper a6" or "-a large-print" (more, smaller
pages per stroke: 1,000 pages and beyond).

Run: python bench/bench_scale.py [--source DIR] [--pages 250,500,1000] [--runs 3]
     [--build-args "--paper a6"] [--checkout TREE ...].
Prints figures (and the load average); asserts nothing (not a test).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_STROKES = 500  # booklet/convert.py MAX_ITEMS: the longest list a booklet file may hold


def repeated(source: Path, copies: int, target: Path) -> Path:
    """A content folder -> the same folder with every stroke present ``copies`` times.

    The first copy keeps its id (so the routine and the audiences' per-stroke overrides
    still find it); the others are ``<id>-<n>``, named ``<name> <n>``, listed after it.
    """
    shutil.copytree(source, target)
    copied: dict[str, list[str]] = {}
    for file in sorted((target / "strokes").glob("*.yaml")):
        text = file.read_text(encoding="utf-8")
        copied[file.stem] = [file.stem]
        for i in range(1, copies):
            copy = re.sub(r"^id: .*$", f"id: {file.stem}-{i}", text, count=1, flags=re.M)
            copy = re.sub(r"^name: (.*)$", rf"name: \1 {i}", copy, count=1, flags=re.M)
            (target / "strokes" / f"{file.stem}-{i}.yaml").write_text(copy, encoding="utf-8")
            copied[file.stem].append(f"{file.stem}-{i}")
    book = (target / "booklet.yaml").read_text(encoding="utf-8")
    flow = re.search(r"^strokes: \[(.*)\]\n", book, flags=re.M)
    block = re.search(r"^strokes:\n((?:- .*\n)+)", book, flags=re.M)
    found = flow or block
    if found is None:
        raise SystemExit(f"{source}/booklet.yaml: no `strokes:` list to repeat")
    listed = [i.strip(" -") for i in re.split(r"[,\n]", found.group(1)) if i.strip(" -")]
    listing = "strokes:\n" + "".join(f"- {c}\n" for i in listed for c in copied.get(i, [i]))
    book = book[: found.start()] + listing + book[found.end() :]
    (target / "booklet.yaml").write_text(book, encoding="utf-8")
    return target


def build_once(
    folder: Path, out: Path, checkout: Path = REPO, options: tuple[str, ...] = ()
) -> tuple[float, float, float]:
    """One whole-process build by ``checkout``'s booklet in a child -> (wall s, CPU s, peak RSS MB of that child).

    CPU time (user + system) of the child is the steadier figure on a shared machine.
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", PYTHONPATH=str(checkout))
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "booklet", "build", str(folder), "-o", str(out), *options],
            env=env,
            cwd=checkout,  # `python -m` puts the working folder first on sys.path, before PYTHONPATH
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise SystemExit(f"build of {folder} failed: {errors.read().decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def line(points: list[tuple[float, float]]) -> tuple[float, float]:
    """(x, y) points -> (intercept, slope) of their least-squares line (slope 0 for one point)."""
    if len({x for x, _ in points}) < 2:
        return (statistics.fmean(y for _, y in points), 0.0)
    slope, intercept = statistics.linear_regression([x for x, _ in points], [y for _, y in points])
    return intercept, slope


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=REPO / "content" / "back-massage")
    parser.add_argument("--pages", default="250,500,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build-args", default="", help='options for every build, e.g. "--paper a6"')
    parser.add_argument(
        "--checkout",
        type=Path,
        action="append",
        help="a booklet source tree to time (repeatable: the trees are interleaved); default this one",
    )
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkout or [REPO]]
    args.source = args.source.resolve()
    targets = [int(p) for p in args.pages.split(",")]
    options = tuple(shlex.split(args.build_args))
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        probes = {}
        for copies in (5, 15):
            build_once(repeated(args.source, copies, root / f"probe{copies}"), root / "probe.pdf", options=options)
            probes[copies] = page_count(root / "probe.pdf")
        per_copy = (probes[15] - probes[5]) / 10
        fixed = probes[5] - 5 * per_copy
        strokes = len(list((args.source / "strokes").glob("*.yaml")))
        most = MAX_STROKES // max(1, strokes)
        folders = {}
        for pages in targets:
            copies = max(1, round((pages - fixed) / per_copy))
            if copies > most:
                print(f"~{pages} pages would need {copies} copies of {strokes} strokes; built with {most}")
                copies = most
            folders[pages] = repeated(args.source, copies, root / f"x{copies}")
        Run = tuple[float, float, float]
        results: dict[tuple[Path, int], list[Run]] = {(c, p): [] for c in checkouts for p in targets}
        loads = []
        for _ in range(args.runs):
            for pages, folder in folders.items():
                for n, checkout in enumerate(checkouts):
                    loads.append(os.getloadavg()[0])
                    results[checkout, pages].append(build_once(folder, root / f"{pages}-{n}.pdf", checkout, options))
        built = " ".join(options) or "default options"
        print(
            f"source {args.source} ({built}), {args.runs} interleaved runs, "
            f"load average {min(loads):.1f}-{max(loads):.1f}"
        )
        for checkout in checkouts:
            memory_points = []
            for pages in targets:
                runs = results[checkout, pages]
                real = page_count(root / f"{pages}-{checkouts.index(checkout)}.pdf")
                seconds = statistics.median(t for t, _, _ in runs)
                cpu = statistics.median(c for _, c, _ in runs)
                memory = max(m for _, _, m in runs)
                memory_points.append((real, memory))
                print(
                    f"{checkout}: ~{pages} pages ({real} built): wall {seconds:.2f} s, CPU {cpu:.2f} s "
                    f"= {cpu * 1000 / real:.2f} CPU ms/page, peak RSS {memory:.0f} MB"
                )
            fixed_mb, per_page = line(memory_points)
            apart = max(abs(m - (fixed_mb + per_page * p)) for p, m in memory_points)
            print(
                f"{checkout}: peak RSS = {fixed_mb:.1f} MB + {per_page * 1000:.1f} KB/page x pages "
                f"(each size within {apart:.1f} MB of that line); at 1,000 pages {fixed_mb + per_page * 1000:.0f} MB"
            )


if __name__ == "__main__":
    main()
