"""Pocket cards carry every caution of their stroke (short forms where given) and the stop-at-once line."""

from __future__ import annotations

import pytest

from booklet.build import load_booklet
from tests.conftest import SHIPPED, pdf_text


@pytest.fixture(scope="module")
def booklet():
    return load_booklet(SHIPPED)


def test_every_stroke_card_carries_every_caution_and_the_stop_line(booklet):
    from booklet.build import build_booklet

    text = " ".join(pdf_text(build_booklet(SHIPPED, format="cards")).split())
    for stroke in booklet.strokes:
        if stroke.audiences and "home" not in stroke.audiences:
            continue
        for caution in stroke.cautions:
            assert " ".join((caution.short or caution.text).split()) in text, (stroke.id, caution.text)
    stop = booklet.label("stop_heading")
    assert text.count(stop) >= len([s for s in booklet.strokes if not s.audiences or "home" in s.audiences])
