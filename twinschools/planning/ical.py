"""Calendar feeds in iCalendar (RFC 5545), built with the icalendar library.

Only what a calendar app needs and nothing about pupils: the title, the
description, the place and the project's name, never class lists or names.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from twinschools.planning.models import ActivityStatus, CalendarActivity

PRODID = "-//TwinSchools//Co-planned activities//EN"


def calendar(activities: list[CalendarActivity], *, name: str, base_url: str) -> bytes:
    """The feed as bytes: CRLF line endings and lines folded at 75 octets (icalendar does both)."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for activity in activities:
        feed.add_component(_event(activity, stamp, base_url))
    return feed.to_ical()


def _event(activity: CalendarActivity, stamp: object, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@twinschools")
    event.add("dtstamp", stamp)
    if activity.all_day:
        # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
        event.add("dtstart", timezone.localtime(activity.starts_at).date())
        event.add("dtend", timezone.localtime(activity.ends_at).date() + timedelta(days=1))
    else:
        event.add("dtstart", activity.starts_at.astimezone(UTC))
        event.add("dtend", activity.ends_at.astimezone(UTC))
    event.add("summary", activity.title)
    description = activity.description
    if activity.project is not None:
        description = f"{description}\n\n{activity.project.title}".strip()
    if description:
        event.add("description", description)
    if activity.place:
        event.add("location", activity.place)
    event.add("status", "CANCELLED" if activity.status == ActivityStatus.CANCELLED else "CONFIRMED")
    event.add("sequence", activity.version)
    event.add("last-modified", activity.updated_at.astimezone(UTC).replace(microsecond=0))
    event.add("url", base_url + reverse("planning:activity", args=[activity.pk]))
    return event
