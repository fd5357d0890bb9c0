"""ReportLab's process-wide settings -> set for the length of one render call, then restored.

Importing booklet changes nothing in ReportLab: an application that imports it keeps its
own settings. While booklet renders, content is untrusted, so no host or scheme is
trusted (nothing named in content is fetched, whatever RL_trustedHosts says), and
shape attribute checks are off (shapes are built from validated numbers; the checks
cost about a third of a booklet's render time), and streams are Flate-compressed
without ReportLab's ASCII85 layer on top (a binary PDF needs no 7-bit text, and
finish/ would otherwise decode and recompress every stream: 55 ms of a 24-page build),
and a stream encoded or compressed before in this process is not encoded or compressed
again (render/streams.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

RENDER_SETTINGS: dict[str, Any] = {"trustedHosts": None, "trustedSchemes": [], "shapeChecking": 0, "useA85": 0}

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def render_settings() -> Iterator[None]:
    """Apply RENDER_SETTINGS to reportlab.rl_config inside the block; restore the previous values after."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    from booklet.render.streams import compress, encode_text

    saved = {name: getattr(rl_config, name) for name in RENDER_SETTINGS}
    flate = pdfdoc.PDFZCompress
    own_encode, text_encoder = flate.__dict__.get("encode"), pdfdoc.pdfdocEnc
    try:
        for name, value in RENDER_SETTINGS.items():
            setattr(rl_config, name, list(value) if isinstance(value, list) else value)
        flate.encode = compress
        pdfdoc.pdfdocEnc = encode_text
        yield
    finally:
        for name, value in saved.items():
            setattr(rl_config, name, value)
        pdfdoc.pdfdocEnc = text_encoder
        if own_encode is None:
            del flate.encode
        else:
            flate.encode = own_encode


def with_render_settings(function: F) -> F:
    """Decorate a render entry point so it always runs under render_settings()."""

    @functools.wraps(function)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with render_settings():
            return function(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
