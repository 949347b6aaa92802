"""NSO X runs the matching, accepts a proposed pair, and the mentor school logs a meeting."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.mentoring.factories import MentoringRequestFactory, MentorOfferFactory, PlacedSchoolFactory
from twinschools.mentoring.models import Meeting, Pairing, PairingStatus

pytestmark = pytest.mark.browser


def test_a_match_proposed_by_the_nso_is_accepted_and_the_mentor_logs_a_meeting(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    world.school_a.latitude, world.school_a.longitude = 46.57, 23.78
    world.school_a.save()
    MentorOfferFactory(school=world.school_a)
    MentoringRequestFactory(school=PlacedSchoolFactory(name="Școala Nouă", country=world.school_a.country))

    nso = new_page(user=world.people["nso_x"])
    nso.goto(reverse("mentoring:nso_matching"))
    with nso.expect_navigation():
        nso.get_by_role("button", name="Run the matching").click()
    # It runs as a background job; its page ends with the count and a link back to the pairs.
    expect(nso.locator("#job-state").get_by_role("status")).to_contain_text(
        "The matching ran: 1 pair was proposed."
    )
    with nso.expect_navigation():
        nso.get_by_role("link", name="See the proposed pairs and their reasons").click()
    expect(nso.get_by_role("table", name="Proposed pairs")).to_contain_text("km apart.")
    assert_accessible(nso, "NSO matching")
    with nso.expect_navigation():
        nso.get_by_role("button", name="Accept the pair for Școala Nouă").click()
    expect(nso.get_by_role("status")).to_contain_text("Your decision about the pair was recorded.")
    pair = Pairing.objects.get()
    assert pair.status == PairingStatus.ACCEPTED

    teacher = new_page(user=world.people["teacher_a"])
    teacher.goto(reverse("mentoring:pair_detail", args=[pair.pk]))
    meetings = teacher.get_by_role("region", name="Meetings")
    meetings.get_by_label("Date").fill(timezone.localdate().isoformat())
    meetings.get_by_label("Notes").fill("We chose a first project together.")
    with teacher.expect_navigation():
        meetings.get_by_role("button", name="Log the meeting").click()
    expect(teacher.get_by_role("status")).to_contain_text("The meeting was logged.")
    expect(teacher.get_by_role("region", name="Meetings")).to_contain_text(
        "We chose a first project together."
    )
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_mentoring_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    from tests.mentoring.factories import pairing_of

    pair = pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country), status="accepted")
    teacher = new_page(user=world.people["teacher_a"], language=language)
    for url in (
        reverse("mentoring:school_mentoring", args=[world.school_a.pk]),
        reverse("mentoring:pair_detail", args=[pair.pk]),
    ):
        teacher.goto(url)
        assert_accessible(teacher, f"{url} ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("mentoring:nso_matching"))
    assert_accessible(nso, f"NSO matching ({language})")
