"""Raw nodes + schema fields -> plain Python values, collecting every problem.

Scalars arrive as the text the author typed; each field's kind decides how to read
it. Nothing YAML 1.1 would silently reinterpret reaches the model: an unquoted ``no``
in a text field is an error, ``012`` stays "012" where text is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from booklet.load import RawList, RawMap, RawNode, RawScalar
from booklet.model import SourceRef
from booklet.patterns import CompiledOnUse
from booklet.schema import RECORDS, Field
from booklet.text_chars import char_ref as _char_ref
from booklet.text_chars import format_character
from booklet.text_chars import message as _format_message

MAX_TEXT = 4_000  # characters in one text field; ReportLab's paragraph layout is quadratic
MAX_NAME = 200  # titles and names: they must fit a heading, a contents line and a card
NAMES = {"title", "name", "subtitle", "edition", "author", "publisher"}
MAX_PARAGRAPHS = 20_000
MAX_ITEMS = 500
MAX_QR_URL = 2_000  # bytes: every reference is printed as a QR code (level M holds about 2,200)

YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_URL = re.compile(r"^https?://[^\s<>\"]+$")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", re.ASCII)
_OCTAL = re.compile(r"[-+]?0\d+", re.ASCII)
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+", re.ASCII)


MAX_HINT_WORD = 80  # longer names get no hint: nobody mistypes a paragraph
MAX_HINT_CANDIDATES = 100  # names compared per hint, after the length filter


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """A word and the names it could have meant -> ' (did you mean 'x'?)' or ''.

    Bounded whatever the content's size: only names whose length could reach difflib's
    0.6 ratio are compared (2*min/(a+b) >= 0.6 needs the shorter at least 3/7 of the
    longer), and at most MAX_HINT_CANDIDATES of them, those with the same first letter
    first (a slip rarely hits the first letter).
    """
    if not word or len(word) > MAX_HINT_WORD:
        return ""
    size, first = len(word), word[:1].lower()
    fitting = [c for c in dict.fromkeys(choices) if 7 * min(size, len(c)) >= 3 * max(size, len(c))]
    same = [c for c in fitting if c[:1].lower() == first]
    candidates = (same + [c for c in fitting if c[:1].lower() != first])[:MAX_HINT_CANDIDATES]
    import difflib  # on a typo only

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def expected(choices: tuple[str, ...] | list[str]) -> str:
    items = list(choices)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


@dataclass
class Record:
    """A converted mapping: values by key, where each came from, and the whole's place."""

    values: dict[str, Any]
    refs: dict[str, SourceRef]
    ref: SourceRef

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def where(self, key: str) -> SourceRef:
        return self.refs.get(key, self.ref)


