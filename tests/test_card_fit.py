"""Card backs are fitted by halving the 0.25 pt steps: the size chosen is the one stepping down finds."""

from __future__ import annotations

import pytest

from booklet.audience import make_edition
from booklet.build import load_booklet
from booklet.paper import CARD_SIZES, Paper
from booklet.render.card_fit import MIN_SIZE, back_room, fit_back, floor_of
from booklet.render.cards import cards_for
from booklet.render.styles import make_look

from .conftest import SHIPPED


def stepping_down(card, look, size, width, height, floor):
    """The plain search: every size from the top down, the first that fits; None when none does."""
    text_size = max(size.base_size * 1.3 * look.scale, floor)
    while text_size >= floor - 1e-6:
        used = sum(f.wrap(width, height)[1] + f.getSpaceAfter() for f in card.back(look, text_size))
        if used <= height:
            return text_size
        text_size -= 0.25
    return None


def chosen_size(story) -> float:
    first = story[1]  # the first step (or line): the title is set 15% larger
    return (first.style if hasattr(first, "style") else first.para.style).fontSize


@pytest.mark.parametrize("card_name", ["a6", "index", "business"])
@pytest.mark.parametrize("audience", ["home", "large-print", "student"])
def test_halving_picks_the_size_stepping_down_picks(card_name: str, audience: str):
    edition = make_edition(load_booklet(SHIPPED), audience)
    size = CARD_SIZES[card_name]
    look = make_look(edition, Paper(size.name, size.width_pt, size.height_pt), SHIPPED)
    width, height = size.width_pt - 2 * size.margin_pt, back_room(look, size)
    cards = [card for card, _ in cards_for(edition, lambda card: None)]
    checked = 0
    for card in cards:
        for floor in sorted({MIN_SIZE, MIN_SIZE + 0.5, floor_of(look)}):
            want = stepping_down(card, look, size, width, height, floor)
            if want is None:
                assert fit_back(card, look, size, width, height, floor) is None
                continue
            story = fit_back(card, look, size, width, height, floor)
            assert chosen_size(story) == pytest.approx(want), (card.key, floor)
            checked += 1
    assert checked > 0
