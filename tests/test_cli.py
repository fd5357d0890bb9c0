"""The command line as users see it: exit codes, first lines, files written or kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from booklet.cli import main

# (arguments, exit code, first line of output); {src} is a copy of the hand-washing fixture
RUNS = [
    (["validate", "{src}"], 0, "handwash: ok (2 strokes, 1 audiences)"),
    (["list", "{src}"], 0, "Washing Your Hands (handwash)"),
    (["validate", "{src}/missing"], 1, "{src}/missing: error: no such content folder or file"),
    (["validate", "{src}/strokes"], 1, "{src}/strokes/booklet.yaml: error: file not found"),
    (["build", "{src}", "-a", "nobody"], 1, "error: unknown audience 'nobody' (expected kids)"),
    (["build", "{src}", "--paper", "b9"], 2, "Usage: main build [OPTIONS] [SOURCE]"),
    (["build", "{src}", "-f", "poster"], 2, "Usage: main build [OPTIONS] [SOURCE]"),
    (["frobnicate"], 2, "Usage: main [OPTIONS] COMMAND [ARGS]..."),
    (["impose", "{src}/booklet.yaml", "{src}/out.pdf"], 1, "error: "),
]


@pytest.mark.parametrize(("args", "code", "first"), RUNS, ids=[" ".join(r[0])[:40] for r in RUNS])
def test_cli_table(handwash: Path, args, code, first):
    argv = [a.format(src=handwash) for a in args]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == code, result.output
    lines = result.output.splitlines()
    assert lines, result.output
    assert lines[0].startswith(first.format(src=handwash)), result.output
    assert "Traceback" not in result.output


def test_broken_content_exit_1_and_keeps_the_previous_pdf(handwash: Path, edit, tmp_path: Path):
    out = tmp_path / "guide.pdf"
    assert CliRunner().invoke(main, ["build", str(handwash), "-o", str(out)]).exit_code == 0
    good = out.read_bytes()
    edit(handwash / "strokes/lather.yaml", "pressure: light", "pressure: hard")
    result = CliRunner().invoke(main, ["build", str(handwash), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(
        "strokes/lather.yaml:5:11: error: pressure: unknown pressure 'hard' (expected light, moderate or firm)"
    )
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_build_writes_named_output(handwash: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", str(handwash), "-a", "kids"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote output/handwash-kids.pdf (")
    assert (tmp_path / "output" / "handwash-kids.pdf").is_file()


def test_bare_build_from_any_folder(tmp_path: Path):
    """`booklet build` with no arguments builds the shipped booklet into ./output/."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run(
        [sys.executable, "-m", "booklet", "build"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "back-massage.pdf").stat().st_size > 10_000
