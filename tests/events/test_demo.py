"""The events demo: what `make demo` shows an organiser and a visitor."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from tests.mentoring.factories import PlacedSchoolFactory
from twinschools.events import certificates, services
from twinschools.events.demo import seed_demo_events
from twinschools.events.models import Event, Kind, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    school = PlacedSchoolFactory()
    for _ in range(8):
        PlacedSchoolFactory(region=school.region, country=school.country)
    seed_demo_events(school=school, people={}, rng=random.Random(1), today=timezone.localdate())
    return school


def test_the_demo_has_a_workshop_under_way_for_the_check_in_list(seeded):
    workshop = Event.objects.get(school=seeded, kind=Kind.WORKSHOP)
    now = timezone.now()
    assert services.current_session(workshop, now) is not None
    confirmed = workshop.registrations.filter(status=RegistrationStatus.CONFIRMED)
    assert confirmed.filter(attended__isnull=False).distinct().count() == 2
    assert confirmed.filter(attended__isnull=True).exists()


def test_the_demo_course_has_certificates_earned_and_one_not(seeded):
    course = Event.objects.get(school=seeded, kind=Kind.COURSE)
    people = Registration.objects.filter(event=course).prefetch_related("event__sessions", "attended")
    earned = [person for person in people if certificates.earned(person)]
    came = [person for person in people if person.attended.all()]
    assert len(earned) == 3 and len(came) == 4


def test_demo_registrants_come_from_registry_schools_and_one_waits_for_a_seat(seeded):
    people = Registration.objects.filter(event__school=seeded)
    assert people.filter(school__isnull=False).exclude(school=seeded).exists()
    assert people.filter(status=RegistrationStatus.WAITING_LIST).count() == Event.objects.count() == 4
    assert not people.filter(school=seeded).exists()
