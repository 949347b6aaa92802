"""Outreach events in iCalendar (RFC 5545), built with the icalendar library.

One VEVENT per session, so a course shows each of its meetings. Only public facts:
title, description, place and organiser school; never a registrant. Times are in the
organiser school's zone (TZID), with its VTIMEZONE.
"""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from icalendar import Event as VEvent

from twinschools.core import ical, zones
from twinschools.events.models import Event, EventStatus, Session


def calendar(events: list[Event], *, name: str, base_url: str) -> bytes:
    now = ical.stamp()
    sessions = (
        _session(event, session, now, base_url) for event in events for session in event.sessions.all()
    )
    return ical.publish(sessions, product="Outreach events", name=name)


def _session(event: Event, session: Session, stamp: datetime, base_url: str) -> VEvent:
    component = VEvent()
    component.add("uid", f"event-{event.pk}-session-{session.pk}@twinschools")
    component.add("dtstamp", stamp)
    # In the organiser school's zone, with its TZID (ical.publish adds the VTIMEZONE).
    zone = zones.get(event.school.time_zone)
    component.add("dtstart", ical.local(session.starts_at, zone))
    component.add("dtend", ical.local(session.ends_at, zone))
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
