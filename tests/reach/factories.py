"""Factories for reach tests: placed schools and the outreach that reached them."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.mentoring.factories import PlacedSchoolFactory, pairing_of
from twinschools.network.models import School, SchoolLabel


def placed_school(country, latitude: float, longitude: float, **extra: object) -> School:
    return PlacedSchoolFactory(country=country, latitude=latitude, longitude=longitude, **extra)


def labelled(school: School, year: int | None = None) -> School:
    year = year or datetime.date.today().year
    SchoolLabel.objects.create(school=school, first_year=year - 1, last_year=year)
    return school


def came_to_event_of(
    host: School, guest: School | None, *, school_name: str = "", came: bool = True, **extra: object
):
    """A registration for one of the host's events; `came`: checked in at its session, last week."""
    registration = RegistrationFactory(
        event=EventFactory(school=host), school=guest, school_name=school_name, **extra
    )
    if came:
        last_week = timezone.now() - datetime.timedelta(days=7)
        registration.attended.add(SessionFactory(event=registration.event, starts_at=last_week))
    return registration


def mentored_by(mentor: School, mentee: School):
    pair = pairing_of(mentor, mentee, status="accepted")
    pair.decided_at = timezone.now()
    pair.save(update_fields=["decided_at"])
    return pair
