"""A warm process (watch, batch and roster workers) builds the same bytes as a fresh one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from booklet.build import build_booklet
from booklet.illustrate.images import load_image

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><text x="9" y="50">Rinse</text></svg>'


def test_loading_an_svg_does_not_change_later_builds(tmp_path: Path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images/rinse.svg").write_text(SVG)
    load_image(tmp_path, "images/rinse.svg", 100, 100)  # svglib registers its fonts in this process
    warm = build_booklet(None, format="cards")
    out = tmp_path / "fresh.pdf"
    code = (
        f"from booklet.build import build_booklet; open({str(out)!r}, 'wb').write(build_booklet(None, format='cards'))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert warm == out.read_bytes()


def test_a_watch_rebuild_after_an_edit_is_byte_identical_to_a_cold_build(shipped: Path, tmp_path: Path):
    """Whatever a warm process keeps between rebuilds (parsed YAML, fonts, traces, drawings),
    the file after a one-line edit is the file a fresh process builds from the edited content."""
    from booklet.options import BuildOptions
    from booklet.watch import rebuild

    warm_out = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm_out).errors  # the first build fills every cache
    stroke = shipped / "strokes" / "raking.yaml"
    text = stroke.read_text(encoding="utf-8")
    assert "summary: Curved" in text
    stroke.write_text(text.replace("summary: Curved", "summary: Edited, curved", 1), encoding="utf-8")
    event = rebuild(shipped, BuildOptions(), warm_out)
    assert not event.errors
    cold_out = tmp_path / "cold.pdf"
    code = f"from booklet.build import build_booklet; build_booklet({str(shipped)!r}, output={str(cold_out)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert warm_out.read_bytes() == cold_out.read_bytes()
