"""Booklet + Recipient -> Edition: an ordinary edition with one person's safety layer.

The recipient's layer is expressed as an audience (the one they start from, with a
lower pressure cap, their cautions added, strokes that would only work zones they must
avoid left out, and those zones taken out of every stroke's areas), so it goes through
exactly the same audience machinery as any edition; nothing here draws or lays out.
Pure, no I/O.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from booklet.audience import apply_audience, pick_audience
from booklet.model import PRESSURES, Audience, Booklet, Caution, Edition
from booklet.roster import Recipient


def personal_edition(booklet: Booklet, recipient: Recipient) -> Edition:
    """The edition a recipient reads: their audience's, adjusted by their own layer."""
    base = pick_audience(booklet, recipient.audience) or Audience(id="", name=booklet.edition)
    layer = recipient_layer(booklet, base, recipient)
    edition = apply_audience(booklet, layer)
    return replace(edition, recipient=recipient.name)


def recipient_layer(booklet: Booklet, base: Audience, recipient: Recipient) -> Audience:
    """An audience = ``base`` + the recipient's cap, cautions, zones and notes."""
    avoid = set(recipient.avoid)
    personal = _zone_cautions(booklet, recipient) + recipient.cautions
    dropped = [s for s in booklet.strokes if s.areas and set(s.areas) <= avoid]
    overrides = dict(base.overrides)
    for stroke in booklet.strokes:
        if stroke in dropped:
            continue
        fields: dict[str, Any] = dict(overrides.get(stroke.id, ()))
        areas = tuple(a for a in fields.get("areas", stroke.areas) if a not in avoid)
        cautions = tuple(fields.get("cautions", stroke.cautions)) + tuple(
            replace(c, source=stroke.name) for c in personal
        )
        fields.update(areas=areas, cautions=cautions)
        overrides[stroke.id] = tuple(fields.items())
    notices = tuple(
        Caution("notice", booklet.label("stroke_left_out", stroke=s.name), ref=recipient.ref) for s in dropped
    ) + tuple(Caution("notice", note, ref=recipient.ref) for note in recipient.notes)
    return replace(
        base,
        max_pressure=_lower_cap(base.max_pressure, recipient.pressure),
        extra_cautions=base.extra_cautions + personal + notices,
        exclude=base.exclude + tuple(s.id for s in dropped),
        overrides=tuple(overrides.items()),
        ref=recipient.ref,
    )


def _lower_cap(first: str | None, second: str | None) -> str | None:
    caps = [c for c in (first, second) if c is not None]
    return min(caps, key=PRESSURES.index) if caps else None


def _zone_cautions(booklet: Booklet, recipient: Recipient) -> tuple[Caution, ...]:
    """One caution per zone the recipient named, carrying the zone so diagrams shade it."""
    out = []
    for zone in recipient.avoid:
        text = booklet.label("personal_avoid", zone=booklet.zone_name(zone))
        out.append(Caution("warning", text, zone=zone, level="no-pressure", ref=recipient.ref))
    for zone in recipient.light:
        text = booklet.label("personal_light", zone=booklet.zone_name(zone))
        out.append(Caution("caution", text, zone=zone, level="light-touch", ref=recipient.ref))
    return tuple(out)
