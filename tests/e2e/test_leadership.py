"""A proposal decided by consent, end to end, in two browser contexts; axe on every page in en, ro, ca."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at, confirm
from tests.leadership.factories import ResponsibilityFactory, closed_proposal, open_proposal
from twinschools.leadership import services
from twinschools.leadership.models import Proposal, Result

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def submit(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_a_proposal_decided_by_consent_lands_in_the_decision_log(world: World, new_page: NewPage) -> None:
    school = world.school_a
    proposer = new_page(user=world.people["team_a"])
    proposer.goto(reverse("leadership:decisions", args=[school.pk]))
    proposer.get_by_role("link", name="Open a proposal").click()
    proposer.get_by_label("Title").fill("Apply for the eSafety Label")
    proposer.get_by_label("Details").fill("We apply for the eSafety Label before the summer.")
    proposer.get_by_label("Consent: the proposal passes unless somebody objects").check()
    closes = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    proposer.get_by_label("Closes on").fill(closes)
    submit(proposer, "Open the proposal")
    proposal = Proposal.objects.get(title="Apply for the eSafety Label")
    expect(proposer).to_have_url(at(reverse("leadership:proposal", args=[proposal.pk])))
    expect(proposer.get_by_role("status").first).to_contain_text("Your proposal is open.")

    head = new_page(user=world.people["head_a"])
    head.goto(reverse("notifications:inbox"))
    expect(head.get_by_role("main")).to_contain_text(
        "Team A opened the proposal “Apply for the eSafety Label”"
    )
    submit(head, "Open")
    expect(head).to_have_url(at(reverse("leadership:proposal", args=[proposal.pk])))
    head.get_by_role("radio", name="Consent").check()
    submit(head, "Take this position")
    expect(head.get_by_role("main")).to_contain_text("Your position is recorded.")

    proposer.reload()
    expect(proposer.get_by_role("main")).to_contain_text("Head A")
    confirm(proposer, "Close the proposal now", "Close the proposal")
    expect(proposer.get_by_role("main")).to_contain_text("The proposal is closed. Result: Adopted.")
    proposer.get_by_role("link", name="Record the outcome").click()
    proposer.get_by_label("What was decided").fill("We apply for the eSafety Label in May.")
    proposer.get_by_role("checkbox", name="Head A").check()
    proposer.get_by_label("Review date").fill((timezone.localdate() + timedelta(days=90)).isoformat())
    submit(proposer, "Record the outcome")
    expect(proposer.get_by_role("main")).to_contain_text("The outcome is recorded in the decision log.")

    head.goto(reverse("leadership:decisions", args=[school.pk]) + "?filter=decided")
    entry = head.locator(".decision-log li").filter(has_text="Apply for the eSafety Label")
    expect(entry).to_contain_text("We apply for the eSafety Label in May.")
    expect(entry).to_contain_text("Adopted")
    proposal.refresh_from_db()
    assert proposal.result == Result.PASSED


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_team_decisions_proposal_and_inbox_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Callable[..., None], language: str
) -> None:
    school, head = world.school_a, world.people["head_a"]
    ResponsibilityFactory(school=school, owner=world.people["team_a"], kind="esafety")
    opened = open_proposal(school, world.people["team_a"], title="Open proposal")
    decided = closed_proposal(school, world.people["team_a"], title="Decided proposal")
    services.record_outcome(
        proposal=decided,
        statement="Done",
        responsible=[head],
        review_on=timezone.localdate(),
        by=head,
    )
    page = new_page(user=head, language=language)
    for url in (
        reverse("leadership:team", args=[school.pk]),
        reverse("leadership:new_responsibility", args=[school.pk]),
        reverse("leadership:decisions", args=[school.pk]),
        reverse("leadership:new_proposal", args=[school.pk]),
        reverse("leadership:proposal", args=[opened.pk]),
        reverse("leadership:proposal", args=[decided.pk]),
        reverse("leadership:record_outcome", args=[decided.pk]),
        reverse("notifications:inbox"),
    ):
        response = page.goto(url)
        assert response is not None and response.ok, url
        assert_accessible(page, f"{url} in {language}")
    # A form sent back with errors, too.
    page.goto(reverse("leadership:new_proposal", args=[school.pk]))
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    assert_accessible(page, f"proposal form with errors in {language}")
