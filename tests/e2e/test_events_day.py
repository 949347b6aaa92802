"""On the day: the organiser checks a registrant in from their QR pass; the registrant gets the certificate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events import certificates

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ro", "ca"]


def _today(world: World) -> Any:
    now = timezone.now()
    event = EventFactory(school=world.school_a, title="Ziua porților deschise")
    return SessionFactory(event=event, starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(hours=2))


def test_the_organiser_checks_in_from_the_qr_pass_and_the_registrant_downloads_the_certificate(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    session = _today(world)
    person = RegistrationFactory(event=session.event, name="Ioana Pop", language="ro")

    registrant = new_page()
    registrant.goto(reverse("events:pass", args=[person.token]))
    expect(registrant.locator("svg.segno")).to_be_visible()

    organiser = new_page(user=world.people["team_a"])
    organiser.goto(reverse("events:arrival", args=[person.token]))  # what the QR code opens
    with organiser.expect_navigation():
        organiser.get_by_role("button", name="Check in Ioana Pop").click()
    expect(organiser.get_by_role("status").first).to_contain_text("Ioana Pop is checked in.")
    expect(organiser.get_by_role("table", name="People registered for this session")).to_contain_text("yes")

    registrant.reload()
    link = registrant.get_by_role("link", name="Download your certificate of attendance (PDF)")
    response = registrant.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_the_organiser_marks_attendance_on_the_list_without_leaving_the_page(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    session = _today(world)
    person = RegistrationFactory(event=session.event, name="Ioana Pop")
    RegistrationFactory(event=session.event, name="Mihai Ene")
    organiser = new_page(user=world.people["team_a"])
    organiser.goto(reverse("events:checkin", args=[session.pk]))
    organiser.evaluate("window.stillHere = true")  # gone if the page reloads
    organiser.get_by_role("button", name="Check in Ioana Pop").click()
    expect(organiser.get_by_role("status")).to_have_text("Ioana Pop is checked in.")
    # the keyboard user's focus stays on the person's button, now the opposite action
    expect(organiser.get_by_role("button", name="Mark Ioana Pop absent")).to_be_focused()
    assert person.attended.filter(pk=session.pk).exists()
    organiser.get_by_role("button", name="Mark Ioana Pop absent").click()
    expect(organiser.get_by_role("status")).to_have_text("Ioana Pop is marked absent.")
    organiser.get_by_role("searchbox", name="Search by name").fill("mihai")
    expect(organiser.get_by_role("table")).not_to_contain_text("Ioana Pop")
    assert organiser.evaluate("window.stillHere") is True
    assert not person.attended.exists()
    assert_accessible(organiser)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_of_the_organisers_day_and_of_events_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    session = _today(world)
    person = RegistrationFactory(event=session.event, name="Ioana Pop")
    person.attended.add(session)
    RegistrationFactory(event=session.event, name="Mihai Ene")
    coming = SessionFactory(event=session.event)  # to come: the event page offers to change or cancel it
    organiser = new_page(user=world.people["team_a"], language=language)
    pages = {
        "check-in list": reverse("events:checkin", args=[session.pk]),
        "arrival": reverse("events:arrival", args=[person.token]),
        "school events": reverse("events:school_events", args=[world.school_a.pk]),
        "event manage": reverse("events:event_manage", args=[session.event_id]),
        "event form": reverse("events:event_edit", args=[session.event_id]),
        "new event form": reverse("events:event_create", args=[world.school_a.pk]),
        "session form": reverse("events:session_add", args=[session.event_id]),
        "session change form": reverse("events:session_edit", args=[coming.pk]),
    }
    for where, url in pages.items():
        response = organiser.goto(url)
        assert response is not None and response.ok, where
        assert_accessible(organiser, f"{where} ({language})")
    visitor = new_page(language=language)
    for where, url in {
        "pass": reverse("events:pass", args=[person.token]),
        "certificate verification": reverse(
            "events:certificate_verify", args=[certificates.token_for(person)]
        ),
    }.items():
        response = visitor.goto(url)
        assert response is not None and response.ok, where
        assert_accessible(visitor, f"{where} ({language})")
