"""Benchmark: inline markup over long texts full of markers (the scanner must stay linear).

Run: python bench/bench_markup.py. Times to_para + plain over 20,000 repeats of each
marker pattern; the test suite checks the same thing by counting calls instead.
"""

from __future__ import annotations

import time

from booklet.render.markup import plain, to_para


def main() -> None:
    for unit in ("*a ", "**a ", "* ", "*a* ", "***a "):
        text = unit * 20_000
        started = time.perf_counter()
        to_para(text)
        plain(text)
        print(f"{unit!r:>8} x 20,000: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
