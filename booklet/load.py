"""Content files -> RawDoc: YAML read as text, remembering where every value came from.

The loader never builds Python objects from YAML. It walks PyYAML's event stream (the
pure-Python parser, never the C one: it crashes on very deep nesting) and keeps every
scalar as the text the author typed, with its file, line and column; validate.py
converts by the schema. Aliases, anchors, tags, multi-document files, duplicate keys,
deep nesting and oversized files are refused here, all problems of a file at once.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from booklet.errors import ContentError, Problem
from booklet.files import MAX_CONTENT_FILE, MAX_CONTENT_TOTAL, UnsafePath, read_regular
from booklet.model import SourceRef
from booklet.warm import keeps

MAX_DEPTH = 32
MAX_NODES = 20_000
MAIN_FILE = "booklet.yaml"


@dataclass(frozen=True)
class RawScalar:
    """A YAML scalar as written: its text, where, and how (plain or quoted, cut short by a comment)."""

    text: str
    ref: SourceRef
    plain: bool = True  # unquoted: YAML 1.1 tools would reinterpret it
    cut_by_comment: bool = False  # an unquoted value followed by ' #' on its line


@dataclass(frozen=True)
class RawList:
    """A YAML sequence as written: its items and where it starts (flow: written inline)."""

    items: tuple[RawNode, ...]
    ref: SourceRef
    flow: bool = False  # written inline as [a, b]: a comma inside an item splits it


@dataclass(frozen=True)
class RawMap:
    """A YAML mapping as written: its (key, value) entries in order, and where it starts."""

    entries: tuple[tuple[RawScalar, RawNode], ...]
    ref: SourceRef

    def get(self, key: str) -> RawNode | None:
        return next((value for k, value in self.entries if k.text == key), None)

    def keys(self) -> list[str]:
        return [k.text for k, _ in self.entries]

    def __contains__(self, key: object) -> bool:
        return any(k.text == key for k, _ in self.entries)


RawNode = RawScalar | RawList | RawMap


@dataclass(frozen=True)
class RawDoc:
    """Every YAML file of a content set, parsed but not yet validated."""

    root: Path
    main: RawNode
    strokes: dict[str, RawNode] = field(default_factory=dict)  # file stem -> node
    audiences: dict[str, RawNode] = field(default_factory=dict)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def find_main(source: Path) -> Path:
    """A content folder or a YAML file -> the booklet's main YAML file."""
    if source.is_dir():
        return source / MAIN_FILE
    return source


def load_doc(source: Path) -> RawDoc:
    """Load the main file and every ``strokes/*.yaml`` and ``audiences/*.yaml`` beside it."""
    if not source.exists():
        raise ContentError.at(
            SourceRef(display_path(source)), "no such content folder or file (expected a folder holding booklet.yaml)"
        )
    main_path = find_main(source)
    root = main_path.parent
    problems: list[Problem] = []
    budget = [MAX_CONTENT_TOTAL]
    main = _load_collect(root, main_path, problems, budget)
    groups: dict[str, dict[str, RawNode]] = {"strokes": {}, "audiences": {}}
    for folder, nodes in groups.items():
        refused = _outside_folder(root, root / folder)
        if refused is not None:
            problems.append(refused)
            continue
        for path in _content_files(root / folder):
            node = _load_collect(root, path, problems, budget)
            if node is not None and path.stem in nodes:
                message = f"{path.name} repeats {path.stem}.yaml; keep one of the two files"
                problems.append(Problem(SourceRef(display_path(path)), message))
            elif node is not None:
                nodes[path.stem] = node
    if problems or main is None:
        raise ContentError(problems)
    return RawDoc(root, main, groups["strokes"], groups["audiences"])


def _outside_folder(root: Path, folder: Path) -> Problem | None:
    """A strokes/ or audiences/ folder that links out of the content folder -> the problem, before it is listed."""
    if not folder.is_symlink() and not folder.exists():
        return None
    try:
        real, real_root = folder.resolve(strict=False), root.resolve()
    except (OSError, RuntimeError):
        return Problem(SourceRef(display_path(folder)), f"cannot open {folder.name}/: a link loop")
    if real != real_root and real_root not in real.parents:
        return Problem(
            SourceRef(display_path(folder)),
            f"{folder.name}/ links to a folder outside the content folder; move the files into {folder.name}/",
        )
    return None


def _content_files(folder: Path) -> list[Path]:
    """A folder -> its YAML files; dot files (editor locks, macOS ._ files) are not content."""
    found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    return [path for path in found if not path.name.startswith(".")]


def _load_collect(root: Path, path: Path, problems: list[Problem], budget: list[int]) -> RawNode | None:
    """Load one file into ``problems``; ``budget`` holds the bytes all files may still use."""
    try:
        real = _inside(root, path)
        size = _size(path)
        if size > budget[0] >= 0 and size <= MAX_CONTENT_FILE:
            message = (
                f"the content folder holds more than {MAX_CONTENT_TOTAL:,} bytes of YAML; "
                "split it into several booklets"
            )
            budget[0] = -1  # said once
            raise ContentError.at(SourceRef(display_path(path)), message)
        if budget[0] < 0:
            return None
        budget[0] -= size
        return load_file(path, real)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # load_file says what is wrong


