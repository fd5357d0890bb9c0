"""Writing output: atomic, never partial, never over an input, names that say what they hold."""

from __future__ import annotations

import errno
import multiprocessing
import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from booklet.errors import InputError
from booklet.write import output_name, target_paths, write_atomic, write_files


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("back-massage",), "back-massage.pdf"),
        (("back-massage", ["large-print"]), "back-massage-large-print.pdf"),
        (("back-massage", ["student", "cards"]), "back-massage-student-cards.pdf"),
        (("back-massage", ["home", "saddle"]), "back-massage-home-saddle.pdf"),
        (("back-massage", [], "png"), "back-massage.png"),
        (("back-massage", ["bleed-2.5mm"]), "back-massage-bleed-2-5mm.pdf"),
        (("A Guide!", ["Kids' ed"]), "a-guide-kids-ed.pdf"),
        (("../../etc/passwd", ["a/b"]), "etc-passwd-a-b.pdf"),
        (("hand_wash", [""]), "hand-wash.pdf"),
        (("массаж",), "booklet.pdf"),
        (("x", [], "../pdf"), "x.pdf"),
    ],
)
def test_output_names(args, name):
    assert output_name(*args) == name


@pytest.mark.parametrize(
    ("names", "folder", "output", "paths"),
    [
        (["a.pdf"], None, None, ["output/a.pdf"]),
        (["a.pdf"], "out", None, ["out/a.pdf"]),
        (["a.pdf"], None, "x/guide.pdf", ["x/guide.pdf"]),
        (["a-cards-fronts.pdf", "a-cards-backs.pdf"], None, "guide.pdf", ["guide.pdf", "guide-backs.pdf"]),
        (["a-cards-fronts.pdf", "a-cards-backs.pdf"], "o", None, ["o/a-cards-fronts.pdf", "o/a-cards-backs.pdf"]),
    ],
)
def test_target_paths(names, folder, output, paths):
    got = target_paths(names, folder=Path(folder) if folder else None, output=Path(output) if output else None)
    assert got == [Path(p) for p in paths]


def test_write_files_changes_nothing_when_one_file_cannot_be_written(tmp_path: Path, monkeypatch):
    files = {"a-fronts.pdf": b"front", "a-backs.pdf": b"back"}
    assert write_files(files, folder=tmp_path) == [tmp_path / "a-fronts.pdf", tmp_path / "a-backs.pdf"]
    real_fsync = os.fsync
    calls: list[int] = []

    def fail_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            _no_space()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fail_second)
    with pytest.raises(InputError):
        write_files({"a-fronts.pdf": b"new front", "a-backs.pdf": b"new back"}, folder=tmp_path)
    monkeypatch.undo()
    assert (tmp_path / "a-fronts.pdf").read_bytes() == b"front"  # staged, never renamed: both unchanged
    assert (tmp_path / "a-backs.pdf").read_bytes() == b"back"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-backs.pdf", "a-fronts.pdf"]  # no temporary left


def test_write_creates_the_folder_and_replaces_in_one_step(tmp_path: Path):
    target = tmp_path / "out" / "deeper" / "b.pdf"
    assert write_atomic(target, b"first") == target
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["b.pdf"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_temporary_file_is_a_dot_file_beside_the_target(tmp_path: Path, monkeypatch):
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src, dst):
        renames.append((os.fspath(src), os.fspath(dst)))
        assert Path(src).read_bytes() == b"data"  # complete before the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "b.pdf", b"data")
    ((src, dst),) = renames
    assert Path(src).parent == tmp_path
    assert Path(src).name.startswith(".b.pdf.")
    assert dst == str(tmp_path / "b.pdf")


def test_file_and_folder_are_fsynced(tmp_path: Path, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd):
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomic(tmp_path / "b.pdf", b"data")
    assert synced == ["file", "folder"]
    synced.clear()
    write_atomic(tmp_path / "b.pdf", b"data", sync_folder=False)
    assert synced == ["file"]


def test_short_writes_still_write_everything(tmp_path: Path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    payload = bytes(range(256)) * 40
    write_atomic(tmp_path / "b.pdf", payload)
    assert (tmp_path / "b.pdf").read_bytes() == payload


def _no_space(*args):
    raise OSError(errno.ENOSPC, "No space left on device")


def _no_space_midway(real_write):
    """An os.write that writes two short pieces, then finds the disk full."""
    calls: list[int] = []

    def write(fd, data):
        calls.append(1)
        if len(calls) > 2:
            _no_space()
        return real_write(fd, bytes(data[:1000]))

    return write


@pytest.mark.parametrize("where", ["write", "write-midway", "fsync", "replace"])
def test_a_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch, where: str):
    target = tmp_path / "b.pdf"
    write_atomic(target, b"good")
    name, failing = {
        "write": ("write", _no_space),
        "write-midway": ("write", _no_space_midway(os.write)),
        "fsync": ("fsync", _no_space),
        "replace": ("replace", _no_space),
    }[where]
    monkeypatch.setattr(os, name, failing)
    with pytest.raises(InputError) as caught:
        write_atomic(target, b"new but doomed" * 1000)
    monkeypatch.undo()
    assert str(caught.value) == f"cannot write {target}: No space left on device; the previous file is unchanged"
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["b.pdf"]


