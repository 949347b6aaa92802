"""What every iCalendar feed of ours shares (RFC 5545, built with the icalendar library).

Times are written in the zone of the school they belong to (`DTSTART;TZID=Europe/Bucharest:
20261203T100000`), and the feed carries a VTIMEZONE for each zone it names, built from the
tz database for the years its events span, so a 10:00 activity stays 10:00 in any calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

from django.utils import timezone
from icalendar import Calendar, Event


def stamp() -> datetime:
    """DTSTAMP for the components of one feed: now, in UTC, to the second."""
    return timezone.now().astimezone(UTC).replace(microsecond=0)


def local(moment: datetime, zone: tzinfo) -> datetime:
    """A moment in a school's zone, to the second: written with its TZID."""
    return moment.astimezone(zone).replace(microsecond=0)


def publish(components: Iterable[Event], *, product: str, name: str) -> bytes:
    """The feed as bytes: CRLF line endings and lines folded at 75 octets (icalendar does both).

    A VTIMEZONE is added for every TZID the components use, covering their span.
    """
    feed = Calendar()
    feed.add("prodid", f"-//TwinSchools//{product}//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    days: list[date] = []
    for component in components:
        feed.add_component(component)
        days.extend(_day(component.get(key)) for key in ("dtstart", "dtend") if component.get(key))
    if days:
        # From a year before the first event to a year after the last: the zone's rules in force.
        feed.add_missing_timezones(
            first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
        )
    return feed.to_ical()


def _day(prop: object) -> date:
    value = prop.dt  # type: ignore[attr-defined]
    return value.date() if isinstance(value, datetime) else value
