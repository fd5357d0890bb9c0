"""Plan -> PDF bytes with ReportLab: styles, flowables, booklet pages and cards.

Importing this package changes no ReportLab setting; render entry points run under
render/settings.py's scoped settings (no fetching of anything named in content).
"""

from __future__ import annotations

import reportlab

if int(reportlab.Version.split(".")[0]) < 5:
    raise ImportError(f"booklet needs ReportLab >= 5, found {reportlab.Version}")
