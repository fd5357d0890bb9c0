"""Moved to booklet/fonts.py (font registration is shared by render and illustrate).

This alias keeps imports written before the move working; new code imports booklet.fonts.
"""

from __future__ import annotations

from booklet.fonts import (  # noqa: F401
    MAX_FONT_FILE,
    STYLES,
    FontSet,
    charset,
    content_font_dirs,
    find_family,
    map_styles,
    register_family,
)
