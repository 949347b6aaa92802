"""Irreversible actions ask first: going back leaves everything as it was, confirming does it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.factories import application_of, fill, open_round
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import GO_BACK
from tests.events.factories import EventFactory, SessionFactory
from tests.leadership.factories import open_proposal
from twinschools.applications import services as application_services
from twinschools.applications.models import Application, Status
from twinschools.events.models import Event, EventStatus, Session
from twinschools.labels.models import Round, RoundStatus
from twinschools.leadership.models import Proposal

pytestmark = pytest.mark.browser


def _asks_first(
    page: Any, button: str, confirm_with: str, *, unchanged: Callable[[], bool], done: Callable[[], bool]
) -> None:
    url = page.url
    page.get_by_role("main").get_by_role("button", name=button, exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=GO_BACK).click()
    expect(dialog).to_be_hidden()
    page.wait_for_timeout(300)  # a submission, if one had gone, would have landed by now
    assert page.url == url and unchanged()

    page.get_by_role("main").get_by_role("button", name=button, exact=True).click()
    expect(dialog).to_be_visible()
    with page.expect_navigation():
        dialog.get_by_role("button", name=confirm_with, exact=True).click()
    assert done()


def test_cancelling_an_event_asks_first(world: World, new_page: NewPage, assert_accessible: Any) -> None:
    event = EventFactory(school=world.school_a, status=EventStatus.PUBLISHED)
    organiser = new_page(user=world.people["team_a"])
    organiser.goto(reverse("events:event_manage", args=[event.pk]))
    organiser.get_by_role("main").get_by_role("button", name="Cancel the event", exact=True).click()
    expect(organiser.get_by_role("dialog")).to_be_visible()
    assert_accessible(organiser, "the confirmation dialog")
    organiser.get_by_role("dialog").get_by_role("button", name=GO_BACK).click()
    expect(organiser.get_by_role("dialog")).to_be_hidden()

    def status() -> str:
        return Event.objects.get(pk=event.pk).status

    _asks_first(
        organiser,
        "Cancel the event",
        "Cancel the event",
        unchanged=lambda: status() == EventStatus.PUBLISHED,
        done=lambda: status() == EventStatus.CANCELLED,
    )


def test_cancelling_a_session_asks_first(world: World, new_page: NewPage) -> None:
    event = EventFactory(school=world.school_a, status=EventStatus.PUBLISHED)
    SessionFactory(event=event, starts_at=timezone.now() + timedelta(days=3))
    later = SessionFactory(event=event, starts_at=timezone.now() + timedelta(days=10))
    organiser = new_page(user=world.people["team_a"])
    organiser.goto(reverse("events:event_manage", args=[event.pk]))
    button = organiser.get_by_role("main").get_by_role("button", name="Cancel the session of").last
    button.click()
    dialog = organiser.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=GO_BACK).click()
    expect(dialog).to_be_hidden()
    assert Session.objects.filter(pk=later.pk).exists()
    button.click()
    with organiser.expect_navigation():
        dialog.get_by_role("button", name="Cancel the session", exact=True).click()
    assert not Session.objects.filter(pk=later.pk).exists()
    expect(organiser.get_by_role("main")).to_contain_text("The session was cancelled.")


def test_withdrawing_an_application_asks_first(world: World, new_page: NewPage) -> None:
    app = application_of(world.school_a, world.people["head_a"])
    fill(app, world.people["head_a"])
    submission = application_services.sign_and_submit(
        application=app, by=world.people["head_a"], declaration=True
    )
    head = new_page(user=world.people["head_a"])
    head.goto(reverse("applications:receipt", args=[submission.pk]))

    def status() -> str:
        return Application.objects.get(pk=app.pk).status

    _asks_first(
        head,
        "Withdraw the application",
        "Withdraw the application",
        unchanged=lambda: status() == Status.SUBMITTED,
        done=lambda: status() == Status.WITHDRAWN,
    )


def test_closing_a_proposal_asks_first(world: World, new_page: NewPage) -> None:
    proposal = open_proposal(world.school_a, world.people["team_a"])
    proposer = new_page(user=world.people["team_a"])
    proposer.goto(reverse("leadership:proposal", args=[proposal.pk]))

    def is_open() -> bool:
        return Proposal.objects.get(pk=proposal.pk).is_open

    _asks_first(
        proposer,
        "Close the proposal now",
        "Close the proposal",
        unchanged=is_open,
        done=lambda: not is_open(),
    )


def test_publishing_a_round_asks_first(world: World, new_page: NewPage) -> None:
    round_ = open_round(status=RoundStatus.DRAFT)
    admin = new_page(user=world.people["admin"])
    admin.goto(reverse("labels:round_edit", args=[round_.pk]))

    def status() -> str:
        return Round.objects.get(pk=round_.pk).status

    _asks_first(
        admin,
        "Publish the round",
        "Publish the round",
        unchanged=lambda: status() == RoundStatus.DRAFT,
        done=lambda: status() == RoundStatus.PUBLISHED,
    )
