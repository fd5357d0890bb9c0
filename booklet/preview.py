"""PDF bytes -> PNG pages or facing-page spreads, and a contact sheet, with pypdfium2 and Pillow.

A reading booklet is seen as it is held: page 1 (the cover) alone on the right, then
2|3, 4|5, ... with even pages on the left, and an even last page alone on the left.
The contact sheet is laid out the same way unless asked for a flat grid of pages.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from booklet.errors import OptionError

SHEET_LAYOUTS = ("spreads", "pages")
BACKGROUND = "#6b7479"  # the sheet behind the pages: an empty half of a spread shows as this
SPINE = "#9aa3a8"  # a hairline where two facing pages meet
THUMB_W = 220  # pixels per page on the contact sheet
GAP = 12  # pixels between cells
LABEL_H = 24  # pixels under a cell for its page numbers

Spread = tuple[int | None, int | None]  # (left page, right page), 1-based; None is an empty half


@dataclass(frozen=True)
class Preview:
    """What `booklet preview` wrote: the page (or spread) PNGs and the contact sheet."""

    pages: list[Path]  # one PNG per page, or per spread with ``spreads``
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


def spreads(pages: list[int]) -> list[Spread]:
    """Pages (1-based, sorted) -> the spreads they sit on, in order: [1, 2, 3, 4] -> [(None, 1), (2, 3), (4, None)].

    An even page is a left-hand page, an odd one a right-hand page; pages 2n and 2n+1 face
    each other. A page whose partner is not among ``pages`` (not chosen, or past the end)
    has an empty half beside it.
    """
    chosen = set(pages)
    out: list[Spread] = []
    for index in sorted({p // 2 for p in chosen}):
        left, right = 2 * index, 2 * index + 1
        out.append((left if left in chosen else None, right if right in chosen else None))
    return out


def render_pages(pdf: bytes, pages: list[int], dpi: int) -> list:
    """Rasterise the chosen pages (1-based) to Pillow images."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        return [document[p - 1].render(scale=dpi / 72).to_pil() for p in pages]
    finally:
        document.close()


def spread_image(left, right, half: tuple[int, int]):
    """Two page images (either may be None) -> one image, the pages meeting at the middle."""
    from PIL import Image, ImageDraw

    half_w, half_h = half
    image = Image.new("RGB", (2 * half_w, half_h), BACKGROUND)
    if left is not None:  # a left page sits against the spine, on the right of its half
        image.paste(left, (half_w - left.width, 0))
    if right is not None:
        image.paste(right, (half_w, 0))
    if left is not None and right is not None:
        ImageDraw.Draw(image).line([(half_w, 0), (half_w, half_h - 1)], fill=SPINE)
    return image


def contact_sheet(images: list, labels: list[int], columns: int = 6):
    """All pages as thumbnails on one image, numbered, in a flat grid."""
    from PIL import Image, ImageDraw

    thumbs = [_thumb(im) for im in images]
    cell_h = max(t.height for t in thumbs) + LABEL_H
    columns = min(columns, len(thumbs))
    rows = -(-len(thumbs) // columns)
    sheet = Image.new("RGB", (columns * (THUMB_W + GAP) + GAP, rows * cell_h + GAP), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for i, (thumb, label) in enumerate(zip(thumbs, labels, strict=True)):
        x, y = GAP + (i % columns) * (THUMB_W + GAP), GAP + (i // columns) * cell_h
        sheet.paste(thumb, (x, y))
        draw.text((x + THUMB_W // 2 - 6, y + thumb.height + 4), str(label), fill="white")
    return sheet


def spreads_sheet(images: list, labels: list[int], columns: int = 3):
    """All pages as thumbnails on one image, as facing-page spreads, ``columns`` spreads a row."""
    from PIL import Image, ImageDraw

    thumbs = dict(zip(labels, (_thumb(im) for im in images), strict=True))
    layout = spreads(labels)
    half = (THUMB_W, max(t.height for t in thumbs.values()))
    cell_w, cell_h = 2 * THUMB_W + 2 * GAP, half[1] + LABEL_H
    columns = min(columns, len(layout))
    rows = -(-len(layout) // columns)
    sheet = Image.new("RGB", (columns * cell_w + GAP, rows * cell_h + GAP), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for i, (left, right) in enumerate(layout):
        x, y = GAP + (i % columns) * cell_w, GAP + (i // columns) * cell_h
        sheet.paste(spread_image(_at(thumbs, left), _at(thumbs, right), half), (x, y))
        for page, centre in ((left, x + THUMB_W // 2), (right, x + THUMB_W + THUMB_W // 2)):
            if page is not None:
                draw.text((centre - 6, y + half[1] + 4), str(page), fill="white")
    return sheet


def _at(images: dict, page: int | None):
    return None if page is None else images[page]


def _thumb(image):
    return image.resize((THUMB_W, round(image.height * THUMB_W / image.width)))


def write_preview(
    pdf: bytes,
    out_dir: Path,
    stem: str,
    pages: str | None = None,
    dpi: int = 60,
    spread_files: bool = False,
    sheet: str = "spreads",
) -> Preview:
    """Write page PNGs (or spread PNGs) and a contact sheet (as spreads or a flat grid) into ``out_dir``."""
    import pypdfium2 as pdfium

    if sheet not in SHEET_LAYOUTS:
        raise OptionError(f"--sheet: unknown layout '{sheet}' (expected {' or '.join(SHEET_LAYOUTS)})")
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    count = len(document)
    document.close()
    chosen = parse_pages(pages, count)
    images = render_pages(pdf, chosen, dpi)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = _spread_files(images, chosen, out_dir, stem) if spread_files else _page_files(images, chosen, out_dir, stem)
    path = out_dir / f"{stem}-contact.png"
    (spreads_sheet if sheet == "spreads" else contact_sheet)(images, chosen).save(path)
    return Preview(paths, path)


def _page_files(images: list, chosen: list[int], out_dir: Path, stem: str) -> list[Path]:
    paths = []
    for number, image in zip(chosen, images, strict=True):
        path = out_dir / f"{stem}-{number:03d}.png"
        image.save(path)
        paths.append(path)
    return paths


def _spread_files(images: list, chosen: list[int], out_dir: Path, stem: str) -> list[Path]:
    """One PNG per spread, named by its pages: stem-spread-001.png (the cover), stem-spread-002-003.png."""
    by_page = dict(zip(chosen, images, strict=True))
    half = (max(im.width for im in images), max(im.height for im in images))
    paths = []
    for left, right in spreads(chosen):
        numbers = "-".join(f"{p:03d}" for p in (left, right) if p is not None)
        path = out_dir / f"{stem}-spread-{numbers}.png"
        spread_image(_at(by_page, left), _at(by_page, right), half).save(path)
        paths.append(path)
    return paths
