"""A laid-out paragraph -> the same, with a space at each line end that falls between two words.

ReportLab drops the space where it breaks a line, so the text of a tagged paragraph (what
a screen reader reads, and what text extraction gets) ran the last word of one line into
the first of the next: "introduction thatmust run". A space after a line's last glyph is
invisible and changes nothing laid out: ReportLab has measured and justified the lines
already. A line ending in a hyphen (a word broken at a syllable or after its own hyphen)
or a slash (a web address broken where it must) gets none: the word goes on.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import Paragraph

GOES_ON = ("-", "\u00ad", "\u2010", "\u2011", "/")  # the word continues on the next line


def space_line_ends(para: Paragraph, goes_on: bool = False) -> None:
    """Give ``para`` wrapped lines with the spaces added (once; a later wrap starts afresh).

    The lines are changed on a copy: identical paragraphs may share one line break
    (render/measured.py), so the lines another paragraph draws stay as they were.
    ``goes_on``: the paragraph is the first part of one split across pages, so its last
    line ends between two words too.
    """
    laid = getattr(para, "blPara", None)
    if laid is None or getattr(laid, "spaced", False):
        return
    lines = list(laid.lines)
    for i, line in enumerate(lines if goes_on else lines[:-1]):
        if laid.kind == 0:
            extra, words = line
            if words and not words[-1].endswith(GOES_ON):
                lines[i] = (extra, [*words[:-1], words[-1] + " "])
        else:
            lines[i] = _spaced_frag_line(line)
    spaced = copy.copy(laid)
    spaced.lines, spaced.spaced = lines, True
    para.blPara = spaced


def _spaced_frag_line(line: Any) -> Any:
    """A line of styled fragments -> the same with the space in its last text fragment, in that fragment's font."""
    texts = [i for i, w in enumerate(line.words) if hasattr(w, "text") and not hasattr(w, "cbDefn")]
    shown = "".join(line.words[i].text for i in texts).rstrip()
    if not texts or not shown or shown.endswith(GOES_ON) or line.words[texts[-1]].text.endswith(" "):
        return line
    last = copy.copy(line.words[texts[-1]])  # fragments may be shared with other lines
    last.text += " "
    spaced = copy.copy(line)
    spaced.words = [*line.words[: texts[-1]], last, *line.words[texts[-1] + 1 :]]
    return spaced
