"""Markup + style -> a Paragraph that breaks its lines once per width, however often it is measured.

The spread packer and the frames measure a paragraph several times at the same width
(about half of all wraps in a long booklet). ReportLab's Paragraph breaks its lines
again each time; this one keeps what the last break set and gives it back when the
width, the text fragments and the style are the same objects as then. Splitting may
change fragments in place, so a split forgets the memo.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

# What Paragraph.wrap and breakLines set on the paragraph.
_WRAPPED = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")


class Measured(Paragraph):
    """A Paragraph whose line breaking is remembered for the last width it was wrapped at."""

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        memo = self.__dict__.get("_measured")
        if memo is not None and memo[0] == avail_w and memo[1] is self.frags and memo[2] is self.style:
            self.__dict__.update(memo[3])
            return self.width, self.height
        size = super().wrap(avail_w, avail_h)
        state = {k: self.__dict__[k] for k in _WRAPPED if k in self.__dict__}
        self._measured = (avail_w, self.frags, self.style, state)
        return size

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        self.__dict__.pop("_measured", None)
        return super().split(avail_w, avail_h)
