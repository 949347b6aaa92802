"""The visitor's pass: what, when (in the event's own time zone), where, who, and a QR code
with a text alternative."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _pass_page(world: World, language: str = "en") -> tuple[str, object]:
    event = EventFactory(
        school=world.school_a, title="Ziua porților deschise", address="Strada Școlii 1, Turda"
    )
    SessionFactory(
        event=event,
        starts_at=datetime(2026, 3, 12, 8, 0, tzinfo=UTC),  # 10:00 in Bucharest
        ends_at=datetime(2026, 3, 12, 10, 30, tzinfo=UTC),
    )
    person = RegistrationFactory(event=event, name="Ana Ștefănescu")
    page = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("events:pass", args=[person.token]))
    return page.content.decode(), person


def test_the_pass_shows_the_event_its_date_and_time_in_the_events_time_zone_the_place_and_the_person(
    world: World,
) -> None:
    page, _person = _pass_page(world)
    assert "Ziua porților deschise" in page and "Ana Ștefănescu" in page
    assert "12 March 2026, 10:00–12:30" in page and "Europe/Bucharest" in page
    assert "Strada Școlii 1, Turda" in page


def test_the_pass_gives_its_qr_code_an_accessible_name_and_prints_the_address_it_holds(world: World) -> None:
    page, person = _pass_page(world)
    assert 'role="img" aria-label="QR code of the pass of Ana Ștefănescu, for the check-in"' in page
    assert reverse("events:arrival", args=[person.token]) in page.split("<figcaption>", 1)[1]


def test_the_pass_writes_the_date_the_way_romanian_does(world: World) -> None:
    page, _person = _pass_page(world, "ro")
    assert "12 martie 2026, 10:00–12:30" in page