@dataclass
class Converter:
    """Converts nodes by schema; ``problems`` collects (ref, where, message)."""

    problems: list[tuple[SourceRef, str, str]] = field(default_factory=list)

    def fail(self, ref: SourceRef, where: str, message: str) -> None:
        self.problems.append((ref, where, message))

    def record(self, node: RawNode, name: str, where: str) -> Record | None:
        if not isinstance(node, RawMap):
            self.fail(node.ref, where, f"expected a mapping of {name} fields, got {_kind(node)}")
            return None
        fields = {f.name: f for f in RECORDS[name]}
        out = Record({}, {}, node.ref)
        for key, value in node.entries:
            spec = fields.get(key.text)
            if spec is None:
                hint = did_you_mean(key.text, list(fields))
                self.fail(key.ref, where, f"unknown key '{_show(key.text)}'{hint}")
                continue
            converted = self.value(value, spec, _join(where, key.text))
            if isinstance(value, RawList):  # each item's place, for messages about one step or tip
                for i, item in enumerate(value.items):
                    out.refs[f"{key.text}[{i}]"] = item.ref
            if spec.required and isinstance(converted, str) and not converted.strip():
                self.fail(value.ref, _join(where, key.text), f"'{key.text}' must not be empty")
                converted = None
            elif spec.required and converted == [] and isinstance(value, RawList) and not value.items:
                self.fail(value.ref, _join(where, key.text), f"'{key.text}' is empty; list at least one")
                converted = None
            if converted is not None:
                out.values[key.text] = converted
                out.refs[key.text] = value.ref
                if isinstance(value, RawList) and isinstance(converted, list) and len(converted) == len(value.items):
                    for i, item in enumerate(value.items):  # each item's place too: "steps[2]"
                        out.refs[f"{key.text}[{i}]"] = item.ref
        for spec in fields.values():
            if spec.required and spec.name not in node:
                self.fail(node.ref, where, f"missing required field '{spec.name}'")
        return out

    def value(self, node: RawNode, spec: Field, where: str) -> Any:
        kind = spec.kind
        if kind == "list":
            return self.list(node, spec, where)
        if kind == "map":
            return self.map(node, spec, where)
        if kind == "record":
            assert spec.record
            return self.record(node, spec.record, where)
        if kind in ("text", "step") and isinstance(node, RawMap) and _colon_in_text(node):
            key, value = node.entries[0]
            whole = f"{key.text}: {value.text}" if isinstance(value, RawScalar) else key.text
            self.fail(
                key.ref,
                where,
                f"text holds ': ', which YAML reads as a key and a value; put the whole value in quotes: "
                f"{_quoted(whole)}",
            )
            return None
        if kind == "step" and isinstance(node, RawMap):
            return self.record(node, "step", where)
        if kind == "stroke-entry" and isinstance(node, RawMap):
            return self.record(node, "stroke", where)
        if kind == "points":
            return self.points(node, where)
        if not isinstance(node, RawScalar):
            self.fail(node.ref, where, f"expected {_describe(spec)}, got {_kind(node)}")
            return None
        return self.scalar(node, spec, where)

    def list(self, node: RawNode, spec: Field, where: str) -> list[Any] | None:
        assert spec.item
        if isinstance(node, RawScalar) and node.plain and not node.text.strip():
            node = RawList((), node.ref)  # `items:` with nothing after it: an empty list
        if isinstance(node, RawScalar) and spec.item.kind not in ("record", "points"):
            node = RawList((node,), node.ref)  # a single value where a list is expected
        if not isinstance(node, RawList):
            self.fail(node.ref, where, f"expected a list, got {_kind(node)}")
            return None
        if len(node.items) > MAX_ITEMS:
            self.fail(node.ref, where, f"more than {MAX_ITEMS} items")
            return None
        if spec.low is not None and len(node.items) < spec.low:
            self.fail(node.ref, where, f"'{spec.name}' needs at least {spec.low:g} item(s); it has {len(node.items)}")
            return None
        if node.flow and spec.item.kind in ("text", "step"):
            split = _comma_split(node)
            if split is not None:
                self.fail(
                    node.items[split].ref,
                    f"{where}[{split}]",
                    "a comma inside [ ] starts a new item here; put each item in quotes, "
                    f"or write one item per line starting with '- ': {_quoted(_comma_whole(node, split))}",
                )
                return None
        out = [self.value(item, spec.item, f"{where}[{i}]") for i, item in enumerate(node.items)]
        for i, (item, value) in enumerate(zip(node.items, out, strict=True)):
            if spec.item.kind == "text" and isinstance(value, str) and not value.strip():
                self.fail(item.ref, f"{where}[{i}]", f"item {i + 1} of '{spec.name}' is blank")
                out[i] = None
        return [item for item in out if item is not None]

    def map(self, node: RawNode, spec: Field, where: str) -> dict[str, tuple[Any, SourceRef]] | None:
        assert spec.item
        if not isinstance(node, RawMap):
            self.fail(node.ref, where, f"expected a mapping, got {_kind(node)}")
            return None
        out: dict[str, tuple[Any, SourceRef]] = {}
        for key, value in node.entries:
            converted = self.value(value, spec.item, _join(where, key.text))
            if converted is not None:
                out[key.text] = (converted, key.ref)
        return out

    def points(self, node: RawNode, where: str) -> tuple[tuple[float, float], ...] | None:
        if not isinstance(node, RawList) or len(node.items) < 2:
            self.fail(node.ref, where, "expected a list of at least two [x, y] points")
            return None
        out: list[tuple[float, float]] = []
        for i, point in enumerate(node.items):
            pair = point.items if isinstance(point, RawList) else ()
            numbers = [self.number(p, f"{where}[{i}]", 0.0, 1.0) for p in pair]
            if len(pair) != 2 or not all(isinstance(p, RawScalar) for p in pair):
                self.fail(point.ref, f"{where}[{i}]", "expected a point [x, y] with numbers 0..1")
            elif numbers[0] is not None and numbers[1] is not None:
                out.append((numbers[0], numbers[1]))
        return tuple(out) if len(out) == len(node.items) else None

    def scalar(self, node: RawScalar, spec: Field, where: str) -> Any:
        kind = spec.kind
        if kind in ("int", "number"):
            value = self.number(node, where, spec.low, spec.high)
            if value is not None and kind == "int" and value != int(value):
                self.fail(node.ref, where, f"expected a whole number, got '{_show(node.text)}'")
                return None
            return int(value) if value is not None and kind == "int" else value
        if kind == "enum":
            return self.choice(node, where, spec.choices, spec.name.replace("_", " "))
        if kind == "stroke-entry":  # an id naming strokes/<id>.yaml
            spec = Field(spec.name, "id", spec.description)
        return self.text(node, where, spec)

    def text(self, node: RawScalar, where: str, spec: Field) -> str | None:
        value = node.text
        if node.plain and value.lower() in YAML11_WORDS:
            self.fail(
                node.ref,
                where,
                f"unquoted '{value}' reads as {_yaml11_meaning(value)} in YAML; put it in quotes if you mean the text",
            )
            return None
        if node.cut_by_comment:
            self.fail(
                node.ref,
                where,
                "text is cut short at ' #' (YAML reads the rest as a comment); put the whole text in quotes",
            )
            return None
        limit = MAX_PARAGRAPHS if spec.kind == "paragraphs" else MAX_NAME if spec.name in NAMES else MAX_TEXT
        if len(value) > limit:
            self.fail(node.ref, where, f"text is too long ({len(value):,} characters; limit {limit:,})")
            return None
        bad = control_character(value)
        if bad is not None:
            self.fail(node.ref, where, f"control character U+{ord(bad):04X} is not allowed in text")
            return None
        hidden = format_character(value)
        if hidden is not None:
            ref = _char_ref(node.ref, value, hidden) if node.plain else node.ref
            self.fail(ref, where, _format_message(value[hidden]))
            return None
        if spec.kind == "path" and not value.strip():
            self.fail(
                node.ref, where, "the file name is empty; give a file inside the content folder, or remove the key"
            )
            return None
        value = value.replace("\t", " ")
        return _check_text_kind(self, node, where, spec, value)

    def number(self, node: RawNode, where: str, low: float | None, high: float | None) -> float | None:
        if not isinstance(node, RawScalar):
            self.fail(node.ref, where, f"expected a number, got {_kind(node)}")
            return None
        text = node.text.strip()
        if node.plain and _OCTAL.fullmatch(text):
            fixed = re.sub(r"^([-+]?)0+(?=\d)", r"\1", text)
            self.fail(node.ref, where, f"'{text}' has a leading zero, which YAML 1.1 reads as octal; write {fixed}")
            return None
        if _DECIMAL_COMMA.fullmatch(text):
            self.fail(node.ref, where, f"'{text}' uses a decimal comma; write {text.replace(',', '.')}")
            return None
        try:
            if not _NUMBER.fullmatch(text):  # float() alone would take '١٢', '1_0' and 'nan'
                raise ValueError
            value = float(text)
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError
        except ValueError:
            self.fail(node.ref, where, f"expected a number, got '{_show(node.text)}'")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(node.ref, where, f"{_show(node.text)} is out of range ({low:g} to {high:g})")
            return None
        return value

    def choice(self, node: RawScalar, where: str, choices: tuple[str, ...], noun: str) -> str | None:
        value = node.text.strip().lower()
        if value in choices:
            return value
        hint = did_you_mean(value, choices)
        self.fail(node.ref, where, f"unknown {noun} '{_show(node.text)}' (expected {expected(choices)}){hint}")
        return None


