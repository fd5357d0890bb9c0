"""The cycle collector is paused while a booklet is laid out (render/booklet.py), and left as it was."""

from __future__ import annotations

import gc
import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from booklet.build import BuildOptions, build, load_booklet
from booklet.render import booklet as render
from booklet.render.booklet import cycles_uncollected
from tests.conftest import SHIPPED


def test_paused_inside_and_restored_after():
    assert gc.isenabled()
    with cycles_uncollected():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error():
    with pytest.raises(RuntimeError), cycles_uncollected():
        raise RuntimeError("layout failed")
    assert gc.isenabled()


def test_left_off_when_the_caller_had_it_off():
    gc.disable()
    try:
        with cycles_uncollected():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_real_build_draws_with_the_collector_paused(monkeypatch):
    seen = []
    real = render.story

    class Probe(Flowable):
        def wrap(self, avail_w, avail_h):
            return (0, 0)

        def draw(self):
            seen.append(gc.isenabled())

    monkeypatch.setattr(render, "story", lambda *args, **kwargs: [Probe(), *real(*args, **kwargs)])
    pdf = build(load_booklet(SHIPPED), BuildOptions(audience="home")).pdf
    assert seen == [False]
    assert gc.isenabled()
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 10


def test_a_finished_command_spares_the_collection_at_exit(capsys):
    from booklet.cli import main

    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as done:
            main(["list"])
        assert done.value.code == 0
        assert gc.get_freeze_count() > 0  # what is alive is not walked again as the process ends
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert "back-massage" in capsys.readouterr().out


def _made_inside() -> object:
    """Something the pause's body made (tracked by the collector), as the layout makes flowables."""
    made = []
    with cycles_uncollected():
        made.append([object()])
    return made[0]


def test_a_one_off_process_leaves_what_the_layout_made_in_the_oldest_generation(monkeypatch):
    """No young collection then walks everything the build made (2% of a long build); it stays collectable."""
    monkeypatch.setattr(render.warm, "_again", False)
    gc.collect()
    made = _made_inside()
    assert any(o is made for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0  # moved, not frozen: a full collection still reaches it
    assert gc.isenabled()


def test_a_process_that_builds_again_collects_as_before(monkeypatch):
    monkeypatch.setattr(render.warm, "_again", True)
    gc.collect()
    made = _made_inside()
    assert not any(o is made for o in gc.get_objects(generation=2))


COLLECTIONS_PROBE = """
import atexit, gc, json, sys
from booklet.start import run  # the package itself: typing, which click imports too
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
def report():
    from reportlab.graphics.shapes import Shape
    checked = "__setattr__" in vars(Shape)
    print(json.dumps({"collections": len(collections), "enabled": gc.isenabled(), "checked": checked}))
atexit.register(report)
sys.argv = ["booklet", *sys.argv[1:]]
run()
"""


def test_a_one_off_command_never_collects_cycles_and_a_library_import_changes_nothing(tmp_path):
    """The command line starts with the collector paused (start.py): a cold build makes no collection (about 65
    before: 2% of its instructions), and its shapes skip ReportLab's attribute check."""
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import FIXTURES, REPO

    env = dict(os.environ, PYTHONPATH=str(REPO))
    args = ["build", str(FIXTURES / "handwash"), "-o", str(tmp_path / "out.pdf")]
    done = subprocess.run([sys.executable, "-c", COLLECTIONS_PROBE, *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # ... and ReportLab's shapes are made without their per-attribute __setattr__ (start.py)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"collections": 0, "enabled": False, "checked": False}
    assert (tmp_path / "out.pdf").stat().st_size > 0
    library = (
        "import gc, booklet.cli, booklet.build, booklet.warm, reportlab.graphics.shapes as s;"
        "print(gc.isenabled(), '__setattr__' in vars(s.Shape))"
    )
    env.pop("RL_shapeChecking", None)
    done = subprocess.run([sys.executable, "-c", library], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True True"


def test_a_process_that_builds_again_collects_cycles_again(monkeypatch: pytest.MonkeyPatch):
    import gc

    from booklet import warm

    monkeypatch.setattr(warm, "_again", False)
    monkeypatch.setattr(warm, "_paused", False)
    assert gc.isenabled()
    try:
        warm.collect_later()
        assert not gc.isenabled()
        warm.builds_again()
        assert gc.isenabled()
        warm.collect_later()  # once building again, the collector stays on
        assert gc.isenabled()
        monkeypatch.setattr(warm, "_again", False)
        warm.collect_later()
        assert not gc.isenabled()
        warm.collect_again()  # a command that runs on (watch, batch) resumes it without building again
        assert gc.isenabled()
        assert not warm.keeps()
    finally:
        gc.enable()
