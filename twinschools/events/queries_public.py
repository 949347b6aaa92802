"""Reads for finding events: the public calendar, its map and the calendar feeds.

Only published events with a session still to come, and only what the public may
see: counts and places, never a registrant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.core.text import search_patterns
from twinschools.events.models import Event, EventStatus, Session
from twinschools.network.models import Region, School
from twinschools.network.queries import CappedPaginator

CALENDAR_PAGE_SIZE = 20
# Past this many the calendar says "more than 1,000": an exact count of every upcoming event
# in Europe costs more than the page, and people narrow by country, region or kind.
CALENDAR_COUNT_CAP = 1_000
SUGGESTIONS_SHOWN = 8


@dataclass(frozen=True)
class CalendarFilters:
    country: str = ""
    region: int | None = None
    language: str = ""
    kind: str = ""


def upcoming(filters: CalendarFilters) -> QuerySet[Any]:
    """Published events with a session still to come, in the order they start (a course under
    way first); `next_start` is the next session's start, computed for the page's rows only."""
    now = timezone.now()
    events = Event.objects.filter(status=EventStatus.PUBLISHED, last_ends_at__gte=now)
    if filters.country:
        events = events.filter(school__country__code=filters.country)
    if filters.region:
        events = events.filter(school__region_id=filters.region)
    if filters.language:
        events = events.filter(language=filters.language)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    next_session = Session.objects.filter(event=OuterRef("pk"), ends_at__gte=now).order_by("starts_at")
    return (
        events.select_related("school__country", "school__region")
        .annotate(next_start=Subquery(next_session.values("starts_at")[:1]))
        .order_by("first_starts_at", "pk")
    )


def calendar_page(filters: CalendarFilters, page_number: str | int | None) -> Page[Any]:
    """One page of the calendar, counted up to CALENDAR_COUNT_CAP (Europe has ~100,000 upcoming)."""
    events = upcoming(filters)
    count = events.order_by().values("pk")[: CALENDAR_COUNT_CAP + 1].count()
    paginator = CappedPaginator(events, CALENDAR_PAGE_SIZE, count=count, cap=CALENDAR_COUNT_CAP)
    return paginator.get_page(page_number)


@dataclass(frozen=True)
class MapPoint:
    event: Event
    latitude: float
    longitude: float


def map_points(events: list[Event]) -> list[MapPoint]:
    """Where each event happens: its own coordinates, else its school's; online events have no place."""
    points = []
    for event in events:
        latitude = event.latitude if event.latitude is not None else event.school.latitude
        longitude = event.longitude if event.longitude is not None else event.school.longitude
        if event.online or latitude is None or longitude is None:
            continue
        points.append(MapPoint(event=event, latitude=latitude, longitude=longitude))
    return points


def region(country: str, code: str) -> Region:
    return get_object_or_404(Region.objects.select_related("country"), country__code=country, code=code)


def region_by_pk(pk: int) -> Region | None:
    return Region.objects.select_related("country").filter(pk=pk).first()


def region_events(found: Region) -> list[Event]:
    """The region's published (and cancelled, so calendars drop them) events with their sessions."""
    events = Event.objects.filter(school__region=found).exclude(status=EventStatus.DRAFT)
    return list(events.select_related("school").prefetch_related("sessions").order_by("pk"))


def calendar_event(pk: int) -> Event:
    return get_object_or_404(
        Event.objects.exclude(status=EventStatus.DRAFT).select_related("school").prefetch_related("sessions"),
        pk=pk,
    )


def school_suggestions(text: str) -> list[School]:
    """Registry schools whose name or town match what the person typed (as the directory searches)."""
    patterns = search_patterns(text)
    if not patterns:
        return []
    schools = School.objects.select_related("country")
    for pattern in patterns:
        schools = schools.filter(search_text__contains=pattern)
    return list(schools.order_by("search_text", "id")[:SUGGESTIONS_SHOWN])


def school_by_id(pk: int) -> School | None:
    return School.objects.filter(pk=pk).first()
