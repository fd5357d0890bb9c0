"""Edition + paper -> Look: every measure, colour and paragraph style of a booklet.

One styles module; variants derive from a parent. Sizes adapt to the paper (an A6
page gets smaller type and margins, an A4 page larger) and to the edition's font
scale, which grows body text more than headings so large print stays balanced.
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

INK = colors.HexColor("#1E272D")
MUTED = colors.HexColor("#56636B")
RULE = colors.HexColor("#D5DCE0")
PAPER_WHITE = colors.white

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


def make_look(edition: Edition, paper: Paper, content_root: Path | None = None) -> Look:
    theme = edition.booklet.theme
    extra = content_font_dirs(content_root)
    fonts = register_family(theme.font, extra)
    heading_fonts = register_family(theme.heading_font, extra)
    factor = paper_factor(paper)
    body = theme.base_size * factor * edition.font_scale
    heading = factor * (1 + (edition.font_scale - 1) * 0.55)  # headings grow less than body
    margin_x = max(10 * mm, paper.width_pt * 0.105)
    accent = colors.HexColor(theme.accent)
    styles = _styles(body, heading * theme.base_size / 10, fonts, heading_fonts, accent)
    return Look(
        page_w=paper.width_pt,
        page_h=paper.height_pt,
        margin_x=margin_x,
        margin_top=max(12 * mm, paper.height_pt * 0.075),
        margin_bottom=max(14 * mm, paper.height_pt * 0.09),
        body_size=body,
        scale=factor * edition.font_scale,
        fonts=fonts,
        heading_fonts=heading_fonts,
        accent=accent,
        accent_tint=tint(accent, 0.88),
        styles=styles,
    )


def _styles(body: float, h: float, f: FontSet, hf: FontSet, accent: colors.Color) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=body,
        leading=body * 1.42,
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

    add("lead", fontSize=body * 1.12, leading=body * 1.55, textColor=INK, spaceAfter=body)
    add("small", fontSize=body * 0.84, leading=body * 1.2, textColor=MUTED, spaceAfter=0)
    # Headings grow less than body text in large print, but never fall below it; all keep
    # with what follows, so none is left alone at the foot of a page.
    h1, h2, h3 = max(21 * h, body * 1.75), max(12.5 * h, body * 1.22), max(10 * h, body * 1.04)
    add(
        "kicker", fontName=hf.bold, fontSize=7.5 * h, leading=10 * h, textColor=accent, spaceAfter=2 * h, keepWithNext=1
    )
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
    add("aka", fontName=f.italic, fontSize=body, leading=body * 1.3, textColor=MUTED, spaceAfter=body * 0.8)
    add("item", spaceAfter=body * 0.35)
    add("step", spaceAfter=body * 0.45)
    add("caution", spaceAfter=body * 0.3, leading=body * 1.35)
    add("label", fontName=hf.bold, fontSize=body * 0.72, leading=body * 0.95, textColor=MUTED, keepWithNext=1)
    add("value", fontSize=body * 0.94, leading=body * 1.22, spaceAfter=0)
    add("toc", fontSize=body * 1.02, leading=body * 1.5, spaceAfter=0)
    add("toc1", parent="toc", leftIndent=body * 1.2, textColor=MUTED)
    add("center", alignment=TA_CENTER)
    add("cover_title", fontName=hf.bold, fontSize=27 * h, leading=31 * h, textColor=PAPER_WHITE)
    add("cover_sub", fontSize=12 * h, leading=16 * h, textColor=tint(accent, 0.75))
    add("footer", fontSize=7.5 * h, leading=9 * h, textColor=MUTED)
    return s
