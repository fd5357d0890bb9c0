"""File identifiers (finish/ident.py): one per content, the same on a rebuild, no offset moved."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from booklet.build import build_booklet
from booklet.finish.ident import identified

_ID = re.compile(rb"/ID\s*\[<([0-9a-f]{32})><([0-9a-f]{32})>\]")


def file_id(data: bytes) -> bytes:
    found = _ID.search(data, len(data) - 1024)
    assert found is not None
    assert found.group(1) == found.group(2)  # a new file: both halves alike
    return found.group(1)


def test_editions_with_one_title_get_their_own_identifier(tmp_path: Path):
    home = build_booklet(audience="home")
    large = build_booklet(audience="large-print")
    assert isinstance(home, bytes)
    assert isinstance(large, bytes)
    assert file_id(home) != file_id(large)
    assert file_id(build_booklet(audience="home")) == file_id(home)  # deterministic
    path = tmp_path / "home.pdf"
    path.write_bytes(home)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    with pikepdf.open(path) as pdf:
        assert bytes(pdf.trailer.ID[0]).hex().encode() == file_id(home)


def test_the_identifier_is_the_digest_of_the_bytes_as_written():
    body = b"%PDF-1.7\n" + b"x" * 5000 + b"\ntrailer\n<< /ID \n[<" + b"0" * 32 + b"><" + b"0" * 32 + b">] >>\n%%EOF\n"
    out = identified(body)
    assert len(out) == len(body)
    assert file_id(out) == hashlib.md5(body).hexdigest().encode()
    assert out.replace(file_id(out), b"0" * 32) == body


def test_a_file_without_a_trailer_identifier_is_refused():
    with pytest.raises(ValueError, match="no /ID"):
        identified(b"%PDF-1.7\n" + b"x" * 2000)
