"""What a cold `booklet build` loads: the structure behind its start-up time (timings live in bench/)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from booklet.load import parse_yaml_uncached
from tests.conftest import FIXTURES, REPO, SHIPPED

PROBE = """
import json, runpy, sys
sys.argv = ["booklet", *sys.argv[1:]]
try:
    runpy.run_module("booklet", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_by(*args: str) -> tuple[int, set[str]]:
    """Run `booklet ARGS` in a fresh interpreter -> its exit code and every module it imported."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, cwd=REPO, check=False
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["code"], set(result["modules"])


def test_a_text_only_build_leaves_web_mail_and_svg_libraries_unloaded(tmp_path: Path):
    code, modules = loaded_by("build", str(FIXTURES / "handwash"), "-o", str(tmp_path / "out.pdf"))
    assert code in (0, None)
    assert (tmp_path / "out.pdf").stat().st_size > 0
    # xml.sax.saxutils (for one escape) pulled in urllib.request, http, email and ssl: 70 ms.
    # The structure tree and PDF/A metadata are written in ReportLab's own save: no pikepdf.
    web = ("urllib.request", "http.client", "email.parser", "ssl", "xml.sax", "svglib", "lxml", "pypdf", "pikepdf")
    for name in web:
        assert name not in modules, name
    # Nothing is imposed: the planners stay unloaded (the scheme names come from booklet.impose alone).
    for name in ("booklet.impose.cards", "booklet.impose.grid", "booklet.impose.spreads", "booklet.impose.pdf"):
        assert name not in modules, name
    # The lint checks and reading-level formulas are `booklet lint`'s (the CLI reads the check
    # names from booklet.lint_checks).
    for name in ("booklet.lint", "booklet.readability"):
        assert name not in modules, name
    # ReportLab imports PIL's image module at its top; the command line installs it unread
    # (booklet/deferred.py), so without images PIL's C core and tag tables never load.
    for name in ("PIL._imaging", "PIL.ExifTags", "PIL.TiffTags", "PIL.ImageMode"):
        assert name not in modules, name
    # ReportLab's paragraph module imports pyphen, unread too: booklet finds its dictionaries itself.
    for name in ("importlib.resources.readers", "zipfile"):
        assert name not in modules, name
    # No picture: neither the image loader nor the SVG sanitiser it imports.
    for name in ("booklet.illustrate.images", "booklet.illustrate.svg_clean"):
        assert name not in modules, name


def test_a_build_with_an_image_loads_pil_at_the_image(handwash: Path, edit, tmp_path: Path):
    from PIL import Image

    (handwash / "images").mkdir()
    Image.new("RGB", (40, 30), "#3a7").save(handwash / "images" / "soap.png")
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/soap.png, alt: A bar of soap}\ntips:")
    code, modules = loaded_by("build", str(handwash), "-o", str(tmp_path / "out.pdf"))
    assert code in (0, None)
    assert "PIL._imaging" in modules
    assert b"/Subtype /Image" in (tmp_path / "out.pdf").read_bytes()  # the picture itself is in the PDF


def test_the_deferred_image_module_is_pils_own_once_used():
    probe = (
        "import sys, booklet.deferred, reportlab.lib.utils as u; from PIL import Image;"
        "assert 'PIL._imaging' not in sys.modules; im = Image.new('RGB', (2, 2));"
        "assert u._isPILImage(im) and Image is sys.modules['PIL.Image'] and type(Image).__name__ == 'module';"
        "print(Image.__file__)"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip().endswith("Image.py")


def test_help_and_listing_load_no_pdf_library():
    code, modules = loaded_by("list", str(FIXTURES / "handwash"))
    assert code in (0, None)
    for name in ("pikepdf", "pypdf", "reportlab.platypus", "svglib", "PIL", "babel.numbers"):
        assert name not in modules, name


def _yaml_files() -> list[Path]:
    return sorted([*SHIPPED.rglob("*.yaml"), *FIXTURES.rglob("*.yaml"), *(REPO / "tests" / "hostile").rglob("*.yaml")])


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_libyaml_and_pure_python_yaml_read_every_file_alike(path: Path, monkeypatch: pytest.MonkeyPatch):
    """load.py reads with libyaml when it can; nodes, positions and every message stay pure-Python YAML's."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML built without libyaml")
    data = path.read_bytes()

    def read() -> object:
        try:
            return parse_yaml_uncached(data, path.name)
        except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
            error = exc
            return type(error).__name__, error.lines() if hasattr(error, "lines") else [str(error)]

    fast = read()
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert read() == fast


def test_reportlab_web_address_pattern_is_compiled_only_for_addresses():
    """render/__init__ leaves ReportLab's uri_pat uncompiled until text holds '://'; it matches as ReportLab's."""
    import importlib

    importlib.import_module("booklet.render")  # before ReportLab's paragraph module, as the build does
    paragraph = importlib.import_module("reportlab.platypus.paragraph")

    source = re.search(r"^uri_pat = re\.compile\((.*), re\.I\)$", Path(paragraph.__file__).read_text(), re.M)
    assert source is not None
    real = re.compile(eval(source.group(1)), re.I)  # noqa: S307 - ReportLab's own string literal
    for text in ("massage", "https://example.org/a/b", "HTTP://EXAMPLE.ORG", "ftp://x", "www.example.org", "a://b"):
        got, want = paragraph.uri_pat.match(text), real.match(text)
        assert (got and got.groups()) == (want and want.groups()), text


FACES = """
import json, sys
from reportlab.pdfbase import pdfmetrics
from booklet.build import build_booklet
from booklet.fonts import register_family
fonts = register_family("NotoSans")
names = (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic)
if sys.argv[2] == "first":
    for name in names:
        pdfmetrics.getFont(name).face  # every face read before the build, as before faces were read on first use
open(sys.argv[1], "wb").write(build_booklet(None))
print(json.dumps([name for name in names if "_unread" in vars(pdfmetrics.getFont(name))]))
"""


def test_shipped_faces_are_read_on_first_use_and_print_the_same(tmp_path: Path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    unread = {}
    for when in ("first", "late"):
        done = subprocess.run(
            [sys.executable, "-c", FACES, str(tmp_path / f"{when}.pdf"), when],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        unread[when] = json.loads(done.stdout.strip().splitlines()[-1])
    assert unread == {"first": [], "late": ["NotoSans-BoldItalic"]}  # nothing in the shipped guide is bold italic
    assert (tmp_path / "late.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()


def test_a_face_read_late_measures_as_one_read_at_once():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from booklet.fonts import find_family, register_family

    name = register_family("NotoSans").bold_italic
    late = pdfmetrics.getFont(name)
    direct = TTFont("direct-bold-italic", str(find_family("NotoSans")["BoldItalic"]))
    assert late.stringWidth("Rest your hands", 10) == direct.stringWidth("Rest your hands", 10)
    assert "_unread" not in vars(late)
    assert late.face.name == direct.face.name


YAML_PROBE = """
import json, sys
from booklet.errors import ContentError
from booklet.load import parse_yaml_uncached
parse_yaml_uncached(b"name: Rest\\nsteps: [a, b]\\n", "ok.yaml")
import yaml.reader
unused = yaml.reader.Reader.NON_PRINTABLE._pattern is None
try:
    parse_yaml_uncached("name: a\\x07b\\n".encode(), "bell.yaml")
except ContentError as exc:
    message = exc.lines()[0]
compiled = yaml.reader.Reader.NON_PRINTABLE._pattern is not None
print(json.dumps({"unused": unused, "message": message, "compiled": compiled}))
"""


def test_yamls_patterns_are_compiled_only_when_the_pure_python_reader_needs_them():
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", YAML_PROBE], capture_output=True, text=True, env=env, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["unused"]  # libyaml read the file: the non-printable class was never compiled
    assert found["message"].startswith("bell.yaml:1:8: error:")
    assert found["compiled"]  # the pure-Python reader found the bell with it


UNUSED_PROBE = """
import json, re, sys
from booklet.build import build_booklet
build_booklet(None)
from reportlab.lib import PyFontify, rl_safe_eval, textsplit
left = [p._pattern is None for p in (textsplit.rx, rl_safe_eval.__rl_unsafe_re__, PyFontify.matchRE, PyFontify.idRE)]
code = "def f(x):\\n    return x  # a comment\\nclass C: pass\\n"
on_use = PyFontify.fontify(code)
PyFontify.matchRE, PyFontify.idRE = (re.compile(*p._args) for p in (PyFontify.matchRE, PyFontify.idRE))
import glob, html, platform
from reportlab.lib import normalDate
others = (platform._ironpython_sys_version_parser, platform._libc_search, normalDate._fmtPat, glob.magic_check)
others += (html._charref,)
left += [p._pattern is None for p in others]
# ... and, used, they answer as the patterns compiled at import would
day = normalDate.NormalDate(20240229)
used = [day.formatMS("{yyyy}-{mm}-{dd} {mmmm}"), glob.escape("a*b?[c]"), html.unescape("&amp; &#233; &eacute;")]
normalDate._fmtPat, glob.magic_check, html._charref = (re.compile(*p._args) for p in others[2:])
again = [day.formatMS("{yyyy}-{mm}-{dd} {mmmm}"), glob.escape("a*b?[c]"), html.unescape("&amp; &#233; &eacute;")]
print(json.dumps({"left": left, "same": on_use == PyFontify.fontify(code) and used == again, "tags": len(on_use)}))
"""


def test_reportlabs_unused_import_patterns_are_compiled_only_on_use():
    """A build leaves textsplit's CJK class, rl_safe_eval's, PyFontify's, normalDate's, platform's, glob's and html's
    import-time patterns uncompiled; used, they work."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", UNUSED_PROBE], capture_output=True, text=True, env=env, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["left"] == [True] * 9
    assert found["same"]
    assert found["tags"] > 3
