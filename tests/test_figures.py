"""Figures beyond the back: the registry, validation per figure, non-body topics with no body, and alt text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from booklet.build import BuildOptions, build, load_booklet
from booklet.errors import ContentError
from booklet.illustrate.describe import alt_texts, describe
from booklet.illustrate.figures import FIGURE_NAMES, FIGURES, figure, zone_name
from booklet.illustrate.pictures import label_size_for
from booklet.labels import BUILT_IN
from booklet.model import Illustration

from .conftest import SHIPPED

NECK = """\
illustration:
  figure: neck-shoulders
  pattern: circles
  start: base-of-skull
  direction: outward
  repeats: 3
  hand: fingertips
  badges: {place: 1, pass: 2}
tips:"""


def curves(page) -> int:
    """Bezier curves drawn on a page, in its content and its form XObjects."""
    data = page.get_contents().get_data()
    for xobject in (page["/Resources"].get("/XObject") or {}).values():
        obj = xobject.get_object()
        if obj.get("/Subtype") == "/Form":
            data += obj.get_data()
    return len(re.findall(rb" c\b", data))


def images(page) -> int:
    return len(page.images)


def test_the_registry_holds_back_neck_shoulders_and_none():
    assert FIGURE_NAMES[:3] == ("back", "neck-shoulders", "none")
    assert not FIGURES["none"].drawn
    assert not FIGURES["none"].zones
    for name in ("back", "neck-shoulders"):
        fig = figure(name)
        assert fig.no_pressure() == ("spine",)
        assert fig.light()
        for zone in fig.zones.values():
            for polygon in zone.polygons:
                assert all(fig.inside(p) for p in polygon), (name, zone.name)
    assert zone_name("base of the skull") == "base-of-skull"
    assert zone_name("kidneys") == "kidney-area"


def test_a_zone_not_on_the_strokes_figure_is_an_error_with_its_line(handwash: Path, edit):
    edit(
        handwash / "strokes/lather.yaml",
        "tips:",
        "illustration: {figure: neck-shoulders, pattern: glide, start: kidney-area}\ntips:",
    )
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    first = caught.value.lines()[0]
    assert re.search(
        r"lather\.yaml:\d+:\d+: error: lather\.illustration\.start: zone 'kidney-area' is not on the "
        r"neck-shoulders figure \(its zones: head, base-of-skull",
        first,
    ), first


def test_badges_must_name_a_drawn_part_and_an_existing_step(handwash: Path, edit):
    edit(
        handwash / "strokes/lather.yaml",
        "tips:",
        "illustration:\n  pattern: glide\n  badges: {place: 9, over: 1}\ntips:",
    )
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    text = str(caught.value)
    assert "lather.illustration.badges.place: step 9 does not exist (the stroke has 3 steps)" in text
    assert "lather.illustration.badges.over: the drawing has no 'over' part (it has: place, pass, move)" in text


def test_a_path_across_the_spine_is_an_error(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration:\n  paths:\n    - [[0.3, 0.4], [0.7, 0.4]]\ntips:")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert re.search(
        r"lather\.yaml:\d+:\d+: error: lather\.illustration\.paths: a path crosses the spine", str(caught.value)
    )


def test_an_image_without_alt_is_an_error_and_hand_takes_any_short_text(handwash: Path, edit):
    (handwash / "images").mkdir()
    Image.new("RGB", (40, 30), "#3a7").save(handwash / "images" / "soap.png")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/soap.png, hand: a soft brush}\ntips:")
    with pytest.raises(ContentError) as caught:
        load_booklet(handwash)
    assert re.search(
        r"lather\.yaml:\d+:\d+: error: lather\.illustration\.image: an image needs a text alternative",
        caught.value.lines()[0],
    )
    edit(handwash / "strokes/lather.yaml", "hand: a soft brush}", "hand: a soft brush, alt: A bar of soap}")
    assert load_booklet(handwash).stroke("lather").illustration.hand == "a soft brush"


def test_a_non_body_topic_gets_no_body_anywhere(handwash: Path, edit):
    """Cover, stroke pages, stroke cards and the cautions card of a booklet about hand washing draw no back."""
    plain = build(load_booklet(handwash), BuildOptions()).pdf
    reader = PdfReader(io.BytesIO(plain))
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert "No pressure" not in text
    assert "Light touch only" not in text
    assert curves(reader.pages[0]) < 12  # the cover: title panel only, no figure
    cards = build(load_booklet(handwash), BuildOptions(format="cards")).pdf
    card_reader = PdfReader(io.BytesIO(cards))
    assert all(curves(p) < 30 for p in card_reader.pages)  # no body outline on any card
    assert "No pressure" not in " ".join(p.extract_text() or "" for p in card_reader.pages)


def test_author_images_reach_the_cover_and_the_cards(handwash: Path, edit):
    (handwash / "images").mkdir()
    Image.new("RGB", (400, 300), "#3a7").save(handwash / "images" / "lather.png")
    Image.new("RGB", (300, 300), "#37a").save(handwash / "images" / "cover.png")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/lather.png, alt: Soapy hands}\ntips:")
    booklet = load_booklet(handwash)
    pdf = PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf))
    assert images(pdf.pages[0]) == 1  # the first stroke's image on the cover
    cards = PdfReader(io.BytesIO(build(booklet, BuildOptions(format="cards")).pdf))
    assert sum(images(p) for p in cards.pages) >= 1  # the Lather card shows the author's image
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  cover_image: images/cover.png\n  cover_alt: A tap")
    with_cover = load_booklet(handwash)
    first = PdfReader(io.BytesIO(build(with_cover, BuildOptions()).pdf)).pages[0]
    assert images(first) == 1
    assert alt_texts(with_cover)["cover"] == "A tap"
    assert alt_texts(with_cover)["lather"] == "Soapy hands"


def test_a_booklet_on_the_neck_shoulders_figure_builds_with_its_zones(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "tips:", NECK)
    edit(
        handwash / "strokes/lather.yaml",
        "text: Stop if the soap stings broken skin.",
        "text: Stop if the soap stings broken skin.\n    zone: side-of-neck",
    )
    booklet = load_booklet(handwash)
    reader = PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf))
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert "No pressure" in text
    assert "Light touch only" in text
    alt = alt_texts(booklet)["lather"]
    assert alt.startswith("Diagram of the head, neck and shoulders seen from behind. ")
    assert "base of the skull" in alt
    assert "out from the spine" in alt
    assert "the spine is a no-pressure zone" in alt


def test_shipped_alt_texts_say_what_the_diagrams_show():
    booklet = load_booklet(SHIPPED)
    alts = alt_texts(booklet)
    assert set(alts) == {*(s.id for s in booklet.strokes), "cover"}
    fan = alts["fan-stroke"]
    assert fan.startswith(
        "Diagram of a back seen from above. Both palms glide up either side of the spine from the lower"
    )
    assert "fan out over the shoulder blades" in fan
    assert "return lightly down the sides" in fan
    assert "the spine is a no-pressure zone" in fan
    assert "touch the ribs and kidney area only lightly" in fan
    assert "on the left side, then on the right" in alts["petrissage"]
    assert "rake down on the left side, then on the right" in alts["raking"]
    assert "no-pressure" not in alts["cover"]  # the cover's drawing shows no zones
    for text in alts.values():  # printed nowhere
        for page in PdfReader(io.BytesIO(build(booklet, BuildOptions()).pdf)).pages[:1]:
            assert text not in (page.extract_text() or "")


@pytest.mark.parametrize("language", sorted(BUILT_IN))
def test_alt_text_is_written_in_the_booklets_language(language):
    words = BUILT_IN[language]

    def label(key: str, **values: object) -> str:
        from booklet.labels import fill

        return fill(words[key], values)

    ill = Illustration(pattern="fan", start="lower-back", direction="up", hand="palms")
    text = describe(ill, label, lambda z: words["zone_" + z.replace("-", "_")], lambda h: words["hand_" + h])
    assert words["alt_figure_back"] in text
    assert words["zone_lower_back"] in text
    assert words["zone_spine"] in text
    assert "{" not in text


def test_large_print_labels_are_twelve_points_or_more():
    assert label_size_for(1.0, 10) is None
    assert label_size_for(1.4, 14) >= 12
    booklet = load_booklet(SHIPPED)
    pdf = build(booklet, BuildOptions(audience="large-print")).pdf
    import pdfplumber

    key_sizes = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            if "STROKE" not in (page.extract_text() or ""):
                continue  # the stroke diagrams (the cautions map's size is the page layout's choice)
            for word in page.extract_words(extra_attrs=["size"]):
                if word["text"] in ("pressure", "touch"):
                    key_sizes.append(word["size"])
    assert key_sizes
    assert min(key_sizes) >= 12 - 0.01


def _inside_by_every_edge(fig, point, margin):
    """Figure.inside as written before edges were filed by height: every edge read."""
    from booklet.illustrate.zones import distance_to_segment, in_polygon

    x, y = point
    for (cx, cy), (rx, ry) in fig.ovals:
        if rx > margin and ry > margin and ((x - cx) / (rx - margin)) ** 2 + ((y - cy) / (ry - margin)) ** 2 <= 1:
            return True
    if not in_polygon(point, fig.edges):
        return False
    return margin <= 0 or all(distance_to_segment(point, a, b, fig.aspect) >= margin for a, b in fig.edges)


@pytest.mark.parametrize("name", [n for n in FIGURE_NAMES if FIGURES[n].drawn])
def test_inside_reads_edges_by_height_with_the_same_answers(name):
    """Edges filed by height answer exactly as reading every edge, at band edges, outline corners and off the body."""
    fig = FIGURES[name]
    corners = {p[1] for edge in fig.edges for p in edge}
    heights = sorted(
        {k / 97 for k in range(-3, 101)} | corners | {y + 1e-9 for y in corners} | {y - 1e-9 for y in corners}
    )
    xs = [k / 41 for k in range(-2, 44)] + [p[0] for edge in fig.edges for p in edge][::3]
    answers = {True: 0, False: 0}
    for margin in (0.0, 0.004, 0.02, 0.08):
        for y in heights[::2] if margin else heights:
            for x in xs:
                got = fig.inside((x, y), margin)
                assert got == _inside_by_every_edge(fig, (x, y), margin), (name, x, y, margin)
                answers[got] += 1
    assert answers[True] > 500  # both answers were tested, many times
    assert answers[False] > 500


@pytest.mark.parametrize("name", [n for n in FIGURE_NAMES if FIGURES[n].drawn])
def test_outline_crossings_by_height_are_those_of_every_edge(name):
    from booklet.illustrate.figure import crossings

    fig = FIGURES[name]
    corners = {p[1] for edge in fig.edges for p in edge}
    for y in sorted({k / 199 for k in range(-2, 202)} | corners | {y + 1e-9 for y in corners}):
        assert sorted(fig.crossings(y)) == sorted(crossings(fig.outline, y)), (name, y)
