"""Recipients + output folder -> receipts: each recipient's edition built and written by a worker.

Workers load and validate the content once each (the first time they need it, keyed by
the content's hash), then build one recipient per task and write its files atomically
straight into the output folder, which every worker must see. They hand back small
receipts, never PDF bytes. The same roster gives byte-identical files on every executor
and with any number of workers: a build depends only on its content and recipient.

Executors: ``local`` (a process pool, started fresh rather than forked), ``dask`` (a
LocalCluster on this machine), ``dask://HOST:PORT`` (a running ``dask scheduler``).
Recipients' names never appear in logs or messages: only their ids do.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from booklet.errors import BookletError
from booklet.roster import Recipient

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Task:
    """What a worker needs to build one recipient: all of it small and picklable."""

    source: str
    content_hash: str
    recipient: Recipient
    formats: tuple[str, ...]
    out_dir: str
    input_hash: str


@dataclass(frozen=True)
class Written:
    """One file a worker wrote: its name, size, sha256 and modification time (ns)."""

    name: str
    bytes: int
    sha256: str
    mtime_ns: int = 0  # 0: unknown (a manifest from before mtimes were kept), so resume hashes the file


@dataclass(frozen=True)
class Receipt:
    """What a worker hands back: ids, names of files, sizes and hashes; never a PDF."""

    id: str
    line: int
    input_hash: str
    files: tuple[Written, ...] = ()
    pages: int = 0
    seconds: float = 0.0
    errors: tuple[str, ...] = ()
    skipped: bool = False
    warnings: tuple[str, ...] = ()  # where the recipient's edition disagrees with itself

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Plan:
    """The tasks still to run, and the receipts of recipients whose files are up to date."""

    tasks: list[Task] = field(default_factory=list)
    skipped: list[Receipt] = field(default_factory=list)


def content_hash(root: Path) -> str:
    """Every file of the content folder (names and bytes), hashed in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def recipient_hash(content: str, recipient: Recipient, formats: tuple[str, ...]) -> str:
    """Content + the recipient's fields (not where in the roster they stand) + formats."""
    from booklet import __version__

    fields = asdict(replace(recipient, ref=recipient.ref.__class__("")))
    for caution in fields["cautions"]:
        caution.pop("ref", None)
        caution.pop("field_refs", None)
    text = json.dumps([__version__, content, fields, list(formats)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def plan_run(
    source: Path,
    root: Path,
    recipients: tuple[Recipient, ...],
    formats: tuple[str, ...],
    out_dir: Path,
    force: bool = False,
) -> Plan:
    """Recipients -> tasks, skipping those whose manifest entry and files are unchanged."""
    content = content_hash(root)
    previous = {} if force else read_manifest(out_dir)
    plan = Plan()
    for recipient in recipients:
        wanted = recipient.formats or formats
        digest = recipient_hash(content, recipient, wanted)
        entry = previous.get(recipient.id)
        if entry and entry.get("input_hash") == digest and _files_intact(out_dir, entry):
            files = tuple(Written(f["name"], f["bytes"], f["sha256"], f.get("mtime_ns", 0)) for f in entry["files"])
            plan.skipped.append(Receipt(recipient.id, recipient.ref.line, digest, files, entry["pages"], skipped=True))
        else:
            plan.tasks.append(Task(str(source), content, recipient, wanted, str(out_dir), digest))
    return plan


def _files_intact(out_dir: Path, entry: dict) -> bool:
    """Every file the entry lists is there as written: same size, and same mtime or else same sha256.

    A file whose size and modification time (to the nanosecond) are those recorded when it was
    written is taken as intact without reading it, as make does; only a file whose mtime moved
    (touched, copied, restored) is read and hashed. A rerun over 100,000 recipients thus stats
    files instead of reading gigabytes.
    """
    for f in entry.get("files", ()):
        path = out_dir / f["name"]
        try:
            stat = path.stat()
            if stat.st_size != f["bytes"]:
                return False
            if f.get("mtime_ns") and stat.st_mtime_ns == f["mtime_ns"]:
                continue
            if _sha256(path.read_bytes()) != f["sha256"]:
                return False
        except OSError:
            return False
    return bool(entry.get("files"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- the worker side ------------------------------------------------------------------

_LOADED: dict[tuple[str, str], object] = {}  # (source, content hash) -> Booklet, per worker process


def _booklet_for(task: Task):
    key = (task.source, task.content_hash)
    if key not in _LOADED:
        from booklet.build import load_booklet

        _LOADED.clear()
        _LOADED[key] = load_booklet(task.source)
    return _LOADED[key]


def run_task(task: Task) -> Receipt:
    """Build one recipient's files and write them; a user error becomes a failed receipt."""
    from booklet.build import build_recipient
    from booklet.warm import builds_again
    from booklet.write import write_atomic

    builds_again()
    started = time.perf_counter()
    recipient = task.recipient
    try:
        booklet = _booklet_for(task)
        outputs, pages, warnings = build_recipient(booklet, recipient, task.formats)  # type: ignore[arg-type]
        files = []
        for name, data in outputs.items():
            path = write_atomic(Path(task.out_dir) / name, data, sync_folder=False)
            files.append(Written(name, len(data), _sha256(data), path.stat().st_mtime_ns))
    except BookletError as exc:
        lines = tuple(_without_name(line, recipient.name) for line in exc.lines())
        return Receipt(
            recipient.id, recipient.ref.line, task.input_hash, seconds=time.perf_counter() - started, errors=lines
        )
    seconds = time.perf_counter() - started
    hidden = tuple(_without_name(w, recipient.name) for w in warnings)
    return Receipt(recipient.id, recipient.ref.line, task.input_hash, tuple(files), pages, seconds, warnings=hidden)


def _without_name(line: str, name: str) -> str:
    return line.replace(name, "<name>") if name else line


# ---- executors --------------------------------------------------------------------------


def run_tasks(tasks: list[Task], executor: str = "local", workers: int | None = None) -> Iterator[Receipt]:
    """Yield each task's receipt as it finishes, on the executor asked for."""
    if not tasks:
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    if executor == "local":
        yield from _run_local(tasks, workers)
    elif executor == "dask" or executor.startswith("dask://"):
        yield from _run_dask(tasks, executor, workers)
    else:
        raise BookletError(f"unknown executor '{executor}' (expected local, dask or dask://HOST:PORT)")


def _run_local(tasks: list[Task], workers: int) -> Iterator[Receipt]:
    if workers == 1:
        for task in tasks:
            yield run_task(task)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Spawned, not forked: each worker loads the content itself, once, like a Dask worker.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(run_task, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 4))))


def _run_dask(tasks: list[Task], executor: str, workers: int) -> Iterator[Receipt]:
    from booklet.dask_executor import dask_client

    with dask_client(executor, workers) as client:
        from distributed import as_completed

        # retries: a worker killed mid-task has its task run again on another worker.
        futures = client.map(run_task, tasks, retries=3, pure=False)
        for future in as_completed(futures):
            yield future.result()


# ---- the manifest -------------------------------------------------------------------------


def read_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    return {entry["id"]: entry for entry in data.get("recipients", []) if isinstance(entry, dict) and "id" in entry}


def write_manifest(out_dir: Path, receipts: list[Receipt], order: dict[str, int]) -> Path:
    """Receipts -> manifest.json (ids, files, pages, bytes, sha256, input hash, seconds); no names."""
    from booklet.write import write_atomic

    entries = []
    for r in sorted(receipts, key=lambda r: order.get(r.id, 0)):
        if not r.ok:
            continue
        entries.append(
            {
                "id": r.id,
                "files": [
                    {"name": f.name, "bytes": f.bytes, "sha256": f.sha256, "mtime_ns": f.mtime_ns} for f in r.files
                ],
                "pages": r.pages,
                "bytes": sum(f.bytes for f in r.files),
                "input_hash": r.input_hash,
                "seconds": round(r.seconds, 3),
            }
        )
    text = json.dumps({"version": MANIFEST_VERSION, "recipients": entries}, indent=1, sort_keys=True)
    return write_atomic(out_dir / MANIFEST, text.encode() + b"\n")


def sweep_temporaries(out_dir: Path) -> int:
    """Remove half-written files a killed worker left (write_atomic's '.NAME.*.tmp')."""
    removed = 0
    for path in out_dir.glob(".*.tmp"):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def run_roster(
    plan: Plan,
    out_dir: Path,
    executor: str = "local",
    workers: int | None = None,
    progress: Callable[[Receipt], None] | None = None,
    order: dict[str, int] | None = None,
) -> list[Receipt]:
    """Run a plan; the manifest is rewritten as receipts arrive, so a crash loses little."""
    order = order or {}
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(out_dir)
    receipts = list(plan.skipped)
    for r in plan.skipped:
        if progress:
            progress(r)
    last = time.monotonic()
    try:
        for receipt in run_tasks(plan.tasks, executor, workers):
            receipts.append(receipt)
            if not receipt.ok:
                log.info("recipient %s (line %d) failed", receipt.id, receipt.line)
            if progress:
                progress(receipt)
            if time.monotonic() - last > 2.0:
                write_manifest(out_dir, receipts, order)
                last = time.monotonic()
    finally:
        write_manifest(out_dir, receipts, order)
        sweep_temporaries(out_dir)
    return receipts
