"""The import graph, checked: layers point one way and each outside library has its place.

Every module of the package is parsed (not imported) and its run-time imports read,
including imports inside functions; imports under ``if TYPE_CHECKING:`` are for
annotations only and do not count. Each rule names why it exists.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "booklet"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}

# Layers, outermost first: a module may import its own layer or any layer after it, never one before.
# cli talks to the terminal; drivers run builds (many, repeatedly, or all of them to check);
# build hands one step's output to the next; everything else is a step.
LAYERS = (
    {"booklet.cli", "booklet.__main__", "booklet.start", "booklet.fastpath"},
    {"booklet.batch", "booklet.watch", "booklet.check", "booklet.roster_run", "booklet.dask_executor"},
    {"booklet.build", "booklet"},
)

# Modules every other module may rely on: they import nothing of ours and no outside library.
FOUNDATIONS = {"booklet.model", "booklet.errors", "booklet.paper"}
# ... except these pure data tables, which themselves import only each other and the stdlib.
FOUNDATION_DATA = ("booklet.labels",)

# Outside library -> the modules (or packages, ending in ".") allowed to import it, and why.
LIBRARIES: dict[str, tuple[tuple[str, ...], str]] = {
    "click": (("booklet.cli", "booklet.fastpath"), "the terminal is the CLI's"),
    "yaml": (("booklet.load",), "one loader reads every content file"),
    "reportlab": (
        (
            "booklet.render.",
            "booklet.finish.",
            "booklet.fonts",
            "booklet.fontfaces",
            "booklet.illustrate.body",
            "booklet.illustrate.diagram",
            "booklet.illustrate.marks",
            "booklet.illustrate.pen",
            "booklet.illustrate.images",
        ),
        "the renderer, its fonts, the drawings it places, and the finishing of its documents",
    ),  # fmt: skip
    "pypdf": (("booklet.impose.pdf",), "reading and placing PDF pages: the one PDF reader"),
    "pikepdf": (("booklet.finish.sheets", "booklet.finish.extract"), "print sheets' finish; PDF/A-3 sources read back"),
    "PIL": (("booklet.illustrate.images", "booklet.preview"), "author pictures; preview PNGs"),
    "pypdfium2": (("booklet.preview",), "rasterising pages for preview"),
    "svglib": (("booklet.illustrate.images",), "author SVGs become drawings"),
    "lxml": (("booklet.illustrate.svg_clean",), "the SVG sanitiser parses the XML"),
    "tinycss2": (("booklet.illustrate.svg_clean",), "the SVG sanitiser rebuilds the CSS"),
    "babel": (("booklet.locale",), "numbers and plurals per language"),
    "pyphen": (("booklet.hyphenate", "booklet.locale", "booklet.labels."), "hyphenation per language"),
    "polib": (("booklet.translation.",), "PO files for translators"),
    "distributed": (("booklet.roster_run", "booklet.dask_executor"), "the roster executor"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@cache
def imports(module: str) -> frozenset[str]:
    """Absolute names a module imports at run time (relative imports resolved)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES)
    return frozenset(found)


def ours(module: str) -> set[str]:
    return {name for name in imports(module) if name == "booklet" or name.startswith("booklet.")}


def outside(module: str) -> set[str]:
    return {name.split(".")[0] for name in imports(module) if not name.startswith("booklet")} - STDLIB


def layer(module: str) -> int:
    return next((i for i, names in enumerate(LAYERS) if module in names), len(LAYERS))


def within(module: str, places: tuple[str, ...]) -> bool:
    return any(module.startswith(p) or module == p[:-1] if p.endswith(".") else module == p for p in places)


