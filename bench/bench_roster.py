"""Benchmark: roster throughput (recipients per second) on each executor, against one warm build.

Run: python bench/bench_roster.py [--recipients 1000] [--formats booklet]
Prints, for the shipped content: a single warm build's rate (builds per second in one
process, content loaded once), then the whole roster with `local` on 1 and 2 workers and
with a Dask LocalCluster of 2 workers, each as recipients/s, the speed-up over one
worker, peak memory per worker, output bytes per recipient, and the estimate for
100,000 recipients that follows from the measured figures. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from booklet.build import build_recipient, load_booklet  # noqa: E402  (returns files, pages, warnings)
from booklet.errors import BookletError  # noqa: E402
from booklet.roster import load_roster  # noqa: E402
from booklet.roster_run import plan_run, run_roster  # noqa: E402

SOURCE = REPO / "content" / "back-massage"
AUDIENCES = ("home", "large-print", "student")
ZONES = ("shoulders", "neck", "hips", "")


def make_roster(folder: Path, count: int) -> Path:
    """A roster of ``count`` varied recipients (audience, cap, zones, a caution each)."""
    rows = ["id,name,audience,pressure,avoid,light,cautions"]
    for i in range(count):
        zone = ZONES[i % len(ZONES)]
        cap = ("light", "moderate", "")[i % 3]
        rows.append(f"r{i:06d},Recipient {i},{AUDIENCES[i % 3]},{cap},{zone},,warning: Ask before each stroke ({i})")
    path = folder / "roster.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def warm_rate(booklet, recipients, formats: tuple[str, ...], runs: int) -> float:
    """Builds per second in this process once warm: the floor a worker can reach."""
    build_recipient(booklet, recipients[0], formats)  # warm: imports, fonts, figures
    times = []
    for recipient in recipients[1 : runs + 1]:
        started = time.perf_counter()
        build_recipient(booklet, recipient, formats)
        times.append(time.perf_counter() - started)
    return 1 / statistics.median(times)


def roster_rate(booklet, roster: Path, formats, executor: str, workers: int) -> tuple[float, float, int]:
    """Recipients/s for the whole roster, peak RSS (MB) of a worker, output bytes."""
    recipients = load_roster(roster, booklet, formats)
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        plan = plan_run(SOURCE, Path(booklet.root), recipients, formats, Path(out))
        started = time.perf_counter()
        receipts = run_roster(plan, Path(out), executor, workers)
        seconds = time.perf_counter() - started
        failed = [r for r in receipts if not r.ok]
        if failed:
            raise SystemExit(f"{len(failed)} recipients failed: {failed[0].errors[:1]}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        size = sum(p.stat().st_size for p in Path(out).glob("*.pdf"))
    return len(recipients) / seconds, max(peak, before) / 1024, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--formats", default="booklet")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    formats = tuple(args.formats.split(","))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    booklet = load_booklet(SOURCE)
    with tempfile.TemporaryDirectory() as folder:
        roster = make_roster(Path(folder), args.recipients)
        recipients = load_roster(roster, booklet, formats)
        single = warm_rate(booklet, recipients, formats, 20)
        print(f"single warm build: {single:.2f} recipients/s ({1000 / single:.0f} ms each)")
        rows = [("local", 1), ("local", 2)] + ([] if args.skip_dask else [("dask", 2)])
        results = {}
        for executor, workers in rows:
            try:
                rate, peak_mb, size = roster_rate(booklet, roster, formats, executor, workers)
            except BookletError as exc:  # the dask extra not installed: said in one line, the rest still measured
                print(f"{executor:>6} x{workers}: not measured: {exc}")
                continue
            results[(executor, workers)] = rate
            print(
                f"{executor:>6} x{workers}: {rate:6.2f} recipients/s  {rate / single:4.2f}x one warm build  "
                f"{rate / results.get(('local', 1), rate):4.2f}x local x1  peak worker {peak_mb:5.0f} MB  "
                f"{size / args.recipients / 1024:5.0f} KB/recipient"
            )
        per_core = results[("local", 1)]
        per_recipient_kb = size / args.recipients / 1024
        cores_hours = 100_000 / per_core / 3600
        print(
            f"100,000 recipients: {cores_hours:.1f} core-hours at {per_core:.2f}/s per core "
            f"(e.g. {cores_hours / 16:.1f} h on 16 cores), {per_recipient_kb * 100_000 / 1024 / 1024:.1f} GB of PDFs"
        )


if __name__ == "__main__":
    main()
