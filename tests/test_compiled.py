"""Dataclass methods from booklet.compiled's kept table are the methods dataclasses compiles itself."""

from __future__ import annotations

import dataclasses
import marshal
from pathlib import Path
from types import CodeType

import pytest

from booklet import compiled
from tests.conftest import runs_of_a_fresh_copy

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def _make() -> type:
    @dataclasses.dataclass(frozen=True)
    class Step:
        text: str
        short: str | None = None
        badges: tuple[int, ...] = ()
        extra: dict[str, int] = dataclasses.field(default_factory=dict)

    return Step


def _shape(function) -> tuple:
    code = function.__code__
    return (
        code.co_code,
        code.co_consts,
        code.co_names,
        code.co_varnames,
        code.co_flags,
        code.co_filename,
        function.__annotations__,
        function.__defaults__,
        function.__qualname__,
    )


def test_methods_from_the_table_are_the_methods_dataclasses_compiles(monkeypatch: pytest.MonkeyPatch):
    assert dataclasses.exec is compiled.cached_exec  # installed by importing booklet.compiled
    through_table = _make()
    again = _make()  # this time every text is found in the table
    monkeypatch.delattr(dataclasses, "exec")  # dataclasses' own compile
    plain = _make()
    for name in METHODS:
        assert _shape(getattr(through_table, name)) == _shape(getattr(plain, name)), name
        assert _shape(getattr(again, name)) == _shape(getattr(plain, name)), name
    # No future flag leaks in from booklet.compiled (it has `from __future__ import annotations`):
    # the generated __init__ annotates with the field types, not with their names as strings.
    assert through_table.__init__.__annotations__ == plain.__init__.__annotations__
    step = through_table("Rest your hands.", badges=(2,))
    assert step == through_table("Rest your hands.", badges=(2,))
    assert repr(step) == repr(plain("Rest your hands.", badges=(2,))).replace(
        plain.__qualname__, through_table.__qualname__
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.text = "Lift them."  # type: ignore[misc]


def test_the_table_round_trips_and_a_bad_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "dataclass-code.marshal"
    monkeypatch.setattr(compiled, "_added", ["x"])
    compiled.save(path)
    table = compiled.load(path)
    assert table
    assert set(table) <= set(compiled._known)
    for text, data in table.items():
        known = compiled._known[text]
        assert marshal.loads(data).co_code == (known if isinstance(known, CodeType) else marshal.loads(known)).co_code
    path.write_bytes(b"not marshal data at all")
    assert compiled.load(path) == {}
    path.write_bytes(b"\x00\x00\x00\x00" + path.read_bytes())  # another interpreter's magic
    assert compiled.load(path) == {}
    assert compiled.load(tmp_path / "missing") == {}


def test_an_unwritable_table_leaves_the_run_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setattr(compiled, "_added", ["x"])
    compiled.save(blocked / "dataclass-code.marshal")  # its folder is a file: nothing written, no error
    assert not (blocked / "dataclass-code.marshal").exists()


PROBE = """
import json
import booklet.compiled as c
import booklet.build, booklet.load, booklet.validate, booklet.layout, booklet.render.booklet
print(json.dumps({"added": len(c._added), "known": len(c._known), "table": str(c.table_path())}))
"""


def test_a_second_run_compiles_no_dataclass_method(tmp_path: Path):
    """A fresh process writes the table beside its copy of booklet; the next one finds every method in it."""
    runs = runs_of_a_fresh_copy(tmp_path, PROBE)
    assert Path(runs[0]["table"]).parent == tmp_path / "booklet" / "__pycache__"
    assert Path(runs[0]["table"]).is_file()
    assert runs[0]["added"] > 30  # the first run compiled booklet's dataclass methods and kept them
    assert runs[1]["added"] == 0  # the second found every one in the table
    assert runs[1]["known"] == runs[0]["known"]
