"""Tagged PDF, PDF/UA-1 and PDF/A: checked by page-validation, pikepdf and qpdf, and read as a screen reader would.

Verdicts where the checkers disagree, kept here rather than silenced:
- pikepdf's PDF/A validator is an allowlist and knows no XMP extension schemas, so it
  denies every file that declares PDF/UA (pdfuaid needs a PDF/A extension schema,
  which ISO 19005-2 6.6.2.3.1 expressly permits). page-validation (which passes the
  veraPDF corpus) accepts them. Verdict: pikepdf's denial is a false alarm of its
  allowlist; the test pins that those are its only findings, and that a file
  claiming PDF/A-2b alone passes pikepdf outright.
- pikepdf reports /AcroForm (--fillable) as "unsupported", not as a violation: it
  does not check forms. page-validation checks them and finds nothing.
- qpdf --check validates syntax only; it agrees (clean) on every file.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pikepdf
import pytest

from booklet.build import build, load_booklet, prepare
from booklet.options import BuildOptions
from booklet.render.markup import plain
from tests.conftest import SHIPPED

page = pytest.importorskip("page")

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"}


def built(source: Path, **options) -> bytes:
    return build(load_booklet(source), BuildOptions(**options)).pdf


def failures(data: bytes, profile: str) -> list[str]:
    report = page.validate_pdf_bytes(data, profile=profile)
    return sorted({f"{f.rule_id}: {f.message}" for f in report.failures})


def qpdf_clean(data: bytes, tmp_path: Path) -> bool:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf not installed")
    path = tmp_path / "check.pdf"
    path.write_bytes(data)
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0


def audiences() -> list[str | None]:
    return [None, *(a.id for a in load_booklet(SHIPPED).audiences)]


@pytest.fixture(scope="module")
def editions() -> dict[str | None, bytes]:
    booklet = load_booklet(SHIPPED)
    return {a: build(booklet, BuildOptions(audience=a)).pdf for a in audiences()}


def test_every_shipped_edition_passes_pdf_ua_1_and_pdf_a_2b(editions, tmp_path: Path):
    for audience, data in editions.items():
        assert failures(data, "ua1") == [], audience
        assert failures(data, "2b") == [], audience
        assert qpdf_clean(data, tmp_path), audience
        assert data.startswith(b"%PDF-1.7")


def test_pikepdf_agrees_except_for_the_extension_schema_it_does_not_know(editions, tmp_path: Path):
    pdfa = pytest.importorskip("pikepdf.pdfa")
    path = tmp_path / "default.pdf"
    path.write_bytes(editions[None])
    findings = pdfa.validate_written(path, "2b").findings
    assert findings, "pikepdf now knows extension schemas: drop the verdict above"
    assert all(re.search("pdfa(Extension|Schema|Property)|pdfuaid", f.message) for f in findings), findings
    only_a = tmp_path / "a2b.pdf"
    only_a.write_bytes(built(SHIPPED, pdf_standard=("a-2b",)))
    assert pdfa.validate_written(only_a, "2b").verdict == "pass"


def mcid_text(data: bytes) -> dict[tuple[int, int], str]:
    import pdfplumber

    texts: dict[tuple[int, int], str] = defaultdict(str)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, pdf_page in enumerate(doc.pages, 1):
            for char in pdf_page.chars:
                if char.get("mcid") is not None:
                    texts[(number, char["mcid"])] += char["text"]
    return texts


OPEN: list[pikepdf.Pdf] = []  # documents whose elements a test still reads


def structure(data: bytes) -> list[tuple[str, str, pikepdf.Dictionary]]:
    """The structure tree in reading order: (role, text of its own marked content, element)."""
    texts = mcid_text(data)
    pdf = pikepdf.open(io.BytesIO(data))
    OPEN.append(pdf)
    numbers = {p.objgen: i for i, p in enumerate(pdf.pages, 1)}
    out: list[tuple[str, str, pikepdf.Dictionary]] = []

    def walk(el, page_no):
        if "/Pg" in el:
            page_no = numbers[el.Pg.objgen]
        kids = el.K if isinstance(el.K, pikepdf.Array) else [el.K]
        own, children = "", []
        for kid in kids:
            if isinstance(kid, int):
                own += texts[(page_no, kid)]
            elif kid.get("/Type") == "/MCR":
                own += texts[(numbers[kid.Pg.objgen], int(kid.MCID))]
            elif kid.get("/Type") != "/OBJR":
                children.append(kid)
        out.append((str(el.S)[1:], own, el))
        for kid in children:
            walk(kid, page_no)

    walk(pdf.Root.StructTreeRoot.K[0], None)
    return out


def bare(text: str) -> str:
    """Letters and digits only: line breaks, and the typography of quotes and dashes, do not count."""
    return re.sub(r"[\W_]+", "", plain(text))


def test_reading_order_is_content_order(editions):
    booklet = prepare(load_booklet(SHIPPED), None).booklet  # the default edition's strokes and words
    read = "".join(text for _, text, _ in structure(editions[None]))
    read = re.sub(r"[\W_]+", "", read)
    expected = []
    for stroke in booklet.strokes:
        expected += [stroke.name, *(s.text for s in stroke.steps), *stroke.tips, *(c.text for c in stroke.cautions)]
    position = 0
    for item in expected:
        found = read.find(bare(item), position)
        assert found >= 0, f"{item!r} is not read after what precedes it"
        position = found + len(bare(item))


def test_steps_tips_and_checklists_are_lists_and_cautions_panels_start_with_their_signal_word(editions):
    tree = structure(editions[None])
    roles = [role for role, _, _ in tree]
    assert roles[0] == "Document"
    assert {"H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Figure", "TOC", "TOCI", "Link", "Div"} <= set(roles)
    booklet = prepare(load_booklet(SHIPPED), None).booklet
    # Each panel opens with its signal word; the "stop at once if" panel with its own heading.
    words = {"DANGER", "WARNING", "CAUTION", "NOTICE", booklet.label("stop_heading").upper()}
    panels = [el for role, _, el in tree if role == "Div" and "/T" in el]  # caution panels carry their title
    assert panels
    for el in panels:
        first = el.K[0]
        assert str(first.S) == "/P"
        first_text = next(text for role, text, e in tree if e == first)
        assert first_text.split(" (")[0].upper() in words, first_text
    for role, _, el in tree:
        if role == "LI":
            assert [str(k.S) for k in el.K if isinstance(k, pikepdf.Dictionary)][-1] == "/LBody"


def test_every_figure_has_alt_text_naming_the_hands_and_the_pattern(editions):
    """Each stroke's figure says what its diagram draws (booklet.illustrate.describe), in the booklet's words."""
    from booklet.illustrate.describe import alt_texts

    booklet = prepare(load_booklet(SHIPPED), None).booklet
    alts = [str(el.Alt) for role, _, el in structure(editions[None]) if role == "Figure"]
    assert all(a.strip() for a in alts)
    described = alt_texts(booklet)
    assert alts[0] == described["cover"]  # the cover's picture, without its zones
    for stroke in booklet.strokes:
        assert described[stroke.id] in alts, stroke.id
        ill = stroke.illustration
        assert ill is not None
        if ill.hand:
            assert booklet.hand_name(ill.hand) in described[stroke.id].lower(), stroke.id
    assert "Both palms glide up either side of the spine from the lower back, fan out" in described["fan-stroke"]
    avoid_map = "Diagram of a back seen from above, with the zones where not to press marked: "
    assert any(a.startswith(avoid_map) for a in alts)


def test_alt_text_is_in_the_booklets_language():
    from tests.conftest import FIXTURES

    data = build(load_booklet(FIXTURES / "schreibtisch-de"), BuildOptions()).pdf
    alts = [str(el.Alt) for role, _, el in structure(data) if role == "Figure"]
    assert alts
    assert all(a.startswith("Zeichnung ") for a in alts), alts
    start = "Zeichnung eines Rückens von oben. Kein Druck auf: Wirbelsäule; nur leicht berühren: "
    assert any(a.startswith(start) for a in alts), alts
    assert not [el for role, _, el in structure(data) if role == "Figure" and "/Lang" in el]  # the document's own


def test_no_content_operator_lies_outside_tags_and_artifacts(editions):
    pdf = pikepdf.open(io.BytesIO(editions[None]))
    for number, pdf_page in enumerate(pdf.pages, 1):
        depth = 0
        for _operands, operator in pikepdf.parse_content_stream(pdf_page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif op in PAINTING:
                assert depth > 0, f"page {number}: {op} outside marked content"
        assert depth == 0, f"page {number}: unbalanced marked content"


def test_links_are_link_elements_with_contents_and_pages_have_tab_order(editions):
    pdf = pikepdf.open(io.BytesIO(editions[None]))
    links = 0
    for pdf_page in pdf.pages:
        for annot in pdf_page.obj.get("/Annots", []):
            links += 1
            assert str(annot.Contents).strip()
            owner = pdf.Root.StructTreeRoot.ParentTree.Nums[2 * int(annot.StructParent) + 1]
            assert str(owner.S) == "/Link"
        if "/Annots" in pdf_page.obj:
            assert pdf_page.obj.Tabs == "/S"
    assert links


def test_a_paragraph_split_across_pages_stays_one_element(handwash: Path, edit):
    long = " ".join(f"Sentence {n} of a long introduction that must run over the page." for n in range(90))
    text = (handwash / "booklet.yaml").read_text(encoding="utf-8")
    intro = re.search(r"^introduction: \|\n(  .*\n|\n)*", text, re.M)
    assert intro, "fixture has an introduction"
    edit(handwash / "booklet.yaml", intro.group(0), f"introduction: |\n  {long}\n")
    split = []
    for role, own, el in structure(built(handwash)):
        marks = [k for k in el.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"]
        if role == "P" and len({k.Pg.objgen for k in marks}) > 1:
            split.append(own)
    assert len(split) == 1, "the long paragraph is one element with marked content on two pages"
    heard = re.sub(r"-(?=\w)", "", split[0])  # a word hyphenated at a line end goes on without a space
    for n in range(90):  # every line end between two words keeps its space: "that must", not "thatmust"
        assert f"Sentence {n} of a long introduction that must run over the page." in heard, n
    assert "  " not in heard.strip()


def test_fillable_check_boxes_are_form_elements_with_tooltips(tmp_path: Path):
    data = built(SHIPPED, fillable=True)
    assert failures(data, "ua1") == []
    assert failures(data, "2b") == []
    forms = [el for role, _, el in structure(data) if role == "Form"]
    assert forms
    for el in forms:
        widget = next(k.Obj for k in el.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR")
        assert str(widget.TU).strip()
        assert set(widget.AP.keys()) == {"/N"}
        assert int(widget.F) & 4


def test_a_3b_carries_its_sources_and_extract_writes_them_back(shipped: Path, tmp_path: Path, monkeypatch):
    from booklet.finish.extract import extract

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = built(shipped, pdf_standard=("ua-1", "a-3b"))
    assert failures(data, "3b") == []
    assert failures(data, "ua1") == []
    assert data == built(shipped, pdf_standard=("ua-1", "a-3b")), "rebuilds are byte-identical"
    book = tmp_path / "book.pdf"
    book.write_bytes(data)
    out = tmp_path / "out"
    written = extract(book, out)
    assert (out / "booklet.yaml").read_bytes() == (shipped / "booklet.yaml").read_bytes()
    assert {p.relative_to(out).as_posix() for p in written} >= {"booklet.yaml", "strokes/raking.yaml"}
    meta = pikepdf.open(io.BytesIO(data)).open_metadata()
    assert meta["pdfaid:part"] == "3"
    assert meta["pdfuaid:part"] == "1"
    assert meta["xmp:CreateDate"].startswith("2023-11-14")


def test_extract_refuses_names_that_leave_the_folder():
    from booklet.errors import BookletError
    from booklet.finish.extract import safe_name

    for name in ("../evil.yaml", "/etc/passwd", "a/../../b", "C:\\x", "a\\..\\b", ""):
        with pytest.raises(BookletError):
            safe_name(name)
    assert str(safe_name("strokes/raking.yaml")) == "strokes/raking.yaml"


def test_ua_1_asked_for_fails_on_an_image_without_alt_text(handwash: Path, tmp_path: Path):
    from PIL import Image

    from booklet.errors import ContentError

    Image.new("RGB", (40, 40), "white").save(handwash / "soap.png")
    stroke = handwash / "strokes" / "lather.yaml"
    stroke.write_text(stroke.read_text(encoding="utf-8") + "illustration:\n  image: soap.png\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        built(handwash, pdf_standard=("ua-1",))
    assert re.match(r".*lather\.yaml:\d+:\d+: error: .*(alternate text|text alternative)", str(err.value))
    stroke.write_text(stroke.read_text(encoding="utf-8") + "  alt: A bar of white soap\n", encoding="utf-8")
    data = built(handwash, pdf_standard=("ua-1",))
    assert failures(data, "ua1") == []
    assert "A bar of white soap" in [str(el.get("/Alt")) for role, _, el in structure(data) if role == "Figure"]


def subset_fonts(data: bytes) -> dict[str, set[bytes]]:
    pdf = pikepdf.open(io.BytesIO(data))
    found: dict[str, set[bytes]] = defaultdict(set)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/FontDescriptor" in obj:
            descriptor = obj.FontDescriptor
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile")
            assert program is not None, f"{obj.BaseFont} is not embedded"
            found[str(obj.BaseFont)].add(program.read_bytes())
    return found


@pytest.mark.parametrize("options", [{"format": "cards"}, {"impose": "saddle"}, {}])
def test_every_output_has_distinct_subset_tags_a_true_version_and_no_empty_transitions(options, tmp_path: Path):
    data = built(SHIPPED, **options)
    fonts = subset_fonts(data)
    assert fonts
    assert all(len(programs) == 1 for programs in fonts.values()), "one tag, one subset"
    assert not any(name.startswith("/AAAAAA+") for name in fonts)
    pdf = pikepdf.open(io.BytesIO(data))
    assert float(pdf.pdf_version) >= 1.4
    for pdf_page in pdf.pages:
        assert "/Trans" not in pdf_page.obj
        for font in pdf_page.obj.get("/Resources", {}).get("/Font", {}).values():
            assert "/FontDescriptor" in font or "/DescendantFonts" in font, f"unembedded {font.BaseFont}"
        for form in pdf_page.obj.get("/Resources", {}).get("/XObject", {}).values():
            for font in form.get("/Resources", {}).get("/Font", {}).values():
                assert "/FontDescriptor" in font, f"unembedded {font.get('/BaseFont')} in a form"
    if options:
        assert "print imposition" in str(pdf.docinfo.Imposition).lower()
    assert qpdf_clean(data, tmp_path)


def test_to_unicode_maps_never_use_null_or_byte_order_marks(editions):
    pdf = pikepdf.open(io.BytesIO(editions[None]))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
            cmap = obj.ToUnicode.read_bytes()
            assert not re.search(rb"<[0-9A-Fa-f]+>\s*<(0000|FEFF|FFFE)>", cmap, re.I)


def test_pdf_standard_option_is_checked():
    from booklet.errors import OptionError

    with pytest.raises(OptionError, match="one PDF/A level"):
        BuildOptions(pdf_standard=("a-2b", "a-3b"))
    with pytest.raises(OptionError, match="expected"):
        BuildOptions(pdf_standard=("a-4",))
    with pytest.raises(OptionError, match="unimposed"):
        BuildOptions(pdf_standard=("ua-1",), impose="saddle")
    assert BuildOptions(pdf_standard=("a-3b", "ua-1", "ua-1")).pdf_standard == ("ua-1", "a-3b")


def page_of(el: pikepdf.Dictionary, pdf_bytes_pages: dict) -> int | None:
    return pdf_bytes_pages.get(el.Pg.objgen) if "/Pg" in el else None


def test_a_strokes_summary_is_read_after_its_name_even_where_the_page_puts_it_after_the_steps(editions):
    """On pocket paper a long stroke's summary sits on its second spread; a reader still hears it second."""
    booklet = prepare(load_booklet(SHIPPED), None).booklet
    tree = structure(editions[None])
    pages = {p.objgen: i for i, p in enumerate(OPEN[-1].pages, 1)}
    steps = booklet.label("steps")
    moved = 0
    for stroke in booklet.strokes:
        name = next(i for i, (role, text, _) in enumerate(tree) if role == "H1" and bare(text) == bare(stroke.name))
        summary = next(i for i, (_, text, _) in enumerate(tree) if i > name and bare(text) == bare(stroke.summary))
        heading = next(i for i, (role, text, _) in enumerate(tree) if i > name and role == "H2" and text == steps)
        assert name < summary < heading, stroke.id
        moved += page_of(tree[summary][2], pages) > page_of(tree[heading][2], pages)
    assert moved, "no stroke's summary is printed after its steps: the case this test is for is gone"


