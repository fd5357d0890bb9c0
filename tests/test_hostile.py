"""Untrusted content: every attack in tests/hostile/ fails with its exact line; nothing leaks or hangs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booklet.build import BuildOptions, build, load_booklet
from booklet.cli import main
from booklet.errors import BookletError, ContentError
from booklet.load import parse_yaml
from booklet.render.markup import plain as markup_plain

from .conftest import _STRAIGHT, pdf_text

CORPUS = sorted((Path(__file__).parent / "hostile").glob("*.yaml"))


def expected_line(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ")


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("attack", CORPUS, ids=[p.stem for p in CORPUS])
def test_hostile_booklet_file(attack: Path, handwash: Path):
    (handwash / "booklet.yaml").write_bytes(attack.read_bytes())
    result = run_cli("validate", str(handwash))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == expected_line(attack).format(path=handwash)
    assert "Traceback" not in result.output
    assert "\x1b" not in result.output


def test_ten_megabyte_file_is_refused_quickly(handwash: Path):
    (handwash / "booklet.yaml").write_bytes(b"title: x\n" + b"# padding\n" * 1_000_000)
    result = run_cli("validate", str(handwash))
    assert result.exit_code == 1
    assert "is too large (10,000,009 bytes; limit 500,000)" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_content_file_does_not_hang(handwash: Path):
    os.mkfifo(handwash / "strokes" / "extra.yaml")
    result = run_cli("validate", str(handwash))
    assert result.exit_code == 1
    assert "extra.yaml: error: extra.yaml is not a regular file" in result.output


def test_symlink_out_of_the_folder_is_refused(handwash: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\nname: TOP SECRET\nsteps: [leaked]\n")
    (handwash / "strokes" / "secret.yaml").symlink_to(secret)
    result = run_cli("validate", str(handwash))
    assert result.exit_code == 1
    assert "secret.yaml: error: cannot open secret.yaml" in result.output


def test_symlinked_image_out_of_the_folder_is_refused(handwash: Path, tmp_path: Path, edit):
    from PIL import Image

    Image.new("RGB", (10, 10)).save(tmp_path / "outside.png")
    (handwash / "images").mkdir()
    (handwash / "images" / "in.png").symlink_to(tmp_path / "outside.png")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/in.png}\ntips:")
    result = run_cli("validate", str(handwash))
    assert result.exit_code == 1
    assert "'images/in.png' is outside the content folder" in result.output


MARKUP_ATTACKS = [
    '<img src="/etc/passwd"/>',
    '<img src="/dev/zero"/>',
    '<a href="javascript:alert(1)">x</a>',
    '<font name="x">f</font>',
    '<para color="red">p</para>',
    "<unclosed",
    "&amp; &lt; &#65; &nbsp;",
    "]]> <![CDATA[ x ]]> <!-- c --> <?xml?>",
    "<b>bold?</b> <i>",
    "2 * 3 * 4 ** 5",
]


def test_markup_attacks_print_as_typed(handwash: Path, edit):
    for attack in MARKUP_ATTACKS:
        quoted = attack.replace("\\", "\\\\").replace('"', '\\"')
        edit(
            handwash / "strokes/lather.yaml",
            "  - Scrub your thumbs and fingertips.",
            f'  - "{quoted}"\n  - Scrub your thumbs and fingertips.',
        )
    text = pdf_text(build(load_booklet(handwash), BuildOptions()).pdf)
    for attack in MARKUP_ATTACKS:
        assert " ".join(attack.split()) in text, attack
    assert "root:" not in text


def test_long_word_and_step_longer_than_a_page_still_build(handwash: Path, edit):
    word = "Supercalifragilistic" * 30
    page = " ".join(["Rub slowly and keep going."] * 140)  # longer than an A6 page, under the field limit
    edit(handwash / "strokes/lather.yaml", "  - Scrub your thumbs and fingertips.", f"  - {word}\n  - {page}")
    pdf = build(load_booklet(handwash), BuildOptions(paper="a6")).pdf
    text = pdf_text(pdf).replace(" ", "").replace("-", "")  # the word breaks at syllables, with hyphens
    assert word in text


WATCH: dict[str, list[str] | None] = {"opened": None}


def _audit(event: str, args: tuple) -> None:
    opened = WATCH["opened"]
    if opened is not None and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        opened.append(os.path.realpath(os.fsdecode(args[0])))


def test_no_file_outside_the_content_folder_is_opened(handwash: Path, edit, tmp_path: Path):
    """Load, validate and build while watching every open(): only content, fonts and Python's own files."""
    from booklet import load
    from booklet.shipped import fonts_dir

    edit(handwash / "booklet.yaml", "title: Washing Your Hands", "title: \"<img src='/etc/hostname'/>\"")
    build(load_booklet(handwash), BuildOptions())  # warm: modules imported before we watch
    load._CACHE.clear()
    sys.addaudithook(_audit)
    WATCH["opened"] = []
    try:
        pdf = build(load_booklet(handwash), BuildOptions()).pdf
    finally:
        opened, WATCH["opened"] = WATCH["opened"] or [], None
    allowed = (str(handwash.resolve()), str(fonts_dir().resolve()), sys.prefix, sys.base_prefix)
    outside = [p for p in opened if not p.startswith(allowed)]
    assert not outside
    assert any(p.endswith("booklet.yaml") for p in opened)
    assert b"<img" not in pdf or "<img src='/etc/hostname'/>" in pdf_text(pdf)


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co")), min_size=1, max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, step=TEXT, tip=TEXT)
def test_any_unicode_builds_or_fails_cleanly(handwash: Path, title: str, step: str, tip: str):
    import json

    lather = handwash / "strokes" / "lather.yaml"
    original = lather.read_text()
    try:
        text = original.replace("name: Lather", f"name: {json.dumps(title)}")
        text = text.replace("  - Wet your hands and take some soap.", f"  - {json.dumps(step)}")
        text = text.replace("  - Sing a short song twice to time it.", f"  - {json.dumps(tip)}")
        lather.write_text(text)
        try:
            pdf = build(load_booklet(handwash), BuildOptions()).pdf
        except BookletError:
            return
        extracted = "".join(pdf_text(pdf).split()).translate(_STRAIGHT)  # quotes are set typographically
        for value in (step, tip):
            plain = "".join(markup_plain(value).split())  # what prints: markers that pair up vanish
            if plain.isascii() and plain:
                assert plain in extracted
    finally:
        lather.write_text(original)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda s: s.encode("utf-8", "replace"))))
