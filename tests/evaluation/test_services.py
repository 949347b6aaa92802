from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import factories as base
from tests.applications.factories import fill
from tests.conftest import World
from tests.evaluation.factories import evaluator, review, submitted
from twinschools.applications import services as applications
from twinschools.applications.models import Status
from twinschools.core.models import AuditEvent
from twinschools.evaluation import queries, services
from twinschools.evaluation.models import Assignment, AssignmentKind, LabelAward, Outcome
from twinschools.evaluation.stages import Stage
from twinschools.mentoring.models import Pairing
from twinschools.network.models import SchoolLabel


@pytest.fixture
def app(world: World):
    return submitted(world.school_a, world.people["head_a"], first_year=timezone.localdate().year)


@pytest.fixture
def two(world: World, app):
    ro = world.school_a.country
    ana, bogdan = (
        evaluator(ro, "ana@eval.ro", "Ana Evaluator"),
        evaluator(ro, "bogdan@eval.ro", "Bogdan Evaluator"),
    )
    for person in (ana, bogdan):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
    return ana, bogdan


def stage(app) -> Stage:
    return services.load_progress(app).stage


def test_a_member_of_the_school_cannot_be_assigned(world: World, app) -> None:
    teacher = world.people["teacher_a"]
    base.CountryRoleFactory(user=teacher, country=world.school_a.country, role="evaluator")
    with pytest.raises(ValidationError, match="is a member of this school"):
        services.assign(application=app, evaluator=teacher, by=world.people["nso_x"])


def test_an_evaluator_whose_school_mentors_the_applicant_is_refused(world: World, app) -> None:
    from tests.mentoring.factories import pairing_of

    mentor = world.people["teacher_b"]
    base.CountryRoleFactory(user=mentor, country=world.school_a.country, role="evaluator")
    pairing_of(world.school_b, world.school_a, status="accepted")
    assert Pairing.objects.filter(mentor=world.school_b, mentee=world.school_a).exists()
    with pytest.raises(ValidationError, match="mentors this school"):
        services.assign(application=app, evaluator=mentor, by=world.people["nso_x"])


def test_an_evaluator_of_another_country_or_assigned_twice_is_refused(world: World, app) -> None:
    with pytest.raises(ValidationError, match="not an evaluator of this school's country"):
        services.assign(application=app, evaluator=world.people["evaluator_y"], by=world.people["nso_x"])
    services.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])
    with pytest.raises(ValidationError, match="already assigned"):
        services.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])


def test_an_evaluator_must_declare_no_conflict_before_reviewing(world: World, app, two) -> None:
    ana, _bogdan = two
    assignment = Assignment.objects.get(evaluator=ana)
    with pytest.raises(ValidationError, match="no conflict of interest"):
        services.save_review(assignment=assignment, by=ana, given={}, private_notes="", submit=False)


def test_declining_asks_for_a_reason_and_sends_the_application_back_to_assignment(
    world: World, app, two
) -> None:
    ana, _bogdan = two
    assignment = Assignment.objects.get(evaluator=ana)
    with pytest.raises(ValidationError, match="Say why"):
        services.declare(assignment=assignment, by=ana, no_conflict=False)
    services.declare(assignment=assignment, by=ana, no_conflict=False, reason="I taught there last year.")
    assert stage(app) == Stage.TO_ASSIGN
    assert AuditEvent.objects.filter(
        action="evaluation.application.declined", data__from="in_review", data__to="to_assign"
    ).exists()


def test_evaluators_score_independently_until_both_have_submitted(world: World, app, two) -> None:
    ana, bogdan = two
    review(app, ana, 4, 4, 4, notes="Ana's private thought.")
    page = Client()
    page.force_login(bogdan)
    assignment = Assignment.objects.get(evaluator=bogdan)
    services.declare(assignment=assignment, by=bogdan, no_conflict=True)
    body = page.get(reverse("evaluation:review", args=[assignment.pk])).content.decode()
    assert "Ana's private thought." not in body and "Clear evidence. (esafety)" not in body
    review(app, bogdan, 4, 3, 4)
    body = page.get(reverse("evaluation:review", args=[assignment.pk])).content.decode()
    assert "Clear evidence. (esafety)" in body


