"""URL -> QR code flowable, drawn as one filled path (one PDF operator run, not a shape per module)."""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.lib import colors
from reportlab.platypus import Flowable

from booklet.render.tagging import ARTIFACT

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@lru_cache(maxsize=64)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light module matrix of a QR code (error correction M), cached per text."""
    from reportlab.graphics.barcode import qrencoder  # 15 ms to import: only when a booklet has a QR code

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


class QRCode(Flowable):
    tag = ARTIFACT  # the address it encodes is printed beside it

    def __init__(self, text: str, size: float, colour: colors.Color):
        super().__init__()
        self.text, self.size, self.colour = text, size, colour
        self.width = self.height = size

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return (self.size, self.size)

    def draw(self) -> None:
        modules = qr_modules(self.text)
        box = self.size / (len(modules) + 2 * QUIET_ZONE)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            c = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    path.rect((c + QUIET_ZONE) * box, self.size - (r + QUIET_ZONE + 1) * box, count * box, box)
                c += count
        self.canv.saveState()
        self.canv.setFillColor(self.colour)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()
