"""A long booklet laid out in two processes (render/parallel.py) is the booklet one process lays out, byte for byte."""

from __future__ import annotations

import math
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from booklet import warm
from booklet.build import build_booklet
from booklet.illustrate.diagram import _diagram
from booklet.illustrate.origins import memoised_calls
from booklet.render import booklet as booklet_render
from booklet.render import parallel, replay

from .conftest import FIXTURES, SHIPPED


def repeated(src: Path, dst: Path, times: int) -> Path:
    """A copy of a content folder with each stroke ``times`` over, under new ids and names (the first keeps its own)."""
    shutil.copytree(src, dst)
    ids = []
    for path in sorted((dst / "strokes").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        sid = re.search(r"^id: (.*)$", text, re.M)
        sid = sid.group(1).strip() if sid else path.stem
        order = []
        for i in range(times):
            new = sid if i == 0 else f"{sid}-{i}"
            copy = re.sub(r"^id: .*$", f"id: {new}", text, count=1, flags=re.M)
            if i:
                copy = re.sub(r"^name: (.*)$", rf"name: \1 {i}", copy, count=1, flags=re.M)
            (dst / "strokes" / f"{new}.yaml").write_text(copy, encoding="utf-8")
            order.append(new)
        ids.append((sid, order))
    book = dst / "booklet.yaml"
    text = book.read_text(encoding="utf-8")
    listed = re.search(r"^strokes: \[(.*)\]$", text, re.M)
    assert listed, "the fixture lists its strokes on one line"
    names = {sid: order for sid, order in ids}
    every = [n for s in listed.group(1).split(",") for n in names[s.strip()]]
    book.write_text(text.replace(listed.group(0), f"strokes: [{', '.join(every)}]"), encoding="utf-8")
    return dst


@pytest.fixture(autouse=True)
def one_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-off build, as `booklet build` makes (earlier tests may have run watch or batch in this process)."""
    monkeypatch.setattr(warm, "_again", False)
    monkeypatch.setattr(replay, "_on", False)
    monkeypatch.setattr(parallel.Fed, "patience", 120.0)  # a busy test machine must not change what is replayed
    monkeypatch.setattr(parallel, "cores", lambda: 2)  # a machine with one core forks too (it would gain nothing)
    for cache in memoised_calls():
        cache.cache_clear()  # as in a new process (earlier tests fill the drawing caches)


@pytest.fixture(scope="module")
def long_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped guide with every stroke three times: 15 strokes, 20 runs of sections."""
    return repeated(SHIPPED, tmp_path_factory.mktemp("long") / "guide", 3)


def one_process(monkeypatch: pytest.MonkeyPatch, source: Path, **options) -> bytes:
    monkeypatch.setenv("BOOKLET_JOBS", "1")
    data = build_booklet(source, **options)
    monkeypatch.delenv("BOOKLET_JOBS")
    return data


BUILDS = [
    {},
    {"audience": "large-print"},
    {"audience": "student", "paper": "a6"},
    {"paper": "letter", "bleed_mm": 3.0},
    {"impose": "saddle"},
    {"fillable": True},
]


@pytest.mark.parametrize("options", BUILDS, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()) or "home")
def test_two_processes_make_the_bytes_one_makes(long_guide: Path, options: dict, monkeypatch: pytest.MonkeyPatch):
    alone = one_process(monkeypatch, long_guide, **options)
    parallel.last.update(replayed=0, forked=False)
    together = build_booklet(long_guide, **options)
    assert parallel.last["forked"]
    if not options.get("fillable"):  # check boxes are fields: their runs are laid out where they land
        assert parallel.last["replayed"] >= 3
    assert together == alone


def test_another_language_and_topic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    source = repeated(FIXTURES / "schreibtisch-de", tmp_path / "de", 7)
    alone = one_process(monkeypatch, source)
    together = build_booklet(source)
    assert parallel.last["forked"]
    assert parallel.last["replayed"] >= 3
    assert together == alone


