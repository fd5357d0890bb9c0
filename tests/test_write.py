"""Writing output: atomic, never partial, never over an input, names that say what they hold."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from booklet.errors import InputError
from booklet.write import output_name, write_atomic


def test_output_names():
    assert output_name("back-massage", None, "booklet") == "back-massage.pdf"
    assert output_name("back-massage", "large-print", "booklet") == "back-massage-large-print.pdf"
    assert output_name("back-massage", "home", "cards") == "back-massage-home-cards.pdf"
    assert output_name("back-massage", None, "booklet", impose="saddle") == "back-massage-saddle.pdf"
    assert output_name("A Guide!", "Kids' ed", "booklet") == "a-guide-kids-ed.pdf"


def test_write_replaces_in_one_step(tmp_path: Path):
    target = tmp_path / "out" / "b.pdf"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["b.pdf"]


def test_a_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "b.pdf"
    write_atomic(target, b"good")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError, match="No space left on device; the previous file is unchanged"):
        write_atomic(target, b"new but doomed")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["b.pdf"]


def test_unwritable_folder_is_a_user_error(tmp_path: Path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match="cannot write to .*Permission denied"):
        write_atomic(tmp_path / "b.pdf", b"x")


def test_output_may_not_be_an_input_or_a_folder(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "booklet.yaml").write_text("id: x\n")
    with pytest.raises(InputError, match="would overwrite a content file"):
        write_atomic(content / "booklet.yaml", b"%PDF", inputs=[content])
    source = tmp_path / "in.pdf"
    source.write_bytes(b"%PDF-original")
    with pytest.raises(InputError, match="is also an input"):
        write_atomic(source, b"%PDF-new", inputs=[source])
    assert source.read_bytes() == b"%PDF-original"
    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, b"x")


def test_racing_writers_never_interleave(tmp_path: Path):
    target = tmp_path / "race.pdf"
    payloads = [bytes([65 + i]) * 200_000 for i in range(6)]
    threads = [threading.Thread(target=write_atomic, args=(target, data)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["race.pdf"]