def fact_lists(data: bytes) -> list[list[tuple[str, str]]]:
    """Each list whose items are (Lbl, LBody) pairs of text, as read from the structure tree."""
    tree = structure(data)
    text_of = {el.objgen: text for _, text, el in tree}  # elements are indirect objects

    def own_and_below(el) -> str:
        kids = el.K if isinstance(el.K, pikepdf.Array) else [el.K]
        return text_of.get(el.objgen, "") + "".join(
            own_and_below(k) for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem"
        )

    found = []
    for role, _, el in tree:
        if role != "L":
            continue
        items = []
        for li in el.K if isinstance(el.K, pikepdf.Array) else [el.K]:
            parts = {str(k.S): k for k in li.K if isinstance(k, pikepdf.Dictionary)} if "/K" in li else {}
            if "/Lbl" in parts and "/LBody" in parts:
                items.append((own_and_below(parts["/Lbl"]), own_and_below(parts["/LBody"])))
        found.append(items)
    return found


@pytest.mark.parametrize("paper", ["a5", "a4"])  # facts beside the diagram (a column), and as rows (A4)
def test_at_a_glance_facts_are_a_list_of_labels_and_values(paper: str):
    booklet = prepare(load_booklet(SHIPPED), None).booklet
    data = built(SHIPPED, paper=paper)
    lists = fact_lists(data)
    labels = {booklet.label(k).upper() for k in ("pressure", "time", "hands", "areas")}
    facts = [dict(items) for items in lists if items and {lbl.upper() for lbl, _ in items} & labels]
    for stroke in booklet.strokes:  # the pressure and time of every stroke, each as an item's label and body
        pressure = booklet.label(stroke.pressure)
        assert any(f.get(booklet.label("pressure")) == pressure for f in facts), (stroke.id, facts)
        assert any(bare(f.get(booklet.label("time"), "")) == bare(stroke.duration) for f in facts), stroke.id
    for role, text, _ in structure(data):  # no fact is left in a Div
        assert not (role == "Div" and booklet.label("pressure") in text), text
