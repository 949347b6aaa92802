"""The school's events overview draws the people registered and those who came, per event."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.chart_html import table
from tests.clients import signed_in
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events.models import RegistrationStatus

pytestmark = pytest.mark.django_db


def held_event(world: World, title: str, *, days_ago: int, registered: int, came: int):
    event = EventFactory(school=world.school_a, title=title)
    session = SessionFactory(event=event, starts_at=timezone.now() - datetime.timedelta(days=days_ago))
    for number in range(registered):
        registration = RegistrationFactory(event=event)
        if number < came:
            registration.attended.add(session)
    return event


def page(world: World):
    return signed_in(world.people["head_a"]).get(reverse("events:school_events", args=[world.school_a.pk]))


def test_the_events_page_draws_registered_and_attended_per_event_that_has_begun(world: World) -> None:
    held_event(world, "Ziua porților deschise", days_ago=30, registered=4, came=3)
    held_event(world, "Atelier eTwinning", days_ago=2, registered=2, came=2)
    RegistrationFactory(event=EventFactory(school=world.school_a), status=RegistrationStatus.CANCELLED)
    SessionFactory(event=EventFactory(school=world.school_a, title="Curs viitor"))  # not begun yet
    rows = table(page(world).content.decode(), "chart-attendance")
    assert rows == [
        ["Event", "Registered", "Attended"],
        ["Ziua porților deschise", "4", "3"],
        ["Atelier eTwinning", "2", "2"],
    ]


def test_a_school_whose_events_have_not_begun_gets_no_chart(world: World) -> None:
    SessionFactory(event=EventFactory(school=world.school_a, title="Curs viitor"))
    assert 'id="chart-attendance"' not in page(world).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_events_page_costs_the_same_queries_for_one_event_or_three(
    world: World, count: int, django_assert_num_queries
) -> None:
    for number in range(count):
        held_event(world, f"Eveniment {number}", days_ago=number + 1, registered=2, came=1)
    client = signed_in(world.people["head_a"])
    # Session and user (2), school, roles (2), the events and their sessions (2), the chart (1).
    with django_assert_num_queries(8):
        client.get(reverse("events:school_events", args=[world.school_a.pk]))
