"""A plain `booklet build [SOURCE] [-o FILE]` (fastpath.py, no Click) against the same arguments through Click."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from booklet.fastpath import plain_build
from tests.conftest import FIXTURES, REPO

# The console script's way in (start.run, which takes the fast path) and Click's (cli.main, as before).
FAST = "from booklet.start import run; run()"
CLICK = "from booklet.start import started; started(); from booklet.cli import main; main()"


def _run(code: str, args: list[str], cwd: Path) -> tuple[int, str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    seconds = re.compile(r", \d+\.\d\d s\)")  # the time the report gives
    return done.returncode, seconds.sub(", T s)", done.stdout), done.stderr


@pytest.mark.parametrize(
    ("args", "plain"),
    [
        (["build"], (None, None)),
        (["build", "guide"], (Path("guide"), None)),
        (["build", "guide", "-o", "x.pdf"], (Path("guide"), Path("x.pdf"))),
        (["build", "-o", "x.pdf", "guide"], (Path("guide"), Path("x.pdf"))),
        (["build", "--output", "x.pdf"], (None, Path("x.pdf"))),
        (["build", "--output=x.pdf", "guide"], (Path("guide"), Path("x.pdf"))),
        (["build", "guide", "-a", "kids"], None),  # any build option: Click's
        (["build", "guide", "-o"], None),  # Click says the value is missing
        (["build", "-o", "a.pdf", "-o", "b.pdf"], None),
        (["build", "a", "b"], None),  # Click says there is an extra argument
        (["build", "--", "guide"], None),
        (["build", "-oX.pdf"], None),
        (["build", ""], None),
        (["build", "--output="], None),
        (["build", "--help"], None),
        (["--debug", "build"], None),
        (["validate", "guide"], None),
        ([], None),
    ],
)
def test_which_command_lines_are_plain_builds(args, plain):
    assert plain_build(args) == plain


def test_a_path_click_would_refuse_goes_to_click(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    assert plain_build(["build", "-o", str(folder)]) is None  # Click: "File ... is a directory."
    assert plain_build(["build", str(folder), "-o", str(tmp_path / "new.pdf")]) == (folder, tmp_path / "new.pdf")


def test_a_build_is_the_same_both_ways_and_the_fast_one_imports_no_click(tmp_path):
    source = FIXTURES / "handwash"
    fast = _run(FAST, ["build", str(source), "-o", "fast.pdf"], tmp_path)
    slow = _run(CLICK, ["build", str(source), "-o", "slow.pdf"], tmp_path)
    assert fast[0] == slow[0] == 0, fast[2] + slow[2]
    assert fast[1].replace("fast.pdf", "X") == slow[1].replace("slow.pdf", "X")
    assert fast[1].startswith("wrote fast.pdf (")
    assert fast[2] == slow[2]
    assert (tmp_path / "fast.pdf").read_bytes() == (tmp_path / "slow.pdf").read_bytes()
    probe = "import atexit, json, sys; atexit.register(lambda: print(json.dumps('click' in sys.modules))); " + FAST
    code, out, err = _run(probe, ["build", str(source), "-o", "again.pdf"], tmp_path)
    assert code == 0, err
    assert json.loads(out.strip().splitlines()[-1]) is False


def test_problems_are_reported_alike(tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURES / "handwash", broken)
    booklet_yaml = broken / "booklet.yaml"
    booklet_yaml.write_text(booklet_yaml.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cases = [
        ["build", str(tmp_path / "missing")],  # no such content: exit 1, one line
        ["build", str(broken), "-o", "out.pdf"],  # a content error: file:line:col
        ["build", str(FIXTURES / "handwash"), "-o", str(blocker / "out.pdf")],  # an output that cannot be written
        ["build", str(FIXTURES / "handwash"), "-o", str(tmp_path)],  # a folder as the output: Click's own error
    ]
    for args in cases:
        fast = _run(FAST, args, tmp_path)
        slow = _run(CLICK, args, tmp_path)
        assert fast == slow, args
        assert fast[0] in (1, 2), (args, fast)
        assert fast[2].strip(), (args, fast)
        assert "Traceback" not in fast[2]
