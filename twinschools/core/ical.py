"""What every iCalendar feed of ours shares (RFC 5545, built with the icalendar library)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone
from icalendar import Calendar, Event


def stamp() -> datetime:
    """DTSTAMP for the components of one feed: now, in UTC, to the second."""
    return timezone.now().astimezone(UTC).replace(microsecond=0)


def publish(components: Iterable[Event], *, product: str, name: str) -> bytes:
    """The feed as bytes: CRLF line endings and lines folded at 75 octets (icalendar does both)."""
    feed = Calendar()
    feed.add("prodid", f"-//TwinSchools//{product}//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    for component in components:
        feed.add_component(component)
    return feed.to_ical()
