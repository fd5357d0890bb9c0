"""YAML syntax errors in the author's terms: each mistake -> its first line (position and fix), parser words second."""

from __future__ import annotations

import pytest

from booklet.errors import ContentError
from booklet.load import parse_yaml_uncached

# (what the author wrote, the first line they read)
TABLE = [
    (
        "id: x\ntheme:\n  font: NotoSans\n base_size: 10\n",
        "f.yaml:4:2: error: indentation: line 4 is indented 1 space, but the lines under 'theme' (line 2) are "
        "indented 2 and 'theme' itself 0; add 1 space to keep it under 'theme', or remove 1 to end that block",
    ),
    (
        "id: x\ntheme:\n  font: NotoSans\n    base_size: 10\n",
        "f.yaml:4:1: error: indentation: line 4 is indented 4 spaces, 2 more than 'font' on line 3, which already "
        "has its value; indent it like 'font' (2 spaces), or quote the value if it continues the text above",
    ),
    (
        "id: x\ntitle: Rule one: set the angle\n",
        "f.yaml:2:8: error: text holds ': ', which YAML reads as a new key; put the whole value in quotes: "
        '"Rule one: set the angle"',
    ),
    (
        "steps:\n  - **Colour** matters\n",
        "f.yaml:2:5: error: a value starting with '*' is read as a YAML alias; put the whole value in quotes: "
        '"**Colour** matters"',
    ),
    (
        "title: & more\n",
        "f.yaml:1:8: error: a value starting with '&' is read as a YAML anchor; put the whole value in quotes: "
        '"& more"',
    ),
    (
        "title: !important thing\n",
        "f.yaml:1:8: error: a value starting with '!' is read as a YAML tag ('!important'); "
        "put the whole value in quotes",
    ),
    (
        "title: [draft] guide\n",
        "f.yaml:1:16: error: text follows the closing ']'; put the whole value in quotes: \"[draft] guide\"",
    ),
    (
        "title: {draft} guide\n",
        "f.yaml:1:16: error: text follows the closing '}'; put the whole value in quotes: \"{draft} guide\"",
    ),
    (
        "title: | pipe\n",
        "f.yaml:1:8: error: a value starting with '|' is read as a block of lines; put the whole value in quotes: "
        '"| pipe"',
    ),
    (
        "title: > quote\n",
        "f.yaml:1:8: error: a value starting with '>' is read as a folded block of lines; put the whole value in "
        'quotes: "> quote"',
    ),
    (
        "title: %50 off\n",
        "f.yaml:1:8: error: a value starting with '%' is read as a YAML directive; put the whole value in quotes: "
        '"%50 off"',
    ),
    (
        "title: @home\n",
        "f.yaml:1:8: error: a value starting with '@' is read as reserved YAML syntax; put the whole value in quotes: "
        '"@home"',
    ),
    (
        "title: `code` here\n",
        "f.yaml:1:8: error: a value starting with '`' is read as reserved YAML syntax; put the whole value in quotes: "
        '"`code` here"',
    ),
    (
        'title: "Hello" world\n',
        "f.yaml:1:16: error: text follows the closing quote; put the whole value in quotes: '\"Hello\" world'",
    ),
    (
        "steps:\n  - {text: Do the first side, note: A, then the second side.}\n",
        "f.yaml:2:37: error: a comma inside { } ends the value of 'note'; put the whole value in quotes: "
        'note: "A, then the second side."',
    ),
    (
        "routine:\n  steps:\n    - {stroke: fan, minutes: 1,5}\n",
        "f.yaml:3:30: error: '1,5' uses a decimal comma, which ends the value of 'minutes' inside { }; write 1.5",
    ),
    (
        'id: x\ntitle: "Hello\nsubtitle: world\n',
        'f.yaml:2:8: error: the quote " opened here is never closed; add the closing "',
    ),
    (
        "id: x\ntitle: 'Hello\nsubtitle: world\n",
        "f.yaml:2:8: error: the quote ' opened here is never closed; add the closing '",
    ),
    (
        "id: x\nareas: [neck, back\nsubtitle: world\n",
        "f.yaml:2:8: error: the '[' opened here is not closed with ']' before line 3; add the ']', or put the whole "
        "value in quotes if the '[' is text",
    ),
    (
        "id: x\ntheme: {font: X\nsubtitle: world\n",
        "f.yaml:2:8: error: the '{' opened here is not closed with '}' before line 3; add the '}', or put the whole "
        "value in quotes if the '{' is text",
    ),
    (
        "steps:\n  - text: Wet your hands.\n   short: Wet.\n",
        "f.yaml:3:4: error: indentation: line 3 is indented 3 spaces, but the keys of the list item on line 2 start "
        "at 4 ('text'); add 1 space to line it up with 'text'",
    ),
    (
        "id: x\ntitle Hands\nsubtitle: y\n",
        "f.yaml:2:1: error: line 2 has no ': ' after its key; write a colon and a space after the key: title: ...",
    ),
    (
        "id: x\n- a\n",
        "f.yaml:2:1: error: a list item ('- ') where a key is expected; put the list under its key, indented: "
        "key: on one line, then '  - item' on the next",
    ),
    (
        "title: 'It's fine'\n",
        "f.yaml:1:12: error: a single quote inside '...' ends the value; write it twice ('') or use double quotes: "
        '"It\'s fine"',
    ),
    (
        'title: "C:\\path"\n',
        'f.yaml:1:12: error: inside double quotes a backslash starts an escape (\\n, \\"); write \\\\ for a '
        "backslash, or put the value in single quotes",
    ),
    (
        "title: Note:\n",
        "f.yaml:1:8: error: text ends with ':', which YAML reads as a key; put the whole value in quotes: \"Note:\"",
    ),
    (
        "id: x\ntitle: *x\n",
        "f.yaml:2:8: error: a value starting with '*' is read as a YAML alias; put the whole value in quotes",
    ),
]


@pytest.mark.parametrize(("source", "first"), TABLE, ids=[t[1].split("error: ")[1][:36] for t in TABLE])
def test_syntax_error_reads_in_the_authors_terms(source: str, first: str):
    with pytest.raises(ContentError) as caught:
        parse_yaml_uncached(source.encode(), "f.yaml")
    lines = caught.value.lines()
    assert lines[0] == first
    if "YAML parser" not in first and "YAML tag" not in first and "YAML alias" not in first and "comma" not in first:
        assert lines[1].startswith("    (YAML parser: ")  # the parser's own words, for experts, on the next line


def test_every_line_of_a_syntax_error_is_printed_by_the_cli(tmp_path):
    from click.testing import CliRunner

    from booklet.cli import main

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "booklet.yaml").write_text("id: x\ntitle: Rule one: set the angle\n")
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "booklet.yaml:2:8: error: text holds ': ', which YAML reads as a new key; "
        'put the whole value in quotes: "Rule one: set the angle"'
    )
    assert lines[1] == "    (YAML parser: mapping values are not allowed here)"
    assert "Traceback" not in result.output