def test_a_child_that_fails_leaves_the_parent_to_lay_out_everything(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    alone = one_process(monkeypatch, long_guide)

    def fails(*args):
        raise RuntimeError("the second process stops at once")

    monkeypatch.setattr(parallel, "_child", fails)
    assert build_booklet(long_guide) == alone
    assert parallel.last["forked"]
    assert parallel.last["replayed"] == 0


def test_a_drawing_the_parent_cannot_make_again_is_not_sent(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    """A recording with a drawing made otherwise than by a memoised call is laid out by the parent (its
    form would otherwise be painted twice); runs without one are still replayed."""
    alone = one_process(monkeypatch, long_guide)
    monkeypatch.setattr(parallel, "call_of", lambda drawing: None)
    together = build_booklet(long_guide)
    assert together == alone
    assert parallel.last["replayed"] >= 1  # the routine and the back cover hold no diagram form


def test_a_warm_process_and_a_short_booklet_stay_in_one(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    parallel.last.update(forked=False)
    build_booklet()  # the shipped guide: fewer runs than MIN_RUNS
    assert not parallel.last["forked"]
    monkeypatch.setattr(warm, "_again", True)
    build_booklet(long_guide)
    assert not parallel.last["forked"]


def test_a_child_too_slow_is_not_waited_for(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    """Where the child has not sent a run in the time it would take to lay it out, the parent lays it out."""
    alone = one_process(monkeypatch, long_guide)
    slow = parallel._child

    def late(*args):
        time.sleep(30)
        slow(*args)

    monkeypatch.setattr(parallel, "_child", late)
    monkeypatch.setattr(parallel.Fed, "patience", None)
    assert build_booklet(long_guide) == alone
    assert parallel.last["forked"]
    assert parallel.last["replayed"] == 0  # nothing was waited for (the child is ended with the build)


def test_a_full_drawing_cache_falls_back_to_one_process(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    """Forms are shared by drawing object: once a cached drawing may have been dropped, a single process could
    have painted one made again as a form of its own. Such a build is made again in one process."""
    alone = one_process(monkeypatch, long_guide)
    _diagram.cache_clear()
    monkeypatch.setattr(parallel.Fed, "sound", lambda self: False)
    rebuilt = []
    real = booklet_render._render

    def counted(*args, **kwargs):
        rebuilt.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(booklet_render, "_render", counted)
    assert build_booklet(long_guide) == alone
    assert len(rebuilt) == 2
    assert isinstance(rebuilt[0], parallel.Fed)
    assert rebuilt[1] is None  # the second time in one process


def test_a_process_whose_drawing_caches_are_half_full_stays_in_one(long_guide: Path):
    for i in range(_diagram.cache_info().maxsize // 2 + 1):
        _diagram(None, 10.0 + i, 10.0, "#2E6F73", (), (), (), False, (), "Helvetica", (), None)
    parallel.last.update(forked=False)
    build_booklet(long_guide)
    assert not parallel.last["forked"]


def test_a_machine_with_one_core_stays_in_one_process(long_guide: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    parallel.last.update(forked=False)
    build_booklet(long_guide)
    assert not parallel.last["forked"]


def test_a_process_with_threads_is_not_forked(long_guide: Path):
    """A library caller's threads would be copied as their locks only: such a build stays in one process."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        parallel.last.update(forked=False)
        build_booklet(long_guide)
        assert not parallel.last["forked"]
    finally:
        stop.set()
        other.join()


def test_the_split_leaves_the_child_the_later_runs():
    assert parallel.split([1.0] * 20) == math.ceil(20 * parallel.PARENT_SHARE)
    assert parallel.split([30.0, 1.0, 1.0]) == 2  # the child starts one run early, never at the first
    assert parallel.split([1.0]) == 1
    assert parallel.split([1.0, 1.0, 9.0, 1.0, 1.0, 1.0]) == 4  # not after a costly run: it would not get ahead
