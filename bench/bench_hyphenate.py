"""Benchmark: loading each language's hyphenation patterns, pyphen's way and booklet's, and a German build.

Run: python bench/bench_hyphenate.py. pyphen parses every pattern of a dictionary when
it is opened (78,000 for German); booklet.hyphenate.Patterns only indexes the lines and
parses a pattern when a word looks it up. Both are timed from a cold start of each
dictionary, then a German booklet is built twice in one process (the first build pays
for the patterns, the second finds its hyphenator cached).
"""

from __future__ import annotations

import os
import time

import pyphen

from booklet.hyphenate import Hyphenator, Patterns, hyphenator

LANGUAGES = ["de_DE", "en_US", "es", "fr", "it_IT", "el_GR", "ru_RU"]
GERMAN = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "schreibtisch-de")


def ms(started: float) -> str:
    return f"{(time.perf_counter() - started) * 1000:7.0f} ms"


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f}")
    for code in LANGUAGES:
        path = pyphen.LANGUAGES[code]
        pyphen.hdcache.clear()
        started = time.perf_counter()
        pyphen.Pyphen(lang=code)
        theirs = ms(started)
        started = time.perf_counter()
        Patterns.read(path)
        ours = ms(started)
        print(f"{code:6} pyphen parses all {theirs}   booklet indexes {ours}")
    words = Hyphenator("de")
    started = time.perf_counter()
    words.pieces("Schulterentspannungsübungen")
    print(f"German: first word hyphenated after {ms(started)} (index, then its patterns)")

    from booklet.build import BuildOptions, build, load_booklet

    booklet = load_booklet(GERMAN)
    hyphenator.cache_clear()
    for run in ("first", "second"):
        started = time.perf_counter()
        build(booklet, BuildOptions())
        print(f"German A5 build, {run} in this process: {ms(started)}")


if __name__ == "__main__":
    main()