def _check_text_kind(conv: Converter, node: RawScalar, where: str, spec: Field, value: str) -> Any:
    kind = spec.kind
    if kind == "id" and not _ID.match(value):
        conv.fail(node.ref, where, _bad_id(value))
        return None
    if kind == "color" and not _COLOR.match(value):
        conv.fail(node.ref, where, f"'{_show(value)}' is not a colour (expected #RRGGBB)")
        return None
    if kind == "url" and not _URL.match(value.strip()):
        conv.fail(node.ref, where, f"'{_show(value)}' is not an http(s) address")
        return None
    if kind == "url" and len(value.strip().encode()) > MAX_QR_URL:
        size = len(value.strip().encode())
        conv.fail(
            node.ref,
            where,
            f"the address is too long for its QR code ({size:,} bytes; limit {MAX_QR_URL:,}); use a shorter link",
        )
        return None
    if kind == "paper":
        from booklet.paper import parse_paper

        try:
            parse_paper(value)
        except ValueError as exc:
            conv.fail(node.ref, where, str(exc))
            return None
    if kind == "paragraphs":
        return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip())
    if kind in ("zone", "pattern", "direction", "side", "figure"):
        return _vocabulary_word(conv, node, where, kind, value)
    return value.strip().upper() if kind == "color" else value.strip()


