"""Every outside library booklet imports is declared in pyproject.toml, so a fresh install has it."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    return {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in wanted}


def _imported() -> set[str]:
    found = set()
    for path in (REPO / "booklet").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in ("booklet", "__future__")}


def test_every_imported_library_is_declared():
    declared = _declared()
    owners = packages_distributions()
    missing = {}
    for module in sorted(_imported()):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [module])}
        if not dists & declared:
            missing[module] = sorted(dists)
    assert not missing, f"imported but not in pyproject.toml: {missing}"


def test_control_pattern_is_exactly_the_refused_categories():
    """convert.CONTROL (one regex scan) refuses what a per-character category check would, on every code point."""
    import unicodedata

    from booklet.convert import CONTROL, control_character

    for code in range(0x110000):
        ch = chr(code)
        refused = ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs", "Co")
        assert bool(CONTROL.match(ch)) == refused, hex(code)
        assert control_character(ch) == (ch if refused else None), hex(code)  # ASCII has its own scan
        if code < 0x80:
            assert control_character(f"a step{ch}x") == control_character(f"é step{ch}x") == (ch if refused else None)
