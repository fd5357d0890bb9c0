"""The document-wide paragraph parse table (render/measured.py) and the markup memo (render/sections.py).

A parse is shared only by paragraphs of the same markup and the same style attribute
values; each paragraph gets fragments of its own, so a split of one never shows in another.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.platypus.paraparser import ParaParser

from booklet.hyphenate import hyphenator
from booklet.render import measured, sections
from booklet.render.hyphens import soft
from booklet.render.markup import to_para
from booklet.render.measured import Measured, forget_parses
from booklet.render.sections import tie_last_words

TEXT = "Glide <b>slowly</b> up beside the spine, then <i>fan out</i> over the shoulder blades and back down."


@pytest.fixture
def parses(monkeypatch):
    """Counts ReportLab's markup parses, starting from an empty table."""
    forget_parses()
    calls = []
    real = ParaParser.parse

    def counted(self, text, style):
        calls.append(text)
        return real(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", counted)
    yield calls
    forget_parses()


def body(**changes) -> ParagraphStyle:
    return ParagraphStyle("body", **{"fontName": "Helvetica", "fontSize": 10, "leading": 13, **changes})


def test_the_same_markup_and_style_parse_once(parses):
    first, second = Measured(TEXT, body()), Measured(TEXT, body())
    assert len(parses) == 1
    assert [f.__dict__ for f in first.frags] == [f.__dict__ for f in second.frags]


def test_a_style_of_another_name_but_the_same_attributes_shares_the_parse(parses):
    Measured(TEXT, body())
    Measured(TEXT, body().clone("step"))
    assert len(parses) == 1


@pytest.mark.parametrize(
    "other",
    [
        lambda: Measured(TEXT + " Rest.", body()),
        lambda: Measured(TEXT, body(fontSize=11)),
        lambda: Measured(TEXT, body(fontName="Helvetica-Bold")),
        lambda: Measured(TEXT, body(textTransform="uppercase")),
        lambda: Measured(TEXT, body(hyphenationLang=hyphenator("en"))),
    ],
    ids=["text", "size", "font", "transform", "hyphenation language"],
)
def test_a_changed_input_parses_again(parses, other):
    Measured(TEXT, body())
    other()
    assert len(parses) == 2


def test_a_style_changed_in_place_parses_again(parses):
    style = body()
    Measured(TEXT, style)
    style.fontSize = 12
    again = Measured(TEXT, style)
    assert len(parses) == 2
    assert {f.fontSize for f in again.frags} == {12}


def test_every_paragraph_owns_its_fragments(parses):
    first, second = Measured(TEXT, body()), Measured(TEXT, body())
    for a, b in zip(first.frags, second.frags, strict=True):
        assert a is not b
        for name, value in a.__dict__.items():
            if isinstance(value, list):
                assert value is not b.__dict__[name]
    first.frags[0].text = "changed"
    assert Measured(TEXT, body()).frags[0].text == second.frags[0].text != "changed"


def test_a_split_paragraph_leaves_the_next_one_whole(parses):
    first = Measured(TEXT, body())
    first.wrap(90, 1000)
    parts = first.split(90, 30)
    assert len(parts) == 2
    fresh, plain = Measured(TEXT, body()), Paragraph(TEXT, body())
    assert fresh.wrap(90, 1000) == plain.wrap(90, 1000)
    assert [line.words and [w.text for w in line.words] for line in fresh.blPara.lines] == [
        line.words and [w.text for w in line.words] for line in plain.blPara.lines
    ]


def test_the_table_is_bounded(parses, monkeypatch):
    monkeypatch.setattr(measured, "PARSE_LIMIT", 3)
    for n in range(5):
        Measured(f"Step {n}: {TEXT}", body())
    assert len(measured._PARSED) == 3
    Measured(f"Step 4: {TEXT}", body())  # the newest are kept
    assert len(parses) == 5
    Measured(f"Step 0: {TEXT}", body())  # the oldest went
    assert len(parses) == 6


def test_repeated_paragraphs_print_as_reportlab_prints_them(parses):
    def pdf(kind) -> bytes:
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A6, invariant=1)
        doc.build([kind(f"{n % 3}. {TEXT}", body()) for n in range(40)])
        return out.getvalue()

    ours, theirs = pdf(Measured), pdf(Paragraph)
    assert len(parses) == 3 + 40  # three texts parsed once each, then ReportLab's forty
    assert ours == theirs
    pages = PdfReader(io.BytesIO(ours)).pages
    assert len(pages) > 3
    assert "fan out" in pages[-1].extract_text()


