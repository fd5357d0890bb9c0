"""Content files -> raw nodes -> model: every hostile input fails with its exact first error line, fast.

The corpus is tests/hostile/: files at the top are swapped in as booklet.yaml, files in
tests/hostile/strokes/ as strokes/lather.yaml. Each starts with `# expect: <first line>`,
where {path} stands for the content folder. Attacks that cannot be a committed file
(10 MB, 10,000 levels, a FIFO, links) are made here in tmp_path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booklet import load
from booklet.errors import ContentError
from booklet.load import RawDoc, RawList, RawMap, RawScalar, load_doc, parse_yaml
from booklet.validate import validate

HOSTILE = Path(__file__).parent / "hostile"
MAIN_ATTACKS = sorted(HOSTILE.glob("*.yaml"))
STROKE_ATTACKS = sorted((HOSTILE / "strokes").glob("*.yaml"))

BOOKLET = "id: handwash\ntitle: Hands\nstrokes: [lather]\n"
STROKE = "id: lather\nname: Lather\npressure: light\nsteps: [Wet your hands., Rub them together.]\n"


@pytest.fixture
def content(tmp_path: Path, monkeypatch) -> Path:
    """A minimal valid content folder, as the relative path 'content' (errors then start 'content/')."""
    monkeypatch.chdir(tmp_path)
    root = Path("content")
    (root / "strokes").mkdir(parents=True)
    (root / "booklet.yaml").write_text(BOOKLET)
    (root / "strokes" / "lather.yaml").write_text(STROKE)
    return root


def expectation(attack: Path) -> str:
    first = attack.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    assert first.startswith("# expect: "), f"{attack.name} must start with '# expect: '"
    return first.removeprefix("# expect: ")


def first_error(root: Path) -> str:
    """Load and validate ``root``; it must fail with a ContentError: its first line."""
    with pytest.raises(ContentError) as caught:
        validate(load_doc(root))
    return caught.value.lines()[0]


def test_the_minimal_folder_is_valid(content: Path):
    booklet = validate(load_doc(content))
    assert [s.id for s in booklet.strokes] == ["lather"]


@pytest.mark.parametrize("attack", MAIN_ATTACKS, ids=[p.stem for p in MAIN_ATTACKS])
def test_hostile_booklet_file(content: Path, attack: Path):
    (content / "booklet.yaml").write_bytes(attack.read_bytes())
    assert first_error(content) == expectation(attack).format(path=content)


@pytest.mark.parametrize("attack", STROKE_ATTACKS, ids=[p.stem for p in STROKE_ATTACKS])
def test_hostile_stroke_file(content: Path, attack: Path):
    (content / "strokes" / "lather.yaml").write_bytes(attack.read_bytes())
    assert first_error(content) == expectation(attack).format(path=content)


def test_every_corpus_file_names_where_it_goes():
    for attack in MAIN_ATTACKS:
        assert expectation(attack).startswith("{path}/booklet.yaml"), attack.name
    for attack in STROKE_ATTACKS:
        assert expectation(attack).startswith("{path}/strokes/lather.yaml"), attack.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: " + "[" * 10_000 + "]" * 10_000, "content/booklet.yaml:1:35: error: nesting is deeper than 32 levels"),
        ("a: " + "{a: " * 10_000 + "}" * 10_000, "content/booklet.yaml:1:128: error: nesting is deeper than 32 levels"),
        ("a: [" + "1, " * 60_000 + "]", "content/booklet.yaml:1:59996: error: file has more than 20,000 values"),
    ],
    ids=["deep_lists", "deep_maps", "many_values"],
)
def test_generated_shapes_are_refused(content: Path, text: str, expected: str):
    (content / "booklet.yaml").write_text(text)
    assert first_error(content) == expected


def test_huge_file_is_refused_unread(content: Path):
    (content / "booklet.yaml").write_bytes(b"id: x\n" + b"# padding padding\n" * 600_000)
    size = (content / "booklet.yaml").stat().st_size
    expected = f"content/booklet.yaml: error: booklet.yaml is too large ({size:,} bytes; limit 500,000)"
    assert first_error(content) == expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("where", ["strokes/x.yaml", "booklet.yaml"])
def test_fifo_does_not_hang(content: Path, where: str):
    (content / where).unlink(missing_ok=True)
    os.mkfifo(content / where)
    name = Path(where).name
    assert first_error(content) == f"content/{where}: error: {name} is not a regular file"


def test_symlinked_stroke_outside_the_folder_is_refused(content: Path, tmp_path: Path):
    (tmp_path / "secret.yaml").write_text("id: x\nname: TOP SECRET\nsteps: [leaked]\n")
    (content / "strokes" / "x.yaml").symlink_to(tmp_path / "secret.yaml")
    expected = "content/strokes/x.yaml: error: cannot open x.yaml: it links to a file outside the content folder"
    assert first_error(content) == expected


def test_symlinked_strokes_folder_outside_is_refused(content: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (content / "strokes" / "lather.yaml").rename(outside / "lather.yaml")
    (content / "strokes").rmdir()
    (content / "strokes").symlink_to(outside)
    expected = (
        "content/strokes: error: strokes/ links to a folder outside the content folder; move the files into strokes/"
    )
    assert first_error(content) == expected  # refused before it is listed: no name from outside is shown


def test_symlinked_main_file_outside_is_refused(content: Path, tmp_path: Path):
    (tmp_path / "other.yaml").write_text(BOOKLET)
    (content / "booklet.yaml").unlink()
    (content / "booklet.yaml").symlink_to(tmp_path / "other.yaml")
    expected = "content/booklet.yaml: error: cannot open booklet.yaml: it links to a file outside the content folder"
    assert first_error(content) == expected


def test_symlink_loop_is_refused(content: Path):
    (content / "strokes" / "a.yaml").symlink_to("b.yaml")
    (content / "strokes" / "b.yaml").symlink_to("a.yaml")
    assert first_error(content).startswith("content/strokes/a.yaml: error: cannot open a.yaml")


def test_symlink_inside_the_folder_is_followed(content: Path):
    (content / "shared").mkdir()
    (content / "strokes" / "lather.yaml").rename(content / "shared" / "lather.yaml")
    (content / "strokes" / "lather.yaml").symlink_to(Path("..") / "shared" / "lather.yaml")
    assert [s.name for s in validate(load_doc(content)).strokes] == ["Lather"]


def test_dot_files_are_not_content(content: Path):
    """Editor locks (.#x.yaml, a dangling link) and macOS ._x.yaml files are skipped."""
    (content / "strokes" / ".#lather.yaml").symlink_to("root@host.1234:1700000000")
    (content / "strokes" / "._lather.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X\xff\xfe")
    assert [s.id for s in validate(load_doc(content)).strokes] == ["lather"]


def test_yaml_and_yml_of_one_name_clash(content: Path):
    (content / "strokes" / "lather.yml").write_text(STROKE)
    expected = "content/strokes/lather.yml: error: lather.yml repeats lather.yaml; keep one of the two files"
    assert first_error(content) == expected


def test_missing_folder(tmp_path: Path):
    with pytest.raises(ContentError) as caught:
        load_doc(tmp_path / "nowhere")
    assert caught.value.lines()[0].endswith(
        "nowhere: error: no such content folder or file (expected a folder holding booklet.yaml)"
    )


def test_bom_and_crlf_are_fine(content: Path):
    (content / "booklet.yaml").write_bytes(b"\xef\xbb\xbf" + BOOKLET.replace("\n", "\r\n").encode())
    assert validate(load_doc(content)).title == "Hands"


@pytest.mark.parametrize("value", ["2001-02-30", "012", "1:20", "0o12", "0x1F", "1e3", ".inf", "1_000", "+12"])
def test_yaml11_lookalikes_stay_text_as_typed(content: Path, value: str):
    (content / "booklet.yaml").write_text(BOOKLET + f"edition: {value}\nsubtitle: {value} and more\n")
    booklet = validate(load_doc(content))
    assert booklet.edition == value
    assert booklet.subtitle == f"{value} and more"


@pytest.mark.parametrize("value", ["١٢", "１２", "1_0", "nan", "-.inf", "0x0C", "12pt"])
def test_numbers_are_plain_ascii_decimals(content: Path, value: str):
    (content / "booklet.yaml").write_text(BOOKLET + f'theme: {{base_size: "{value}"}}\n')
    expected = f"content/booklet.yaml:4:20: error: theme.base_size: expected a number, got '{value}'"
    assert first_error(content) == expected


def test_scalars_keep_their_place(content: Path):
    node = parse_yaml(b"# c\nid: x\nsteps:\n  - 'a'\n", "f.yaml")
    assert isinstance(node, RawMap)
    steps = node.get("steps")
    assert isinstance(steps, RawList)
    (item,) = steps.items
    assert isinstance(item, RawScalar)
    assert (item.text, item.plain, str(item.ref)) == ("a", False, "f.yaml:4:5")


# Loader fuzz: whatever the bytes, parse_yaml returns raw nodes or raises ContentError,
# and validating what it returns gives a model or a ContentError: never another exception.
YAML_SOUP = st.lists(
    st.sampled_from([*"-:?[]{},#&*!|>'\"%@`\\\n\t  ab01.~\u00e9\u202e", "id", "title", "strokes", "<<", "!!", "---"]),
    max_size=60,
).map("".join)
FUZZ = st.one_of(
    st.binary(max_size=160),
    st.text(max_size=160).map(lambda s: s.encode("utf-8", "surrogatepass")),
    YAML_SOUP.map(str.encode),
    YAML_SOUP.map(lambda s: (BOOKLET + s).encode()),
)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FUZZ)
def test_loader_fuzz_raw_nodes_or_content_error(data: bytes):
    lines: list[str] = []
    try:
        node = parse_yaml(data, "fuzz.yaml")
    except ContentError as exc:
        lines = exc.lines()
    if lines:
        assert all(line.startswith(("fuzz.yaml", "    (")) for line in lines)
        return
    assert isinstance(node, RawScalar | RawList | RawMap)
    try:
        validate(RawDoc(Path("fuzz"), node, {"lather": parse_yaml(STROKE.encode(), "lather.yaml")}))
    except ContentError as exc:
        lines = exc.lines()
        if not lines:
            raise


