"""Benchmark: the hostile inputs that used to take tens of seconds, each timed end to end.

Run: python bench/bench_hostile.py. Prints seconds per case; asserts nothing (not a test).
Cases (issue 17): a vocabulary that multiplies a step, an empty vocabulary term, a long
`continued` label on a 200-step stroke, "did you mean" over many names, a long QR URL,
and a YAML syntax error deep in a large file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "handwash"


def run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "booklet", *args], cwd=cwd, capture_output=True, text=True)
    first = (done.stderr or done.stdout).splitlines()[:1]
    return time.perf_counter() - started, done.returncode, first[0][:110] if first else ""


def folder(base: Path, name: str) -> Path:
    target = base / name
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    path.write_text(text.replace(old, new, 1))


def cases(base: Path) -> dict[str, tuple[list[str], Path]]:
    out: dict[str, tuple[list[str], Path]] = {}
    vocab = folder(base, "vocabulary")
    edit(vocab / "booklet.yaml", "theme:", "vocabulary:\n  the: " + "x" * 190 + "\ntheme:")
    edit(vocab / "booklet.yaml", "    font_scale: 1.3", "    font_scale: 1.3\n    vocabulary: anatomical")
    edit(vocab / "strokes/lather.yaml", "  - Scrub your thumbs", "  - " + "the " * 1000 + "\n  - Scrub your thumbs")
    out["vocabulary x150 substitutions"] = (["build", str(vocab), "-o", str(base / "v.pdf")], vocab)
    empty = folder(base, "empty-term")
    edit(empty / "booklet.yaml", "theme:", "vocabulary:\n  '': anatomical\ntheme:")
    out["empty vocabulary term"] = (["build", str(empty), "-o", str(base / "e.pdf")], empty)
    label = folder(base, "continued")
    steps = "".join(f"  - Step number {i} of a very long stroke, done slowly and with care.\n" for i in range(200))
    edit(label / "strokes/lather.yaml", "steps:\n", "steps:\n" + steps)
    edit(label / "booklet.yaml", "theme:", "labels:\n  continued: '{title} " + "(continued) " * 300 + "'\ntheme:")
    out["200 steps, 3,600-char continued label"] = (["build", str(label), "-o", str(base / "c.pdf")], label)
    hints = folder(base, "hints")
    tags = ", ".join(f"tag-{i:05d}" for i in range(400))
    edit(hints / "strokes/lather.yaml", "pressure:", f"tags: [{tags}]\npressure:")
    unknown = ", ".join(f"nope-{i:05d}" for i in range(400))
    edit(hints / "booklet.yaml", "    exclude: [rinse]", f"    exclude: [{unknown}]")
    out["400 unknown names x 400 tags"] = (["validate", str(hints)], hints)
    url = folder(base, "url")
    edit(url / "booklet.yaml", "url: https://example.org/hand-hygiene", "url: https://example.org/" + "a" * 3000)
    out["3,020-char reference URL"] = (["validate", str(url)], url)
    syntax = folder(base, "syntax")
    padding = "".join(f"  - Item {i}\n" for i in range(40_000))
    (syntax / "booklet.yaml").write_text("id: x\ntitle: X\nkeywords:\n" + padding + " bad: indent\n")
    out["syntax error after 40,000 lines"] = (["validate", str(syntax)], syntax)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name, (args, where) in cases(base).items():
            seconds, code, first = run(args, base)
            print(f"{name:<40} {seconds:6.2f} s  exit {code}  {first.replace(str(where), '...')}")


if __name__ == "__main__":
    main()