def test_markup_is_made_once_per_text_and_language():
    sections._marked.cache_clear()
    english = ParagraphStyle("body", hyphenationLang=hyphenator("en"), embeddedHyphenation=1)
    long_words = "Circling continuously encourages the giver's relaxation"
    first = sections.para(long_words, english)
    sections.para(long_words, english)
    assert sections._marked.cache_info().hits == 1
    assert first.text == to_para(soft(tie_last_words(long_words), english))
    sections.para(long_words, ParagraphStyle("body"))
    assert sections._marked.cache_info().misses == 2


@pytest.fixture
def breaks(monkeypatch, parses):
    """Counts ReportLab's line breaks, starting from empty tables."""
    calls = []
    real = Paragraph.breakLines

    def counted(self, widths):
        calls.append(widths[0])
        return real(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return calls


def line_texts(para) -> list[str]:
    laid = para.blPara
    if laid.kind == 0:
        return [" ".join(words) for _, words in laid.lines]
    return ["".join(w.text for w in line.words) for line in laid.lines]


def test_identical_paragraphs_at_one_width_break_once(breaks):
    first, second = Measured(TEXT, body()), Measured(TEXT, body())
    assert first.wrap(120, 1000) == second.wrap(120, 1000)
    assert len(breaks) == 1
    assert line_texts(first) == line_texts(second) == line_texts(_wrapped(Paragraph(TEXT, body()), 120))


def _wrapped(para, width):
    para.wrap(width, 1000)
    return para


@pytest.mark.parametrize(
    "other",
    [
        lambda: _wrapped(Measured(TEXT, body()), 121),
        lambda: _wrapped(Measured(TEXT, body(leftIndent=6)), 120),
        lambda: _wrapped(Measured(TEXT, body(hyphenationLang=hyphenator("en"))), 120),
        lambda: _wrapped(Measured(TEXT, body(), bulletText="•"), 120),
    ],
    ids=["width", "indent", "hyphenation language", "bullet"],
)
def test_another_width_or_style_breaks_again(breaks, other):
    _wrapped(Measured(TEXT, body()), 120)
    other()
    assert len(breaks) == 2


def test_a_split_leaves_the_shared_lines_alone(breaks):
    first, second = _wrapped(Measured(TEXT, body()), 90), _wrapped(Measured(TEXT, body()), 90)
    before = line_texts(second)
    top, rest = first.split(90, 30)
    assert len(breaks) == 1
    assert line_texts(second) == before
    assert line_texts(_wrapped(Measured(TEXT, body()), 90)) == before
    assert line_texts(_wrapped(top, 90)) + line_texts(_wrapped(rest, 90)) == before


def test_spacing_line_ends_leaves_the_shared_lines_alone(breaks):
    from booklet.render.linespace import space_line_ends

    first, second = _wrapped(Measured(TEXT, body()), 90), _wrapped(Measured(TEXT, body()), 90)
    space_line_ends(first)
    assert all(text.endswith(" ") for text in line_texts(first)[:-1])
    assert not any(text.endswith(" ") for text in line_texts(second))


def test_split_repeated_paragraphs_print_as_reportlab_prints_them(breaks):
    long = " ".join([TEXT] * 6)

    def pdf(kind) -> bytes:
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A6, invariant=1)
        doc.build([kind(text, body()) for text in [long, TEXT] * 12])
        return out.getvalue()

    ours, theirs = pdf(Measured), pdf(Paragraph)
    assert ours == theirs
    pages = PdfReader(io.BytesIO(ours)).pages
    assert len(pages) > 8
    assert "fan out" in pages[-1].extract_text()


def test_a_split_at_a_hyphen_leaves_the_shared_words_alone(breaks):
    """ReportLab's split marks the word it cut at a hyphen in place; a paragraph sharing the
    break must still break afresh as if that split never happened."""
    style = body(hyphenationLang=hyphenator("en"), embeddedHyphenation=1)
    text = (
        "Gentle <b>circling</b> encourages relaxation: internationalization counterrevolutionaries "
        "incomprehensibilities characteristically understandably "
    ) * 2
    for width in range(96, 160, 9):
        for height in (13, 26, 39, 52):
            forget_parses()
            first, second = _wrapped(Measured(text, style), width), _wrapped(Measured(text, style), width)
            first.split(width, height)
            fresh = _wrapped(Paragraph(text, style), width + 13)
            assert line_texts(_wrapped(second, width + 13)) == line_texts(fresh), (width, height)


def test_a_changed_bold_face_of_the_family_parses_again(parses):
    from reportlab.lib.fonts import addMapping, tt2ps

    before = tt2ps("helvetica", 1, 0)
    Measured(TEXT, body())
    addMapping("helvetica", 1, 0, "Courier-Bold")
    try:
        again = Measured(TEXT, body())
    finally:
        addMapping("helvetica", 1, 0, before)
    assert len(parses) == 2
    assert "Courier-Bold" in {f.fontName for f in again.frags}
