"""A roster file (CSV or YAML) + the booklet -> Recipients, every problem at once.

A roster lists the people who each get their own edition: an id (the file name), an
optional name printed on the cover, the audience and language to start from, and the
recipient's own safety layer (a pressure cap, zones to leave alone or touch lightly,
extra cautions and notes). Every problem is reported with the roster's file, line and
column, like content. Names are personal data: no message here ever contains one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from booklet.convert import did_you_mean, expected
from booklet.errors import ContentError, Problem
from booklet.files import MAX_CONTENT_FILE, UnsafePath, read_regular
from booklet.model import PRESSURES, SIGNALS, Booklet, Caution, SourceRef
from booklet.translation import missing_message, po_path

COLUMNS = ("id", "name", "audience", "language", "pressure", "avoid", "light", "cautions", "notes", "formats")
LIST_COLUMNS = {"avoid", "light", "cautions", "notes", "formats"}
MAX_RECIPIENTS = 1_000_000
MAX_FIELD = 1_000  # characters in one roster cell: a name, a caution, a note
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", re.ASCII)
_LANG = re.compile(r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$", re.ASCII)


@dataclass(frozen=True)
class Recipient:
    """One person's edition: where to start from and their own safety layer."""

    id: str
    ref: SourceRef
    name: str = ""
    audience: str | None = None
    language: str | None = None
    pressure: str | None = None  # cap: light, moderate or firm
    avoid: tuple[str, ...] = ()  # zones with no pressure at all
    light: tuple[str, ...] = ()  # zones with light touch only
    cautions: tuple[Caution, ...] = ()
    notes: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Cell:
    """One roster cell's text and where it was written."""

    text: str
    ref: SourceRef


def load_roster(path: Path, booklet: Booklet, formats: tuple[str, ...]) -> tuple[Recipient, ...]:
    """A roster file -> its recipients, checked against the booklet; all problems at once."""
    from booklet.load import display_path

    shown = display_path(path)
    try:
        data = read_regular(path, MAX_CONTENT_FILE)
    except FileNotFoundError:
        raise ContentError.at(SourceRef(shown), "roster file not found") from None
    except (UnsafePath, OSError) as exc:
        raise ContentError.at(SourceRef(shown), f"cannot read the roster: {exc}") from None
    problems: list[Problem] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        rows = _yaml_rows(data, shown, problems)
    elif path.suffix.lower() == ".csv":
        rows = _csv_rows(data, shown, problems)
    else:
        raise ContentError.at(SourceRef(shown), "a roster is a .csv or .yaml file")
    checker = _Checker(booklet, formats, problems)
    recipients = [r for r in (checker.recipient(row, ref) for row, ref in rows) if r is not None]
    if not rows and not problems:
        problems.append(Problem(SourceRef(shown, 1, 1), "the roster lists no recipients"))
    if problems:
        raise ContentError(problems)
    return tuple(recipients)


def _csv_rows(data: bytes, shown: str, problems: list[Problem]) -> list[tuple[dict[str, _Cell], SourceRef]]:
    """CSV with a header row; list cells separate their items with ';'."""
    from booklet.load import decode

    text = decode(data, shown).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(Problem(SourceRef(shown, 1, 1), f"CSV: {exc}"))
        return []
    if not header:
        return []
    keys = [h.strip() for h in header]
    physical = _LINE_END.split(text)  # csv's line_num counts these lines
    columns = _check_columns(keys, problems, _cell_starts(physical, 1, reader.line_num, shown))
    if "id" not in columns:
        problems.append(Problem(SourceRef(shown, 1, 1), "the roster needs an 'id' column"))
    rows: list[tuple[dict[str, _Cell], SourceRef]] = []
    line = reader.line_num
    try:
        for values in reader:
            start, line = line + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            ref = SourceRef(shown, start, 1)
            if len(values) > len(keys):
                problems.append(Problem(ref, f"{len(values)} cells, but the header names {len(keys)} columns"))
                continue
            cells = {}
            starts = _cell_starts(physical, start, line, shown)
            for key, value, where in zip(keys, values, starts, strict=False):
                if key in columns and value.strip():
                    cells[key] = _Cell(value.strip(), where)
            rows.append((cells, ref))
            if len(rows) > MAX_RECIPIENTS:
                problems.append(Problem(ref, f"more than {MAX_RECIPIENTS:,} recipients; split the roster"))
                break
    except csv.Error as exc:
        problems.append(Problem(SourceRef(shown, line + 1, 1), f"CSV: {exc}"))
    return rows


