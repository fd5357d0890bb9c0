"""A YAML parser error + the file's lines -> (line, column, advice) in the author's terms.

PyYAML reports where it gave up, in grammar words ("expected <block end>, but found
'<block mapping start>'"). Authors make a handful of mistakes that produce those words:
a line indented to no block, an unquoted ': ' or a leading '*', '&', '[', '|', '%' ...
in text, text after a closing quote, a quote or bracket never closed. Each is named
here with its fix; the parser's own words follow on a second, indented line. Pure:
no YAML import, only the error's marks and messages.
"""

from __future__ import annotations

from dataclasses import dataclass

INDICATORS = {
    "*": "a YAML alias",
    "&": "a YAML anchor",
    "!": "a YAML tag",
    "[": "a list",
    "{": "a mapping",
    "|": "a block of lines",
    ">": "a folded block of lines",
    "%": "a YAML directive",
    "@": "reserved YAML syntax",
    "`": "reserved YAML syntax",
}


@dataclass(frozen=True)
class Mark:
    """A position in a YAML file, counted from 1."""

    line: int  # from 1
    column: int  # from 1


@dataclass(frozen=True)
class Advice:
    """Where to look in a YAML file that does not parse, and what to change."""

    line: int
    column: int
    message: str


def explain(problem: str, problem_mark: Mark | None, context: str, context_mark: Mark | None, lines: list[str]):
    """Parser words and marks -> Advice: where to look and what to change, parser words last."""
    parser = "; ".join(part for part in (context, problem) if part) or "cannot be parsed"
    mark = problem_mark or context_mark or Mark(1, 1)
    found = _advise(problem, mark, context, context_mark, lines)
    if found is None:
        return Advice(mark.line, mark.column, f"YAML syntax: {problem or context or 'cannot be parsed'}")
    line, column, text = found
    return Advice(line, column, f"{text}\n    (YAML parser: {parser})")


def _advise(problem: str, mark: Mark, context: str, context_mark: Mark | None, lines: list[str]):
    if "'\\t'" in problem:
        return mark.line, mark.column, "YAML syntax: a tab character; indent with spaces"
    opened = context_mark or mark
    if "unknown escape character" in problem:
        return (
            mark.line,
            mark.column,
            'inside double quotes a backslash starts an escape (\\n, \\"); write \\\\ for a backslash, '
            "or put the value in single quotes",
        )
    if "scanning a simple key" in context and "expected ':'" in problem:
        text = _line(lines, opened.line)
        key = text.strip().split(":", 1)[0].split(" ", 1)[0]
        return (
            opened.line,
            opened.column,
            f"line {opened.line} has no ': ' after its key; write a colon and a space after the key: {_clip(key)}: ...",
        )
    if "scanning a quoted scalar" in context:
        quote = _char(lines, opened)
        return opened.line, opened.column, f"the quote {quote} opened here is never closed; add the closing {quote}"
    for kind, close in (("flow sequence", "]"), ("flow mapping", "}")):
        if f"parsing a {kind}" in context:
            bracket = "[" if close == "]" else "{"
            return (
                opened.line,
                opened.column,
                f"the '{bracket}' opened here is not closed with '{close}' before line {mark.line}; "
                f"add the '{close}', or put the whole value in quotes if the '{bracket}' is text",
            )
    if "scanning an alias" in context or "scanning an anchor" in context or "scanning a block scalar" in context:
        return _indicator(lines, opened)
    if "cannot start any token" in problem:
        return _indicator(lines, mark)
    if "mapping values are not allowed" in problem:
        return _colon_or_indent(lines, mark)
    if "expected <block end>" in problem or "expected <block sequence end>" in problem or "but found" in problem:
        return _block_end(lines, mark, context_mark)
    return None


def _char(lines: list[str], mark: Mark) -> str:
    text = _line(lines, mark.line)
    return text[mark.column - 1] if 0 < mark.column <= len(text) else "?"


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _value_start(text: str) -> int:
    """A line -> the column (from 0) where its value starts, after 'key: ' or '- '."""
    start = _indent(text)
    while text.startswith("- ", start):
        start = _indent(text[start + 2 :]) + start + 2
    colon = text.find(": ", start)
    quoted = text[start : start + 1] in ("'", '"')
    if colon >= 0 and not quoted:
        start = colon + 2 + _indent(text[colon + 2 :])
    return start


def _quote_fix(text: str, start: int) -> str:
    value = text[start:].rstrip()
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _indicator(lines: list[str], mark: Mark):
    text = _line(lines, mark.line)
    start = _value_start(text)
    char = text[start : start + 1] or _char(lines, mark)
    meaning = INDICATORS.get(char, "YAML syntax")
    fix = _quote_fix(text, start)
    return (
        mark.line,
        start + 1,
        f"a value starting with '{char}' is read as {meaning}; put the whole value in quotes: {_clip(fix)}",
    )


def _colon_or_indent(lines: list[str], mark: Mark):
    """'mapping values are not allowed here' -> a line indented under a finished value, or ': ' in text."""
    text = _line(lines, mark.line)
    first_colon = text.find(": ", _indent(text))
    above = _previous_content(lines, mark.line)
    if above is not None and _indent(text) > _item_column(_line(lines, above)) and mark.column - 1 <= first_colon + 1:
        return _too_deep(lines, mark.line, above)
    start = _value_start(text)
    return (
        mark.line,
        start + 1,
        f"text holds ': ', which YAML reads as a new key; put the whole value in quotes: "
        f"{_clip(_quote_fix(text, start))}"
        if ": " in text[start:]
        else f"text ends with ':', which YAML reads as a key; put the whole value in quotes: "
        f"{_clip(_quote_fix(text, start))}",
    )


