"""Real PDFs built and read back: text, order, bookmarks, fonts, metadata, determinism."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import BuildOptions, build, load_booklet
from booklet.model import Booklet

from .conftest import REPO, SHIPPED, pdf_text, squash, unbreak

POPPLER = shutil.which("pdffonts") is not None
QPDF = shutil.which("qpdf") is not None


@pytest.fixture(scope="module")
def shipped_booklet() -> Booklet:
    """The default edition's booklet: the strokes, cautions and words a plain build prints."""
    from booklet.audience import make_edition

    return make_edition(load_booklet(SHIPPED)).booklet


@pytest.fixture(scope="module")
def shipped_pdf(shipped_booklet: Booklet) -> bytes:
    return build(shipped_booklet, BuildOptions()).pdf


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(unbreak(page.extract_text() or "").split()) for page in reader.pages]


def visible_text(booklet: Booklet) -> list[str]:
    """Every step, tip, caution and checklist item a reader must find."""
    texts = [c.text for c in booklet.cautions]
    for stroke in booklet.strokes:
        texts += [s.text for s in stroke.steps] + list(stroke.tips) + [c.text for c in stroke.cautions]
        texts.append(stroke.name)
    for checklist in booklet.checklists:
        texts += list(checklist.items)
    return texts


def running_text(data: bytes, booklet: Booklet) -> str:
    """The PDF's text with page furniture (running feet, "(continued)" labels) taken out,
    so a text that flows on to the next page still reads as one."""
    foot = re.escape(f"{booklet.title} · {booklet.edition}")
    pages = [re.sub(rf"\d+ {foot}|{foot} \d+|\S+ \(continued\)", " ", p) for p in page_texts(data)]
    return squash(" ".join(pages))


def test_shipped_booklet_has_every_step_tip_and_caution(shipped_booklet: Booklet, shipped_pdf: bytes):
    text = running_text(shipped_pdf, shipped_booklet)
    missing = [t for t in visible_text(shipped_booklet) if squash(t) not in text]
    assert not missing


def test_fixture_text_and_literal_markup(handwash: Path):
    result = build(load_booklet(handwash), BuildOptions())
    text = pdf_text(result.pdf)
    assert "Use soap & warm water: <b>not</b> just a rinse." in text
    edition = result.edition.booklet  # the kids' edition, the default, drops the rinse stroke
    assert [s.id for s in edition.strokes] == ["lather"]
    missing = [t for t in visible_text(edition) if squash(t) not in squash(text)]
    assert not missing


def test_page_order_and_contents_numbers(shipped_booklet: Booklet, shipped_pdf: bytes):
    pages = page_texts(shipped_pdf)
    assert shipped_booklet.title.split()[0] in pages[0]
    assert "Contents Introduction" in pages[1]
    starts = {}
    for stroke in shipped_booklet.strokes:
        starts[stroke.name] = next(
            i + 1 for i, p in enumerate(pages) if f"OF {len(shipped_booklet.strokes)} {stroke.name}" in p
        )
    assert list(starts.values()) == sorted(starts.values())
    for name, page in starts.items():
        assert re.search(rf"{re.escape(name)} \.*\s*{page}\b", pages[1]), (name, page, pages[1])
    title = shipped_booklet.label("cautions")
    cautions_page = next(i + 1 for i, p in enumerate(pages) if f"edition {title} " in p)
    assert cautions_page < min(starts.values())  # safety before the procedures
    references = next(i + 1 for i, p in enumerate(pages) if "Scan the code" in p)
    assert max(starts.values()) < references < len(pages)
    assert "Stop at once if" in pages[-1]  # the back cover comes last
    assert re.search(rf"{shipped_booklet.label('references')} \.*\s*{references}\b", pages[1])


