"""Edition + paper -> Look: every measure, colour and paragraph style of a booklet.

One styles module; variants derive from a parent. One grid system for every paper:
a stroke always takes two columns, which are the two pages of a spread on pocket
paper (A6, A5, half-letter) and two columns of one page on A4 and Letter when the
column still holds a comfortable line. Large print (font scale 1.35 or more) is its
own design, not a scaled one: body text at least 16 pt, nothing under 12 pt, no grey
or italic running text, diagrams at full text width.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from booklet.fonts import FontSet, content_font_dirs, register_family
from booklet.model import Edition
from booklet.paper import Paper
from booklet.render.hyphens import hyphenate_styles

INK = colors.HexColor("#1E272D")
MUTED = colors.HexColor("#4F5C64")  # 6.6:1 on white: secondary text only, never body
LARGE_MUTED = colors.HexColor("#333D43")  # large print: 11:1, no grey text
RULE = colors.HexColor("#D5DCE0")
PAPER_WHITE = colors.white

STOP_COLOUR = colors.HexColor("#B3001B")  # the "stop at once if" panel: white on it reads at 6.9:1

# ANSI Z535-style signal colours: (band fill, band text)
SIGNAL_COLOURS = {
    "danger": (colors.HexColor("#C8102E"), colors.white),
    "warning": (colors.HexColor("#F28C28"), colors.black),
    "caution": (colors.HexColor("#FFD100"), colors.black),
    "notice": (colors.HexColor("#005EB8"), colors.white),
}


def tint(colour: colors.Color, amount: float) -> colors.Color:
    """Mix a colour with white: amount 0 keeps it, 1 gives white."""
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))


@dataclass(frozen=True)
class Look:
    """An edition's page geometry, type sizes, fonts, colours and paragraph styles, for every builder."""

    page_w: float
    page_h: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    body_size: float
    scale: float  # paper factor x font scale, for boxes and rules
    fonts: FontSet
    heading_fonts: FontSet
    accent: colors.Color
    accent_tint: colors.Color
    styles: dict[str, ParagraphStyle]
    large_print: bool = False
    columns: int = 1  # stroke columns on one page: 1 = a stroke takes a spread, 2 = one page
    gutter: float = 0.0
    min_text: float = 7.0  # nothing on the page is set smaller (diagram labels, footers)
    muted: colors.Color = MUTED

    @property
    def column_w(self) -> float:
        return (self.frame_w - self.gutter * (self.columns - 1)) / self.columns

    @property
    def frame_w(self) -> float:
        return self.page_w - 2 * self.margin_x

    @property
    def frame_h(self) -> float:
        return self.page_h - self.margin_top - self.margin_bottom

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]


def paper_factor(paper: Paper) -> float:
    """Type grows gently with the page: A6 0.86, A5 1.0, A4 1.19."""
    return max(0.8, min(1.3, (paper.width_pt / (148 * mm)) ** 0.5))


LARGE_PRINT_SCALE = 1.35  # an edition's font scale from which it is designed as large print (1.4 ships)
LARGE_BODY, LARGE_MIN = 16.0, 12.0  # large-print guidance: body 16-18 pt, nothing under 12 pt
WIDE_PAPER = 180 * mm  # A4 and Letter: a stroke fits one page in two columns
WIDE_BODY = 10.5  # least body size on wide paper
COLUMN_EMS = 19  # a column narrower than this many ems of body text makes lines too short


def make_look(edition: Edition, paper: Paper, content_root: Path | None = None) -> Look:
    theme = edition.booklet.theme
    extra = content_font_dirs(content_root)
    fonts = register_family(theme.font, extra)
    heading_fonts = register_family(theme.heading_font, extra)
    factor = paper_factor(paper)
    large = edition.font_scale >= LARGE_PRINT_SCALE
    wide = paper.width_pt >= WIDE_PAPER
    if large:
        body = max(LARGE_BODY, theme.base_size * edition.font_scale * min(factor, 1.0) * 1.15)
        heading = body / 10 * 0.82  # headings a step above body, not shouting
    else:
        body = theme.base_size * (max(1.05, WIDE_BODY / theme.base_size) if wide else factor) * edition.font_scale
        heading = (1.08 if wide else factor) * (1 + (edition.font_scale - 1) * 0.55) * theme.base_size / 10
    margin_x = max((8 if large and paper.width_pt < 120 * mm else 10) * mm, paper.width_pt * 0.095)
    margin_top = max(11 * mm, paper.height_pt * (0.06 if large else 0.07))
    margin_bottom = max(13 * mm, paper.height_pt * (0.075 if large else 0.085))
    gutter = 6 * mm if wide else 5 * mm
    frame_w = paper.width_pt - 2 * margin_x
    columns = 2 if wide and (frame_w - gutter) / 2 >= body * COLUMN_EMS else 1
    accent = colors.HexColor(theme.accent)
    floor = LARGE_MIN if large else 7.0
    muted = LARGE_MUTED if large else MUTED
    styles = _styles(body, heading, fonts, heading_fonts, accent, floor, muted, 1.36 if large else 1.42)
    hyphenate_styles(styles, edition.booklet.language, frame_w / body)
    return Look(
        page_w=paper.width_pt,
        page_h=paper.height_pt,
        margin_x=margin_x,
        margin_top=margin_top,
        margin_bottom=margin_bottom,
        body_size=body,
        scale=factor * edition.font_scale,
        fonts=fonts,
        heading_fonts=heading_fonts,
        accent=accent,
        accent_tint=tint(accent, 0.88),
        styles=styles,
        large_print=large,
        columns=columns,
        gutter=gutter,
        min_text=floor,
        muted=muted,
    )


