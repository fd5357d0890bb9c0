"""Benchmark: a long booklet built in one process and in two (render/parallel.py) -> wall time, CPU, memory.

The content is a folder with every stroke copied N times (as ../shared/bench/compare.sh
makes its x80 content; default: its peer content x80, about 730 A5 pages). Each run is a
new ``python -m booklet build`` process, alternately with ``BOOKLET_JOBS=1`` and without
(two processes, where the machine has two cores). Printed per way, as medians: the wall
time, the CPU of the build's process tree (user + system of the build and of its second
process, which it waits for), and the peak RSS (os.wait4: the build's own; its second
process is a fork that shares most of its pages until they are written). The two files
are compared byte for byte. The wall time is the figure the second process shortens, and
the one a loaded machine moves most: read the load average printed beside it.

Run: python bench/bench_parallel.py [--source DIR] [--copies 80] [--runs 5] [--build-args "..."]
Asserts nothing (not a test).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_scale import repeated

REPO = Path(__file__).resolve().parent.parent
PEERS = REPO.parent / "shared" / "bench" / "peer-content"


def run(source: Path, out: Path, jobs: str | None, extra: list[str]) -> tuple[float, float, float]:
    """One build in a new process -> (wall s, CPU s of it and its children, peak RSS MB)."""
    env = {k: v for k, v in os.environ.items() if k != "BOOKLET_JOBS"}
    if jobs is not None:
        env["BOOKLET_JOBS"] = jobs
    command = [sys.executable, "-m", "booklet", "build", str(source), "-o", str(out), *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(proc.stderr.read().decode() if proc.stderr else "build failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=PEERS if PEERS.is_dir() else REPO / "content" / "back-massage")
    parser.add_argument("--copies", type=int, default=80)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build-args", default="")
    args = parser.parse_args()
    extra = shlex.split(args.build_args)
    with tempfile.TemporaryDirectory() as work:
        folder = repeated(args.source, args.copies, Path(work) / "content")
        ways = {"one process": "1", "two processes": None}
        outs = {name: Path(work) / f"{i}.pdf" for i, name in enumerate(ways)}
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ways}
        for name, jobs in ways.items():  # a first build of each warms the disk cache
            run(folder, outs[name], jobs, extra)
        for _ in range(args.runs):
            for name, jobs in ways.items():
                figures[name].append(run(folder, outs[name], jobs, extra))
        same = outs["one process"].read_bytes() == outs["two processes"].read_bytes()
        from pypdf import PdfReader

        pages = len(PdfReader(outs["one process"]).pages)
    print(f"{args.source.name} x{args.copies}: {pages} pages, {args.runs} runs each, load {os.getloadavg()[0]:.1f}")
    base = statistics.median(w for w, _, _ in figures["one process"])
    for name, got in figures.items():
        wall = statistics.median(w for w, _, _ in got)
        cpu = statistics.median(c for _, c, _ in got)
        rss = statistics.median(r for _, _, r in got)
        print(
            f"  {name:14} wall {wall * 1e3:7.0f} ms ({wall * 1e3 / pages:.2f} ms/page, {wall / base:.2f}x one)"
            f"  CPU {cpu * 1e3:7.0f} ms  peak RSS {rss:.0f} MB"
        )
    print(f"  files byte-identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
