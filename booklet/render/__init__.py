"""Plan -> PDF bytes with ReportLab: styles, flowables, booklet pages and cards.

Importing this package pins ReportLab's settings that matter for untrusted content:
it never fetches a URL or reads a file named in content, whatever the environment says.
"""

from __future__ import annotations

import reportlab
from reportlab import rl_config

if int(reportlab.Version.split(".")[0]) < 5:
    raise ImportError(f"booklet needs ReportLab >= 5, found {reportlab.Version}")

rl_config.trustedHosts = None  # no host is trusted: no fetching, even if RL_trustedHosts is set
rl_config.trustedSchemes = []
