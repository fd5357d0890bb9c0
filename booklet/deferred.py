"""A command's start -> PIL's image module and pyphen made on import but loaded at their first use.

ReportLab's ``reportlab.lib.utils``, which every ReportLab module imports, runs ``from
PIL import Image`` at its top: PIL's C core and its EXIF and TIFF tag tables, about
2% of a cold `booklet build` (10-15 ms). ReportLab touches that module only to read or
draw an image. Its paragraph module imports pyphen (which imports importlib.resources
and zipfile and lists its dictionaries: about 1.5%) for a hyphenation language named by
text; booklet hands it a hyphenator of its own (hyphenate.py, which finds pyphen's
dictionaries without importing it). A finder placed first on ``sys.meta_path`` gives
the first import of each a module that runs its code on its first attribute access
(``importlib.util.LazyLoader``), then steps aside: content without images never loads
PIL, content with images loads it at its first image, as it was. Like compiled.py,
importing this module installs it and only the command line imports it, before any
ReportLab module: a library import of booklet changes nothing. Builds run one thread
per process (ReportLab is not thread-safe), so the loader's lack of a lock in Python
3.11 does not matter here. (A module imported again anywhere loads at that import, so
only modules nothing else imports are worth deferring: tempfile, for one, is not.)
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec

DEFERRED = ("PIL.Image", "pyphen")


class _Deferred:
    """A finder for the modules it waits for: each one's module runs its code on first use (then out of the way)."""

    def __init__(self, names: Sequence[str]):
        self.waiting = set(names)

    def find_spec(self, name: str, path: Sequence[str] | None, target: object = None) -> ModuleSpec | None:
        if name not in self.waiting:
            return None
        self.waiting.discard(name)
        if not self.waiting and self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def defer(names: Sequence[str] = DEFERRED) -> bool:
    """Make the next import of each of ``names`` give a module that loads on first use; False if nothing is left
    to defer (each loaded already, or deferred already)."""
    if any(isinstance(f, _Deferred) for f in sys.meta_path):
        return False
    waiting = [name for name in names if name not in sys.modules]
    if not waiting:
        return False
    sys.meta_path.insert(0, _Deferred(waiting))
    return True


defer()  # the command line imports this module before any ReportLab module