def test_an_interrupt_removes_the_temporary_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "b.pdf"
    write_atomic(target, b"good")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["b.pdf"]


def test_unwritable_folder_is_a_user_error(tmp_path: Path, monkeypatch):
    """Tests run as root, where chmod cannot forbid anything: refuse at mkstemp instead."""

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError) as caught:
        write_atomic(tmp_path / "b.pdf", b"x")
    assert str(caught.value) == f"cannot write to {tmp_path}: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_refused_by_the_system_call(tmp_path: Path, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match="^cannot write to .*: Permission denied$"):
        write_atomic(tmp_path / "b.pdf", b"x")


def test_a_file_where_the_folder_should_be(tmp_path: Path):
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(InputError, match=r"^cannot write to .*out: "):
        write_atomic(tmp_path / "out" / "b.pdf", b"x")
    assert (tmp_path / "out").read_text() == "not a folder"


def test_output_may_not_be_a_folder(tmp_path: Path):
    with pytest.raises(InputError, match="is a folder; give a file name for the output$"):
        write_atomic(tmp_path, b"x")


def test_output_may_not_be_an_input(tmp_path: Path):
    source = tmp_path / "in.pdf"
    source.write_bytes(b"%PDF-original")
    (tmp_path / "link.pdf").symlink_to(source)
    os.link(source, tmp_path / "hard.pdf")
    sub = tmp_path / "sub"
    sub.mkdir()
    for alias in (source, tmp_path / "link.pdf", tmp_path / "hard.pdf", sub / ".." / "in.pdf"):
        with pytest.raises(InputError, match="is also an input; choose another output path$"):
            write_atomic(alias, b"%PDF-new", inputs=[source])
    assert source.read_bytes() == b"%PDF-original"


def test_output_may_not_overwrite_content(tmp_path: Path):
    content = tmp_path / "content"
    (content / "strokes").mkdir(parents=True)
    (content / "booklet.yaml").write_text("id: x\n")
    (content / "strokes" / "one.yaml").write_text("id: one\n")
    for target in (content / "booklet.yaml", content / "strokes" / "one.yaml", content / "new.yaml"):
        with pytest.raises(InputError, match="would overwrite a content file"):
            write_atomic(target, b"%PDF", inputs=[content])
    assert (content / "booklet.yaml").read_text() == "id: x\n"
    write_atomic(content / "out" / "x.pdf", b"%PDF", inputs=[content])  # a new file inside is fine


def test_a_symlink_loop_is_a_user_error(tmp_path: Path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    with pytest.raises(InputError):
        write_atomic(tmp_path / "a.pdf", b"x", inputs=[tmp_path / "in.pdf"])


def test_racing_threads_never_interleave(tmp_path: Path):
    target = tmp_path / "race.pdf"
    payloads = [bytes([65 + i]) * 300_000 for i in range(8)]
    threads = [threading.Thread(target=write_atomic, args=(target, data)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["race.pdf"]


def _write_many(target: str, letter: int, rounds: int) -> None:
    for _ in range(rounds):
        write_atomic(Path(target), bytes([letter]) * 1_000_000)


def _read_while_racing(target: Path, stop: threading.Event, seen: set[bytes]) -> None:
    while not stop.is_set():
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            continue
        seen.add(bytes(set(data)) + len(data).to_bytes(4, "big"))  # the letters, then the length


def test_racing_processes_each_leave_a_whole_file(tmp_path: Path):
    """Readers during the race see either nothing or one writer's complete bytes."""
    target = tmp_path / "race.pdf"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(str(target), 65 + i, 5)) for i in range(4)]
    stop, seen = threading.Event(), set()
    reader = threading.Thread(target=_read_while_racing, args=(target, stop, seen))
    for worker in workers:
        worker.start()
    reader.start()  # after the forks: a child must not inherit a running thread
    for worker in workers:
        worker.join(30)
    stop.set()
    reader.join()
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    data = target.read_bytes()
    assert len(data) == 1_000_000
    assert len(set(data)) == 1
    assert seen
    assert all(len(seen_once) == 5 and seen_once[1:] == (1_000_000).to_bytes(4, "big") for seen_once in seen), seen
    assert [p.name for p in tmp_path.iterdir()] == ["race.pdf"]
