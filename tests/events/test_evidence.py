"""The events a school proposes as label evidence are those that took place, not those announced."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import World
from tests.events.factories import EventFactory, SessionFactory
from twinschools.events.evidence import candidates

pytestmark = pytest.mark.django_db


def _event_held(world: World, title: str, *, days_from_now: int) -> None:
    event = EventFactory(school=world.school_a, title=title)
    SessionFactory(event=event, starts_at=timezone.now() + datetime.timedelta(days=days_from_now))


def test_only_events_that_took_place_in_the_window_are_proposed_dated_by_their_session(world: World) -> None:
    _event_held(world, "Held last month", days_from_now=-30)
    _event_held(world, "Announced for next week", days_from_now=7)
    _event_held(world, "Held three years ago", days_from_now=-3 * 365)
    since = timezone.localdate() - datetime.timedelta(days=365)

    proposed = candidates(school=world.school_a, since=since)

    assert [candidate.title for candidate in proposed] == ["Held last month"]
    assert proposed[0].on == timezone.localdate() - datetime.timedelta(days=30)


def test_the_window_end_leaves_out_later_events(world: World) -> None:
    _event_held(world, "Held last month", days_from_now=-30)
    until = timezone.localdate() - datetime.timedelta(days=60)

    assert candidates(school=world.school_a, since=until - datetime.timedelta(days=365), until=until) == []
