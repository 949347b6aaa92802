"""Finding events: the calendar, the calendar files and the school picker are public (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case
from tests.conftest import World
from tests.events.factories import EventFactory, SessionFactory
from tests.factories import RegionFactory, SchoolFactory
from twinschools.events.models import EventStatus

NOBODY = {role: 404 for role in ANYONE}


def _event(w: World, **fields: object) -> int:
    return SessionFactory(event=EventFactory(school=w.school_a, **fields)).event_id


def _region_feed(w: World) -> str:
    region = RegionFactory(code="FEED")
    SessionFactory(event=EventFactory(school=SchoolFactory(region=region)))
    return reverse("events:region_ics", args=[region.country.code, region.code])


CASES = [
    Case("events:calendar", lambda w: reverse("events:calendar"), ANYONE),
    Case("events:event_ics", lambda w: reverse("events:event_ics", args=[_event(w)]), ANYONE),
    Case(
        "events:event_ics (draft)",
        lambda w: reverse("events:event_ics", args=[_event(w, status=EventStatus.DRAFT)]),
        NOBODY,
    ),
    Case("events:region_ics", _region_feed, ANYONE),
    Case(
        "events:school_suggestions",
        lambda w: reverse("events:school_suggestions") + "?school_name=scoala",
        ANYONE,
    ),
]
