"""Illustration data -> body diagrams: named zones, motion patterns, drawings, author images.

zones and motions are pure data and geometry, re-exported here and cheap to import (the
validator uses them). The ReportLab parts are imported by their module path:
``booklet.illustrate.diagram`` (draw_diagram, draw_avoid_map) and
``booklet.illustrate.images`` (load_image, check_image).
"""

from booklet.illustrate.motions import (
    DIRECTIONS,
    MOTIONS,
    PATTERN_NAMES,
    SIDES,
    MotionSpec,
    Trace,
    motion_from_illustration,
    traces_for,
)
from booklet.illustrate.zones import ALIASES, ASPECT, ZONE_NAMES, ZONES, Zone, zone_name

__all__ = [
    "ALIASES",
    "ASPECT",
    "DIRECTIONS",
    "MOTIONS",
    "PATTERN_NAMES",
    "SIDES",
    "ZONES",
    "ZONE_NAMES",
    "MotionSpec",
    "Trace",
    "Zone",
    "motion_from_illustration",
    "traces_for",
    "zone_name",
]
