"""Kept font faces: a face read from the kept parse equals ReportLab's own parse, and stale or broken
tables are parsed again."""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from booklet import fontfaces, kept
from booklet.shipped import fonts_dir
from tests.conftest import REPO, runs_of_a_fresh_copy

SHIPPED_FACES = sorted(fonts_dir().glob("*.ttf"))


@pytest.fixture
def kept_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kept faces go to tmp_path, and are written whatever the test run's bytecode setting."""
    monkeypatch.setattr(kept, "where", lambda name: tmp_path / f"{name}.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def _same_font(parsed: TTFont, read: TTFont) -> None:
    assert vars(parsed).keys() == vars(read).keys()
    for name in ("fontName", "_asciiReadable", "shapable"):
        assert getattr(parsed, name) == getattr(read, name), name
    ours, theirs = vars(read.face), vars(parsed.face)
    assert ours.keys() == theirs.keys()
    for name, value in theirs.items():
        if name == "_pdfScale":
            assert [ours[name](v) for v in (0, 1, 777, -3)] == [value(v) for v in (0, 1, 777, -3)]
            continue
        assert type(ours[name]) is type(value), name
        assert ours[name] == value, name
        assert getattr(ours[name], "ustr", None) == getattr(value, "ustr", None), name


@pytest.mark.parametrize("path", SHIPPED_FACES, ids=lambda p: p.stem)
def test_a_kept_face_is_reportlabs_parse(path: Path, kept_here: Path):
    first = fontfaces.ttfont("Kept", path)  # parsed, and kept
    assert (kept_here / f"font-face.{path.stem}.marshal").is_file()
    read = fontfaces.ttfont("Kept", path)
    parsed = TTFont("Kept", str(path))
    _same_font(parsed, first)
    _same_font(parsed, read)
    text = "Gently, 12 minutes — “Ärger” ≥ ½ ﬁne"
    assert read.stringWidth(text, 9.5) == parsed.stringWidth(text, 9.5)
    subset = [ord(c) for c in text]
    assert read.face.makeSubset(subset) == parsed.face.makeSubset(subset)


def test_a_kept_face_is_read_instead_of_parsed(kept_here: Path, monkeypatch: pytest.MonkeyPatch):
    path = SHIPPED_FACES[0]
    fontfaces.ttfont("Kept", path)
    parses = []
    monkeypatch.setattr(fontfaces.TTFont, "__init__", lambda *args: parses.append(args))
    fontfaces.ttfont("Kept", path)
    assert parses == []


def test_a_stale_or_broken_kept_face_is_parsed_again(tmp_path: Path, kept_here: Path):
    copy = tmp_path / "fonts" / SHIPPED_FACES[0].name
    copy.parent.mkdir()
    copy.write_bytes(SHIPPED_FACES[0].read_bytes())
    fontfaces.ttfont("Kept", copy)
    where = kept.where(fontfaces.kept_name(copy))
    mark, values = marshal.loads(where.read_bytes())
    values["numGlyphs"] = -1  # what a stale table would give, were it trusted
    version, size, time, crc = mark
    for kept_mark in ((version, size, time + 1, crc), (version, size, time, crc ^ 1), ("0.0", size, time, crc)):
        where.write_bytes(marshal.dumps((kept_mark, values)))
        assert fontfaces.ttfont("Kept", copy).face.numGlyphs > 0
        assert marshal.loads(where.read_bytes())[0] == mark  # parsed again, and kept again
    for broken in (b"", b"not marshal", marshal.dumps((mark, {"numGlyphs": 1}))):
        where.write_bytes(broken)
        _same_font(TTFont("Kept", str(copy)), fontfaces.ttfont("Kept", copy))
    os.utime(copy, ns=(mark[2] + 10**9, mark[2] + 10**9))  # the file touched: its mark changes
    assert fontfaces.ttfont("Kept", copy).face.numGlyphs > 0


def test_nothing_is_kept_without_bytecode(tmp_path: Path, kept_here: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    fontfaces.ttfont("Kept", SHIPPED_FACES[0])
    assert list(tmp_path.iterdir()) == []


PROBE = """
import hashlib, json
from reportlab.pdfbase import ttfonts
parses = []
parse = ttfonts.TTFontFile.extractInfo
ttfonts.TTFontFile.extractInfo = lambda self, *a: (parses.append(self.filename), parse(self, *a))[1]
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from booklet.fonts import register_family
names = register_family("NotoSans")
widths = [stringWidth("Gently — ½ “Ärger”", name, 10) for name in (names.regular, names.bold)]
subset = hashlib.sha256(getFont(names.bold).face.makeSubset([ord(c) for c in "Gently"])).hexdigest()
print(json.dumps({"parses": len(parses), "widths": widths, "subset": subset}))
"""


def test_a_second_run_reads_the_shipped_faces_it_kept(tmp_path: Path):
    (tmp_path / "fonts").symlink_to(REPO / "fonts")  # the copy's shipped fonts: a source checkout's
    runs = runs_of_a_fresh_copy(tmp_path, PROBE)
    assert runs[0]["parses"] == 2  # regular, then bold when first measured
    kept = sorted(p.name for p in (tmp_path / "booklet" / "__pycache__").glob("font-face.*"))
    tag = sys.implementation.cache_tag
    assert kept == [f"font-face.NotoSans-Bold.{tag}.marshal", f"font-face.NotoSans-Regular.{tag}.marshal"]
    assert runs[1]["parses"] == 0
    assert runs[1]["widths"] == runs[0]["widths"]
    assert runs[1]["subset"] == runs[0]["subset"]
