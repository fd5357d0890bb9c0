"""Invisible format characters: lint names each one by file:line:col, except joiners a script needs."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from booklet.cli import main
from booklet.invisible import invisible, scan
from tests.conftest import FIXTURES

ZWNJ, ZWJ, ZWSP = "\u200c", "\u200d", "\u200b"


def test_joiners_a_script_spells_with_are_left_alone():
    persian = f"title: می{ZWNJ}خواهم\n"  # "I want": Persian writes the prefix mi- apart with a ZWNJ
    hindi = f"name: क्{ZWJ}ष\n"  # a half form of ka, asked for with a ZWJ
    assert list(scan(persian + hindi, "b.yaml")) == []


def test_a_joiner_in_latin_text_is_named_where_it_sits():
    text = f"id: x\nintroduction: |\n  Wer vie{ZWJ}le Stun{ZWSP}den\n"
    found = list(scan(text, "b.yaml"))
    assert [str(ref) for ref, _ in found] == ["b.yaml:3:10", "b.yaml:3:18"]  # inside the block, not at its '|'
    joiner = found[0][1]
    assert joiner.startswith("invisible U+200D (ZERO WIDTH JOINER) between 'e' and 'l' (Latin script): ")
    assert "delete it" in joiner
    assert "U+200B (ZERO WIDTH SPACE)" in found[1][1]


def test_lint_warns_for_each_one_before_loading_fails(tmp_path: Path):
    folder = tmp_path / "de"
    shutil.copytree(FIXTURES / "schreibtisch-de", folder)
    yaml = folder / "booklet.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace("Wer viele Stunden", f"Wer vie{ZWJ}le Stun{ZWNJ}den"), encoding="utf-8")
    (folder / "translations").mkdir()
    (folder / "translations" / "fr.po").write_text(f'msgid "Danach"\nmsgstr "Ap{ZWJ}rès"\n', encoding="utf-8")
    found = invisible(folder)
    assert [(Path(r.file).name, r.line, r.column) for r, _ in found] == [
        ("booklet.yaml", 12, 10),
        ("booklet.yaml", 12, 18),
        ("fr.po", 2, 11),
    ]
    result = CliRunner().invoke(main, ["lint", str(folder)])
    assert result.exit_code == 1  # validate refuses them too
    assert result.output.index("booklet.yaml:12:10: warning: invisible U+200D") < result.output.index(": error: ")
    skipped = CliRunner().invoke(main, ["lint", str(folder), "--skip", "invisible"])
    assert "warning: invisible" not in skipped.output


def test_clean_content_has_no_invisible_warning():
    result = CliRunner().invoke(main, ["lint", str(FIXTURES / "schreibtisch-de"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "invisible" not in result.output
