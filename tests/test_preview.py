"""booklet preview: pages and spreads as PNG, and the contact sheet, read back as images.

Which page is where is found by comparing each place on the output with that page
rendered on its own: a page shown in the wrong half or the wrong spread fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops, ImageStat

from booklet.build import build_booklet
from booklet.cli import main
from booklet.preview import BACKGROUND, GAP, LABEL_H, THUMB_W, render_pages, spreads

FIXTURES = Path(__file__).parent / "fixtures"
HANDWASH = FIXTURES / "handwash"  # 9 A6 pages
DPI = 30


def test_spreads_pair_even_left_with_odd_right():
    assert spreads([1, 2, 3, 4, 5]) == [(None, 1), (2, 3), (4, 5)]
    assert spreads([1, 2, 3, 4, 5, 6]) == [(None, 1), (2, 3), (4, 5), (6, None)]  # an even last page alone, left
    assert spreads([1]) == [(None, 1)]
    assert spreads([2, 5, 6]) == [(2, None), (None, 5), (6, None)]  # partners not chosen leave their half empty


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0 (same) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3


def is_background(image: Image.Image) -> bool:
    colour = Image.new("RGB", image.size, BACKGROUND)
    return difference(image, colour) < 1


@pytest.fixture(scope="module")
def pages() -> dict[int, Image.Image]:
    pdf = build_booklet(HANDWASH)
    assert isinstance(pdf, bytes)
    return dict(zip(range(1, 10), render_pages(pdf, list(range(1, 10)), DPI), strict=True))


def preview(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "preview"
    result = CliRunner().invoke(main, ["preview", str(HANDWASH), "--dpi", str(DPI), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def test_spread_files_show_facing_pages_side_by_side(tmp_path: Path, pages):
    out = preview(tmp_path, "--spreads", "--pages", "1-4")
    names = sorted(p.name for p in out.glob("handwash-spread-*.png"))
    assert names == ["handwash-spread-001.png", "handwash-spread-002-003.png", "handwash-spread-004.png"]
    assert not list(out.glob("handwash-00*.png"))  # spreads instead of single pages
    w, h = pages[2].size
    assert difference(pages[2], pages[3]) > 3  # the pages differ enough to be told apart
    with Image.open(out / "handwash-spread-002-003.png") as spread:
        assert spread.size == (2 * w, h)
        left, right = spread.crop((0, 0, w, h)), spread.crop((w, 0, 2 * w, h))
        assert difference(left, pages[2]) < 1.5 < difference(left, pages[3])
        assert difference(right, pages[3]) < 1.5 < difference(right, pages[2])
    with Image.open(out / "handwash-spread-001.png") as cover:  # the cover is a right-hand page
        assert is_background(cover.crop((0, 0, w, h)))
        assert difference(cover.crop((w, 0, 2 * w, h)), pages[1]) < 1.5
    with Image.open(out / "handwash-spread-004.png") as last:  # page 4 of 1-4: a left-hand page, alone
        assert difference(last.crop((0, 0, w, h)), pages[4]) < 1.5
        assert is_background(last.crop((w, 0, 2 * w, h)))


def thumb(image: Image.Image) -> Image.Image:
    return image.resize((THUMB_W, round(image.height * THUMB_W / image.width)))


def test_contact_sheet_is_laid_out_as_spreads_by_default(tmp_path: Path, pages):
    out = preview(tmp_path)
    assert len(list(out.glob("handwash-0*.png"))) == 9  # single pages still written without --spreads
    th = thumb(pages[1]).height
    cell_w, cell_h = 2 * THUMB_W + 2 * GAP, th + LABEL_H
    # 9 pages: (-,1) (2,3) (4,5) | (6,7) (8,9): two rows of three spreads
    expected = [[(None, 1), (2, 3), (4, 5)], [(6, 7), (8, 9), None]]
    with Image.open(out / "handwash-contact.png") as sheet:
        assert sheet.size == (3 * cell_w + GAP, 2 * cell_h + GAP)
        for row, spreads_in_row in enumerate(expected):
            for column, spread in enumerate(spreads_in_row):
                x, y = GAP + column * cell_w, GAP + row * cell_h
                halves = [sheet.crop((x + i * THUMB_W, y, x + (i + 1) * THUMB_W, y + th)) for i in (0, 1)]
                if spread is None:  # the row's empty place
                    assert all(is_background(half) for half in halves)
                    continue
                for half, page in zip(halves, spread, strict=True):
                    if page is None:
                        assert is_background(half), (row, column)
                    else:
                        others = [n for n in pages if n != page]
                        mine = difference(half, thumb(pages[page]))
                        assert mine < 2, (page, mine)
                        assert all(difference(half, thumb(pages[n])) > mine for n in others), page


def test_contact_sheet_can_be_a_flat_grid(tmp_path: Path, pages):
    out = preview(tmp_path, "--sheet", "pages", "--pages", "1-3")
    th = thumb(pages[1]).height
    with Image.open(out / "handwash-contact.png") as sheet:
        assert sheet.size == (3 * (THUMB_W + GAP) + GAP, th + LABEL_H + GAP)
        for i, page in enumerate((1, 2, 3)):  # side by side in reading order, page 1 first
            x = GAP + i * (THUMB_W + GAP)
            assert difference(sheet.crop((x, GAP, x + THUMB_W, GAP + th)), thumb(pages[page])) < 2


def test_cards_preview_is_a_flat_grid_and_refuses_spreads(tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "cards"
    result = runner.invoke(main, ["preview", str(HANDWASH), "-f", "cards", "--dpi", "20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheets = sorted(out.glob("*-0*.png"))
    with Image.open(out / f"{sheets[0].name.rsplit('-', 1)[0]}-contact.png") as sheet:
        columns = min(6, len(sheets))
        assert sheet.size[0] == columns * (THUMB_W + GAP) + GAP
    for flag in (["--spreads"], ["--sheet", "spreads"]):
        result = runner.invoke(main, ["preview", str(HANDWASH), "-f", "cards", *flag, "-o", str(out)])
        assert result.exit_code == 2
        assert "applies to booklets: card sheets have no facing pages" in result.output
