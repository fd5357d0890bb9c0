"""Benchmark: a real `booklet watch` session with scripted one-line edits -> the rebuild times it reports,
and whether its last file equals a cold build of the same content, byte for byte.

Where bench_watch.py times `rebuild` inside one process, this runs the command as an
author does: `python -m booklet watch` on a copy of the shipped guide, in its own
process, its output read line by line. Each scripted edit changes one line of one
stroke file (a step's words, a tip's words, a word with a character no page used
before), waits for the line watch prints for it ("[12:00:01] wrote ... (20 pages,
38 ms)") and keeps the milliseconds it reports (its own timer: load, build and write).
The edits go round the strokes, each edit building on the last, as in an editing
session. At the end the file watch wrote is compared with `booklet build` of the edited
content in a new process.

Run: python bench/bench_watch_session.py [--edits 20] [--source DIR] [--build-args "..."]
Prints the reported times (median, quartiles, min, max) with the load average, the first
edit's time on its own (it pays for what the session had not drawn yet), and the
byte-for-byte verdict. Asserts nothing; exits 1 only if watch stops or writes no file.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from booklet.shipped import default_source

REPORT = re.compile(r"^\[\d\d:\d\d:\d\d\] wrote .* \((?P<summary>.*), (?P<ms>\d+) ms\)$")
NEW_CHARACTERS = "ØŽŧĦŋĸÐÞŒĲ"  # in NotoSans, on no page of the shipped guide
Edit = Callable[[str, int], str]


def _first_list_item(text: str, field: str) -> tuple[int, int] | None:
    """Where the first item of a top-level YAML list ``field`` ends (before its newline), or None."""
    match = re.search(rf"^{field}:\n  - [^\n]*", text, flags=re.M)
    return (match.start(), match.end()) if match else None


def _append_to_first(field: str, words: Callable[[int], str]) -> Edit:
    """An edit that adds words to the end of the first item of a stroke's ``field`` list."""

    def edit(text: str, i: int) -> str:
        place = _first_list_item(text, field)
        if place is None:
            return text
        end = place[1]
        line = text[place[0] : end]
        if line.endswith(('"', "'")):  # a quoted scalar: add inside the quotes
            end -= 1
        return text[:end] + words(i) + text[end:]

    return edit


EDITS: list[tuple[str, Edit]] = [
    ("step text", _append_to_first("steps", lambda i: f" Go on slowly ({i}).")),
    ("tip text", _append_to_first("tips", lambda i: f" Ask how it feels ({i}).")),
    ("new character", _append_to_first("steps", lambda i: f" {NEW_CHARACTERS[i % len(NEW_CHARACTERS)]}")),
]


def _reader(stream, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put("")  # the command ended


def _next_report(lines: queue.Queue[str], timeout: float) -> tuple[str, float] | None:
    """The next 'wrote' line watch prints -> (summary, reported ms); None if it stopped or timed out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if line == "":
            return None
        found = REPORT.match(line)
        if found:
            return found["summary"], float(found["ms"])
        if "error" in line:
            print(f"  watch: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--source", type=Path, default=None, help="content folder (default: the shipped guide)")
    parser.add_argument("--build-args", default="", help="options for both watch and build, e.g. '-a large-print'")
    args = parser.parse_args()
    extra = shlex.split(args.build_args)
    source = args.source or default_source()
    work = Path(tempfile.mkdtemp(prefix="booklet-watch-session-"))
    try:
        content = work / "content"
        shutil.copytree(source if source.is_dir() else source.parent, content)
        strokes = sorted((content / "strokes").glob("*.yaml"))
        out = work / "watched.pdf"
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        command = [sys.executable, "-m", "booklet", "watch", str(content), "-o", str(out), *extra]
        watch = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_reader, args=(watch.stdout, lines), daemon=True).start()
        try:
            first = _next_report(lines, 120)
            if first is None:
                print("watch wrote no file")
                return 1
            print(f"first build: {first[1]:.0f} ms ({first[0]})")
            times: list[tuple[str, float]] = []
            for i in range(args.edits):
                kind, edit = EDITS[i % len(EDITS)]
                path = strokes[(i // len(EDITS)) % len(strokes)]
                text = path.read_text(encoding="utf-8")
                changed = edit(text, i)
                if changed == text:
                    continue
                time.sleep(0.25)  # past watch's poll, so each save is seen on its own
                path.write_text(changed, encoding="utf-8")
                report = _next_report(lines, 60)
                if report is None:
                    print(f"watch stopped at edit {i + 1}")
                    return 1
                times.append((kind, report[1]))
        finally:
            watch.terminate()
            watch.wait(10)
        load = os.getloadavg()[0]
        ms = [t for _, t in times]
        if not ms:
            print("no edit applied")
            return 1
        quartiles = statistics.quantiles(ms, n=4) if len(ms) > 1 else [ms[0]] * 3
        print(
            f"{len(ms)} edits, reported rebuild: median {statistics.median(ms):.0f} ms "
            f"(quartiles {quartiles[0]:.0f}-{quartiles[2]:.0f}, min {min(ms):.0f}, max {max(ms):.0f}), load {load:.2f}"
        )
        print(f"  first edit: {ms[0]:.0f} ms; the rest: median {statistics.median(ms[1:] or ms):.0f} ms")
        for kind, _ in EDITS:
            own = [t for k, t in times if k == kind]
            if own:
                print(f"  {kind:<14} median {statistics.median(own):5.0f} ms over {len(own)}")
        cold = work / "cold.pdf"
        subprocess.run(
            [sys.executable, "-m", "booklet", "build", str(content), "-o", str(cold), *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        same = out.read_bytes() == cold.read_bytes()
        verdict = "equals" if same else "DIFFERS FROM"
        print(f"watch's last file {verdict} a cold build of the edited content, byte for byte")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