def _styles(
    body: float,
    h: float,
    f: FontSet,
    hf: FontSet,
    accent: colors.Color,
    floor: float,
    muted: colors.Color,
    leading: float,
) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=body,
        leading=body * leading,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=body * 0.6,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
    )
    s: dict[str, ParagraphStyle] = {"body": base}

    def add(name: str, parent: str = "body", **kw: object) -> None:
        s[name] = ParagraphStyle(name, parent=s[parent], **kw)

    def at_least(size: float) -> float:
        return max(floor, size)

    add("lead", fontSize=body * 1.12, leading=body * 1.55, textColor=INK, spaceAfter=body)
    add("small", fontSize=at_least(body * 0.84), leading=at_least(body * 0.84) * 1.3, textColor=muted, spaceAfter=0)
    # Headings grow less than body text in large print, but never fall below it; all keep
    # with what follows, so none is left alone at the foot of a page.
    h1, h2, h3 = max(21 * h, body * 1.75), max(12.5 * h, body * 1.22), max(10 * h, body * 1.04)
    kicker = at_least(7.5 * h)
    add("kicker", fontName=hf.bold, fontSize=kicker, leading=kicker * 1.3, textColor=accent, spaceAfter=2 * h)
    s["kicker"].keepWithNext = 1
    add("h1", fontName=hf.bold, fontSize=h1, leading=h1 * 1.19, spaceAfter=3 * h, keepWithNext=1)
    add(
        "h2",
        fontName=hf.bold,
        fontSize=h2,
        leading=h2 * 1.28,
        spaceBefore=9 * h,
        spaceAfter=4 * h,
        textColor=accent,
        keepWithNext=1,
    )
    add("h3", fontName=hf.bold, fontSize=h3, leading=h3 * 1.3, spaceBefore=6 * h, spaceAfter=2 * h, keepWithNext=1)
    # Large print sets no running text in italics: other names are upright there.
    aka_font = f.regular if floor > 7 else f.italic
    add("aka", fontName=aka_font, fontSize=body, leading=body * 1.3, textColor=muted, spaceAfter=body * 0.8)
    add("item", spaceAfter=body * 0.35)
    # Large print sets steps closer (their number discs part them): on a pocket page that room keeps
    # the key warning beside the steps.
    add("step", spaceAfter=body * (0.3 if floor > 7 else 0.45))
    add("caution", spaceAfter=body * 0.3, leading=body * 1.35)
    label = at_least(body * 0.72)
    add("label", fontName=hf.bold, fontSize=label, leading=label * 1.3, textColor=muted, keepWithNext=1)
    add("value", fontSize=body * 0.94, leading=body * 1.22, spaceAfter=0)
    add("toc", fontSize=body * 1.02, leading=body * 1.5, spaceAfter=0)
    add("toc1", parent="toc", leftIndent=body * 1.2, textColor=muted)
    add("center", alignment=TA_CENTER)
    add("url", parent="small", splitLongWords=0)  # broken only where link.breakable allows
    add("cover_title", fontName=hf.bold, fontSize=27 * h, leading=31 * h, textColor=PAPER_WHITE)
    add("cover_sub", fontSize=12 * h, leading=16 * h, textColor=PAPER_WHITE)
    footer = at_least(7.5 * h)
    add("footer", fontSize=footer, leading=footer * 1.2, textColor=muted)
    add("tab", fontName=hf.bold, fontSize=at_least(7 * h), leading=at_least(7 * h))
    return s
