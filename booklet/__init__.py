"""booklet: structured technique content in YAML -> print-ready PDFs.

Importing this package stays cheap; the heavy steps load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["__version__", "build_booklet"]

if TYPE_CHECKING:
    from pathlib import Path


def _reportlab_ignores_home() -> None:
    """Stand-ins for ReportLab's per-user hooks: its import runs ~/.reportlab_mods and ~/.reportlab_settings.

    Those files are code from outside the content folder; they would make a build read
    (and execute) them and could change its bytes. Empty modules of those names, in place
    before ReportLab is first imported, make it skip the home folder. Cheap: no import.
    """
    import sys
    import types

    for name in ("reportlab_mods", "reportlab_settings"):
        sys.modules.setdefault(name, types.ModuleType(name))


_reportlab_ignores_home()


def build_booklet(source: str | Path | None = None, **options: Any) -> bytes | list[Path]:
    """Build from a content folder or YAML file -> PDF bytes, or the paths written.

    See :func:`booklet.build.build_booklet` for the options.
    """
    from booklet.build import build_booklet as build

    return build(source, **options)