_LINE_END = re.compile(r"\r\n|\n|\r")


def _cell_starts(physical: list[str], first: int, last: int, shown: str) -> list[SourceRef]:
    """The physical lines ``first``..``last`` of one CSV record -> where each of its cells starts.

    A quoted cell (with commas or doubled quotes inside) is longer in the file than its value, and may run
    over lines; positions are counted in the file's own characters, so a problem in a later
    cell points at that cell.
    """
    refs = [SourceRef(shown, first, 1)]
    line, column, quoted, index = first, 1, False, 0
    record = "\n".join(physical[first - 1 : last])
    while index < len(record):
        char = record[index]
        if quoted:
            if char == '"' and record[index + 1 : index + 2] == '"':
                index, column = index + 1, column + 1  # a doubled quote inside quotes
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == ",":
            refs.append(SourceRef(shown, line, column + 1))
        if char == "\n":
            line, column = line + 1, 0
        index, column = index + 1, column + 1
    return refs


def _yaml_rows(data: bytes, shown: str, problems: list[Problem]) -> list[tuple[dict[str, _Cell], SourceRef]]:
    """YAML: ``recipients:`` holding a list of mappings; list fields are YAML lists."""
    from booklet.load import RawList, RawMap, RawScalar, parse_yaml

    try:
        root = parse_yaml(data, shown)
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(root, RawMap) or root.keys() != ["recipients"] or not isinstance(root.get("recipients"), RawList):
        problems.append(Problem(root.ref, "expected 'recipients:' holding a list of recipients"))
        return []
    rows: list[tuple[dict[str, _Cell], SourceRef]] = []
    recipients = root.get("recipients")
    assert isinstance(recipients, RawList)
    for item in recipients.items:
        if not isinstance(item, RawMap):
            problems.append(Problem(item.ref, "expected a recipient's fields (id: ..., name: ...)"))
            continue
        columns = _check_columns(item.keys(), problems, [k.ref for k, _ in item.entries])
        cells: dict[str, _Cell] = {}
        for key, value in item.entries:
            if key.text not in columns:
                continue
            if isinstance(value, RawScalar):
                cells[key.text] = _Cell(value.text.strip(), value.ref)
            elif isinstance(value, RawList) and key.text in LIST_COLUMNS:
                parts = []
                for part in value.items:
                    if isinstance(part, RawScalar):
                        parts.append(part.text.replace(";", ","))
                    elif isinstance(part, RawMap) and key.text == "cautions" and part.keys() == ["signal", "text"]:
                        signal, text = (part.get("signal"), part.get("text"))
                        parts.append(f"{getattr(signal, 'text', '')}: {getattr(text, 'text', '')}".replace(";", ","))
                    else:
                        problems.append(Problem(part.ref, f"{key.text}: expected text"))
                cells[key.text] = _Cell(";".join(parts), value.ref)
            else:
                problems.append(Problem(value.ref, f"{key.text}: expected text"))
        rows.append((cells, item.ref))
    return rows


def _check_columns(keys: list[str], problems: list[Problem], refs: list[SourceRef]) -> set[str]:
    """Column names (with where each is written) -> the known ones; an unknown one is a problem."""
    known = set()
    for key, ref in zip(keys, refs, strict=False):
        if key in COLUMNS:
            known.add(key)
        else:
            hint = did_you_mean(key.lower(), COLUMNS) or f" (expected {expected(COLUMNS)})"
            problems.append(Problem(ref, f"unknown roster column '{key[:40]}'{hint}"))
    return known


