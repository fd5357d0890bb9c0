"""A card and its size -> the back laid out at the largest text that fits, or the error that says why not.

Text shrinks in 0.25 pt steps from the card's base size down to the edition's floor
(7 pt; 12 pt in large print). A back that does not fit even there is refused at the
content line to shorten: the title's own line when the title alone is too long, else
the first piece that crosses the card's foot. A card size too small for an edition's
smallest text (a large-print business card) is refused before anything is laid out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Paragraph

from booklet.errors import ContentError
from booklet.model import Edition, SourceRef
from booklet.paper import CardSize
from booklet.render.markup import plain
from booklet.render.styles import Look, make_look

if TYPE_CHECKING:
    from booklet.render.cards import Card

MIN_SIZE = 7.0
MIN_LINES = 12  # a card back holds at least this many lines of the edition's smallest text
TITLE_LINES = 2  # a card back's title is one or two lines; a longer one is the title's fault
Fitted = list[Flowable] | None  # a card's back laid out at the size it fits, or None if not yet


def floor_of(look: Look) -> float:
    """The smallest text a card of this edition may print: 7 pt, or the edition's own floor (large print 12 pt)."""
    return max(MIN_SIZE, look.min_text)


def fit_back(card: Card, look: Look, size: CardSize, width: float, height: float, floor: float) -> Fitted:
    """The back laid out at the largest text size, from the card's base down to ``floor`` in 0.25 pt
    steps, at which it fits; None if it does not fit even at ``floor``.

    A back that fits at one size fits at every smaller one (its lines only get shorter
    and fewer), so the steps are searched by halving: 5 layouts of the back instead of
    up to 20, the same size as stepping down one by one.
    """
    top = max(size.base_size * 1.3 * look.scale, floor)
    steps = int((top - floor + 1e-6) // 0.25)  # sizes top, top - 0.25, ..., top - steps * 0.25 >= floor

    def fitted(step: int) -> Fitted:
        story = card.back(look, top - step * 0.25)
        used = 0.0
        for flowable in story:
            used += flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
        return story if used <= height else None

    best = fitted(0)
    if best is not None:
        return best
    low, high = 0, steps + 1  # the largest size (smallest step) that fits lies in (low, high]
    while high - low > 1:
        middle = (low + high) // 2
        story = fitted(middle)
        if story is not None:
            high, best = middle, story
        else:
            low = middle
    return best if best is not None and high <= steps else None


def refuse(card: Card, look: Look, size: CardSize, width: float, height: float) -> ContentError:
    """A card that does not fit even at its smallest text -> the error, at the line to shorten."""
    floor = floor_of(look)
    story = card.back(look, floor)
    title = story[0]
    title.wrap(width, height)
    count = len(title.blPara.lines) if isinstance(title, Paragraph) else 1
    if count > TITLE_LINES and hasattr(title, "source"):  # the title hogs the card: blame the title's own line
        ref, where = title.source
        return ContentError.at(
            ref,
            f"card '{plain(card.title)}': its title takes {count} lines of {card_name(size)} even at "
            f"{floor:g} pt ({TITLE_LINES} at most); shorten it",
            where,
        )
    ref, where = _overflowing(story, width, height) or (card.ref, "cards")
    return ContentError.at(
        ref,
        f"card '{plain(card.title)}' does not fit {card_name(size)} even at "
        f"{floor:g} pt from here on; shorten this text or give steps a 'short' form",
        where,
    )


def card_name(size: CardSize) -> str:
    """'a6' -> 'an A6 card', 'index' -> 'an index card', 'business' -> 'a business card'."""
    name = size.name.upper() if size.name[:1] == "a" and size.name[1:].isdigit() else size.name
    return f"{'an' if name[:1].lower() in 'aeio' else 'a'} {name} card"


def _overflowing(story: list[Flowable], width: float, height: float) -> tuple[SourceRef, str] | None:
    """The story at the smallest size -> where the first piece that crosses the card's foot was written."""
    used = 0.0
    last = None  # a line with no source of its own (a label) is blamed on the text just before it
    for flowable in story:
        last = getattr(flowable, "source", last)
        used += flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
        if used > height:
            return last
    return None


def check_room(edition: Edition, look: Look, size: CardSize) -> None:
    """A card size too small for the edition's smallest text (a large-print business card) -> OptionError."""
    from booklet.errors import OptionError
    from booklet.paper import CARD_SIZES

    lines = room_lines(look, size)
    if lines >= MIN_LINES:
        return
    roomy = [
        name for name, other in sorted(CARD_SIZES.items()) if room_lines(card_look(edition, other), other) >= MIN_LINES
    ]
    instead = f"; use {' or '.join('--card ' + name for name in roomy)}" if roomy else ""
    raise OptionError(
        f"--card {size.name}: {card_name(size)} is too small for the {edition.name}, whose smallest text is "
        f"{floor_of(look):g} pt (its back holds {lines:.0f} lines of it, a card needs {MIN_LINES}){instead}"
    )


def room_lines(look: Look, size: CardSize) -> float:
    """How many lines of the edition's smallest card text the back of a card of this size holds."""
    return back_room(look, size) / (floor_of(look) * 1.28)


def card_look(edition: Edition, size: CardSize) -> Look:
    from booklet.paper import Paper

    return make_look(edition, Paper(size.name, size.width_pt, size.height_pt), Path(edition.booklet.root))


def back_room(look: Look, size: CardSize) -> float:
    return size.height_pt - 2 * size.margin_pt - look.body_size * 1.2


def fit_line(
    text: str, font: str, size: float, width: float, ref: SourceRef, what: str, floor: float = MIN_SIZE
) -> float:
    """The size at which one line of text fits ``width``: shrunk if needed, never below ``floor`` (7 pt)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = max(size, floor)  # 7 pt is the least anyone should have to read; large print 12
    natural = stringWidth(text, font, size)
    fitted = size if natural <= width else size * width / natural
    if fitted < floor - 1e-6:
        raise ContentError.at(
            ref, f"{what} '{text}' does not fit on one line of a card even at {floor:g} pt; shorten it", "cards"
        )
    return fitted


def too_wide(text: str, font: str, width: float, floor: float = MIN_SIZE) -> bool:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, floor) > width  # too wide even at the edition's least size