def test_bookmarks_mirror_the_contents(shipped_booklet: Booklet, shipped_pdf: bytes):
    reader = PdfReader(io.BytesIO(shipped_pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles[0] == "Introduction"
    assert "The strokes" in titles
    assert shipped_booklet.label("cautions") in titles
    children = next(item for item in reader.outline if isinstance(item, list))
    assert [c.title for c in children] == [s.name for s in shipped_booklet.strokes]
    for item in [*top, *children]:
        assert reader.get_destination_page_number(item) >= 1


def test_metadata(shipped_booklet: Booklet, shipped_pdf: bytes):
    reader = PdfReader(io.BytesIO(shipped_pdf))
    meta = reader.metadata
    assert meta.title == shipped_booklet.title
    assert meta.author
    assert meta.subject
    assert "massage" in (meta.get("/Keywords") or "")
    assert reader.trailer["/Root"]["/Lang"] == shipped_booklet.language


def test_same_input_same_bytes(shipped_booklet: Booklet, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(shipped_booklet, BuildOptions()).pdf
    second = build(load_booklet(SHIPPED), BuildOptions()).pdf
    assert first == second
    assert b"D:20231114" in first


@pytest.mark.skipif(not POPPLER, reason="pdffonts (poppler-utils) not installed")
def test_fonts_embedded_and_subset(shipped_pdf: bytes, tmp_path: Path):
    path = tmp_path / "b.pdf"
    path.write_bytes(shipped_pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        assert "Times" not in row
        assert re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", row), row  # emb, sub


@pytest.mark.skipif(not QPDF, reason="qpdf not installed")
def test_qpdf_check_is_clean(shipped_pdf: bytes, tmp_path: Path):
    path = tmp_path / "b.pdf"
    path.write_bytes(shipped_pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) not installed")
def test_text_stays_on_the_page(shipped_pdf: bytes, tmp_path: Path):
    """Every word's box, as poppler lays it out (forms included), lies inside its page."""
    path = tmp_path / "b.pdf"
    path.write_bytes(shipped_pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert len(pages) == len(PdfReader(io.BytesIO(shipped_pdf)).pages)
    for width, height, body in pages:
        words = re.findall(r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)"', body)
        assert words
        for x0, y0, x1, y1 in words:
            assert float(x0) >= -0.5
            assert float(x1) <= float(width) + 0.5
            assert float(y0) >= -0.5
            assert float(y1) <= float(height) + 0.5


def test_long_step_flows_to_a_continued_page(handwash: Path, edit):
    long_step = " ".join(["Keep rubbing every finger slowly and carefully."] * 60)
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {long_step}")
    booklet = load_booklet(handwash)
    pdf = build(booklet, BuildOptions(audience="kids")).pdf
    pages = page_texts(pdf)
    assert " ".join(pages).count("rubbing") == 60  # split across pages, every word still there
    assert any("Lather (continued)" in p for p in pages)


def test_fillable_checklists_have_form_fields(handwash: Path):
    booklet = load_booklet(handwash)
    pdf = build(booklet, BuildOptions(fillable=True)).pdf
    reader = PdfReader(io.BytesIO(pdf))
    fields = reader.get_fields() or {}
    assert {"kit-1", "kit-2", "kit-3", "after-1"} <= set(fields)
    plain = build(booklet, BuildOptions()).pdf
    assert not PdfReader(io.BytesIO(plain)).get_fields()


def test_paper_sizes_adapt(handwash: Path):
    booklet = load_booklet(handwash)
    for paper, width_mm in (("a4", 210), ("a5", 148), ("a6", 105), ("letter", 215.9), ("half-letter", 139.7)):
        pdf = build(booklet, BuildOptions(paper=paper)).pdf
        page = PdfReader(io.BytesIO(pdf)).pages[1]
        assert float(page.mediabox.width) == pytest.approx(width_mm * 72 / 25.4, abs=0.5)


def test_bleed_sets_trim_and_bleed_boxes(handwash: Path):
    booklet = load_booklet(handwash)
    pdf = build(booklet, BuildOptions(bleed_mm=3)).pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    assert float(trim.width) == pytest.approx(105 * 72 / 25.4, abs=0.5)
    assert float(bleed.width) == pytest.approx(111 * 72 / 25.4, abs=0.5)
    assert float(media.width) > float(bleed.width)


@pytest.mark.parametrize("audience", ["home", "large-print", "student"])
def test_saddle_padding_adds_notes_pages_before_the_back_cover(shipped_booklet: Booklet, audience: str):
    from booklet.audience import make_edition
    from booklet.build import render_pdf

    edition = make_edition(shipped_booklet, audience)
    plain, plain_pages = render_pdf(edition, BuildOptions())
    padded, padded_pages = render_pdf(edition, BuildOptions(impose="saddle"))
    assert padded_pages % 4 == 0
    assert padded_pages - plain_pages == (-plain_pages) % 4

    plain_texts, pages = page_texts(plain), page_texts(padded)
    assert pages[-1] == plain_texts[-1]  # the back cover is still the last page
    assert "Notes" not in pages[-1]
    for extra in pages[plain_pages - 1 : padded_pages - 1]:
        assert "Notes" in extra  # padding is ruled notes pages, just before the back cover
    assert pages[: plain_pages - 1] == plain_texts[:-1]  # nothing else moves
    imposed = build(shipped_booklet, BuildOptions(audience=audience, impose="saddle")).pdf
    assert len(PdfReader(io.BytesIO(imposed)).pages) == padded_pages // 2


def test_contents_entries_link_to_their_sections(shipped_booklet: Booklet, shipped_pdf: bytes):
    reader = PdfReader(io.BytesIO(shipped_pdf))
    annotations = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    links = [a for a in annotations if a.get("/Subtype") == "/Link"]
    assert len(links) >= len(shipped_booklet.strokes) + 5
    targets = set()
    for link in links:
        dest = link.get("/Dest") or link.get("/A", {}).get("/D")
        targets.add(str(dest))
    assert len(targets) == len(links)


def test_labels_print_in_the_booklet_language(handwash: Path, edit):
    edit(handwash / "booklet.yaml", "title: Washing Your Hands", "title: Πλύσιμο χεριών")
    edit(
        handwash / "booklet.yaml",
        "language: en",
        "language: el\nlabels:\n  contents: Περιεχόμενα\n"
        '  steps: Βήματα\n  stroke_number: "ΤΕΧΝΙΚΗ {number} ΑΠΟ {count}"\n  cautions: Προφυλάξεις\n'
        '  caution: ΠΡΟΣΟΧΗ\n  minutes: "{n} λεπτά"',
    )
    result = build(load_booklet(handwash), BuildOptions())
    text = pdf_text(result.pdf)
    for phrase in ("Πλύσιμο χεριών", "Περιεχόμενα", "Βήματα", "ΤΕΧΝΙΚΗ 1 ΑΠΟ 1", "Προφυλάξεις", "ΠΡΟΣΟΧΗ", "1,5 λεπτά"):
        assert phrase in text
    assert "Contents" not in text
    assert "Steps" not in text
    reader = PdfReader(io.BytesIO(result.pdf))
    assert reader.trailer["/Root"]["/Lang"] == "el"


def test_unknown_label_is_a_content_error(handwash: Path, edit):
    from booklet.errors import ContentError

    edit(handwash / "booklet.yaml", "language: en", "language: en\nlabels:\n  content: Inhalt")
    with pytest.raises(ContentError, match=r"labels: unknown key 'content' \(did you mean 'contents'\?\)"):
        load_booklet(handwash)


@pytest.mark.parametrize("paper", ["a6", "a5"])
def test_many_long_cautions_flow_across_pages(handwash: Path, edit, paper: str):
    lines = "".join(
        f'  - signal: {("warning", "caution", "notice")[i % 3]}\n    text: "Caution {i}: '
        + " ".join(["keep the pressure light and ask how it feels."] * (1 + i % 7))
        + '"\n'
        for i in range(40)
    )
    edit(handwash / "booklet.yaml", "cautions:\n", "cautions:\n" + lines)
    text = squash(pdf_text(build(load_booklet(handwash), BuildOptions(paper=paper)).pdf))
    for i in range(40):
        assert f"Caution {i}:" in text


def test_content_fonts_folder_is_used_and_checked(handwash: Path, edit, tmp_path: Path):
    fonts = handwash / "fonts"
    fonts.mkdir()
    shutil.copy(REPO / "fonts" / "NotoSerif-Regular.ttf", fonts / "HouseSerif-Regular.ttf")
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  font: HouseSerif")
    booklet = load_booklet(handwash)
    for fmt in ("booklet", "cards"):
        pdf = build(booklet, BuildOptions(format=fmt)).pdf
        assert b"NotoSerif" in pdf  # the PostScript name inside the content's own font file
    (fonts / "HouseSerif-Bold.ttf").write_bytes(b"not a font")
    from booklet.errors import BookletError

    with pytest.raises(BookletError, match="font file HouseSerif-Bold.ttf cannot be read"):
        build(load_booklet(handwash), BuildOptions(format="booklet"))


def _embedded_fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_a_changed_content_font_is_picked_up_by_a_warm_process(handwash: Path, edit):
    """ReportLab keeps the first font registered under a name: content fonts are named by their bytes."""
    fonts = handwash / "fonts"
    fonts.mkdir()
    shutil.copy(REPO / "fonts" / "NotoSans-Regular.ttf", fonts / "House-Regular.ttf")
    edit(handwash / "booklet.yaml", "  paper: a6", "  paper: a6\n  font: House")
    first = build(load_booklet(handwash), BuildOptions()).pdf
    assert "NotoSans-Regular" in _embedded_fonts(first)
    shutil.copy(REPO / "fonts" / "NotoSerif-Regular.ttf", fonts / "House-Regular.ttf")  # same process, new file
    second = build(load_booklet(handwash), BuildOptions()).pdf
    assert "NotoSerif-Regular" in _embedded_fonts(second)
    assert "NotoSans-Regular" not in _embedded_fonts(second)


def test_importing_and_rendering_leave_reportlab_settings_alone(handwash: Path):
    """ReportLab's settings are booklet's only while it renders; an application keeps its own."""
    from reportlab import rl_config

    import booklet.illustrate.pen  # noqa: F401  (imported for its lack of side effects)
    import booklet.render.booklet
    from booklet.render import settings

    saved = (rl_config.trustedHosts, rl_config.trustedSchemes, rl_config.shapeChecking)
    rl_config.trustedHosts, rl_config.trustedSchemes, rl_config.shapeChecking = ["example.org"], ["https"], 1
    before = (rl_config.trustedHosts, rl_config.trustedSchemes, rl_config.shapeChecking)  # the application's
    seen = []
    real_story = booklet.render.booklet.story

    def spy(plan, ctx, *tags):
        seen.append(tuple(getattr(rl_config, name) for name in settings.RENDER_SETTINGS))
        return real_story(plan, ctx, *tags)

    booklet.render.booklet.story = spy
    try:
        build(load_booklet(handwash), BuildOptions())
    finally:
        booklet.render.booklet.story = real_story
        after = (rl_config.trustedHosts, rl_config.trustedSchemes, rl_config.shapeChecking)
        rl_config.trustedHosts, rl_config.trustedSchemes, rl_config.shapeChecking = saved
    assert seen == [tuple(settings.RENDER_SETTINGS.values())]
    assert after == before