def test_submitting_needs_every_criterion_and_is_final(world: World, app, two) -> None:
    ana, _bogdan = two
    assignment = Assignment.objects.get(evaluator=ana)
    services.declare(assignment=assignment, by=ana, no_conflict=True)
    with pytest.raises(ValidationError, match="Choose a level"):
        services.save_review(assignment=assignment, by=ana, given={}, private_notes="", submit=True)
    review(app, ana, 5, None, 3)
    with pytest.raises(ValidationError, match="ask the NSO to reopen"):
        review(app, ana, 1, 1, 1)
    submitted_review = assignment.reviews.get()
    assert submitted_review.total == 80.0  # (5 + 3) of 10, n/a left out
    services.reopen_review(review=submitted_review, by=world.people["nso_x"])
    review(app, ana, 1, 1, 1)


def test_agreeing_reviews_make_the_application_ready_without_a_third(world: World, app, two) -> None:
    ana, bogdan = two
    review(app, ana, 4, 4, 4)
    review(app, bogdan, 4, 3, 4)
    assert stage(app) == Stage.READY
    assert Assignment.objects.filter(kind=AssignmentKind.SECOND_OPINION).count() == 0


def test_disagreement_assigns_the_least_loaded_conflict_free_evaluator_automatically(
    world: World, app, two
) -> None:
    ana, bogdan = two
    busy = evaluator(world.school_a.country, "busy@eval.ro", "Busy")
    free = evaluator(world.school_a.country, "free@eval.ro", "Free")
    other = submitted(world.school_b, base.MembershipFactory(school=world.school_b, role="head").user)
    services.assign(application=other, evaluator=busy, by=world.people["nso_x"])
    review(app, ana, 5, 5, 5)
    review(app, bogdan, 1, 1, 2)
    third = Assignment.objects.get(evaluation__application=app, kind=AssignmentKind.SECOND_OPINION)
    assert third.evaluator in (free, world.people["evaluator_x"]) and third.assigned_by is None
    assert stage(app) == Stage.SECOND_OPINION
    review(app, third.evaluator, 3, 3, 3)
    assert stage(app) == Stage.MODERATION
    assert AuditEvent.objects.filter(
        action="evaluation.application.submitted_review", data__to="moderation"
    ).exists()


def test_when_no_evaluator_is_free_the_nso_is_told(world: World, app) -> None:
    from twinschools.accounts.models import CountryRole
    from twinschools.notifications.models import Notification

    CountryRole.objects.filter(user=world.people["evaluator_x"]).delete()
    ro = world.school_a.country
    ana, bogdan = evaluator(ro, "ana@eval.ro"), evaluator(ro, "bogdan@eval.ro")
    for person in (ana, bogdan):
        services.assign(application=app, evaluator=person, by=world.people["nso_x"])
    review(app, ana, 5, 5, 5)
    review(app, bogdan, 0, 0, 0)
    progress = services.load_progress(app)
    assert progress.second_opinion_missing and progress.stage == Stage.MODERATION
    assert Notification.objects.filter(
        recipient=world.people["nso_x"], kind="evaluation.no_second_opinion"
    ).exists()


def _disagreeing(world: World, app, two):
    ana, bogdan = two
    review(app, ana, 5, 5, 5, notes="Secret of Ana.")
    review(app, bogdan, 1, 1, 1)
    third = Assignment.objects.get(evaluation__application=app, kind=AssignmentKind.SECOND_OPINION)
    review(app, third.evaluator, 4, 4, 4)
    return third


