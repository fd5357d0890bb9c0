"""Hostile SVG: styles the old pattern missed are rebuilt from tokens; no outside read, no subprocess."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from booklet.build import BuildOptions, build, load_booklet
from booklet.illustrate.images import sanitise_svg

NS = 'xmlns="http://www.w3.org/2000/svg"'
SUBPROCESS_EVENTS = (
    "subprocess.Popen",
    "os.system",
    "os.posix_spawn",
    "os.exec",
    "os.spawn",
    "os.fork",
    "os.startfile",
)

# Each a way to name a system font (or a file) that svglib would look up, fc-match or open.
ATTACKS = {
    "escaped_name": "<style>text { font-fam\\69 ly: DejaVu Sans }</style>",
    "comment_in_name": "<style>text { font-family/**/: DejaVuSans }</style>",
    "comment_in_value": "<style>text { font-family: /**/ 'DejaVu Serif' }</style>",
    "file_path": "<style>text { font-family: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf }</style>",
    "odd_weight": "<style>text { font-weight: 350 }</style>",
    "odd_style": '<style>text { font-style: "oblique 10deg" }</style>',
    "font_face": "<style>@font-face { font-family: X; src: local(DejaVu Sans) }</style>",
    "shorthand": "<style>text { font: bold 12px DejaVu Sans }</style>",
    "cdata": "<style><![CDATA[ text { font-family: 'DejaVu Sans Mono' } ]]></style>",
    "inline_escaped": "",  # the style attribute below carries it
}
TEXT = '<text x="4" y="30" style="f\\6fnt-family: Liberation; font-weight: 650" font-family="DejaVu Sans">Go</text>'

WATCH: dict[str, list[tuple[str, str]] | None] = {"events": None}


def _audit(event: str, args: tuple) -> None:
    seen = WATCH["events"]
    if seen is None:
        return
    if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
        seen.append(("open", os.path.realpath(os.fsdecode(args[0]))))
    elif event.startswith(SUBPROCESS_EVENTS):
        seen.append(("run", f"{event} {args[:2]!r}"))


_HOOKED: list[bool] = []


def watching() -> None:
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED.append(True)


def svg(style: str) -> bytes:
    return f'<svg {NS} width="120" height="60">{style}{TEXT}</svg>'.encode()


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_hostile_svg_styles_are_rebuilt_into_the_safe_subset(name: str):
    clean = sanitise_svg(svg(ATTACKS[name]), "x.svg").decode()
    assert "DejaVu" not in clean
    assert "Liberation" not in clean
    assert "/usr/share" not in clean
    assert "\\" not in clean  # no escapes survive: every name is re-written
    assert "@font-face" not in clean
    assert 'font-weight="bold"' in clean  # 650 rounds to our bold; nothing else reaches svglib


def test_a_hostile_svg_builds_without_reading_outside_or_running_anything(handwash: Path, edit):
    from booklet import load
    from booklet.shipped import fonts_dir

    (handwash / "images").mkdir()
    (handwash / "images" / "attack.svg").write_bytes(
        f'<svg {NS} width="120" height="60">{"".join(ATTACKS.values())}{TEXT}</svg>'.encode()
    )
    edit(handwash / "strokes/lather.yaml", "tips:", "illustration: {image: images/attack.svg, alt: A drawing}\ntips:")
    booklet = load_booklet(handwash)
    build(booklet, BuildOptions())  # warm: modules imported before we watch
    load._CACHE.clear()
    watching()
    WATCH["events"] = []
    try:
        pdf = build(load_booklet(handwash), BuildOptions()).pdf
    finally:
        events, WATCH["events"] = WATCH["events"] or [], None
    allowed = (str(handwash.resolve()), str(fonts_dir().resolve()), sys.prefix, sys.base_prefix)
    outside = [path for kind, path in events if kind == "open" and not path.startswith(allowed)]
    assert outside == []
    assert [what for kind, what in events if kind == "run"] == []
    assert b"DejaVu" not in pdf
    assert any(path.endswith("attack.svg") for kind, path in events if kind == "open")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<rect width="10" height="10" transform="scale(1e308)"/>', "has a number too large to draw (1e308"),
        ('<path d="M0 0 ' + "L1 2 " * 12_000 + '"/>', "is too complex (60,005 characters of path data; limit 50,000)"),
        ('<polyline points="' + "1,2 " * 13_000 + '"/>', "characters of path data; limit 50,000"),
    ],
    ids=["huge-number", "long-path", "long-points"],
)
def test_svg_work_is_bounded_before_svglib_sees_it(body: str, message: str):
    from booklet.illustrate.images import ImageProblem

    with pytest.raises(ImageProblem) as caught:
        sanitise_svg(f'<svg {NS} width="100" height="100">{body}</svg>'.encode(), "x.svg")
    assert message in str(caught.value)
