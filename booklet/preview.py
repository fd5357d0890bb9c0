"""PDF bytes -> PNG pages and a contact sheet, with pypdfium2 and Pillow (no system tools)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from booklet.errors import OptionError


@dataclass(frozen=True)
class Preview:
    pages: list[Path]
    sheet: Path


def parse_pages(spec: str | None, count: int) -> list[int]:
    """ "1-3,5" -> [1, 2, 3, 5], within 1..count; None -> every page."""
    if not spec:
        return list(range(1, count + 1))
    chosen: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        try:
            low, high = int(first), int(last or first)
        except ValueError:
            raise OptionError(f"--pages: bad page range '{spec}' (expected e.g. 1-3,5)") from None
        chosen += [p for p in range(low, high + 1) if 1 <= p <= count]
    if not chosen:
        raise OptionError(f"--pages: page range '{spec}' selects none of the {count} pages")
    return sorted(set(chosen))


def render_pages(pdf: bytes, pages: list[int], dpi: int) -> list:
    """Rasterise the chosen pages (1-based) to Pillow images."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        return [document[p - 1].render(scale=dpi / 72).to_pil() for p in pages]
    finally:
        document.close()


def contact_sheet(images: list, labels: list[int], columns: int = 6):
    """All pages as thumbnails on one image, numbered."""
    from PIL import Image, ImageDraw

    thumb_w = 220
    thumbs = [im.resize((thumb_w, round(im.height * thumb_w / im.width))) for im in images]
    cell_h = max(t.height for t in thumbs) + 24
    columns = min(columns, len(thumbs))
    rows = -(-len(thumbs) // columns)
    sheet = Image.new("RGB", (columns * (thumb_w + 12) + 12, rows * cell_h + 12), "#6b7479")
    draw = ImageDraw.Draw(sheet)
    for i, (thumb, label) in enumerate(zip(thumbs, labels, strict=True)):
        x, y = 12 + (i % columns) * (thumb_w + 12), 12 + (i // columns) * cell_h
        sheet.paste(thumb, (x, y))
        draw.text((x + thumb_w // 2 - 6, y + thumb.height + 4), str(label), fill="white")
    return sheet


def write_preview(pdf: bytes, out_dir: Path, stem: str, pages: str | None = None, dpi: int = 60) -> Preview:
    """Write page PNGs and a contact sheet into ``out_dir``."""
    import pypdfium2 as pdfium

    count = len(pdfium.PdfDocument(io.BytesIO(pdf)))
    chosen = parse_pages(pages, count)
    images = render_pages(pdf, chosen, dpi)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in zip(chosen, images, strict=True):
        path = out_dir / f"{stem}-{number:03d}.png"
        image.save(path)
        paths.append(path)
    sheet = out_dir / f"{stem}-contact.png"
    contact_sheet(images, chosen).save(sheet)
    return Preview(paths, sheet)
