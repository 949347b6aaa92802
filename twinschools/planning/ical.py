"""Calendar feeds in iCalendar (RFC 5545), built with the icalendar library.

Only what a calendar app needs and nothing about pupils: the title, the
description, the place and the project's name, never class lists or names. Times are in
the school's zone (TZID), with its VTIMEZONE.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from django.urls import reverse
from icalendar import Event

from twinschools.core import ical, zones
from twinschools.planning.models import ActivityStatus, CalendarActivity


def calendar(activities: list[CalendarActivity], *, name: str, base_url: str) -> bytes:
    now = ical.stamp()
    events = (_event(activity, now, base_url) for activity in activities)
    return ical.publish(events, product="Co-planned activities", name=name)


def _event(activity: CalendarActivity, stamp: object, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@twinschools")
    event.add("dtstamp", stamp)
    # The school's zone: days are its days, times carry its TZID (ical.publish adds the VTIMEZONE).
    zone = zones.get(activity.school.time_zone)
    if activity.all_day:
        # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
        event.add("dtstart", activity.starts_at.astimezone(zone).date())
        event.add("dtend", activity.ends_at.astimezone(zone).date() + timedelta(days=1))
    else:
        event.add("dtstart", ical.local(activity.starts_at, zone))
        event.add("dtend", ical.local(activity.ends_at, zone))
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