def _too_deep(lines: list[str], number: int, above: int):
    text, over = _line(lines, number), _line(lines, above)
    level = _item_column(over)  # where the keys of line `above` start (after any '- ')
    extra = _indent(text) - level
    return (
        number,
        1,
        f"indentation: line {number} is indented {_spaces(_indent(text))}, {extra} more than '{_key(over)}' on line "
        f"{above}, which already has its value; indent it like '{_key(over)}' ({_spaces(level)}), or quote the "
        "value if it continues the text above",
    )


def _block_end(lines: list[str], mark: Mark, context_mark: Mark | None):
    text = _line(lines, mark.line)
    start = _value_start(text)
    first = text[start : start + 1]
    if first in ("'", '"') and mark.column - 1 > start and text.rstrip().endswith(first):
        other = '"' if first == "'" else "'"
        inner = text[start + 1 : len(text.rstrip()) - 1]
        twice = "write it twice ('') or " if first == "'" else 'write it as \\" or '
        return (
            mark.line,
            mark.column,
            f"a {_quote_name(first)} inside {first}...{first} ends the value; {twice}use {_quote_name(other)}s: "
            f"{_clip(other + inner + other)}",
        )
    if text.lstrip().startswith("- ") and "found '-'" in _found(lines, mark):
        return (
            mark.line,
            _indent(text) + 1,
            "a list item ('- ') where a key is expected; put the list under its key, indented: "
            "key: on one line, then '  - item' on the next",
        )
    if mark.column - 1 > _indent(text) and first in ("'", '"', "[", "{"):
        what = "the closing quote" if first in ("'", '"') else f"the closing '{']' if first == '[' else '}'}'"
        return (
            mark.line,
            mark.column,
            f"text follows {what}; put the whole value in quotes: {_clip(_quote_fix(text, start))}",
        )
    return _misaligned(lines, mark.line, context_mark)


def _quote_name(quote: str) -> str:
    return "single quote" if quote == "'" else "double quote"


def _found(lines: list[str], mark: Mark) -> str:
    """The character the parser stopped at, as "found 'x'"."""
    return f"found '{_char(lines, mark)}'"


def _misaligned(lines: list[str], number: int, context_mark: Mark | None):
    """A line indented to no open block -> which block it misses, and by how much."""
    text = _line(lines, number)
    here = _indent(text)
    levels: list[tuple[int, int]] = []  # (indent, line) of the blocks open above, innermost first
    limit = 10_000
    for above in range(number - 1, max(0, number - 1 - limit), -1):
        line = _line(lines, above)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = _indent(line)
        inner = _item_column(line)
        if inner > indent and (not levels or inner < levels[-1][0]):
            levels.append((inner, above))  # the keys of a list item start after its '- '
        if not levels or indent < levels[-1][0]:
            levels.append((indent, above))
        if indent == 0:
            break
    deeper = [(i, n) for i, n in levels if i > here]
    shallower = [(i, n) for i, n in levels if i < here]
    if deeper and shallower and deeper[-1][1] == shallower[0][1]:  # inside a list item
        (inner, item), key = deeper[-1], _key(_line(lines, deeper[-1][1]))
        return (
            number,
            here + 1,
            f"indentation: line {number} is indented {_spaces(here)}, but the keys of the list item on line {item} "
            f"start at {inner} ('{key}'); add {_spaces(inner - here)} to line it up with '{key}'",
        )
    if deeper and shallower:
        (inner, _), (outer, parent) = deeper[-1], shallower[0]
        key = _key(_line(lines, parent))
        return (
            number,
            here + 1,
            f"indentation: line {number} is indented {_spaces(here)}, but the lines under '{key}' (line {parent}) "
            f"are indented {inner} and '{key}' itself {outer}; add {_spaces(inner - here)} to keep it under "
            f"'{key}', or remove {here - outer} to end that block",
        )
    if deeper:
        inner, above = deeper[-1]
        return (
            number,
            here + 1,
            f"indentation: line {number} is indented {_spaces(here)}, but line {above} above is indented "
            f"{inner}; add {_spaces(inner - here)}",
        )
    anchor = context_mark.line if context_mark else number
    return (
        number,
        here + 1,
        f"indentation: line {number} does not line up with the block that starts at line {anchor}; "
        "indent it like the other keys of that block",
    )


def _item_column(text: str) -> int:
    """A line -> where its content starts after any '- ' list markers."""
    start = _indent(text)
    while text.startswith("- ", start) or text[start:] == "-":
        start += 2
        start += _indent(text[start:])
    return start


def _previous_content(lines: list[str], number: int) -> int | None:
    for above in range(number - 1, max(0, number - 1 - 10_000), -1):
        line = _line(lines, above)
        if line.strip() and not line.lstrip().startswith("#"):
            return above
    return None


def _key(text: str) -> str:
    body = text.strip().removeprefix("- ")
    return _clip(body.split(":", 1)[0].strip() if ":" in body else body, 30)


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
