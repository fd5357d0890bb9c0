"""Benchmark: a warm rebuild after an edit, from save to written PDF (what `booklet watch` does), per kind of edit.

Run: python bench/bench_watch.py [--runs N] [--phases]. Copies the shipped content to a
temporary folder and builds once to warm up. Then, for each kind of edit (a step's text,
a stroke's name, a character no page used before, a removed step, an edit that adds
pages), it N times edits, times `rebuild` (CPU and wall), and puts the file back with an
untimed rebuild, so every timed rebuild starts from the same content (it says how many runs of
sections render/replay.py replayed instead of laying them out); last, a save that
changes nothing. After every rebuild it calls watch.settle(), as `booklet watch` does
while it waits for the next save (untimed; its median is printed on its own line).
Prints the median per kind with the load average beside it; --phases also splits one
warm rebuild into load+validate, prepare, render (with save) and the finisher. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from booklet.options import BuildOptions
from booklet.render import replay
from booklet.shipped import default_source
from booklet.watch import rebuild, settle

NEW_CHARACTERS = "ØŽŧĦŋĸÐÞŒĲ"  # in NotoSans, on no page of the shipped guide


def _edit(name: str, change: Callable[[str, int], str]) -> tuple[str, Callable[[str, int], str]]:
    return name, change


EDITS: dict[str, tuple[str, Callable[[str, int], str]]] = {
    "step text": _edit(
        "strokes/raking.yaml",
        lambda t, i: t.replace("in a smooth line.", f"in a smooth line, number {i}.", 1),
    ),
    "stroke name": _edit("strokes/raking.yaml", lambda t, i: t.replace("name: Raking\n", f"name: Raking {i}\n", 1)),
    "new character": _edit(
        "strokes/raking.yaml",
        lambda t, i: t.replace("not your nails.", f"not your nails, {NEW_CHARACTERS[i % len(NEW_CHARACTERS)]}.", 1),
    ),
    "removed step": _edit(
        "strokes/raking.yaml",
        lambda t, i: t.replace("  - Change sides and repeat on the other half of the back.\n", "", 1).replace(
            ", change: 6}", "}", 1
        ),
    ),
    "added tip": _edit(
        "strokes/raking.yaml",
        lambda t, i: t.replace("tips:\n", f"tips:\n  - Warm your hands first, tip {i}.\n", 1),
    ),
    "removed tip": _edit(
        "strokes/raking.yaml",
        lambda t, i: t.replace("  - Use a little less oil than for the fan stroke so your fingers do not slip.\n", ""),
    ),
    "added step": _edit(
        "strokes/fan-stroke.yaml",
        lambda t, i: t.replace("tips:\n", f"  - Finish with one slow stroke, number {i}.\ntips:\n", 1),
    ),
    "more pages": _edit(
        "strokes/fan-stroke.yaml",
        lambda t, i: t.replace(
            "tips:\n",
            "tips:\n" + "".join(f"  - A longer tip {i}.{n}, to push the stroke onto more pages.\n" for n in range(14)),
            1,
        ),
    ),
}


SETTLED: list[float] = []  # CPU seconds of each settle()


def timed_rebuild(source: Path, options: BuildOptions, output: Path) -> tuple[float, float]:
    """One rebuild -> (CPU seconds, wall seconds), then settled as watch does; an error in the edit is a bug here."""
    cpu, wall = time.process_time(), time.perf_counter()
    event = rebuild(source, options, output)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert not event.errors, event.errors
    settled()
    return cpu, wall


def settled() -> None:
    started = time.process_time()
    settle()
    SETTLED.append(time.process_time() - started)


def phases(source: Path, options: BuildOptions) -> dict[str, float]:
    """One warm rebuild split into its phases, CPU ms (the finisher runs inside the render's save)."""
    from booklet import build as pipeline
    from booklet.finish import DEFAULT_STANDARDS, reading
    from booklet.render.tagging import Recorder

    clock = time.process_time
    t0 = clock()
    booklet = pipeline.load_booklet(source)
    t1 = clock()
    edition = pipeline.prepare(booklet, options.audience)
    t2 = clock()
    tags = Recorder(edition.booklet.language)
    finish = reading(tags.root, DEFAULT_STANDARDS)
    inside = []

    def timed(canv: object) -> None:
        started = clock()
        finish(canv)
        inside.append(clock() - started)

    pipeline.render_pdf(edition, options, tags, timed)
    t3 = clock()
    return {
        "load + validate": t1 - t0,
        "prepare": t2 - t1,
        "render + save": t3 - t2 - sum(inside),
        "finisher": sum(inside),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--phases", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "content"
        shutil.copytree(default_source(), source)
        output = Path(folder) / "out.pdf"
        options = BuildOptions()
        event = rebuild(source, options, output)
        rebuild(source, options, output)
        settled()
        print(f"warm rebuild of the shipped guide ({event.summary}), {args.runs} runs per kind of edit:")
        everything = []
        for kind, (name, change) in EDITS.items():
            path = source / name
            original = path.read_text(encoding="utf-8")
            cpu, wall, replayed = [], [], []
            for i in range(args.runs):
                edited = change(original, i)
                assert edited != original, kind
                path.write_text(edited, encoding="utf-8")
                c, w = timed_rebuild(source, options, output)
                replayed.append(replay.last["replayed"])
                cpu.append(c * 1000)
                wall.append(w * 1000)
                path.write_text(original, encoding="utf-8")
                rebuild(source, options, output)
                settled()
            everything += cpu
            print(
                f"  {kind:<16} median {statistics.median(cpu):6.1f} ms CPU (min {min(cpu):6.1f}), "
                f"wall {statistics.median(wall):6.1f} ms; runs replayed {min(replayed)}-{max(replayed)}; "
                f"load {os.getloadavg()[0]:.1f}"
            )
        print(f"  {'all edits':<16} median {statistics.median(everything):6.1f} ms CPU")
        stroke = source / "strokes" / "raking.yaml"
        text = stroke.read_text(encoding="utf-8")
        unchanged = []
        for _ in range(args.runs):
            stroke.write_text(text, encoding="utf-8")  # an autosave: new modification time, same content
            unchanged.append(timed_rebuild(source, options, output)[0] * 1000)
        print(f"  {'saved unchanged':<16} median {statistics.median(unchanged):6.1f} ms CPU (last build written again)")
        idle = statistics.median(SETTLED) * 1000
        print(f"  {'settle (idle)':<16} median {idle:6.1f} ms CPU (after each rebuild, untimed)")
        if args.phases:
            runs = []
            for _ in range(args.runs):
                runs.append(phases(source, options))
                settled()
            for phase in runs[0]:
                print(f"  {phase:<16} median {statistics.median(r[phase] for r in runs) * 1000:6.1f} ms CPU")


if __name__ == "__main__":
    main()