def test_the_package_is_found():
    assert {"booklet.cli", "booklet.build", "booklet.model", "booklet.render.booklet"} <= set(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_one_way(module: str):
    """cli -> drivers -> build -> steps: a step never reaches back up to build or the CLI."""
    upward = sorted(name for name in ours(module) if name in MODULES and layer(name) < layer(module))
    assert not upward, f"{module} (layer {layer(module)}) imports {upward}"


@pytest.mark.parametrize("module", sorted(FOUNDATIONS))
def test_foundations_import_nothing_of_ours_and_no_outside_library(module: str):
    assert not outside(module), f"{module} imports {sorted(outside(module))}"
    mine = {name for name in ours(module) if not name.startswith(FOUNDATION_DATA)}
    assert not mine, f"{module} imports {sorted(mine)}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith(FOUNDATION_DATA)))
def test_foundation_data_is_pure(module: str):
    assert not outside(module), f"{module} imports {sorted(outside(module))}"
    assert all(name.startswith(FOUNDATION_DATA) for name in ours(module)), sorted(ours(module))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_outside_library_is_imported_in_its_place(module: str):
    for library in sorted(outside(module)):
        assert library in LIBRARIES, f"{module} imports {library}, which has no place in LIBRARIES"
        places, why = LIBRARIES[library]
        assert within(module, places), f"{module} imports {library}; only {places} may ({why})"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith(("booklet.render", "booklet.impose"))))
def test_render_and_impose_never_import_each_other(module: str):
    other = "booklet.impose" if module.startswith("booklet.render") else "booklet.render"
    crossing = sorted(n for n in ours(module) if n == other or n.startswith(other + "."))
    assert not crossing, f"{module} imports {crossing}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("booklet.illustrate")))
def test_illustrate_does_not_import_render(module: str):
    crossing = sorted(n for n in ours(module) if n == "booklet.render" or n.startswith("booklet.render."))
    assert not crossing, f"{module} imports {crossing}"


# The booklet's page builders and the cards are two renderers side by side: what both draw
# (flowables, gauges, styles, markup) lives in modules of its own, never in one of them.
PAGE_BUILDERS = {
    "booklet.render.booklet",
    "booklet.render.sections",
    "booklet.render.stroke",
    "booklet.render.spread",
    "booklet.render.safety",
    "booklet.render.routine",
}
CARDS = {"booklet.render.cards", "booklet.render.card_routine"}


@pytest.mark.parametrize("module", sorted((PAGE_BUILDERS | CARDS) & set(MODULES)))
def test_cards_and_booklet_pages_share_only_common_modules(module: str):
    other = PAGE_BUILDERS if module in CARDS else CARDS
    crossing = sorted(ours(module) & other)
    assert not crossing, f"{module} imports {crossing}; move what both need into a shared module"


def test_a_forbidden_import_is_caught(tmp_path: Path, monkeypatch):
    """The checks above fail on a real violation: a step importing the CLI, a foundation importing yaml."""
    fake_step = PACKAGE / "layout.py"
    source = fake_step.read_text(encoding="utf-8") + "\n\ndef _leak():\n    from booklet.cli import main\n"
    monkeypatch.setitem(MODULES, "booklet.layout", tmp_path / "layout.py")
    (tmp_path / "layout.py").write_text(source, encoding="utf-8")
    imports.cache_clear()
    try:
        with pytest.raises(AssertionError, match="imports"):
            test_imports_point_one_way("booklet.layout")
        cards = PACKAGE / "render" / "cards.py"
        leak = cards.read_text(encoding="utf-8") + "\n\nfrom booklet.render.sections import para\n"
        (tmp_path / "cards.py").write_text(leak, encoding="utf-8")
        monkeypatch.setitem(MODULES, "booklet.render.cards", tmp_path / "cards.py")
        imports.cache_clear()
        with pytest.raises(AssertionError, match="sections"):
            test_cards_and_booklet_pages_share_only_common_modules("booklet.render.cards")
        (tmp_path / "model.py").write_text("import yaml\n", encoding="utf-8")
        monkeypatch.setitem(MODULES, "booklet.model", tmp_path / "model.py")
        with pytest.raises(AssertionError, match="yaml"):
            test_foundations_import_nothing_of_ours_and_no_outside_library("booklet.model")
    finally:
        imports.cache_clear()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_dataclass_has_a_docstring(module: str):
    """A dataclass without one gets ``inspect.signature`` written as its docstring when it is made: about
    0.2-0.4 ms a class, on every start (a cold build made 15 of them, 0.6% of its time)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    bare = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
        and ast.get_docstring(node) is None
    ]
    assert not bare, f"{module}: {bare}"
