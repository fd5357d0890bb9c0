"""Author image (PNG, JPEG or SVG inside the content folder) -> checked, scaled flowable.

Images are untrusted. Files are read through booklet.files (inside the content folder,
regular files, size-capped); ReportLab is handed bytes, never a path. Raster files are
decoded by Pillow with warnings as errors and a pixel cap of our own, EXIF orientation
is applied and the image re-encoded without metadata (no GPS, author or comments in
the PDF). SVG is cleaned first by svg_clean (the XML and CSS parsers that render it; styles
rebuilt into a known subset, fonts mapped to the booklet's embedded sans so svglib
never searches the system); only the cleaned copy reaches svglib.
"""

from __future__ import annotations

import io
import warnings
from functools import cache
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from booklet.files import MAX_IMAGE_FILE, UnsafePath, read_inside, resolve_inside
from booklet.illustrate.svg_clean import SVG_FONT

MAX_PIXELS = 40_000_000
PRINT_DPI = 300  # raster images are scaled down to this at their printed size
RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


class ImageProblem(ValueError):
    """An author image that cannot be used, with a one-line reason."""


def check_image(root: Path, relative: str) -> None:
    """Content root + relative path -> None, or ImageProblem: every check (a full decode), nothing built."""
    _read(root, relative, encode=False)


def load_image(root: Path, relative: str, max_width_pt: float, max_height_pt: float):
    """Content root + relative path + box -> a flowable of the image, fitted without distortion.

    PNG and JPEG give a :class:`Picture`; SVG gives a ReportLab Drawing.
    """
    kind, data = _read(root, relative, fit=(max_width_pt, max_height_pt))
    if kind == "svg":
        return _svg_drawing(data, relative, max_width_pt, max_height_pt)

    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(max_width_pt / width, max_height_pt / height)
    return Picture(reader, width * scale, height * scale)


def _read(root: Path, relative: str, fit: tuple[float, float] | None = None, encode: bool = True) -> tuple[str, bytes]:
    """Content root + relative path -> ("svg" | "raster", cleaned bytes ReportLab may safely read)."""
    suffix = Path(relative).suffix.lower()
    try:
        resolve_inside(root, relative)  # a path that leaves the folder is the first thing to say
        if suffix not in RASTER and suffix != ".svg":
            raise ImageProblem(f"'{relative}' is not a PNG, JPEG or SVG file")
        data = read_inside(root, relative, MAX_IMAGE_FILE)
    except UnsafePath as exc:
        raise ImageProblem(str(exc)) from None
    if suffix == ".svg":
        return "svg", sanitise_svg(data, relative)
    return "raster", clean_raster(data, relative, RASTER[suffix], fit, encode)


