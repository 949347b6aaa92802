"""A visitor finds an event, registers on a full event, and takes the seat another person gives up."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events.models import Registration, RegistrationStatus

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh_throttle() -> None:
    cache.clear()


def link_in(message: EmailMessage) -> str:
    """The first link of an events e-mail, as a path on the live server."""
    found = re.search(r"https?://[^/\s]+(/events/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def register(page: Any, *, name: str, email: str) -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your e-mail address").fill(email)
    page.get_by_label("You are").select_option("teacher")
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()


def test_a_visitor_on_the_waiting_list_takes_the_seat_someone_cancels(
    world: World, new_page: NewPage, mailoutbox: list[EmailMessage]
) -> None:
    event = SessionFactory(event=EventFactory(school=world.school_a, capacity=1, title="Ziua porților")).event
    event_page = reverse("events:event_detail", args=[event.pk])

    maria = new_page()
    maria.goto(event_page)
    register(maria, name="Maria Ionescu", email="maria@example.org")
    expect(maria.get_by_role("status")).to_contain_text("An e-mail is on its way to you")
    maria.goto(link_in(mailoutbox[-1]))
    with maria.expect_navigation():
        maria.get_by_role("button", name="Confirm my registration").click()
    expect(maria.get_by_role("main")).to_contain_text("Status: Confirmed")

    visitor = new_page()
    visitor.goto(reverse("events:calendar"))
    with visitor.expect_navigation():
        visitor.get_by_role("table", name="Upcoming events").get_by_role("link", name="Ziua porților").click()
    expect(visitor.get_by_role("main")).to_contain_text("All seats are taken")
    register(visitor, name="Ion Pop", email="ion@example.org")
    visitor.goto(link_in(mailoutbox[-1]))
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Confirm my registration").click()
    expect(visitor.get_by_role("main")).to_contain_text("Status: On the waiting list")

    # Maria cancels through the link she got: the seat goes to Ion, who is told by e-mail.
    maria.goto(
        reverse("events:registration", args=[Registration.objects.get(email="maria@example.org").token])
    )
    confirm(maria, "Cancel my registration", "Cancel my registration")
    expect(maria.get_by_role("status").first).to_contain_text("Your registration was cancelled.")
    offer = mailoutbox[-1]
    assert offer.to == ["ion@example.org"] and "A seat is free" in offer.subject

    visitor.goto(link_in(offer))
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Take the seat").click()
    expect(visitor.get_by_role("main")).to_contain_text("The seat is yours.")
    assert Registration.objects.get(email="ion@example.org").status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_public_event_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    event = SessionFactory(
        event=EventFactory(school=world.school_a, latitude=46.57, longitude=23.78, capacity=1)
    ).event
    registration = RegistrationFactory(event=event, status=RegistrationStatus.AWAITING_EMAIL)
    page = new_page(language=language)
    page.goto(reverse("events:calendar"))
    assert_accessible(page, f"calendar ({language})")
    page.goto(reverse("events:event_detail", args=[event.pk]))
    assert_accessible(page, f"event page ({language})")
    page.locator("#id_email").fill("not an address")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page, f"event page with errors ({language})")
    page.goto(reverse("events:confirm", args=[registration.token]))
    assert_accessible(page, f"confirm ({language})")
    page.goto(reverse("events:registration", args=[registration.token]))
    assert_accessible(page, f"registration ({language})")
