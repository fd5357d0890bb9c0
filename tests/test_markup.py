"""Author text -> Paragraph markup -> a real PDF: everything prints as typed; only **bold** and *italic* act."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booklet.render.markup import escape, plain, safe_url, to_para

FONTS = Path(__file__).parent.parent / "fonts"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

HOSTILE = [
    '<img src="/etc/passwd"/>',
    '<img src="/dev/zero"/>',
    '<a href="javascript:alert(1)">x</a>',
    '<font name="x">f</font>',
    '<para color="red">p</para>',
    "<para>starts like a para tag",
    "<unclosed",
    "unopened>",
    "&amp;",
    "&lt;",
    "&#65;",
    "&#x41;",
    "&nbsp;",
    "&alpha; &trade; &bogus; & alone",
    "]]>",
    "<![CDATA[ x ]]>",
    "<!-- comment -->",
    "<?xml version='1.0'?>",
    "<b>not bold</b> <i>not italic</i> <br/> <u>u</u>",
    "<greek>a</greek> <unichar name='x'/> <onDraw name=x label=y/>",
    "back\\slash \\n \\\\ C:\\temp",
    "2 * 3 * 4",
    "2*3*4 and a**b**c",
    "**unmatched bold",
    "*unmatched italic",
    "**** stars ****",
    "quotes \" ' ` and %s %(x)s {0}",
    "Ελληνικά και Кириллица",
]

NOT_IN_NOTO = ["RTL: שלום עולם and مرحبا بالعالم", "emoji: 😀 and a ☺"]


@pytest.fixture(scope="module")
def font() -> str:
    """NotoSans in four styles, as one ReportLab family."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    styles = {"normal": "Regular", "bold": "Bold", "italic": "Italic", "boldItalic": "BoldItalic"}
    names = {key: f"MarkupTest-{style}" for key, style in styles.items()}
    for key, style in styles.items():
        pdfmetrics.registerFont(TTFont(names[key], str(FONTS / f"NotoSans-{style}.ttf")))
    pdfmetrics.registerFontFamily(names["normal"], **names)
    return names["normal"]


def build_pdf(texts: list[str], font_name: str) -> bytes:
    """Each text as one Paragraph through to_para, on wide pages, as PDF bytes."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName=font_name, fontSize=9, leading=12)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), invariant=1)
    doc.build([Paragraph(to_para(text), style) for text in texts])
    return out.getvalue()


def extract(pdf: bytes, **kwargs) -> str:
    """PDF bytes -> all text, whitespace collapsed to single spaces."""
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text(**kwargs).split()) for page in pages)


def runs_with_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """PDF bytes -> (text, base font name without the subset prefix) for every text run."""
    from pypdf import PdfReader

    runs: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font_dict, _size):
        if text.strip() and font_dict:
            runs.append((text.strip(), str(font_dict["/BaseFont"]).split("+")[-1]))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if OPENED is not None and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        OPENED.append(os.fsdecode(args[0]))


def test_hostile_text_prints_as_typed_and_reads_nothing(font: str):
    global OPENED
    build_pdf(["warm up"], font)
    sys.addaudithook(_audit)
    OPENED = []
    try:
        pdf = build_pdf(HOSTILE, font)
    finally:
        opened, OPENED = OPENED, None
    text = extract(pdf)
    for hostile in HOSTILE:
        assert " ".join(hostile.split()) in text, hostile
    assert not [p for p in opened if p.startswith(("/etc", "/dev"))]
    assert "root:" not in text


def test_bold_and_italic_use_the_family_fonts(font: str):
    pdf = build_pdf(["plain **boldword** then *italicword* and ***bothword*** end"], font)
    runs = dict(runs_with_fonts(pdf))
    assert runs["boldword"] == "NotoSans-Bold"
    assert runs["italicword"] == "NotoSans-Italic"
    assert runs["bothword"] == "NotoSans-BoldItalic"
    assert extract(pdf) == "plain boldword then italicword and bothword end"


def test_markers_inside_hostile_text_still_escape(font: str):
    pdf = build_pdf(['**<img src="/etc/passwd"/>** and *&amp;*'], font)
    runs = dict(runs_with_fonts(pdf))
    assert runs['<img src="/etc/passwd"/>'] == "NotoSans-Bold"
    assert runs["&amp;"] == "NotoSans-Italic"


def test_rtl_and_emoji_reach_the_pdf_unchanged():
    """NotoSans has no Hebrew, Arabic or emoji (the build refuses them); a font that has them prints them."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    for text in NOT_IN_NOTO:
        assert to_para(text) == text
        frags = Paragraph(to_para(text), ParagraphStyle("p")).frags
        assert "".join(f.text for f in frags) == text
    if not DEJAVU.is_file():
        pytest.skip("no DejaVuSans to print Hebrew, Arabic and emoji with")
    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("MarkupTest-DejaVu", str(DEJAVU)))
    pdf = build_pdf(NOT_IN_NOTO, "MarkupTest-DejaVu")
    assert "שלום עולם and مرحبا بالعالم" in extract(pdf, extraction_mode="layout")
    # ReportLab maps astral characters as <1F600> in ToUnicode, which readers cannot parse
    # (it should be UTF-16, <D83DDE00>); so check the map, not the extracted text.
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
    maps = b"".join(f.get_object()["/ToUnicode"].get_data() for f in fonts if "/ToUnicode" in f.get_object())
    assert b"<1F600>" in maps
    assert b"<263A>" in maps


