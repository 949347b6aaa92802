"""The label pages: admins configure, schools see their reasons, the NSO handles disputes."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.labels.helpers import TODAY, eligible_school, result, round_named
from twinschools.core.models import Job
from twinschools.labels import reasons, services
from twinschools.labels.models import EligibilityException, ReviewRequest, ReviewStatus, Round, RoundStatus

pytestmark = pytest.mark.django_db

FORM = {
    "name": "2027-2028",
    "opens_at": "2027-02-10T10:00",
    "closes_at": "2027-03-10T23:59",
    "registered_by": "2025-02-10",
    "active_since": "2025-02-10",
    "min_active_teachers": "3",
    "activity_kinds": ["project", "group", "pd"],
    "nql_from": "2024-09-01",
    "nql_to": "2027-02-09",
    "nql_at_this_school": "on",
    "nql_european_project": "on",
    "label_first_year": "2027",
    "label_last_year": "2028",
}


def _form(**changes: object) -> dict[str, object]:
    from twinschools.labels.models import FormVersion

    return {**FORM, "form_version": FormVersion.objects.get(code="2023").pk, **changes}


def test_the_admin_configures_a_round_in_the_browser_form(world: World) -> None:
    response = signed_in(world.people["admin"]).post(reverse("labels:round_create"), _form())
    created = Round.objects.get(name="2027-2028")
    assert response.status_code == 302
    assert created.min_active_teachers == 3 and created.status == RoundStatus.DRAFT
    assert created.activity_kinds == ["project", "group", "pd"]


def test_a_window_closing_before_it_opens_shows_the_error_on_its_field(world: World) -> None:
    response = signed_in(world.people["admin"]).post(
        reverse("labels:round_create"), _form(closes_at="2027-01-01T10:00")
    )
    assert response.status_code == 400
    assert "The application window must close after it opens." in response.content.decode()
    assert 'id="id_closes_at_error"' in response.content.decode()
    assert not Round.objects.filter(name="2027-2028").exists()


@pytest.mark.parametrize(
    "changes",
    [{"name": "next year"}, {"activity_kinds": []}, {"min_active_teachers": "0"}, {"nql_from": "soon"}],
)
def test_bad_input_is_refused_with_a_400(world: World, changes: dict[str, object]) -> None:
    response = signed_in(world.people["admin"]).post(reverse("labels:round_create"), _form(**changes))
    assert response.status_code == 400


def test_running_the_check_from_the_round_page_opens_its_job_which_ends_with_the_counts(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    eligible_school()
    round = round_named("2026-2027")
    client = signed_in(world.people["admin"])
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(reverse("labels:round_action", args=[round.pk]), {"action": "run"})
    job = Job.objects.get(kind="labels.eligibility")
    assert response.status_code == 302 and response.url == reverse("core:job", args=[job.pk])
    assert job.status == Job.Status.DONE
    totals = services.counts(round)
    assert job.result == {"round_id": round.pk, "checked": totals.checked, "eligible": totals.eligible}
    assert totals.eligible >= 1 and round.eligibilities.exists()
    result = client.get(response.url).content.decode()
    assert "The eligibility check has finished." in result and "Eligible schools" in result
    page = client.get(reverse("labels:round_edit", args=[round.pk])).content.decode()
    assert "Schools checked" in page and "Eligible schools" in page


def test_duplicate_and_publish_from_the_round_page(world: World) -> None:
    client = signed_in(world.people["admin"])
    client.post(reverse("labels:round_action", args=[round_named("2026-2027").pk]), {"action": "duplicate"})
    copy = Round.objects.get(name="2027-2028")
    client.post(reverse("labels:round_action", args=[copy.pk]), {"action": "publish"})
    copy.refresh_from_db()
    assert copy.is_published
    assert "2027-2028" in client.get(reverse("labels:public_round", args=[copy.pk])).content.decode()


def test_the_public_reads_the_rules_in_plain_words() -> None:
    round = round_named("2026-2027")
    page = (
        signed_in(factories.UserFactory())
        .get(reverse("labels:public_round", args=[round.pk]))
        .content.decode()
    )
    assert "registered in eTwinning on or before 12 February 2024" in page
    assert "while working at the school" in page


def test_the_form_version_page_lists_sections_and_statements(world: World) -> None:
    from twinschools.labels.models import FormVersion

    version = FormVersion.objects.get(code="2023")
    page = (
        signed_in(world.people["admin"])
        .get(reverse("labels:form_version", args=[version.pk]))
        .content.decode()
    )
    assert "eSafety policy" in page and "Students as agents of change" in page


def _school_page(world: World, role: str) -> str:
    return (
        signed_in(world.people[role]).get(reverse("labels:school", args=[world.school_a.pk])).content.decode()
    )


def test_a_school_left_out_sees_which_rule_failed_and_can_ask_for_a_review(world: World) -> None:
    services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    page = _school_page(world, "head_a")
    assert "Your school is not eligible for this round." in page
    assert "0 of 3 active teachers needed since 12 February 2024." in page
    assert "Ask my NSO for a review" in page
    assert "Ask my NSO for a review" not in _school_page(world, "nso_x")


def test_the_review_form_requires_a_message(world: World) -> None:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    client = signed_in(world.people["head_a"])
    url = reverse("labels:school", args=[world.school_a.pk])
    response = client.post(url, {"round": round.pk, f"round-{round.pk}-message": ""})
    assert response.status_code == 400
    assert "Tell your NSO why you think the result is wrong." in response.content.decode()
    response = client.post(url, {"round": round.pk, f"round-{round.pk}-message": "Our NQL came late."})
    assert response.status_code == 302
    assert ReviewRequest.objects.get(school=world.school_a).message == "Our NQL came late."


def test_the_nso_grants_an_exception_with_a_reason_and_it_is_logged(world: World) -> None:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    review = services.ask_for_review(
        actor=world.people["head_a"], round=round, school=world.school_a, message="x"
    )
    client = signed_in(world.people["nso_x"])
    url = reverse("labels:review_answer", args=[review.pk])
    client.post(url, {"action": "grant", f"review-{review.pk}-reason": ""})
    assert not EligibilityException.objects.exists()
    client.post(url, {"action": "grant", f"review-{review.pk}-reason": "Teacher on maternity leave"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.GRANTED
    page = client.get(reverse("labels:nso", args=["ro"])).content.decode()
    assert "Teacher on maternity leave" in page
    assert "Your NSO granted an exception: Teacher on maternity leave" in _school_page(world, "head_a")


def test_the_nso_of_another_country_cannot_answer(world: World) -> None:
    round = round_named("2026-2027")
    review = services.ask_for_review(
        actor=world.people["head_a"], round=round, school=world.school_a, message="x"
    )
    response = signed_in(world.people["nso_y"]).post(
        reverse("labels:review_answer", args=[review.pk]),
        {"action": "grant", f"review-{review.pk}-reason": "Why not"},
    )
    assert response.status_code == 404
    assert not EligibilityException.objects.exists()


def test_school_b_never_sees_school_a_review_requests(world: World) -> None:
    round = round_named("2026-2027")
    services.ask_for_review(
        actor=world.people["head_a"], round=round, school=world.school_a, message="Secret words"
    )
    response = signed_in(world.people["teacher_b"]).get(reverse("labels:school", args=[world.school_b.pk]))
    assert "Secret words" not in response.content.decode()


def test_the_nso_filters_its_schools_by_result(world: World) -> None:
    setup = eligible_school()
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    client = signed_in(world.people["nso_x"])
    url = reverse("labels:nso", args=["ro"])
    eligible_page = client.get(url, {"round": round.pk, "result": "eligible"}).content.decode()
    assert setup.school.name in eligible_page and world.school_a.name not in eligible_page
    assert world.school_a.name in client.get(url, {"result": "not-eligible"}).content.decode()


@pytest.mark.parametrize(("language", "expected"), [("ro", "Înregistrată din"), ("ca", "Registrada des del")])
def test_reasons_read_in_the_reader_language(language: str, expected: str) -> None:
    setup = eligible_school(teachers=2)
    item = result(services_run(), setup.school)
    with translation.override(language):
        sentences = [reason.sentence for reason in reasons.render(item)]
    assert sentences[0].startswith(expected)
    assert "2019" in sentences[0]


def services_run() -> Round:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    return round


def _many_results(world: World, how_many: int) -> Round:
    round = round_named("2026-2027")
    factories.SchoolFactory.create_batch(how_many, country=world.school_a.country)
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    for eligibility in round.eligibilities.all()[:how_many]:
        ReviewRequest.objects.create(
            round=round, school=eligibility.school, requested_by=world.people["head_a"], message="Please"
        )
        EligibilityException.objects.create(
            round=round, school=eligibility.school, granted_by=world.people["nso_x"], reason="Late NQL"
        )
    return round


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_nso_page_costs_the_same_queries_for_one_school_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    _many_results(world, how_many)
    client = signed_in(world.people["nso_x"])
    with django_assert_num_queries(QUERIES_NSO):  # type: ignore[operator]
        assert client.get(reverse("labels:nso", args=["ro"])).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_rounds_list_costs_the_same_queries_for_one_round_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for _ in range(how_many):
        services.duplicate_round(
            actor=world.people["admin"], round=Round.objects.order_by("-label_first_year")[0]
        )
    client = signed_in(world.people["admin"])
    with django_assert_num_queries(QUERIES_ROUNDS):  # type: ignore[operator]
        assert client.get(reverse("labels:admin_rounds")).status_code == 200


@pytest.mark.parametrize("how_many", [1, 12])
def test_the_school_page_costs_the_same_queries_for_one_round_or_many(
    world: World, how_many: int, django_assert_num_queries: object
) -> None:
    for _ in range(how_many):
        copy = services.duplicate_round(
            actor=world.people["admin"], round=Round.objects.order_by("-label_first_year")[0]
        )
        Round.objects.filter(pk=copy.pk).update(status=RoundStatus.PUBLISHED)
    services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    client = signed_in(world.people["head_a"])
    with django_assert_num_queries(QUERIES_SCHOOL):  # type: ignore[operator]
        assert client.get(reverse("labels:school", args=[world.school_a.pk])).status_code == 200


QUERIES_NSO = 14
QUERIES_ROUNDS = 4
QUERIES_SCHOOL = 9


def test_an_invited_school_sees_its_invitation_and_the_page_is_in_its_workspace_navigation(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    setup = eligible_school()
    head = factories.UserFactory(email="head.eligible@example.org")
    factories.MembershipFactory(user=head, school=setup.school, role="head")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    page = signed_in(head).get(reverse("labels:school", args=[setup.school.pk])).content.decode()
    assert "Your school is eligible for this round." in page
    assert "The head and the teachers were invited on" in page
    assert "Ask my NSO for a review" not in page
    assert f'href="{reverse("labels:school", args=[setup.school.pk])}"' in page  # the workspace navigation


def test_the_worker_runs_the_check_as_a_job_and_records_who_asked(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    eligible_school()
    with django_capture_on_commit_callbacks() as callbacks:  # type: ignore[operator]
        job = services.request_eligibility_run(actor=world.people["admin"], round=round_named("2026-2027"))
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED

    for callback in callbacks:
        callback()  # core.tasks.run_job, as the worker takes it

    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result["eligible"] >= 1
    assert round_named("2026-2027").eligibility_run_by == world.people["admin"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ro", "este încă valabilă în 2026"), ("ca", "encara és vàlid el 2026")],
)
def test_an_already_labelled_school_reads_why_in_its_language(language: str, expected: str) -> None:
    setup = eligible_school()
    factories.SchoolLabelFactory(school=setup.school, first_year=2025, last_year=2026)
    item = result(services_run(), setup.school)
    with translation.override(language):
        failed = reasons.failed(item)
    assert [reason.rule for reason in failed] == ["not_labelled"]
    assert expected in failed[0].sentence


def test_nso_staff_find_their_country_page_from_the_rounds_page(world: World) -> None:
    page = signed_in(world.people["nso_x"]).get(reverse("labels:public_rounds")).content.decode()
    assert reverse("labels:nso", args=["ro"]) in page
    assert reverse("labels:nso", args=["es"]) not in page
    assert reverse("labels:admin_rounds") not in page


@pytest.mark.parametrize(
    ("query", "status"),
    [("?round=abc", 404), ("?round=999999", 404), ("?region=999999&result=nonsense", 200), ("?page=-3", 200)],
)
def test_bad_filters_on_the_nso_page_are_refused_or_ignored(world: World, query: str, status: int) -> None:
    services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    response = signed_in(world.people["nso_x"]).get(reverse("labels:nso", args=["ro"]) + query)
    assert response.status_code == status


def test_an_eligible_school_not_yet_invited_is_told_so(world: World) -> None:
    setup = eligible_school()
    head = factories.UserFactory(email="head.waiting@example.org")
    factories.MembershipFactory(user=head, school=setup.school, role="head")
    services.run_eligibility(
        round=round_named("2026-2027"), run_by=None, today=TODAY
    )  # no commit: no job yet
    page = signed_in(head).get(reverse("labels:school", args=[setup.school.pk])).content.decode()
    assert "The invitations to the head and the teachers have not gone out yet" in page


def test_the_nso_grants_an_exception_from_the_schools_page_without_being_asked(world: World) -> None:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    client = signed_in(world.people["nso_x"])
    page = client.get(reverse("labels:school", args=[world.school_a.pk])).content.decode()
    assert "Grant an exception to" in page
    url = reverse("labels:grant_exception", args=[world.school_a.pk])
    client.post(url, {"round": round.pk, "exception-reason": ""})
    assert not EligibilityException.objects.exists()
    client.post(url, {"round": round.pk, "exception-reason": "The registry lost two of its teachers"})
    exception = EligibilityException.objects.get(school=world.school_a, round=round)
    assert exception.granted_by == world.people["nso_x"]
    assert "Your NSO granted an exception: The registry lost two of its teachers" in _school_page(
        world, "head_a"
    )
    # nobody else may: the head of the school, nor the NSO of another country
    assert signed_in(world.people["head_a"]).post(url, {"round": round.pk}).status_code == 404
    assert signed_in(world.people["nso_y"]).post(url, {"round": round.pk}).status_code == 404


def test_a_round_with_contradictory_dates_shows_each_error_on_its_field(world: World) -> None:
    client = signed_in(world.people["admin"])
    response = client.post(
        reverse("labels:round_create"),
        _form(name="2030-2029", registered_by="2027-06-01", label_first_year="2000", label_last_year="2100"),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["name"] == [
        "The second year of the name must follow the first, for example 2027-2028."
    ]
    assert "registered_by" in form.errors
    assert not Round.objects.filter(name="2030-2029").exists()


def test_the_admin_deletes_a_draft_round_from_its_page(world: World) -> None:
    client = signed_in(world.people["admin"])
    client.post(reverse("labels:round_create"), _form())
    draft = Round.objects.get(name="2027-2028")
    assert "Delete the draft" in client.get(reverse("labels:round_edit", args=[draft.pk])).content.decode()
    response = client.post(reverse("labels:round_action", args=[draft.pk]), {"action": "delete"}, follow=True)
    assert "The draft round 2027-2028 was deleted." in response.content.decode()
    assert not Round.objects.filter(pk=draft.pk).exists()


def test_a_published_round_offers_no_deletion_and_refuses_one(world: World) -> None:
    client = signed_in(world.people["admin"])
    published = round_named("2026-2027")
    assert (
        "Delete the draft"
        not in client.get(reverse("labels:round_edit", args=[published.pk])).content.decode()
    )
    response = client.post(
        reverse("labels:round_action", args=[published.pk]), {"action": "delete"}, follow=True
    )
    assert "A published round cannot be deleted" in response.content.decode()
    assert Round.objects.filter(pk=published.pk).exists()
