"""A PDF/A-3 booklet + a folder -> the content source files it carries, written back inside that folder.

Names come from the PDF, so they are untrusted: a name that is absolute, climbs out
with ``..``, names a drive or holds a backslash or control character is refused, and
every file is written through write.write_atomic like any other output.
"""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

from booklet.errors import BookletError

MAX_FILE = 50_000_000


def embedded_sources(data: bytes) -> list[tuple[str, bytes]]:
    """The associated source files of a PDF: (relative name, bytes), in the order they were embedded."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise BookletError(f"not a readable PDF: {str(exc)[:120]}") from None
    with pdf:
        found = []
        for spec in pdf.Root.get("/AF", pikepdf.Array()):
            if spec.get("/AFRelationship") != pikepdf.Name.Source or "/EF" not in spec:
                continue
            name = str(spec.get("/UF", spec.get("/F", "")))
            stream = spec.EF.get("/UF", spec.EF.get("/F"))
            if stream is None:
                continue
            if int(stream.get("/Length", 0)) > MAX_FILE:
                raise BookletError(f"embedded file {name!r} is larger than {MAX_FILE:,} bytes")
            found.append((name, stream.read_bytes()))
        return found


def safe_name(name: str) -> PurePosixPath:
    """An embedded file's name -> a relative path that stays inside the target folder, or BookletError."""
    path = PurePosixPath(name)
    bad = (
        not name
        or path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or ":" in name
        or any(ord(ch) < 32 for ch in name)
    )
    if bad or not path.parts:
        raise BookletError(f"refusing embedded file name {name!r}: it must be a relative path inside the folder")
    return path


def extract(pdf_path: Path, folder: Path) -> list[Path]:
    """Write every embedded source of ``pdf_path`` under ``folder``; return the paths written."""
    from booklet.write import write_atomic

    files = embedded_sources(pdf_path.read_bytes())
    if not files:
        raise BookletError(f"{pdf_path} carries no source files (build it with --pdf-standard a-3b)")
    targets = [(folder / safe_name(name), data) for name, data in files]
    root = folder.resolve()
    written = []
    for target, data in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        real = target.parent.resolve()
        if real != root and root not in real.parents:
            raise BookletError(f"refusing to write {target}: it leads outside {folder}")
        written.append(write_atomic(target, data))
    return written
