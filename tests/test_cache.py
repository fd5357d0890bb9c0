"""The on-disk cache returns what the parser would, and survives corruption."""

from __future__ import annotations

from pathlib import Path

from booklet import cache
from booklet.load import parse_yaml, parse_yaml_uncached


def test_cached_parse_equals_fresh_parse(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("BOOKLET_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data = b"id: x\ntitle: 'Hi: there'\nitems: [a, {b: c}]\nnote: yes # comment\n"
    first = parse_yaml(data, "a.yaml")
    assert list((tmp_path / "booklet").glob("yaml-*.json"))
    second = parse_yaml(data, "b/a.yaml")
    assert second == parse_yaml_uncached(data, "b/a.yaml")
    assert first.ref.file == "a.yaml"
    assert second.ref.file == "b/a.yaml"


def test_corrupt_entries_are_recomputed(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("BOOKLET_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    data = b"a: 1\n"
    parse_yaml(data, "a.yaml")
    for entry in (tmp_path / "booklet").glob("*.json"):
        entry.write_text('["m", 1, 1, [["oops"]]]')
    assert parse_yaml(data, "a.yaml") == parse_yaml_uncached(data, "a.yaml")
    assert cache.get("missing-entry") is None