def clean_raster(
    data: bytes, relative: str, expected: str, fit: tuple[float, float] | None = None, encode: bool = True
) -> bytes:
    """PNG or JPEG bytes -> verified, upright, metadata-free bytes of the same format.

    ``fit``, a box in points, scales a needlessly large image down to PRINT_DPI.
    With ``encode`` false the image is only checked (fully decoded) and b"" returned.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow's own bomb and truncation warnings stop here
            width, height = _probe(data, relative, expected)
            with Image.open(io.BytesIO(data)) as opened:
                opened.load()
                if opened.size != (width, height):
                    raise ImageProblem(f"'{relative}' decodes to a different size than its header says")
                return _reencode(opened, expected, fit) if encode else b""
    except ImageProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(f"'{relative}' has too many pixels (limit {MAX_PIXELS:,} in all)") from None
    except UnidentifiedImageError:
        raise ImageProblem(f"'{relative}' cannot be read as {expected}: damaged, or not an image") from None
    except Exception as exc:  # Pillow raises many types for broken files
        reason = " ".join(str(exc).split())[:100] or type(exc).__name__
        raise ImageProblem(f"'{relative}' cannot be read as {expected}: {reason}") from None


def _probe(data: bytes, relative: str, expected: str) -> tuple[int, int]:
    """Image bytes -> (width, height), after header checks: the real format, the size, PNG checksums."""
    from PIL import Image

    with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as probe:
        if probe.format != expected:
            raise ImageProblem(f"'{relative}' is not really a {expected} file (it is {probe.format})")
        width, height = probe.size
        if not width or not height or width * height > MAX_PIXELS:
            raise ImageProblem(f"'{relative}' is {width} x {height} pixels (limit {MAX_PIXELS:,} in all)")
        probe.verify()
    return width, height


def _reencode(image, expected: str, fit: tuple[float, float] | None) -> bytes:
    """A decoded image -> upright, metadata-free bytes, no larger than print needs."""
    from PIL import Image, ImageOps

    upright = ImageOps.exif_transpose(image)
    has_alpha = "A" in upright.mode or "transparency" in upright.info
    if expected == "JPEG" or not has_alpha:
        upright = upright.convert("L" if upright.mode in ("1", "L") else "RGB")
    else:
        upright = upright.convert("RGBA")
    if fit is not None:
        most = tuple(max(1, round(side / 72 * PRINT_DPI)) for side in fit)
        scale = min(most[0] / upright.width, most[1] / upright.height)
        if scale < 0.8:
            size = (max(1, round(upright.width * scale)), max(1, round(upright.height * scale)))
            upright = upright.resize(size, Image.Resampling.LANCZOS)
    upright.info = {}  # EXIF, XMP, ICC, text chunks, comments: none of it is written
    out = io.BytesIO()
    if expected == "JPEG":
        upright.save(out, "JPEG", quality=90, optimize=False)
    else:
        upright.save(out, "PNG", optimize=False)
    return out.getvalue()


def sanitise_svg(data: bytes, relative: str) -> bytes:
    """SVG bytes -> a cleaned, re-serialised copy (see svg_clean), or ImageProblem naming what is refused."""
    from booklet.illustrate.svg_clean import Refused, sanitise

    try:
        return sanitise(data, relative)
    except Refused as exc:
        raise ImageProblem(str(exc)) from None


def _svg_drawing(data: bytes, relative: str, max_width_pt: float, max_height_pt: float):
    """Cleaned SVG bytes -> a Drawing scaled to fit the box."""
    from svglib.svglib import svg2rlg

    font = _register_svg_font()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            drawing = svg2rlg(io.BytesIO(data))
    except Exception as exc:
        raise ImageProblem(f"'{relative}' cannot be drawn: {' '.join(str(exc).split())[:100]}") from None
    if drawing is None or not drawing.width > 0 or not drawing.height > 0:
        raise ImageProblem(f"'{relative}' has no size (give the <svg> a width and height or a viewBox)")
    scale = min(max_width_pt / drawing.width, max_height_pt / drawing.height)
    drawing.initialFontName = font
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    return drawing


@cache
def _register_svg_font() -> str:
    """() -> regular font name, after mapping our one SVG family to the embedded Noto Sans.

    svglib then never searches system fonts or runs fc-match.

    The names are the ones register_family already gave these files; ReportLab keeps
    the first registration of a name, so nothing is loaded or embedded twice.
    """
    from svglib.fonts import get_global_font_map

    from booklet.fonts import find_family, map_styles, register_family

    fonts = register_family("NotoSans")
    files = find_family("NotoSans")
    font_map = get_global_font_map()
    for weight, style, key, name in (
        ("normal", "normal", "Regular", fonts.regular),
        ("bold", "normal", "Bold", fonts.bold),
        ("normal", "italic", "Italic", fonts.italic),
        ("bold", "italic", "BoldItalic", fonts.bold_italic),
    ):
        font_map.register_font(SVG_FONT, str(files[key]), weight=weight, style=style, rlgFontName=name)
    map_styles("NotoSans", fonts)  # svglib's registration just mapped each face's bold to itself
    return fonts.regular


class Picture(Flowable):
    """A raster image from an ImageReader, drawn at a fixed size."""

    def __init__(self, reader, width: float, height: float):
        super().__init__()
        self.reader, self.width, self.height = reader, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")
