"""Author image (PNG, JPEG or SVG inside the content folder) -> checked, scaled flowable.

Images are untrusted. Raster files are decoded by Pillow with warnings as errors and a
pixel cap of our own, EXIF orientation is applied and the image re-encoded so no
metadata (GPS, author) reaches the PDF. SVG is parsed strictly first: no DOCTYPE or
entities, no external or file references, bounded <use>, fonts limited to known
families; only then does svglib see it. ReportLab is handed bytes, never a path.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from booklet.files import MAX_IMAGE_FILE, UnsafePath, read_inside, resolve_inside

MAX_PIXELS = 40_000_000
MAX_SVG_ELEMENTS = 20_000
MAX_USE = 200
SVG_FONT = "booklet-sans"  # every SVG text is set in the booklet's embedded Noto Sans
RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


class ImageProblem(ValueError):
    """An author image that cannot be used, with a one-line reason."""


def check_image(root: Path, relative: str) -> None:
    """Validate an image without building it (the validator calls this)."""
    _decode(root, relative)


def _decode(root: Path, relative: str) -> tuple[str, object]:
    suffix = Path(relative).suffix.lower()
    try:
        resolve_inside(root, relative)
        if suffix not in RASTER and suffix != ".svg":
            raise ImageProblem(f"'{relative}' is not a PNG, JPEG or SVG file")
        data = read_inside(root, relative, MAX_IMAGE_FILE)
    except UnsafePath as exc:
        raise ImageProblem(str(exc)) from None
    if suffix == ".svg":
        return "svg", sanitise_svg(data, relative)
    return "raster", clean_raster(data, relative, RASTER[suffix])


def clean_raster(data: bytes, relative: str, expected: str) -> bytes:
    """Decode, verify and re-encode a PNG or JPEG as a metadata-free PNG or JPEG."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != expected:
                    raise ImageProblem(f"'{relative}' is not really a {expected} file")
                width, height = probe.size
                if width * height > MAX_PIXELS or not width or not height:
                    raise ImageProblem(f"'{relative}' is {width} x {height} pixels (limit {MAX_PIXELS:,} in all)")
                probe.verify()
            with Image.open(io.BytesIO(data)) as opened:
                opened.load()
                image = ImageOps.exif_transpose(opened)
                out = io.BytesIO()
                if expected == "JPEG":
                    image.convert("RGB").save(out, "JPEG", quality=90)
                else:
                    image.save(out, "PNG")
    except ImageProblem:
        raise
    except Exception as exc:  # Pillow raises many types for broken files, warnings included
        raise ImageProblem(f"'{relative}' cannot be read as {expected}: {str(exc)[:100]}") from None
    return out.getvalue()


def sanitise_svg(data: bytes, relative: str) -> bytes:
    """Parse SVG strictly and return a cleaned copy, or refuse it."""
    from lxml import etree

    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise ImageProblem(f"'{relative}': SVG with a DOCTYPE or entities is not allowed")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImageProblem(f"'{relative}' is not valid SVG: {str(exc)[:100]}") from None
    if not str(root.tag).endswith("svg"):
        raise ImageProblem(f"'{relative}' is not an SVG file")
    elements = list(root.iter())
    if len(elements) > MAX_SVG_ELEMENTS:
        raise ImageProblem(f"'{relative}' has too many elements ({len(elements):,})")
    uses = 0
    for element in elements:
        tag = str(element.tag).rsplit("}", 1)[-1]
        uses += tag == "use"
        if tag in ("script", "foreignObject"):
            raise ImageProblem(f"'{relative}': <{tag}> is not allowed in SVG")
        for name, value in element.attrib.items():
            _check_attribute(relative, str(name).rsplit("}", 1)[-1], value, element)
    if uses > MAX_USE:
        raise ImageProblem(f"'{relative}' has too many <use> elements ({uses})")
    return etree.tostring(root)


def _check_attribute(relative: str, name: str, value: str, element) -> None:
    if name == "href" and not value.startswith("#"):
        raise ImageProblem(f"'{relative}': SVG references outside the file ({value[:60]!r}) are not allowed")
    if "url(" in value and "url(#" not in value.replace(" ", ""):
        raise ImageProblem(f"'{relative}': SVG references outside the file are not allowed")
    if name == "font-family":
        element.set(name, SVG_FONT)
    if name == "style" and "font-family" in value:
        element.set(name, _safe_style(value))


def _safe_style(style: str) -> str:
    parts = [p for p in style.split(";") if not p.strip().lower().startswith("font-family")]
    return ";".join(parts + [f"font-family:{SVG_FONT}"])


def load_image(root: Path, relative: str, max_width_pt: float, max_height_pt: float):
    """A flowable of the image scaled to fit the box without distortion."""
    kind, payload = _decode(root, relative)
    if kind == "svg":
        return _svg_flowable(payload, relative, max_width_pt, max_height_pt)  # type: ignore[arg-type]
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, height = ImageReader(io.BytesIO(payload)).getSize()  # type: ignore[arg-type]
    scale = min(max_width_pt / width, max_height_pt / height)
    return Image(io.BytesIO(payload), width * scale, height * scale)  # type: ignore[arg-type]


def _register_svg_font() -> None:
    """Map our one SVG family to the embedded Noto Sans, so svglib never searches system fonts."""
    from svglib.fonts import get_global_font_map

    from booklet.render.fonts import find_family

    font_map = get_global_font_map()
    if font_map.find_font(SVG_FONT)[1]:
        return
    files = find_family("NotoSans")
    for weight, style, key in (
        ("normal", "normal", "Regular"),
        ("bold", "normal", "Bold"),
        ("normal", "italic", "Italic"),
        ("bold", "italic", "BoldItalic"),
    ):
        font_map.register_font(SVG_FONT, str(files[key]), weight=weight, style=style, rlgFontName=f"NotoSans-{key}")


def _svg_flowable(data: bytes, relative: str, max_width_pt: float, max_height_pt: float):
    from svglib.svglib import svg2rlg

    _register_svg_font()
    if b"<text" in data and b"font-family" not in data:
        data = data.replace(b"<svg", f'<svg font-family="{SVG_FONT}"'.encode(), 1)
    try:
        drawing = svg2rlg(io.BytesIO(data))
    except Exception as exc:
        raise ImageProblem(f"'{relative}' cannot be drawn: {str(exc)[:100]}") from None
    if drawing is None or not drawing.width or not drawing.height:
        raise ImageProblem(f"'{relative}' has no size")
    scale = min(max_width_pt / drawing.width, max_height_pt / drawing.height)
    drawing.initialFontName = "NotoSans-Regular"
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    return drawing
