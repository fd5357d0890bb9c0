"""Key + JSON-able value <-> a small file in the user's cache folder, so cold starts skip work.

Used for results that are pure functions of their input bytes (parsed YAML, QR
matrices). Entries are JSON (never pickle), keyed by a hash of the input and the
booklet version; a missing, unreadable or corrupt entry is simply recomputed.
Set BOOKLET_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from booklet import __version__

MAX_ENTRY = 2_000_000


def folder() -> Path | None:
    if os.environ.get("BOOKLET_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "booklet"


def key(kind: str, data: bytes) -> str:
    return f"{kind}-{hashlib.sha256(data + __version__.encode()).hexdigest()[:32]}"


def get(name: str) -> Any | None:
    where = folder()
    if where is None:
        return None
    try:
        with open(where / f"{name}.json", "rb") as handle:
            raw = handle.read(MAX_ENTRY + 1)
        return json.loads(raw) if len(raw) <= MAX_ENTRY else None
    except (OSError, ValueError):
        return None


def put(name: str, value: Any) -> None:
    """Store atomically; failures (read-only home, full disk) are ignored: the cache is optional."""
    where = folder()
    if where is None:
        return
    with contextlib.suppress(OSError, TypeError, ValueError):
        where.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=where, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(value, handle, separators=(",", ":"))
            os.replace(temp, where / f"{name}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