def test_moderation_then_award_creates_the_label_the_profile_and_directory_show(
    world: World, app, two
) -> None:
    _disagreeing(world, app, two)
    nso = world.people["nso_x"]
    with pytest.raises(ValidationError, match="not finished"):
        services.decide(application=app, outcome=Outcome.AWARDED, by=nso)
    services.moderate(
        application=app,
        given=services.agreed_scores(services.load_progress(app), services.criteria_of(app)),
        feedback="A strong application.",
        show_evaluator_names=False,
        by=nso,
    )
    services.decide(application=app, outcome=Outcome.AWARDED, by=nso)
    app.refresh_from_db()
    assert app.status == Status.AWARDED
    award = LabelAward.objects.get(application=app)
    year = timezone.localdate().year
    assert (award.first_year, award.last_year) == (year, year + 1)
    assert SchoolLabel.objects.filter(school=world.school_a, first_year=year, last_year=year + 1).exists()
    profile = Client().get(reverse("network:school", args=[world.school_a.pk])).content.decode()
    assert f"eTwinning School label {year}–{year + 1}" in profile
    directory = Client().get(reverse("network:directory"), {"label": "current"})
    assert world.school_a in list(directory.context["page"].object_list)
    assert AuditEvent.objects.filter(
        action="applications.application.decided", data__from="submitted", data__to="awarded"
    ).exists()


def test_an_award_below_the_pass_mark_is_refused_and_a_batch_decides_nothing(world: World, app, two) -> None:
    ana, bogdan = two
    review(app, ana, 1, 1, 1)
    review(app, bogdan, 1, 1, 1)
    good = submitted(
        world.school_b, base.MembershipFactory(school=world.school_b, role="head").user, round=app.round
    )
    for person in two:
        services.assign(application=good, evaluator=person, by=world.people["nso_x"])
        review(good, person, 5, 5, 5)
    with pytest.raises(ValidationError) as refused:
        services.decide_batch(applications=[good, app], outcome=Outcome.AWARDED, by=world.people["nso_x"])
    assert any("below the pass mark" in m for m in refused.value.messages)
    good.refresh_from_db()
    assert good.status == Status.SUBMITTED and not LabelAward.objects.exists()
    services.decide_batch(applications=[good, app], outcome=Outcome.NOT_AWARDED, by=world.people["nso_x"])
    assert {a.status for a in type(app).objects.filter(pk__in=[good.pk, app.pk])} == {Status.NOT_AWARDED}


def test_returned_then_resubmitted_is_evaluated_again_by_the_same_evaluators(world: World, app, two) -> None:
    ana, bogdan = two
    review(app, ana, 3, 3, 3)
    review(app, bogdan, 3, 3, 3)
    services.decide(
        application=app,
        outcome=Outcome.RETURNED,
        by=world.people["nso_x"],
        message="Add your eSafety policy.",
        until=timezone.now() + timedelta(days=14),
    )
    app.refresh_from_db()
    assert app.status == Status.RETURNED and stage(app) == Stage.RETURNED
    fill(app, world.people["head_a"], evidence=False)
    applications.sign_and_submit(application=app, by=world.people["head_a"], declaration=True)
    assert stage(app) == Stage.IN_REVIEW
    review(app, ana, 4, 4, 4)
    review(app, bogdan, 4, 4, 4)
    assert stage(app) == Stage.READY
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    assert LabelAward.objects.filter(application=app).exists()


def test_private_notes_never_reach_the_school_nor_the_public(world: World, app, two) -> None:
    third = _disagreeing(world, app, two)
    nso = world.people["nso_x"]
    services.moderate(
        application=app,
        given=services.agreed_scores(services.load_progress(app), services.criteria_of(app)),
        feedback="Well done.",
        show_evaluator_names=False,
        by=nso,
    )
    services.decide(application=app, outcome=Outcome.AWARDED, by=nso)
    head = Client()
    head.force_login(world.people["head_a"])
    page = head.get(reverse("evaluation:result", args=[app.pk])).content.decode()
    assert "Well done." in page and "Clear evidence. (esafety)" in page
    assert "Secret of Ana." not in page
    assert "Ana Evaluator" not in page and third.evaluator.email not in page
    for url in (
        reverse("network:school", args=[world.school_a.pk]),
        reverse("evaluation:map"),
        reverse("evaluation:rubric", args=[app.round_id]),
    ):
        assert "Secret of Ana." not in Client().get(url).content.decode()


