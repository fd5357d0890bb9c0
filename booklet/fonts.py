"""Font family names -> registered ReportLab TrueType fonts (embedded, subset).

Families are TTF files named ``<Family>-Regular.ttf``, ``-Bold``, ``-Italic`` and
``-BoldItalic`` in the shipped ``fonts/`` folder (or a ``fonts/`` folder inside the
content). Registration is cached per process: ``booklet watch`` and ``batch`` pay once.
A shipped family's bold and italic faces are registered by name and their files parsed
the first time a page asks for them (about 6 ms a face; many booklets never set italic).
A shipped face's parsed tables are kept between runs (``fontfaces.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from booklet.errors import BookletError
from booklet.shipped import fonts_dir

STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class FontSet:
    """The registered ReportLab names of one family's four styles."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


MAX_FONT_FILE = 30_000_000


def content_font_dirs(root: Path | None) -> tuple[Path, ...]:
    """The content's own ``fonts/`` folder, when it has one inside the content folder."""
    if root is None:
        return ()
    folder = root / "fonts"
    real_root = root.resolve()
    if folder.is_dir() and (folder.resolve() == real_root / "fonts" or real_root in folder.resolve().parents):
        return (folder,)
    return ()


def find_family(family: str, extra_dirs: tuple[Path, ...] = ()) -> dict[str, Path]:
    """Locate the four style files of a family; a missing Regular is a user error."""
    for folder in (*extra_dirs, fonts_dir()):
        regular = folder / f"{family}-Regular.ttf"
        if regular.is_file():
            files = {style: folder / f"{family}-{style}.ttf" for style in STYLES}
            chosen = {s: (p if p.is_file() else regular) for s, p in files.items()}
            if folder in extra_dirs:
                _check_content_fonts(folder, chosen.values())
            return chosen
    available = sorted(p.name.removesuffix("-Regular.ttf") for p in fonts_dir().glob("*-Regular.ttf"))
    raise BookletError(f"font family '{family}' not found (available: {', '.join(available)})")


def _check_content_fonts(folder: Path, paths) -> None:
    """Fonts from the content are untrusted: inside their folder, regular files, of sane size."""
    real = folder.resolve()
    for path in paths:
        target = path.resolve()
        if target.parent != real or not target.is_file() or target.stat().st_size > MAX_FONT_FILE:
            raise BookletError(
                f"font file fonts/{path.name} must be a regular file inside the content folder, "
                f"under {MAX_FONT_FILE // 1_000_000} MB"
            )


def register_family(family: str, extra_dirs: tuple[Path, ...] = ()) -> FontSet:
    """Register a family's four styles with ReportLab, once per process and version of the files.

    ReportLab keeps the first font registered under a name, so fonts from a content
    folder register under names that carry a digest of their bytes: a font file changed
    while ``booklet watch`` runs gets new names and is embedded from then on.
    """
    files = find_family(family, extra_dirs)
    stamps = tuple((style, path, path.stat().st_mtime_ns, path.stat().st_size) for style, path in files.items())
    from_content = any(path.parent in extra_dirs for path in files.values())
    tag = "-" + _digest(tuple(stamps)) if from_content else ""
    return _register(family, stamps, tag)


@cache
def _digest(stamps: tuple[tuple[str, Path, int, int], ...]) -> str:
    """A short digest of the four files' bytes; cached per modification time and size."""
    import hashlib

    digest = hashlib.sha256()
    for style, path, _, _ in stamps:
        digest.update(style.encode())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise BookletError(f"font file {path.name} cannot be read: {exc.strerror or exc}") from None
    return digest.hexdigest()[:12]


@cache
def _register(family: str, stamps: tuple[tuple[str, Path, int, int], ...], tag: str = "") -> FontSet:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = {style: path for style, path, _, _ in stamps}
    names = {style: f"{family}-{style}{tag}" for style in STYLES}
    from booklet.fontfaces import ttfont

    shipped = fonts_dir().resolve()
    for style, path in files.items():
        if style != "Regular" and path != files["Regular"] and path.resolve().parent == shipped:
            _register_on_first_use(names[style], path)
            continue
        try:
            if path.resolve().parent == shipped:
                pdfmetrics.registerFont(ttfont(names[style], path))
            else:
                pdfmetrics.registerFont(TTFont(names[style], str(path)))
        except Exception as exc:  # a broken TTF raises anything from TTFError to struct.error
            raise BookletError(f"font file {path.name} cannot be read: {str(exc)[:100]}") from None
    for bold, italic, style in ((0, 0, "Regular"), (1, 0, "Bold"), (0, 1, "Italic"), (1, 1, "BoldItalic")):
        addMapping(family, bold, italic, names[style])  # the latest version of the family
        addMapping(names["Regular"], bold, italic, names[style])
    return FontSet(names["Regular"], names["Bold"], names["Italic"], names["BoldItalic"])


def _register_on_first_use(name: str, path: Path) -> None:
    """Register a shipped face under ``name`` without reading its file yet (see _OnFirstUse)."""
    from reportlab.pdfbase import pdfmetrics

    if name in pdfmetrics.getRegisteredFontNames():
        return  # ReportLab keeps the first registration of a name, as registerFont does
    pdfmetrics._fonts[name] = _on_first_use_class()(name, path)
    pdfmetrics.registerFontFamily(name)  # what registerFont does for a TrueType font, after registering it


@cache
def _on_first_use_class() -> type:
    """ReportLab's TTFont, parsing its file on first use (built on first call: ReportLab loads with it)."""
    import threading

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from booklet.fontfaces import fill

    lock = threading.Lock()

    class _OnFirstUse(TTFont):
        """A shipped TrueType face, registered by name; its file is read when anything else of it is first asked for.

        Shipped files are known to parse, so reading late cannot fail mid-render. Until
        then the face is not in ReportLab's table of face names (which makes a second
        name for the same face share the first one's font); it joins it once read.
        """

        def __init__(self, name: str, path: Path):  # not TTFont.__init__: that reads the file
            self.fontName = name
            self._unread = str(path)

        def __getattr__(self, attribute: str) -> Any:
            with lock:
                unread = self.__dict__.pop("_unread", None)
                if unread is not None:
                    fill(self, self.fontName, Path(unread))
                    pdfmetrics._dynFaceNames.setdefault(self.face.name, self)
            return object.__getattribute__(self, attribute)

    return _OnFirstUse


@cache
def charset(font_name: str) -> frozenset[int]:
    """Code points the registered font can draw."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def map_styles(family: str, fonts: FontSet) -> None:
    """Point <b> and <i> inside paragraphs of ``family`` at its bold and italic faces again.

    ReportLab's style table is global and other libraries write to it (svglib maps every
    font it registers to itself), so whoever registers a family's files again restores it.
    """
    from reportlab.lib.fonts import addMapping

    for bold, italic, name in (
        (0, 0, fonts.regular),
        (1, 0, fonts.bold),
        (0, 1, fonts.italic),
        (1, 1, fonts.bold_italic),
    ):
        addMapping(family, bold, italic, name)
        addMapping(fonts.regular, bold, italic, name)
