"""Every hostile case: validate and build agree, exit 1 with the exact first line, leave the output alone.

Each file of tests/hostile/ (as booklet.yaml) and tests/hostile/strokes/ (as
strokes/lather.yaml) is run twice through the CLI, as `validate` and as `build -o`
onto a previous output, while an audit hook records every file opened and every
process started. Time is measured in bench/bench_hostile.py, not asserted here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import booklet
from booklet.cli import main

HOSTILE = Path(__file__).parent / "hostile"
CASES = [(p, "booklet.yaml") for p in sorted(HOSTILE.glob("*.yaml"))] + [
    (p, "strokes/lather.yaml") for p in sorted((HOSTILE / "strokes").glob("*.yaml"))
]
RUNS = ("subprocess.Popen", "os.system", "os.posix_spawn", "os.exec", "os.spawn", "os.fork", "pty.spawn")
PREVIOUS = b"%PDF-1.4 the previous good output\n"
MINIMAL = "id: handwash\ntitle: Hands\nstrokes: [lather]\n"

WATCH: dict[str, list[tuple[str, str]] | None] = {"events": None}
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple) -> None:
    seen = WATCH["events"]
    if seen is None:
        return
    if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        seen.append(("open", os.path.realpath(os.fsdecode(args[0]))))
    elif event.startswith(RUNS):
        seen.append(("run", event))


def watched(*args: str) -> tuple[object, list[tuple[str, str]]]:
    """Run the CLI with the audit hook on: (result, events)."""
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED.append(True)
    WATCH["events"] = []
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        events, WATCH["events"] = WATCH["events"] or [], None
    return result, events


def expectation(attack: Path, content: Path) -> str:
    first = attack.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ").format(path=content)


@pytest.mark.parametrize(("attack", "target"), CASES, ids=[f"{t.split('/')[0]}-{p.stem}" for p, t in CASES])
def test_validate_and_build_agree_and_touch_nothing_else(handwash: Path, tmp_path: Path, attack: Path, target: str):
    from booklet.shipped import fonts_dir

    if target != "booklet.yaml":  # a booklet that names only this stroke: its file's problem comes first
        (handwash / "booklet.yaml").write_text(MINIMAL)
        (handwash / "strokes" / "rinse.yaml").unlink()
    (handwash / target).write_bytes(attack.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    previous = out / "previous.pdf"
    previous.write_bytes(PREVIOUS)
    checked, check_events = watched("validate", str(handwash))
    built, build_events = watched("build", str(handwash), "-o", str(previous))
    first = expectation(attack, handwash)
    for result in (checked, built):
        assert result.exit_code == 1, result.output
        assert result.output.splitlines()[0] == first
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert previous.read_bytes() == PREVIOUS
    assert sorted(p.name for p in out.iterdir()) == ["previous.pdf"]  # no temporary file left behind
    allowed = (
        str(handwash.resolve()),
        str(out.resolve()),
        str(fonts_dir().resolve()),
        str(Path(booklet.__file__).resolve().parent),
        sys.prefix,
        sys.base_prefix,
    )
    events = check_events + build_events
    assert [path for kind, path in events if kind == "open" and not path.startswith(allowed)] == []
    assert [what for kind, what in events if kind == "run"] == []