def test_loader_fuzz_never_crashes(data: bytes):
    try:
        parse_yaml(data, "fuzz.yaml")
    except ContentError as exc:
        lines = exc.lines()
    else:
        lines = []
    assert all(line.startswith(("fuzz.yaml", "    (")) for line in lines)


@settings(max_examples=800, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=20,
    )
)
def test_loader_fuzz_structured(value):
    import yaml

    data = yaml.safe_dump(value, allow_unicode=True).encode()
    try:
        node = parse_yaml(data, "fuzz.yaml")
    except ContentError as exc:  # refused: every line points into the file
        lines = exc.lines()
    else:  # accepted: the tree points into the file too
        lines = [str(node.ref)]
    assert lines
    assert all(line.startswith("fuzz.yaml") for line in lines)


def test_missing_glyphs_name_the_field_and_its_line(handwash: Path, edit):
    edit(handwash / "strokes/lather.yaml", "Sing a short song twice to time it.", "Sing \u266b twice.")
    with pytest.raises(ContentError) as caught:
        build(load_booklet(handwash), BuildOptions())
    line = caught.value.lines()[0]
    assert line.endswith(
        "strokes/lather.yaml:14:3: error: tips: the font NotoSans has no glyph for '\u266b' "
        "(U+266B); change the text or theme.font"
    )