class _Checker:
    """Roster cells -> Recipients, checked against the booklet's audiences and zones."""

    def __init__(self, booklet: Booklet, formats: tuple[str, ...], problems: list[Problem]):
        self.booklet = booklet
        self.formats = formats
        self.problems = problems
        self.audiences = tuple(a.id for a in booklet.audiences)
        self.seen: dict[str, SourceRef] = {}

    def fail(self, ref: SourceRef, where: str, message: str) -> None:
        self.problems.append(Problem(ref, message, where))

    def recipient(self, cells: dict[str, _Cell], ref: SourceRef) -> Recipient | None:
        before = len(self.problems)
        for cell in cells.values():
            if len(cell.text) > MAX_FIELD:
                self.fail(cell.ref, "", f"a roster cell holds at most {MAX_FIELD} characters")
        rid = self._id(cells.get("id"), ref)
        audience = self._choice(cells.get("audience"), "audience", self.audiences)
        pressure = self._choice(cells.get("pressure"), "pressure", PRESSURES)
        language = self._language(cells.get("language"))
        avoid = self._zones(cells.get("avoid"), "avoid")
        light = self._zones(cells.get("light"), "light")
        both = sorted(set(avoid) & set(light))
        if both:
            self.fail(cells["light"].ref, "light", f"'{both[0]}' is also in avoid; list a zone in one of the two")
        formats = tuple(
            self._choice(_Cell(f, cells["formats"].ref), "formats", self.formats) or ""
            for f in _items(cells.get("formats"))
        )
        cautions = tuple(self._caution(text, cells["cautions"].ref) for text in _items(cells.get("cautions")))
        if len(self.problems) > before or rid is None:
            return None
        name = cells["name"].text if "name" in cells else ""
        notes = _items(cells.get("notes"))
        return Recipient(
            rid,
            ref,
            name,
            audience,
            language,
            pressure,
            avoid,
            light,
            tuple(c for c in cautions if c is not None),
            notes,
            formats,
        )

    def _id(self, cell: _Cell | None, ref: SourceRef) -> str | None:
        if cell is None:
            self.fail(ref, "id", "every recipient needs an id (it names their files)")
            return None
        if not _ID.match(cell.text):
            self.fail(cell.ref, "id", "an id is ASCII letters, digits, '-' and '_', starting with a letter or digit")
            return None
        key = re.sub(r"[^a-z0-9]+", "-", cell.text.lower()).strip("-")  # the file name it gives
        first = self.seen.get(key)
        if first is not None:
            self.fail(cell.ref, "id", f"id '{cell.text}' names the same files as the id at line {first.line}")
            return None
        self.seen[key] = cell.ref
        return cell.text

    def _choice(self, cell: _Cell | None, where: str, choices: tuple[str, ...]) -> str | None:
        if cell is None:
            return None
        value = cell.text.strip().lower() if where == "pressure" else cell.text.strip()
        if value in choices:
            return value
        shown = value[:40]
        if not choices:
            self.fail(cell.ref, where, f"unknown {where} '{shown}': this booklet defines none")
        else:
            hint = did_you_mean(value, choices) or f" (expected {expected(choices)})"
            self.fail(cell.ref, where, f"unknown {where} '{shown}'{hint}")
        return None

    def _language(self, cell: _Cell | None) -> str | None:
        if cell is None:
            return None
        if not _LANG.match(cell.text):
            self.fail(cell.ref, "language", f"'{cell.text[:20]}' is not a language code (like en, de or pt-BR)")
            return None
        if cell.text != self.booklet.language and not po_path(self.booklet.root, cell.text).is_file():
            self.fail(cell.ref, "language", missing_message(cell.text))
            return None
        return cell.text

    def _zones(self, cell: _Cell | None, where: str) -> tuple[str, ...]:
        from booklet.illustrate.zones import ZONE_NAMES, zone_name

        found: list[str] = []
        for text in _items(cell):
            assert cell is not None
            name = zone_name(text)
            if name is None:
                hint = did_you_mean(text.lower(), ZONE_NAMES) or f" (expected {expected(ZONE_NAMES)})"
                self.fail(cell.ref, where, f"unknown zone '{text[:40]}'{hint}")
            elif name not in found:
                found.append(name)
        return tuple(found)

    def _caution(self, text: str, ref: SourceRef) -> Caution | None:
        signal, sep, message = text.partition(":")
        signal = signal.strip().lower()
        if not sep or signal not in SIGNALS or not message.strip():
            self.fail(ref, "cautions", f"a caution is 'signal: text' with a signal word ({expected(SIGNALS)})")
            return None
        return Caution(signal, message.strip(), ref=ref)


def _items(cell: _Cell | None) -> tuple[str, ...]:
    """A list cell -> its items: separated by ';', blanks dropped."""
    if cell is None:
        return ()
    return tuple(part.strip() for part in cell.text.split(";") if part.strip())
