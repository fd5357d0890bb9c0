"""Diagrams drawn from data: inside their bounds at every size, deterministic, author images checked."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from booklet.build import BuildOptions, build, load_booklet
from booklet.errors import ContentError
from booklet.illustrate.diagram import draw_avoid_map, draw_diagram
from booklet.illustrate.motions import PATTERN_NAMES, traces_for
from booklet.illustrate.zones import ZONE_NAMES, ZONES, zone_name
from booklet.model import Illustration

from .conftest import SHIPPED

SPECS = [
    Illustration(pattern=p, start=s, direction=d, repeats=r, side=side, hand=h)
    for p in PATTERN_NAMES
    for s, d, r, side, h in (
        ("lower-back", "up", 3, "both", "palms"),
        ("upper-back", "down", 6, "left", "fingertips"),
        (None, "outward", 1, "right", "thumbs"),
    )
]


def test_zones_cover_the_named_areas():
    for name in (
        "neck",
        "shoulders",
        "shoulder-blades",
        "upper-back",
        "mid-back",
        "lower-back",
        "spine",
        "ribs",
        "kidney-area",
        "hips",
    ):
        assert name in ZONE_NAMES
    for zone in ZONES.values():
        for polygon in zone.polygons:
            assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in polygon)
    assert zone_name("Shoulder blades") == "shoulder-blades"
    assert zone_name("kidneys") == "kidney-area"
    assert zone_name("elbow") is None


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.pattern}-{s.direction}-{s.side}")
def test_traces_stay_in_the_unit_box(spec):
    traces = traces_for(spec)
    assert traces
    for trace in traces:
        assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in trace.points)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.pattern}-{s.direction}-{s.side}")
@pytest.mark.parametrize("width_mm", [40, 95, 150])
def test_every_pattern_draws_inside_its_bounds(spec, width_mm):
    width = width_mm * mm
    drawing = draw_diagram(spec, width, width * 1.3, avoid=["spine", "kidney-area"])
    x0, y0, x1, y1 = drawing.getBounds()
    assert x0 >= -0.5
    assert y0 >= -0.5
    assert x1 <= drawing.width + 0.5
    assert y1 <= drawing.height + 0.5


def test_small_drawings_drop_fine_detail():
    spec = SPECS[0]
    small = draw_diagram(spec, 40 * mm, 52 * mm, avoid=["spine"])
    large = draw_diagram(spec, 95 * mm, 124 * mm, avoid=["spine"])

    def count(node) -> int:
        return 1 + sum(count(c) for c in getattr(node, "contents", []))

    assert count(small) < count(large) * 0.7


def test_drawing_is_deterministic():
    a = draw_diagram(SPECS[1], 90 * mm, 120 * mm, avoid=["ribs"])
    b = draw_diagram(SPECS[1], 90 * mm, 120 * mm, avoid=["ribs"])

    def dump(node) -> list[str]:
        own = [type(node).__name__ + repr(sorted((k, repr(v)) for k, v in vars(node).items() if k != "contents"))]
        return own + [line for child in getattr(node, "contents", []) for line in dump(child)]

    assert dump(a) == dump(b)


def test_avoid_map_labels_every_zone():
    drawing = draw_avoid_map(["spine", "kidney-area", "ribs", "neck"], 110 * mm, 90 * mm)
    labels = []

    def walk(node):
        if hasattr(node, "text"):
            labels.append(node.text)
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    assert {"Spine", "Kidney area", "Ribs", "Neck", "Avoid pressure"} <= set(labels)


def test_stroke_pages_carry_vector_drawings():
    pdf = build(load_booklet(SHIPPED), BuildOptions()).pdf
    reader = PdfReader(io.BytesIO(pdf))
    stroke_pages = [p for p in reader.pages if re.search(r"STROKE \d OF \d", p.extract_text() or "")]
    assert len(stroke_pages) == 4
    for page in stroke_pages:
        data = page.get_contents().get_data()
        assert len(re.findall(rb" c\n| c ", data)) > 20  # Bezier curves of outline and motion
        assert re.search(rb"\bre\b|\bl\b", data)


@pytest.fixture
def with_images(handwash: Path, edit) -> Path:
    images = handwash / "images"
    images.mkdir()
    Image.new("RGB", (400, 300), "#3a7").save(images / "lather.png")
    (images / "rinse.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90">'
        '<circle cx="60" cy="45" r="40" fill="#7A3E9D"/>'
        '<text x="30" y="50" font-family="Papyrus">Rinse</text></svg>'
    )
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration:\n  image: images/lather.png\n  caption: Soap\ntips:")
    edit(handwash / "strokes/rinse.yaml", "steps:", "illustration: {image: images/rinse.svg}\nsteps:")
    return handwash


def test_author_png_and_svg_embed(with_images: Path):
    booklet = load_booklet(with_images)
    pdf = build(booklet, BuildOptions(audience=None, paper="a5")).pdf
    reader = PdfReader(io.BytesIO(pdf))
    images = [img for page in reader.pages for img in page.images]
    assert images  # the PNG, re-encoded
    svg_text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert "Lather" in svg_text


def test_author_images_lose_their_metadata(handwash: Path, edit):
    images = handwash / "images"
    images.mkdir()
    exif = Image.Exif()
    exif[0x013B] = "Secret Author"  # Artist
    Image.new("RGB", (64, 48), "#777").save(images / "photo.jpg", exif=exif.tobytes())
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/photo.jpg}\ntips:")
    pdf = build(load_booklet(handwash), BuildOptions()).pdf
    assert b"Secret Author" not in pdf


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.png", None, "file not found: missing.png"),
        ("../outside.png", None, "'../outside.png' is outside the content folder"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "'images/broken.png' cannot be read as PNG"),
        ("fake.png", b"just text", "'images/fake.png' cannot be read as PNG"),
        (
            "entity.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
            "DOCTYPE or entities is not allowed",
        ),
        (
            "outside.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="/etc/passwd" width="9" height="9"/></svg>',
            "references outside the file",
        ),
        ("notes.txt", b"hello", "is not a PNG, JPEG or SVG file"),
    ],
)
def test_bad_images_fail_with_file_and_line(handwash: Path, edit, name, content, message):
    images = handwash / "images"
    images.mkdir()
    if content is not None:
        (images / name).write_bytes(content)
    relative = name if name.startswith("..") else f"images/{name}"
    edit(handwash / "strokes/lather.yaml", "tips:", f"illustration:\n  image: {relative}\ntips:")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    first = caught.value.lines()[0]
    assert re.search(r"strokes/lather\.yaml:\d+:\d+: error: lather\.illustration\.image: ", first), first
    assert message in first


def test_decompression_bomb_is_refused(handwash: Path, edit):
    images = handwash / "images"
    images.mkdir()
    Image.new("1", (8000, 6000)).save(images / "bomb.png")  # 48 megapixels, a few KB on disk
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/bomb.png}\ntips:")
    with pytest.raises(ContentError, match="pixels"):
        load_booklet(handwash)


def test_unknown_pattern_and_zone_are_content_errors(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {pattern: swirl, start: elbow}\ntips:")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    lines = caught.value.lines()
    assert any("unknown pattern 'swirl'" in line for line in lines)
    assert any("unknown zone 'elbow'" in line for line in lines)


def test_theme_logo_goes_on_the_cover(handwash: Path, edit):
    images = handwash / "images"
    images.mkdir()
    Image.new("RGB", (120, 120), "#7A3E9D").save(images / "logo.png")
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  logo: images/logo.png")
    pdf = build(load_booklet(handwash), BuildOptions()).pdf
    cover = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(cover.images) == 1