@pytest.mark.parametrize(
    ("text", "para", "bare"),
    [
        ("**b** and *i*", "<b>b</b> and <i>i</i>", "b and i"),
        ("***both***", "<b><i>both</i></b>", "both"),
        ("*a **b** c*", "<i>a <b>b</b> c</i>", "a b c"),
        ("**a *b** c*", "<b>a *b</b> c*", "a *b c*"),
        ("2 * 3 * 4", "2 * 3 * 4", "2 * 3 * 4"),
        ("2*3*4", "2*3*4", "2*3*4"),
        ("**a**b", "**a**b", "**a**b"),
        ("* not *", "* not *", "* not *"),
        ("(*x*), **y**.", "(<i>x</i>), <b>y</b>.", "(x), y."),
        ("*a *b*", "*a <i>b</i>", "*a b"),
        ("**x***", "<b>x</b>*", "x*"),
        ("****", "****", "****"),
        ("one\ntwo\r\nthree", "one<br/>two<br/>three", "one\ntwo\nthree"),
        ("**<b>**", "<b>&lt;b&gt;</b>", "<b>"),
        ("&#65; &nbsp;", "&amp;#65; &amp;nbsp;", "&#65; &nbsp;"),
    ],
)
def test_markup_rules(text: str, para: str, bare: str):
    assert to_para(text) == para
    assert plain(text) == bare


def test_escape_leaves_no_markup_characters():
    assert escape('<a href="x">&amp;</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"


def _calls(text: str) -> int:
    """Function calls (Python and C) made while converting ``text`` both ways: a measure of work, not time."""
    import sys

    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        to_para(text)
        plain(text)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit", ["*a ", "**a ", "* ", "*a* ", "***a ", "**a *b "])
def test_long_text_with_many_markers_is_linear(unit: str):
    """Twice the markers cost at most about twice the work (bench/bench_markup.py times it)."""
    small, large = _calls(unit * 2_000), _calls(unit * 4_000)
    assert small > 2_000
    assert large <= 2.05 * small


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1#c", True),
        ("  http://example.org  ", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("http:///etc/passwd", False),
        ("ftp://example.org", False),
        ("http://exa mple.org", False),
        ('http://example.org/"onclick', False),
        ("http://example.org/'x", False),
        ("http://example.org/<x>", False),
        ("http://example.org/\\x", False),
        ("http://example.org/\x00", False),
        ("http://[::1", False),
        ("", False),
    ],
)
def test_safe_url(url: str, ok: bool):
    assert safe_url(url) == (url.strip() if ok else None)


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
COVERED = st.sampled_from(
    [chr(c) for c in range(0x21, 0x7F)]
    + [chr(c) for c in range(0xC0, 0x100)]
    + [chr(c) for c in range(0x391, 0x3AA) if c != 0x3A2]
    + [chr(c) for c in range(0x3B1, 0x3CA)]
    + [chr(c) for c in range(0x410, 0x450)]
    + list("–—‘’“”…«»§¶•")
)
NOTO_TEXT = st.text(st.one_of(COVERED, COVERED, COVERED, st.sampled_from(" *\n")), max_size=80)


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_any_text_makes_a_paragraph(font: str, text: str):
    assert build_pdf([text], font).startswith(b"%PDF")


@settings(max_examples=150, deadline=None)
@given(NOTO_TEXT)
def test_what_prints_is_the_plain_text(font: str, text: str):
    printed = "".join(extract(build_pdf([text], font)).split())
    assert printed == "".join(plain(text).split())
