"""Bounded work and honest blame: hints, fitting and expansion counted in operations; errors at the right line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from booklet import convert
from booklet.build import BuildOptions, build, load_booklet
from booklet.cli import main
from booklet.errors import ContentError

REPO = Path(__file__).parent.parent


def test_did_you_mean_compares_a_bounded_number_of_names(monkeypatch):
    import difflib  # convert imports it on a typo

    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word, possibilities, *args, **kwargs):
        compared.append(len(possibilities))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    names = [f"stroke-{i:06d}" for i in range(100_000)] + ["lather"]
    assert convert.did_you_mean("stroke-00001x", names).startswith(" (did you mean 'stroke-0")
    assert convert.did_you_mean("lathr", ["x" * n for n in range(1, 5_000)] + ["lather"]) == " (did you mean 'lather'?)"
    assert convert.did_you_mean("p" * 5_000, names) == ""  # a paragraph is never compared
    assert max(compared) <= convert.MAX_HINT_CANDIDATES


def test_running_head_is_fitted_with_a_logarithmic_number_of_measurements(monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from booklet.render.booklet import fit

    calls: list[int] = []
    real = pdfmetrics.stringWidth

    def counting(text, font, size, *args):
        calls.append(len(text))
        return real(text, font, size, *args)

    monkeypatch.setattr(pdfmetrics, "stringWidth", counting)
    look = SimpleNamespace(frame_w=300.0, fonts=SimpleNamespace(regular="Helvetica"))
    label = "Lather (continued) " * 200  # a 3,800-character label
    shown = fit(label, look, 9)
    assert len(calls) <= 2 + (len(label)).bit_length()  # binary search: 15 measurements, not 3,800
    room = look.frame_w * 0.8
    assert real(shown, "Helvetica", 9) <= room
    longest = max(n for n in range(len(label)) if real(label[:n] + "…", "Helvetica", 9) <= room)
    assert shown == label[:longest].rstrip() + "…"  # the same answer as trimming one character at a time


def test_vocabulary_is_measured_after_it_is_applied(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "theme:", "vocabulary:\n  hands: " + "palmar surfaces " * 12 + "\ntheme:")
    edit(handwash / "booklet.yaml", "    font_scale: 1.3", "    font_scale: 1.3\n    vocabulary: anatomical")
    step = " ".join(["Rub both hands."] * 150)  # 2,250 characters as written, about 30,000 once reworded
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {step}")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)  # validate makes every edition's text: the same verdict as build
    first = caught.value.lines()[0]
    assert first.endswith(
        "strokes/lather.yaml:12:5: error: text: text is too long once the vocabulary is applied "
        "(30,299 characters; limit 4,000); shorten it or the vocabulary's replacements"
    )


def test_a_stroke_file_named_otherwise_is_found_by_its_id(handwash: Path, edit):
    (handwash / "strokes/lather.yaml").rename(handwash / "strokes/soap.yaml")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert caught.value.lines()[0].endswith(
        "booklet.yaml:12:11: error: strokes[0]: no stroke file strokes/lather.yaml, but strokes/soap.yaml has id "
        "'lather'; rename that file to lather.yaml"
    )


def test_a_missing_image_names_the_file_with_the_same_stem(handwash: Path, edit):
    (handwash / "images").mkdir()
    (handwash / "images/angle.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    (handwash / "images/angles-old.png").write_bytes(b"")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/angle.png}\ntips:")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert caught.value.lines()[0].endswith(
        "error: lather.illustration.image: no file 'images/angle.png' in the content folder "
        "(there is 'images/angle.svg': did you mean that?)"
    )


def test_a_long_pressure_label_is_blamed_on_its_own_line(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "theme:", "labels:\n  pressure_light: " + "Very very gentle " * 6 + "\ntheme:")
    with pytest.raises(ContentError) as caught:
        build(load_booklet(handwash), BuildOptions(format="cards", card="business"))
    assert caught.value.lines()[0].endswith(
        "booklet.yaml:39:19: error: cards: the line 'Very very gentle Very very gentle Very very gentle Very very "
        "gentle Very very gentle Very very gentle' does not fit on one line of a card even at 7 pt; shorten it"
    )


def test_library_log_lines_never_reach_the_terminal(tmp_path: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ngarbage")  # pypdf logs "EOF marker not found"
    run = subprocess.run(
        [sys.executable, "-m", "booklet", "impose", str(broken), str(tmp_path / "out.pdf")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 1
    assert run.stderr.splitlines()[0].startswith("error: broken.pdf cannot be read")
    assert len(run.stderr.splitlines()) == 1  # pypdf's own "EOF marker not found" line never printed on its own


def test_reportlab_does_not_run_the_users_home_hooks(tmp_path: Path):
    marker = tmp_path / "ran"
    for name in (".reportlab_settings", ".reportlab_mods"):
        (tmp_path / name).write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    code = "import booklet, reportlab.rl_config, reportlab.pdfgen.canvas"
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert not marker.exists()


def test_an_empty_strokes_folder_link_is_refused_before_listing(handwash: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret-name.yaml").write_text("id: x\n")
    for path in (handwash / "strokes").iterdir():
        path.unlink()
    (handwash / "strokes").rmdir()
    (handwash / "strokes").symlink_to(outside)
    result = CliRunner().invoke(main, ["validate", str(handwash)])
    assert result.exit_code == 1
    assert "secret-name" not in result.output
    assert result.output.splitlines()[0].endswith(
        "strokes: error: strokes/ links to a folder outside the content folder; move the files into strokes/"
    )


def test_all_content_files_together_have_a_size_limit(handwash: Path):
    from booklet.files import MAX_CONTENT_TOTAL

    stroke = "id: {id}\nname: Extra\nsteps: [Wet your hands.]\ntips:\n" + "  - A tip that pads the file out.\n" * 12_000
    count = MAX_CONTENT_TOTAL // len(stroke.format(id="x")) + 1
    for i in range(count):
        (handwash / f"strokes/extra-{i:02d}.yaml").write_text(stroke.format(id=f"extra-{i:02d}"))
    result = CliRunner().invoke(main, ["validate", str(handwash)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(
        f"strokes/extra-{count - 1:02d}.yaml: error: the content folder holds more than 1,500,000 bytes of YAML; "
        "split it into several booklets"
    )


def test_every_lint_warning_names_its_check(shipped: Path):
    from booklet.audience import make_edition
    from booklet.lint import CHECKS, lint

    booklet = load_booklet(shipped)
    warnings = [w for a in booklet.audiences for w in lint(make_edition(booklet, a.id))[0]]
    warnings += lint(booklet)[0]
    assert all(w.check in CHECKS for w in warnings), [str(w) for w in warnings if w.check not in CHECKS]
