"""The command line as users see it: exit codes, first lines, files written or kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from booklet.cli import main

# (arguments, exit code, first line of output); {src} is a copy of the hand-washing fixture.
# The rule: 0 success; 1 a problem in the files; 2 a problem on the command line, in one line.
RUNS = [
    (["validate", "{src}"], 0, "handwash: ok (2 strokes, 1 audiences; 1 edition x booklet and cards build)"),
    (["list", "{src}"], 0, "Washing Your Hands (handwash)"),
    (["validate", "{src}/missing"], 1, "{src}/missing: error: no such content folder or file"),
    (["validate", "{src}/strokes"], 1, "{src}/strokes/booklet.yaml: error: file not found"),
    (["impose", "{src}/booklet.yaml", "{src}/out.pdf"], 1, "error: "),
    (["build", "{src}", "-a", "nobody"], 2, "error: unknown audience 'nobody' (expected kids)"),
    (["lint", "{src}", "-a", "kid"], 2, "error: unknown audience 'kid' (expected kids) (did you mean 'kids'?)"),
    (["batch", "{src}", "-a", "nobody"], 2, "error: -a: unknown audience 'nobody' (expected kids)"),
    (["batch", "{src}", "-f", "poster"], 2, "error: -f: unknown format 'poster' (expected booklet, cards, saddle"),
    (["build", "{src}", "--paper", "b9"], 2, "error: --paper: unknown paper size 'b9' (expected a3, a4"),
    (["build", "{src}", "-f", "poster"], 2, "error: Invalid value for '-f' / '--format': 'poster' is not one of"),
    (["build", "{src}", "--back-offset", "1mm", "-f", "cards"], 2, "error: --back-offset: bad offset '1mm'"),
    (["build", "{src}", "--bleed", "11"], 2, "error: --bleed: 11 is out of range (0 to 10 mm)"),
    (["build", "{src}", "--signature", "2.5", "--impose", "saddle"], 2, "error: --signature: expected a whole number"),
    (["build", "{src}", "--creep", "1"], 2, "error: --creep applies to --impose saddle or 2up only"),
    (["build", "{src}", "--signature", "2"], 2, "error: --signature applies to --impose saddle or 2up only"),
    (["build", "{src}", "-f", "cards", "--impose", "saddle"], 2, "error: --impose applies to -f booklet only"),
    (["build", "{src}", "--back-offset", "1x1mm"], 2, "error: --back-offset applies to -f cards only"),
    (["build", "{src}", "--card", "index"], 2, "error: --card applies to -f cards only"),
    (["build", "{src}", "--sheet", "a4"], 2, "error: --sheet applies to -f cards or --impose only"),
    (["build", "{src}", "-f", "cards", "--fillable"], 2, "error: --fillable applies to -f booklet only"),
    (["preview", "{src}", "--pages", "x"], 2, "error: --pages: bad page range 'x'"),
    (["frobnicate"], 2, "error: No such command 'frobnicate'. (see 'booklet --help')"),
    (["build", "--nope"], 2, "error: No such option '--nope'. Did you mean '--paper'? (see 'booklet build --help')"),
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


def _commands():
    import click

    group = main
    assert isinstance(group, click.Group)
    return sorted(group.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_and_option_has_help(name, command):
    """A full one-line summary, a description, and help for every option and argument-bearing command."""
    summary = command.short_help or ""
    assert summary, name
    assert not summary.endswith(("...", "…")), name
    assert len(summary) <= 80, name
    assert (command.help or "").strip(), name
    for param in command.params:
        if param.param_type_name == "option":
            assert (param.help or "").strip(), f"{name} {param.opts}: no help"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert command.help.split()[0] in result.output


def test_top_level_help_lists_full_summaries_and_exit_codes():
    text = CliRunner().invoke(main, ["--help"], terminal_width=200).output
    assert "Exit codes:" in text
    assert "  2  a problem on the command line" in text
    for name, command in _commands():
        assert command.short_help in " ".join(text.split()), name


@pytest.mark.parametrize("name", ["build", "batch", "impose"])
def test_examples_epilogs(name):
    text = CliRunner().invoke(main, [name, "--help"]).output
    assert "Examples:" in text
    assert f"booklet {name} " in text


def test_build_help_gives_defaults_and_accepted_forms():
    text = " ".join(CliRunner().invoke(main, ["build", "--help"], terminal_width=200).output.split())
    for phrase in (
        "Default: booklet.",
        "14.8x21cm",
        "Default: a6.",
        "Default: long-edge.",
        "0.5x-1mm",
        "Output names:",
    ):
        assert phrase in text, phrase


def test_version_is_the_one_the_package_is_built_with():
    import tomllib

    declared = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]["version"]
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"booklet, version {declared}"
