"""Reads about outreach events, each in a fixed number of queries.

Public reads carry counts only: never a registrant's name or e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from twinschools.events.models import (
    HOLDS_SEAT,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Session,
)
from twinschools.network.models import School

REACHED = (RegistrationStatus.CONFIRMED,)


def _with_counts(events: QuerySet[Event]) -> QuerySet[Any]:  # Any: the stubs cannot see the annotations
    return events.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status__in=HOLDS_SEAT), distinct=True),
        waiting=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING_LIST), distinct=True
        ),
        first_start=Min("sessions__starts_at"),
    )


def event(pk: int) -> Event:
    """An event for its organisers' pages (the permission check needs its school)."""
    return get_object_or_404(
        _with_counts(Event.objects.select_related("school__country")).prefetch_related("sessions"), pk=pk
    )


def public_event(pk: int) -> Event:
    """A published or cancelled event; drafts stay inside the workspace."""
    return get_object_or_404(
        _with_counts(
            Event.objects.exclude(status=EventStatus.DRAFT).select_related("school__country")
        ).prefetch_related("sessions"),
        pk=pk,
    )


def by_token(token: str) -> Registration:
    """A registration reached from an e-mail link; a wrong token is a plain 404."""
    return get_object_or_404(Registration.objects.select_related("event__school"), token=token)


def school_events(school: School) -> list[Event]:
    events = _with_counts(Event.objects.filter(school=school)).order_by("-first_start", "-pk")
    return list(events.prefetch_related("sessions"))


ATTENDANCE_SHOWN = 8


@dataclass(frozen=True)
class Attendance:
    title: str
    registered: int  # confirmed registrations
    attended: int  # people checked in at one session at least


def attendance(school: School, *, now: datetime) -> list[Attendance]:
    """The school's latest published events that have begun, oldest first, with the people
    registered and those who came (one query)."""
    events = (
        Event.objects.filter(school=school, status=EventStatus.PUBLISHED)
        .annotate(
            first_start=Min("sessions__starts_at"),
            registered=Count("registrations", filter=Q(registrations__status__in=REACHED), distinct=True),
            came=Count("registrations", filter=Q(registrations__attended__isnull=False), distinct=True),
        )
        .filter(first_start__lte=now)
        .order_by("-first_start", "-pk")
        .values_list("title", "registered", "came")[:ATTENDANCE_SHOWN]
    )
    return [Attendance(title, registered, came) for title, registered, came in reversed(list(events))]


def registrants(event: Event) -> list[Registration]:
    return list(event.registrations.select_related("school").order_by("created_at", "pk"))


def registration_counts(event: Event) -> dict[str, int]:
    """How many registered (confirmed) and how many were checked in: what national staff read."""
    registrations = event.registrations.all()
    return {
        "confirmed": registrations.filter(status=RegistrationStatus.CONFIRMED).count(),
        "attended": registrations.filter(attended__isnull=False).distinct().count(),
    }


@dataclass(frozen=True)
class Figures:
    held: int  # events with a session that took place in the period
    reached: int  # people checked in at one of those sessions at least
    latest: tuple[Event, ...]  # each with `held_at`, its last session in the period


def figures(school: School, *, start: datetime, end: datetime) -> Figures:
    """Events held in the period and the people they reached, counting only what happened:
    sessions that began between `start` and `end` (never after now), and people checked in
    at them. An event whose registrations were purged keeps its count of people who came."""
    took_place = Session.objects.filter(
        event__school=school,
        event__status=EventStatus.PUBLISHED,
        starts_at__gte=start,
        starts_at__lt=end,
    )
    in_period = Q(sessions__starts_at__gte=start, sessions__starts_at__lt=end)
    events = (
        Event.objects.filter(pk__in=took_place.values("event_id"))
        .annotate(held_at=Max("sessions__starts_at", filter=in_period))
        .order_by("-held_at", "-pk")
    )
    rows = list(events)
    came = Registration.objects.filter(attended__in=took_place.values("pk")).values("pk").distinct().count()
    purged = sum(row.attended_count or 0 for row in rows if row.registrations_purged_at is not None)
    return Figures(held=len(rows), reached=came + purged, latest=tuple(rows[:3]))


def sessions_of(event: Event) -> QuerySet[Session]:
    return event.sessions.prefetch_related(Prefetch("attendees", queryset=Registration.objects.only("pk")))
