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
