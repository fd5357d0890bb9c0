"""render/streams.py: remembered encodings and compressions are ReportLab's own, and stay bounded."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc

from booklet import warm
from booklet.render import streams
from booklet.render.settings import render_settings

TEXTS = [
    "",
    "0 0 1 rg",
    "/F1 9 Tf",
    "(Stra\xdfe \u2013 caf\xe9 \u201cquoted\u201d) Tj",
    "q 1 0 0 1 72 72 cm " * 400,
    "\u20ac\u2022",
]


@pytest.mark.parametrize("text", TEXTS)
def test_encoding_is_reportlabs_and_remembered(text: str):
    expected = pdfdoc.pdfdocEnc(text)
    assert streams.encode_text(text) == expected
    assert streams.encode_text(text) == expected  # the remembered bytes
    assert streams.encode_text(expected) is expected  # bytes pass through, as in ReportLab


def _encoded_or_refused(encode, text: str) -> bytes | str:
    try:
        return encode(text)
    except UnicodeEncodeError as exc:
        return f"refused at {exc.start}"


def test_ascii_text_encodes_as_reportlabs_codec_encodes_it():
    """Every ASCII code point, alone and among others, gives the codec's bytes or its refusal."""
    for point in range(128):
        for text in (chr(point), f"q {chr(point)} Q", chr(point) * 3 + "\u00e9"):
            assert _encoded_or_refused(streams.pdfdoc_bytes, text) == _encoded_or_refused(pdfdoc.pdfdocEnc, text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*map(chr, range(0, 130)), "\u00e9", "\u2013", "\u20ac", "\u4e2d"])))
def test_any_text_encodes_as_reportlabs_codec_encodes_it(text: str):
    assert _encoded_or_refused(streams.pdfdoc_bytes, text) == _encoded_or_refused(pdfdoc.pdfdocEnc, text)


def test_text_pdfdoc_cannot_encode_fails_as_in_reportlab():
    with pytest.raises(UnicodeEncodeError):
        pdfdoc.pdfdocEnc("\u4e2d")
    with pytest.raises(UnicodeEncodeError):
        streams.encode_text("\u4e2d")


@pytest.mark.parametrize("text", [*TEXTS, b"\x00\x01 binary font bytes" * 50])
def test_compression_is_zlibs_and_remembered(text: str | bytes):
    raw = text.encode("utf8") if isinstance(text, str) else text
    assert streams.compress(text) == zlib.compress(raw)
    assert streams.compress(text) == zlib.compress(raw)


def test_both_tables_stay_within_their_budget(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warm, "_again", True)
    monkeypatch.setattr(streams, "MAX_BYTES", 40_000)
    for n in range(200):
        streams.compress(f"{n} page ".encode() * 100)
        streams.encode_text(f"{n} page " * 100)
    assert streams._held <= 40_000
    assert streams._encoded_held <= 20_000
    assert sum(len(k) + len(v) for k, v in streams._packed.items()) == streams._held
    assert streams._held > 20_000  # and they did remember


def test_a_one_off_build_remembers_short_texts_only(monkeypatch: pytest.MonkeyPatch):
    """No two pages of one document are alike: holding every page stream would only raise the peak."""
    monkeypatch.setattr(warm, "_again", False)
    monkeypatch.setattr(streams, "_packed", type(streams._packed)())
    monkeypatch.setattr(streams, "_encoded", type(streams._encoded)())
    page, name = "q 1 0 0 1 72 72 cm Q " * 100, "/NotoSans-Bold"
    assert streams.compress(page) == zlib.compress(page.encode())
    assert streams.encode_text(page) == pdfdoc.pdfdocEnc(page)
    assert streams.encode_text(name) == pdfdoc.pdfdocEnc(name)
    assert not streams._packed
    assert list(streams._encoded) == [name]
    monkeypatch.setattr(streams, "SHORT_ENTRIES", 50)
    for n in range(200):  # numbers that never come back push out the oldest, not the name in use
        streams.encode_text(f"{n} 0 obj")
        streams.encode_text(name)
    assert len(streams._encoded) == 50
    assert name in streams._encoded
    monkeypatch.setattr(streams, "_held", 0)
    monkeypatch.setattr(streams, "_encoded_held", 0)
    warm.builds_again()  # a watch, batch or roster process: whole pages come back
    assert warm.keeps()
    streams.compress(page)
    streams.encode_text(page)
    assert page.encode() in streams._packed
    assert page in streams._encoded


def test_installed_only_while_rendering():
    plain_encode, plain_compress = pdfdoc.pdfdocEnc, pdfdoc.PDFZCompress.encode
    with render_settings():
        assert pdfdoc.pdfdocEnc is streams.encode_text
        assert pdfdoc.PDFZCompress.encode is streams.compress
        with render_settings():  # nested: still installed, then back as it was
            pass
        assert pdfdoc.pdfdocEnc is streams.encode_text
    assert pdfdoc.pdfdocEnc is plain_encode
    assert pdfdoc.PDFZCompress.encode == plain_compress
    assert "encode" not in vars(pdfdoc.PDFZCompress)