def _vocabulary_word(conv: Converter, node: RawScalar, where: str, kind: str, value: str) -> str | None:
    from booklet.illustrate import figures, motions

    if kind == "zone":  # any figure's zone here; validate checks it is on the stroke's figure
        name = figures.zone_name(value)
        if name is None:
            hint = did_you_mean(value.strip().lower(), figures.ALL_ZONE_NAMES)
            conv.fail(
                node.ref,
                where,
                f"unknown zone '{_show(value)}'{hint or ' (expected ' + expected(figures.ALL_ZONE_NAMES) + ')'}",
            )
        return name
    choices = {
        "pattern": motions.PATTERN_NAMES,
        "direction": motions.DIRECTIONS,
        "side": motions.SIDES,
        "figure": figures.FIGURE_NAMES,
    }[kind]
    return conv.choice(node, where, tuple(choices), kind)


def _bad_id(value: str) -> str:
    other = next((ch for ch in value if not (ch.isascii() and (ch.isalnum() or ch in "-_"))), None)
    rule = "ASCII letters a-z and A-Z, digits, '-' and '_', starting with a letter or digit, at most 64"
    if other is not None and not other.isascii():
        return f"'{_show(value)}' is not a valid id: '{other}' is not ASCII (ids use {rule})"
    return f"'{_show(value)}' is not a valid id (ids use {rule})"


def _colon_in_text(node: RawMap) -> bool:
    """A one-entry mapping where text was expected: 'Rule one: set the angle' unquoted."""
    if len(node.entries) != 1:
        return False
    key, value = node.entries[0]
    step_keys = {f.name for f in RECORDS["step"]}
    return key.plain and key.text not in step_keys and isinstance(value, RawScalar) and key.ref.line == value.ref.line


def _comma_split(node: RawList) -> int | None:
    """A flow list of text -> the index of an item that reads as the tail of the one before, if any."""
    for i in range(1, len(node.items)):
        before, item = node.items[i - 1], node.items[i]
        if not (isinstance(before, RawScalar) and isinstance(item, RawScalar) and before.plain and item.plain):
            continue
        sentence = before.text[:1].isupper() and " " in before.text and before.text[-1:] not in ".!?"
        if sentence and item.text[:1].islower():
            return i
    return None


def _comma_whole(node: RawList, index: int) -> str:
    before, item = node.items[index - 1], node.items[index]
    assert isinstance(before, RawScalar)
    assert isinstance(item, RawScalar)
    return f"{before.text}, {item.text}"


def _quoted(text: str) -> str:
    from booklet.errors import clean

    return clean('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"', 70)


def _yaml11_meaning(word: str) -> str:
    return "an empty value (null)" if word.lower() in ("null", "~") else "a yes/no value"


# Control (Cc) but newline and tab, surrogate (Cs) and private-use (Co) code points: one regex
# scan in C instead of a category lookup per character (a third of validate's time). Compiling
# the whole class takes about 1 ms (the compiler maps its 8,000 code points below U+FFFF one
# by one), so it is compiled for the first text that is not ASCII; ASCII text is scanned for
# the class's ASCII members.
CONTROL = CompiledOnUse(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # CONTROL's code points below U+0080


def control_character(text: str) -> str | None:
    """Text -> its first character in CONTROL's class, or None."""
    found = (_ASCII_CONTROL if text.isascii() else CONTROL).search(text)
    return found.group() if found else None


def _kind(node: RawNode) -> str:
    if isinstance(node, RawMap):
        return "a mapping"
    if isinstance(node, RawList):
        return "a list"
    return f"'{_show(node.text)}'" if node.text else "nothing"


def _describe(spec: Field) -> str:
    return {"int": "a whole number", "number": "a number"}.get(spec.kind, "text")


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _show(text: str) -> str:
    from booklet.errors import clean

    return clean(text, 60)
