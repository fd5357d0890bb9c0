"""Page furniture kept from the last build (render/furnished.py): its code again only where it is the same."""

from __future__ import annotations

from pathlib import Path

import pytest


def _replace(name: str, old: str, new: str):
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _one_more_stroke(folder: Path) -> None:
    """A copy of raking, listed last: the pages before it stay, every thumb tab gets lower."""
    text = (folder / "strokes/raking.yaml").read_text(encoding="utf-8")
    copy = text.replace("id: raking", "id: combing", 1).replace("name: Raking", "name: Combing", 1)
    (folder / "strokes/combing.yaml").write_text(copy, encoding="utf-8")
    _replace("booklet.yaml", ", circling-hands]", ", circling-hands, combing]")(folder)


# Edits in one watch process, each changing what some kept furniture is drawn from (or nothing of it).
EDITS = {
    "a step's text: every page's furniture as before": _replace(
        "strokes/raking.yaml", "in a smooth line.", "in one line."
    ),
    "tips enough for the fan stroke to run onto pages with a continued head": _replace(
        "strokes/fan-stroke.yaml",
        "tips:\n",
        "tips:\n" + "".join(f"  - A longer tip, number {n}, to push the stroke onto more pages.\n" for n in range(14)),
    ),
    "its name, with a character never used before: those heads": _replace(
        "strokes/fan-stroke.yaml", "name: The fan stroke\n", "name: The fan stroke Øy\n"
    ),
    "a stroke more: every thumb tab's height": _one_more_stroke,
    "the title: every running footer": _replace("booklet.yaml", "title: The Back Massage\n", "title: The Back Rub\n"),
}


def test_kept_furniture_is_the_furniture_a_build_without_it_draws(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from booklet.build import build_booklet
    from booklet.options import BuildOptions
    from booklet.render import furnished, replay
    from booklet.watch import rebuild

    warm = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm).errors
    reused = {}
    for what, edit in EDITS.items():
        edit(shipped)
        assert not rebuild(shipped, BuildOptions(), warm).errors, what
        reused[what] = (furnished.last["reused"], furnished.last["kept"])
        with monkeypatch.context() as m:
            m.setattr(replay, "_on", False)  # every page laid out, every piece of furniture drawn
            drawn = build_booklet(shipped)
        assert warm.read_bytes() == drawn, what
    values = list(reused.values())
    assert values[0][0] == values[0][1] > 30, reused  # the step's edit: no furniture drawn again
    assert 0 < values[2][0] < values[2][1], reused  # its name: only the heads that show it drawn again
    assert values[4][0] == 0, reused  # another title: another document, nothing kept for it


def test_furniture_whose_characters_have_other_codes_now_is_drawn_again(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Kept text is added only while each of its characters has the subset code it had: furniture
    kept with other codes (here: made up, with made-up code) is drawn, as a fresh build draws it."""
    from dataclasses import replace

    from booklet.build import build_booklet
    from booklet.options import BuildOptions
    from booklet.render import furnished, replay
    from booklet.watch import rebuild

    warm = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm).errors
    (shared, kept), *_ = furnished._kept[-1:]
    changed = 0
    for key, drawn in list(kept.items()):
        if isinstance(drawn, furnished.Drawn) and drawn.codes:
            font, (name, codes) = next(iter(drawn.codes.items()))
            other = {char: code + 1 for char, code in codes.items()}
            kept[key] = replace(drawn, code=("% not what this page draws",), codes={font: (name, other)})
            changed += 1
    assert changed > 10
    _replace("strokes/raking.yaml", "in a smooth line.", "in one line.")(shipped)
    assert not rebuild(shipped, BuildOptions(), warm).errors
    assert furnished.last["reused"] <= furnished.last["kept"] - changed
    with monkeypatch.context() as m:
        m.setattr(replay, "_on", False)
        assert warm.read_bytes() == build_booklet(shipped)


def test_the_cover_is_kept_until_what_it_shows_changes(shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The cover gives out the document's first subset codes and font names and fills the structure tree's first
    section: kept, it adds its code, sets the fonts' states and fills its section as drawing it did. It shows the
    first stroke's picture, so an edit of that picture draws it again; every rebuild is the build that draws it."""
    from booklet.build import build_booklet
    from booklet.options import BuildOptions
    from booklet.render import furnished, replay
    from booklet.watch import rebuild

    # characters the cover gives their first codes and later pages use after others of their own
    _replace("booklet.yaml", "title: The Back Massage\n", "title: The Back Massage Ħŋ\n")(shipped)
    warm = tmp_path / "warm.pdf"
    assert not rebuild(shipped, BuildOptions(), warm).errors
    steps = [
        (_replace("strokes/raking.yaml", "in a smooth line.", "in one line."), True),
        (_replace("strokes/fan-stroke.yaml", "  repeats: 2\n", "  repeats: 3\n"), False),  # the cover's picture
        (_replace("strokes/raking.yaml", "in one line.", "in one long line."), True),
    ]
    for edit, kept in steps:
        edit(shipped)
        assert not rebuild(shipped, BuildOptions(), warm).errors
        assert furnished.last["cover"] is kept
        with monkeypatch.context() as m:
            m.setattr(replay, "_on", False)
            assert warm.read_bytes() == build_booklet(shipped)
