"""Outreach events in iCalendar (RFC 5545), built with the icalendar library.

One VEVENT per session, so a course shows each of its meetings. Only public facts:
title, description, place and organiser school; never a registrant.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from twinschools.events.models import Event, EventStatus, Session

PRODID = "-//TwinSchools//Outreach events//EN"


def calendar(events: list[Event], *, name: str, base_url: str) -> bytes:
    """The feed as bytes: CRLF line endings and lines folded at 75 octets (icalendar does both)."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for event in events:
        for session in event.sessions.all():
            feed.add_component(_session(event, session, stamp, base_url))
    return feed.to_ical()


def _session(event: Event, session: Session, stamp: datetime, base_url: str) -> VEvent:
    component = VEvent()
    component.add("uid", f"event-{event.pk}-session-{session.pk}@twinschools")
    component.add("dtstamp", stamp)
    component.add("dtstart", session.starts_at.astimezone(UTC))
    component.add("dtend", session.ends_at.astimezone(UTC))
    component.add("summary", event.title)
    description = f"{event.description}\n\n{event.school.name}".strip()
    component.add("description", description)
    if event.online:
        component.add("location", "Online")
    elif event.address:
        component.add("location", event.address)
    component.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    component.add("url", base_url + reverse("events:event_detail", args=[event.pk]))
    return component
