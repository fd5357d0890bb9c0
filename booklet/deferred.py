"""A command's start -> PIL's image module made on import but loaded at the first image.

ReportLab's ``reportlab.lib.utils``, which every ReportLab module imports, runs ``from
PIL import Image`` at its top: PIL's C core and its EXIF and TIFF tag tables, about
2% of a cold `booklet build` (10-15 ms). ReportLab touches that module only to read or
draw an image. A finder placed first on ``sys.meta_path`` gives the first import of
``PIL.Image`` a module that runs its code on its first attribute access
(``importlib.util.LazyLoader``), then steps aside: content without images never loads
PIL, content with images loads it at its first image, as it was. Like compiled.py,
importing this module installs it and only the command line imports it, before any
ReportLab module: a library import of booklet changes nothing. Builds run one thread
per process (ReportLab is not thread-safe), so the loader's lack of a lock in Python
3.11 does not matter here.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec


class _DeferredImage:
    """A finder for ``PIL.Image`` alone, whose module runs its code on first use (once, then out of the way)."""

    def find_spec(self, name: str, path: Sequence[str] | None, target: object = None) -> ModuleSpec | None:
        if name != "PIL.Image":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def defer_pil_image() -> bool:
    """Make the next import of ``PIL.Image`` give a module that loads on first use; False if it is loaded already."""
    if "PIL.Image" in sys.modules or any(isinstance(f, _DeferredImage) for f in sys.meta_path):
        return False
    sys.meta_path.insert(0, _DeferredImage())
    return True


defer_pil_image()  # the command line imports this module before any ReportLab module