def test_revoking_the_award_removes_the_public_label_and_keeps_the_history(world: World, app, two) -> None:
    ana, bogdan = two
    review(app, ana, 5, 5, 5)
    review(app, bogdan, 5, 5, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    award = LabelAward.objects.get()
    services.withdraw_label(award=award, reason="The school closed.", by=world.people["nso_x"])
    award.refresh_from_db()
    assert award.revoked_at is not None and not SchoolLabel.objects.filter(school=world.school_a).exists()


def test_the_map_groups_current_label_schools_into_cells(world: World) -> None:
    year = timezone.localdate().year
    for lat, lon in ((46.57, 23.78), (46.77, 23.6), (41.6, 0.6)):
        school = base.SchoolFactory(country=world.school_a.country, latitude=lat, longitude=lon)
        SchoolLabel.objects.create(school=school, first_year=year, last_year=year + 1)
    cells = queries.map_cells()
    assert sorted(c.count for c in cells) == [1, 2]
    assert Client().get(reverse("evaluation:map"), {"country": "RO"}).status_code == 200


def test_the_2023_rubric_ships_six_descriptors_per_criterion_in_three_languages(db: None) -> None:
    from twinschools.evaluation.models import Criterion

    criteria = list(Criterion.objects.filter(rubric__form_version__code="2023"))
    assert len(criteria) == 7
    for criterion in criteria:
        assert len(criterion.levels) == 6
        assert all(level["en"] and level["ro"] and level["ca"] for level in criterion.levels)


def test_an_award_issues_the_signed_credential_and_revoking_the_award_revokes_it(
    world: World, app, two
) -> None:
    from twinschools.credentials import verification
    from twinschools.credentials.models import IssuedCredential

    ana, bogdan = two
    review(app, ana, 5, 5, 5)
    review(app, bogdan, 5, 5, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=world.people["nso_x"])
    award = LabelAward.objects.get()
    credential = IssuedCredential.objects.get(source_label=services.award_source(award))
    year = award.first_year
    assert (credential.school, credential.country) == (world.school_a, world.school_a.country)
    assert (credential.valid_from.isoformat(), credential.valid_until.isoformat()) == (
        f"{year}-01-01",
        f"{award.last_year}-12-31",
    )
    assert credential.signed_json["issuer"]["id"].endswith(
        f":credentials:issuers:{world.school_a.country.code.lower()}"
    )  # the NSO's did:web
    result = Client().get(reverse("evaluation:result", args=[app.pk]))
    assert result.status_code in (302, 404)  # the school's page is not public

    services.withdraw_label(award=award, reason="The school closed.", by=world.people["nso_x"])
    credential.refresh_from_db()
    assert credential.revoked_at is not None and credential.revocation_reason == "The school closed."
    assert verification.verify(credential.signed_json).status == verification.REVOKED


def test_an_assigned_evaluator_opens_the_evidence_files_and_other_evaluators_do_not(
    world: World, two
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.applications.factories import application_of
    from tests.clients import signed_in

    head = world.people["head_a"]
    draft = application_of(world.school_a, head)
    fill(draft, head)
    esafety = draft.round.form_version.sections.get(kind="esafety")
    policy = SimpleUploadedFile("policy.pdf", b"%PDF-1.4 our policy", content_type="application/pdf")
    evidence = applications.add_evidence(application=draft, section_id=esafety.pk, by=head, upload=policy)
    applications.sign_and_submit(application=draft, by=head, declaration=True)
    ana, bogdan = two  # assigned to another application of the same country
    services.assign(application=draft, evaluator=ana, by=world.people["nso_x"])
    url = reverse("applications:evidence_file", args=[evidence.pk])

    assert signed_in(ana).get(url).status_code == 200
    assert signed_in(bogdan).get(url).status_code == 404
    assert signed_in(world.people["evaluator_y"]).get(url).status_code == 404
    snapshot = draft.submissions.latest("pk").snapshot
    assert any(
        item.get("evidence") == evidence.pk
        for section in snapshot["sections"]
        for item in section["evidence"]
    )
