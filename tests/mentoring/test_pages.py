import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.factories import country
from tests.mentoring.factories import (
    MentoringRequestFactory,
    MentorOfferFactory,
    PlacedSchoolFactory,
    pairing_of,
)
from twinschools.core.models import Job
from twinschools.mentoring.models import Meeting, MentorOffer, Pairing, PairingStatus
from twinschools.network.models import Language, Level

pytestmark = pytest.mark.django_db


def test_staff_offer_mentoring_from_the_workspace(world: World) -> None:
    ro = Language.objects.get_or_create(code="ro")[0]
    primary = Level.objects.get(code="primary")
    client = signed_in(world.people["teacher_a"])
    url = reverse("mentoring:school_mentoring", args=[world.school_a.pk])
    data = {
        "offer-capacity": 3,
        "offer-languages": [ro.pk],
        "offer-levels": [primary.pk],
        "offer-topics": ["esafety"],
    }
    assert client.post(url, data).status_code == 302
    offer = MentorOffer.objects.get(school=world.school_a)
    assert offer.capacity == 3 and offer.topics == ["esafety"] and not offer.active


def test_a_bad_offer_comes_back_filled_with_the_error_in_romanian(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    client.cookies["django_language"] = "ro"
    url = reverse("mentoring:school_mentoring", args=[world.school_a.pk])
    response = client.post(
        url, {"offer-capacity": 99, "offer-topics": ["inclusion"]}, HTTP_ACCEPT_LANGUAGE="ro"
    )
    assert response.status_code == 400
    assert 'value="99"' in response.content.decode()
    assert response.context["offer_form"].data["offer-topics"] == "inclusion"
    assert "mai mică sau egală cu 20" in response.context["offer_form"].errors["capacity"][0]
    assert not MentorOffer.objects.exists()


def test_national_staff_read_the_workspace_page_but_cannot_write(world: World) -> None:
    client = signed_in(world.people["nso_x"])
    url = reverse("mentoring:school_mentoring", args=[world.school_a.pk])
    assert "Save the offer" not in client.get(url).content.decode()
    assert client.post(url, {"offer-capacity": 2}).status_code == 403


def test_the_nso_runs_the_matching_and_sees_the_pairs_with_their_reasons_and_greedys_cost(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    MentorOfferFactory(school=PlacedSchoolFactory(name="Mentor School"))
    MentoringRequestFactory(school=PlacedSchoolFactory(name="New School"))
    client = signed_in(world.people["nso_x"])
    country = world.school_a.country
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mentoring:nso_matching"), {"country": country.pk})
    job = Job.objects.get(kind="mentoring.matching")
    assert response.url == reverse("core:job", args=[job.pk])  # the matching ran in the background
    assert (job.status, job.result["pairs"], job.country) == (Job.Status.DONE, 1, country)
    assert "The matching ran: 1 pair was proposed." in client.get(response.url).content.decode()
    page = client.get(reverse("mentoring:nso_matching")).content.decode()
    assert "Mentor School" in page and "New School" in page
    assert "km apart." in page and "first-come matching" in page


def test_the_nso_cannot_run_the_matching_for_another_country(world: World) -> None:
    spain = country("ES")
    response = signed_in(world.people["nso_x"]).post(reverse("mentoring:nso_matching"), {"country": spain.pk})
    assert response.status_code == 400


def test_the_nso_accepts_a_pair_and_the_pair_logs_a_meeting(world: World) -> None:
    pair = pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country))
    url = reverse("mentoring:pair_detail", args=[pair.pk])
    assert signed_in(world.people["nso_x"]).post(url, {"action": "accept"}).status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairingStatus.ACCEPTED and pair.decided_by == world.people["nso_x"]
    client = signed_in(world.people["teacher_a"])
    today = timezone.localdate()
    assert (
        client.post(url, {"action": "meeting", "on": today.isoformat(), "notes": "First call"}).status_code
        == 302
    )
    assert Meeting.objects.get().notes == "First call"


def test_a_meeting_in_the_future_is_refused_and_the_notes_stay(world: World) -> None:
    pair = pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country), status="accepted")
    url = reverse("mentoring:pair_detail", args=[pair.pk])
    later = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = signed_in(world.people["teacher_a"]).post(
        url, {"action": "meeting", "on": later, "notes": "Plan"}
    )
    assert response.status_code == 400
    assert "Plan" in response.content.decode()
    assert not Meeting.objects.exists()


def test_national_staff_cannot_log_meetings_for_a_pair(world: World) -> None:
    pair = pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country), status="accepted")
    url = reverse("mentoring:pair_detail", args=[pair.pk])
    today = timezone.localdate().isoformat()
    assert signed_in(world.people["nso_x"]).post(url, {"action": "meeting", "on": today}).status_code == 403


def test_both_schools_give_feedback_and_the_pair_closes(world: World) -> None:
    pair = pairing_of(world.school_a, world.school_b, status="accepted")
    url = reverse("mentoring:pair_detail", args=[pair.pk])
    signed_in(world.people["teacher_a"]).post(url, {"action": "feedback", "feedback": "Good mentees."})
    signed_in(world.people["teacher_b"]).post(url, {"action": "feedback", "feedback": "We learnt a lot."})
    pair.refresh_from_db()
    assert pair.status == PairingStatus.CLOSED
    assert (pair.mentor_feedback, pair.mentee_feedback) == ("Good mentees.", "We learnt a lot.")


def _pairs(world: World, how_many: int) -> None:
    for _ in range(how_many):
        pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country))


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_school_page_costs_the_same_queries_for_one_pair_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    _pairs(world, how_many)
    client = signed_in(world.people["teacher_a"])
    url = reverse("mentoring:school_mentoring", args=[world.school_a.pk])
    with django_assert_num_queries(14):  # type: ignore[operator]
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_nso_page_costs_the_same_queries_for_one_pair_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    pairs = [pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country))]
    run = pairs[0].run
    for _ in range(how_many - 1):
        extra = pairing_of(world.school_a, PlacedSchoolFactory(country=world.school_a.country))
        Pairing.objects.filter(pk=extra.pk).update(run=run)
    client = signed_in(world.people["nso_x"])
    with django_assert_num_queries(11):  # type: ignore[operator]
        assert client.get(reverse("mentoring:nso_matching")).status_code == 200
