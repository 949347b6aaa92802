"""{% load zones %}: times that say their zone (see core/zones.py).

`{{ moment|zoned }}` writes a deadline with the zone named ("15 March 2027, 17:00 (Bucharest
time, EET)"), `{{ moment|zoned_short }}` a date and time in a list ("03/12/2026 10:00 (EET)"),
`{{ moment|zoned_time }}` a time alone ("10:00 (EET)"), `{% zoned_span starts ends %}` a
session ("03/12/2026 10:00 to 12:00 (EET)", with an en dash); each takes a school, an object of a
school or a zone name (`{{ event.next_start|zoned_short:event.school }}`), by default the
active zone. `{% zone_note %}` says which zone a form's times are in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

from twinschools.core import zones

register = template.Library()


@register.filter
def zoned(moment: datetime | None, zone: Any = None) -> str:
    return zones.with_zone(moment, zone)


@register.filter
def zoned_short(moment: datetime | None, zone: Any = None) -> str:
    return zones.short_with_zone(moment, zone)


@register.simple_tag
def zoned_span(starts: datetime, ends: datetime, zone: Any = None) -> str:
    return zones.span_with_zone(starts, ends, zone)


@register.filter
def zoned_time(moment: datetime | None, zone: Any = None) -> str:
    return zones.time_with_zone(moment, zone)


@register.filter
def zone_label(name: str) -> str:
    return zones.label(name)


@register.simple_tag
def zone_note(zone: Any = None) -> str:
    return zones.note(zone)
