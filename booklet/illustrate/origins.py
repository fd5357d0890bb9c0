"""A cached drawing -> the call that made it, so that another process can make the same one.

Diagrams come out of memoised functions (illustrate/diagram.py): an equal call gives
the same Drawing object, and render/forms.py paints each object once per document as a
form. A page laid out in another process (render/parallel.py) holds that process's
drawing; sent back as the call that made it, the receiving process makes (or finds in
its own cache) its own object for the same call, and its forms are shared exactly as a
build in one process shares them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache, update_wrapper
from typing import Any, TypeVar

T = TypeVar("T")

_CALLS: dict[str, _lru_cache_wrapper[Any]] = {}  # name -> the memoised function
_MADE: weakref.WeakKeyDictionary[Any, tuple[str, tuple, tuple]] = weakref.WeakKeyDictionary()  # drawing -> call


def memoised(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``functools.lru_cache(maxsize)``, noting for each drawing made the call that made it."""

    def decorate(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
        name = f"{fn.__module__}.{fn.__qualname__}"

        def noted(*args: Any, **kwargs: Any) -> T:
            made = fn(*args, **kwargs)
            _MADE[made] = (name, args, tuple(sorted(kwargs.items())))
            return made

        cached = lru_cache(maxsize)(update_wrapper(noted, fn))
        _CALLS[name] = cached
        return cached

    return decorate


def call_of(drawing: Any) -> tuple[str, tuple, tuple] | None:
    """The memoised call that made ``drawing`` (name, args, keyword items), or None if it was made otherwise."""
    return _MADE.get(drawing)


def made_by(call: tuple[str, tuple, tuple]) -> Any:
    """This process's drawing for a call noted by call_of (made now, or the one its cache holds)."""
    name, args, kwargs = call
    return _CALLS[name](*args, **dict(kwargs))


def memoised_calls() -> list[_lru_cache_wrapper[Any]]:
    """Every memoised drawing function (their caches: cache_info, cache_clear)."""
    return list(_CALLS.values())
