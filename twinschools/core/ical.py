"""What every iCalendar feed of ours shares (RFC 5545, built with the icalendar library).

Times are written in the zone of the school they belong to (`DTSTART;TZID=Europe/Bucharest:
20261203T100000`), and the feed carries a VTIMEZONE for each zone it names, built from the
tz database for the years its events span, so a 10:00 activity stays 10:00 in any calendar.

The VTIMEZONE is built here rather than by icalendar's `Timezone.from_tzinfo`, which (7.x)
writes a DAYLIGHT observance's onset in the new offset's wall clock (04:00 for Bucharest's
03:00 change); RFC 5545 3.6.5 wants the onset in the offset in force before it (TZOFFSETFROM).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

# The rules in force from a year before a feed's first event to a year after its last.
MARGIN = timedelta(days=366)


def stamp() -> datetime:
    """DTSTAMP for the components of one feed: now, in UTC, to the second."""
    return timezone.now().astimezone(UTC).replace(microsecond=0)


def local(moment: datetime, zone: tzinfo) -> datetime:
    """A moment in a school's zone, to the second: written with its TZID."""
    return moment.astimezone(zone).replace(microsecond=0)


def publish(components: Iterable[Event], *, product: str, name: str) -> bytes:
    """The feed as bytes: CRLF line endings and lines folded at 75 octets (icalendar does both).

    A VTIMEZONE comes first for every TZID the components use, covering their span.
    """
    feed = Calendar()
    feed.add("prodid", f"-//TwinSchools//{product}//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    events = list(components)
    zones: dict[str, ZoneInfo] = {}
    days: list[date] = []
    for component in events:
        for key in ("dtstart", "dtend"):
            if key in component:
                value = component[key].dt
                days.append(value.date() if isinstance(value, datetime) else value)
                if isinstance(value, datetime) and isinstance(value.tzinfo, ZoneInfo):
                    zones[value.tzinfo.key] = value.tzinfo
    for key in sorted(zones):
        feed.add_component(vtimezone(zones[key], first=min(days) - MARGIN, last=max(days) + MARGIN))
    for component in events:
        feed.add_component(component)
    return feed.to_ical()


def vtimezone(zone: ZoneInfo, *, first: date, last: date) -> Timezone:
    """The zone's observances between two dates: one per kind of change, its later onsets as RDATEs."""
    start = datetime.combine(first, time.min, tzinfo=UTC)
    before = _offset(zone, start)
    component = Timezone()
    component.add("tzid", zone.key)
    observances: dict[tuple[bool, timedelta, timedelta, str], TimezoneStandard | TimezoneDaylight] = {}

    def observe(onset_utc: datetime, offset_from: timedelta, offset_to: timedelta) -> None:
        after = onset_utc.astimezone(zone)
        daylight = bool(after.dst())
        key = (daylight, offset_from, offset_to, after.tzname() or "")
        onset = (onset_utc + offset_from).replace(tzinfo=None)  # the wall clock before the change
        if key in observances:
            observances[key].add("rdate", onset)
            return
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        observance.add("dtstart", onset)
        observance.add("tzname", key[3])
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        observances[key] = observance

    observe(start, before, before)  # what is in force when the span begins
    day = timedelta(days=1)
    moment = start
    while moment.date() < last:
        following = moment + day
        offset = _offset(zone, following)
        if offset != before:
            observe(_change(zone, moment, following), before, offset)
            before = offset
        moment = following
    for observance in observances.values():
        component.add_component(observance)
    return component


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def _change(zone: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The minute the offset changes between two moments a day apart (the tz database changes on minutes)."""
    old = _offset(zone, low)
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        if _offset(zone, middle) == old:
            low = middle
        else:
            high = middle
    return high.replace(second=0, microsecond=0)