WATCH: dict[str, list[str] | None] = {"paths": None}


def _audit(event: str, args: tuple) -> None:
    paths = WATCH["paths"]
    if paths is None or event not in ("open", "os.scandir", "os.listdir"):
        return
    target = args[0] if args else None
    if isinstance(target, str | bytes | os.PathLike):
        paths.append(os.path.realpath(os.fsdecode(target)))


def test_loading_opens_nothing_outside_the_content_folder(tmp_path: Path, monkeypatch):
    """Load and validate the handwash fixture, with a logo, watching every open and folder listing."""
    import shutil

    from PIL import Image

    root = tmp_path / "handwash"
    shutil.copytree(Path(__file__).parent / "fixtures" / "handwash", root)
    Image.new("RGB", (8, 8)).save(root / "logo.png")
    text = (root / "booklet.yaml").read_text().replace("theme:\n", "theme:\n  logo: logo.png\n")
    (root / "booklet.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    validate(load_doc(root))  # warm: modules are imported before we watch
    load._CACHE.clear()
    sys.addaudithook(_audit)
    WATCH["paths"] = []
    try:
        validate(load_doc(root))
    finally:
        seen, WATCH["paths"] = WATCH["paths"] or [], None
    repo = Path(__file__).parent.parent.resolve()
    allowed = (str(root.resolve()), str(repo / "fonts"), str(repo / "booklet"), sys.prefix, sys.base_prefix)
    assert [p for p in seen if not p.startswith(allowed)] == []
    assert any(p.endswith("booklet.yaml") for p in seen)
    assert any(p.endswith("lather.yaml") for p in seen)
    assert any(p.endswith("logo.png") for p in seen)


def test_only_a_process_that_builds_again_keeps_parsed_yaml(tmp_path, monkeypatch):
    """A one-off build frees each file's nodes once validated; watch, batch and roster keep them per file."""
    from booklet import warm

    path = tmp_path / "a.yaml"
    path.write_text("id: a\nname: A\n", encoding="utf-8")
    monkeypatch.setattr(load, "_CACHE", {})
    monkeypatch.setattr(warm, "_again", False)
    load.load_file(path)
    assert load._CACHE == {}
    warm.builds_again()
    first = load.load_file(path)
    assert load.load_file(path) is first  # unchanged: the kept nodes