def _inside(root: Path, path: Path) -> Path:
    """A content file -> the real file it names; a link that leaves the content folder is refused."""
    try:
        real, real_root = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        raise ContentError.at(SourceRef(display_path(path)), f"cannot open {path.name}: a link loop") from None
    if real_root not in real.parents:
        message = f"cannot open {path.name}: it links to a file outside the content folder"
        raise ContentError.at(SourceRef(display_path(path)), message)
    return real


_CACHE: dict[Path, tuple[tuple[int, int, int], RawNode]] = {}


def load_file(path: Path, real: Path | None = None) -> RawNode:
    """A YAML file (read from ``real``, the link's target, if given) -> raw nodes (kept if the process builds again)."""
    shown = display_path(path)
    try:
        info = path.stat()
    except OSError:
        raise ContentError.at(SourceRef(shown), "file not found") from None
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    cached = _CACHE.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        data = read_regular(real or path, MAX_CONTENT_FILE)
    except UnsafePath as exc:
        raise ContentError.at(SourceRef(shown), str(exc)) from None
    node = parse_yaml(data, shown)
    if keeps():  # a one-off build would only hold every file's nodes to its end
        _CACHE[path] = (stamp, node)
    return node


def decode(data: bytes, shown: str) -> str:
    """UTF-8 bytes -> text; a bad byte is an error at its line and column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError.at(
            SourceRef(shown, line, column),
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


_COMMENT_AFTER = re.compile(r"^[ \t]+#")


def _yaml() -> ModuleType:
    """PyYAML, imported with the patterns its own modules compile on import left until first used.

    PyYAML compiles its pure-Python reader's non-printable class and its resolvers' and
    constructors' patterns as it is imported, about 1% of a cold build (5 ms). Reading
    with libyaml uses none of them; the pure-Python parser, which gives a refused file's
    exact messages, compiles each one the first time it needs it.
    """
    if "yaml" in sys.modules:
        return sys.modules["yaml"]
    from booklet.patterns import CompiledOnUse, compiled_later

    with compiled_later(
        lambda pattern, flags, module: CompiledOnUse(pattern, flags) if module.startswith("yaml") else None
    ):
        import yaml
    return yaml


def parse_yaml(data: bytes, shown: str) -> RawNode:
    """YAML bytes -> raw nodes, refusing everything YAML can hide (watch keeps them per file in memory)."""
    return parse_yaml_uncached(data, shown)


def parse_yaml_uncached(data: bytes, shown: str) -> RawNode:
    """YAML bytes -> raw nodes, refusing everything YAML can hide.

    Read with libyaml (PyYAML's C parser, about 25 times faster) when it is there; its
    events and marks are the pure-Python parser's. A file it refuses, or one our own
    checks refuse, is read again in pure Python, so every message (and its
    line:col) is the one the pure-Python parser gives.
    """
    yaml = _yaml()
    text = decode(data, shown)
    if not text.strip():
        raise ContentError.at(SourceRef(shown, 1, 1), "file is empty")
    lines = text.splitlines()
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        builder = _Builder(shown, lines)
        try:
            for event in yaml.parse(text, Loader=fast):
                builder.feed(event)
        except Exception:  # noqa: BLE001 - any problem: read again below, for pure-Python YAML's exact messages
            pass
        else:
            if builder.result is not None and not builder.problems:
                return builder.result
    builder = _Builder(shown, lines)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            builder.feed(event)
    except _Refused as exc:
        builder.problems.append(Problem(exc.ref, exc.message))
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(exc, builder.lines, shown))
    except yaml.reader.ReaderError as exc:
        builder.problems.append(Problem(_offset_ref(text, exc.position, shown), _reader_message(exc)))
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(SourceRef(shown, 1, 1), f"YAML: {exc}"))
    except (RecursionError, ValueError, OverflowError) as exc:
        builder.problems.append(Problem(SourceRef(shown, 1, 1), f"YAML cannot be read: {exc}"))
    if builder.problems:
        raise ContentError(builder.problems[:20])
    if builder.result is None:
        raise ContentError.at(SourceRef(shown, 1, 1), "file holds no YAML document")
    return builder.result


class _Builder:
    """Turns the event stream into raw nodes with an explicit stack (no recursion)."""

    def __init__(self, shown: str, lines: list[str]):
        self.shown = shown
        self.lines = lines
        self.stack: list[tuple[list[RawNode], SourceRef, bool, bool]] = []  # items, where, is a map, flow
        self.result: RawNode | None = None
        self.documents = 0
        self.nodes = 0
        self.problems: list[Problem] = []

    def ref(self, mark) -> SourceRef:
        return SourceRef(self.shown, mark.line + 1, mark.column + 1)

    def feed(self, event) -> None:
        import yaml

        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _stop(self, event, "a content file holds one YAML document; remove the '---'")
        elif isinstance(event, yaml.AliasEvent):
            raise _stop(self, event, "a value starting with '*' is read as a YAML alias; put the whole value in quotes")
        elif isinstance(event, yaml.NodeEvent):
            self.check_node(event)
            if isinstance(event, yaml.ScalarEvent):
                self.add(self.scalar(event))
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                if len(self.stack) >= MAX_DEPTH:
                    raise _stop(self, event, f"nesting is deeper than {MAX_DEPTH} levels")
                is_map = isinstance(event, yaml.MappingStartEvent)
                self.stack.append(([], self.ref(event.start_mark), is_map, bool(event.flow_style)))
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            items, ref, is_map, flow = self.stack.pop()
            if is_map and flow:
                _check_flow_commas(self, items)
            self.add(self.mapping(items, ref) if is_map else RawList(tuple(items), ref, flow))

    def check_node(self, event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _stop(self, event, f"file has more than {MAX_NODES:,} values")
        if event.anchor is not None:
            raise _stop(self, event, f"anchors (&{event.anchor}) are not allowed; write the value out")
        implicit = getattr(event, "implicit", True)
        explicit_tag = event.tag is not None and not (implicit is True or (implicit and implicit[0]))
        if explicit_tag and event.tag not in ("!", "tag:yaml.org,2002:str"):
            if event.tag.startswith("!"):  # '!important' in text: a local tag to YAML
                message = (
                    f"a value starting with '!' is read as a YAML tag ({event.tag!r}); put the whole value in quotes"
                )
                raise _stop(self, event, message)
            raise _stop(self, event, f"YAML tags like {event.tag!r} are not allowed")

    def scalar(self, event) -> RawScalar:
        plain = not event.style  # None from pure-Python YAML, '' from libyaml
        cut = False
        if plain and event.start_mark.line == event.end_mark.line < len(
            self.lines
        ):  # empty values may sit past the end
            rest = self.lines[event.end_mark.line][event.end_mark.column :]
            cut = bool(_COMMENT_AFTER.match(rest))
        return RawScalar(event.value, self.ref(event.start_mark), plain, cut)

    def mapping(self, items: list[RawNode], ref: SourceRef) -> RawMap:
        entries: list[tuple[RawScalar, RawNode]] = []
        seen: dict[str, RawScalar] = {}
        for key, value in zip(items[::2], items[1::2], strict=True):
            if not isinstance(key, RawScalar):
                self.problems.append(Problem(key.ref, "keys must be plain words"))
                continue
            if key.text in seen:
                first = seen[key.text].ref.line
                self.problems.append(Problem(key.ref, f"duplicate key '{key.text}' (first at line {first})"))
                continue
            seen[key.text] = key
            entries.append((key, value))
        return RawMap(tuple(entries), ref)

    def add(self, node: RawNode) -> None:
        if self.stack:
            self.stack[-1][0].append(node)
        else:
            self.result = node


def _check_flow_commas(builder: _Builder, items: list[RawNode]) -> None:
    """A key with no value inside { } is the tail of a value a comma cut off: say which, and how to quote it."""
    for i in range(0, len(items) - 1, 2):
        key, value = items[i], items[i + 1]
        if not (isinstance(key, RawScalar) and isinstance(value, RawScalar) and key.plain):
            continue
        before = items[i - 1] if i >= 2 else None
        if value.text or not value.plain or not isinstance(before, RawScalar) or not before.plain:
            continue
        named = items[i - 2]
        name = named.text if isinstance(named, RawScalar) else "the value"
        if _DIGITS.fullmatch(before.text) and _DIGITS.fullmatch(key.text):
            message = (
                f"'{before.text},{key.text}' uses a decimal comma, which ends the value of '{name}' inside {{ }}; "
                f"write {before.text}.{key.text}"
            )
        else:
            whole = f"{before.text}, {key.text}"
            message = (
                f"a comma inside {{ }} ends the value of '{name}'; put the whole value in quotes: "
                f"{name}: {_clip(_quoted(whole))}"
            )
        builder.problems.append(Problem(before.ref, message))


_DIGITS = re.compile(r"[-+]?\d+")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Refused(Exception):
    def __init__(self, ref: SourceRef, message: str):
        super().__init__(message)
        self.ref, self.message = ref, message


def _stop(builder: _Builder, event, message: str) -> Exception:
    return _Refused(builder.ref(event.start_mark), message)


def _syntax_problem(exc, lines: list[str], shown: str) -> Problem:
    """A PyYAML syntax error -> one problem in the author's terms, the parser's words on a second line."""
    from booklet.yaml_errors import Mark, explain

    def mark(m) -> Mark | None:
        return Mark(m.line + 1, m.column + 1) if m is not None else None

    advice = explain(
        str(exc.problem or ""), mark(exc.problem_mark), str(exc.context or ""), mark(exc.context_mark), lines
    )
    return Problem(SourceRef(shown, advice.line, advice.column), advice.message)


def _offset_ref(text: str, position: int, shown: str) -> SourceRef:
    before = text[:position]
    return SourceRef(shown, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)


def _reader_message(exc) -> str:
    char = exc.character
    code = ord(char) if isinstance(char, str) else char
    return f"control character U+{code:04X} is not allowed in content"
