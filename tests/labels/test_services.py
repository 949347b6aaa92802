"""Writes about rounds: configuring, publishing, invitations, review requests and exceptions."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests import factories
from tests.conftest import World
from tests.labels.helpers import TODAY, eligible_school, result, round_named, teacher_at
from twinschools.accounts.models import Role
from twinschools.core.models import AuditEvent
from twinschools.labels import services
from twinschools.labels.models import Eligibility, ReviewRequest, ReviewStatus, Round, RoundStatus
from twinschools.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _values(**changes: object) -> dict[str, object]:
    values = services.next_year_values(round_named("2026-2027"))
    values.update(changes)
    return values


def test_the_three_real_rounds_ship_with_their_rules() -> None:
    rules = {
        round.name: (round.registered_by, round.active_since, round.nql_from, round.min_active_teachers)
        for round in Round.objects.all()
    }
    assert rules["2024-2025"] == (
        datetime.date(2021, 12, 31),
        datetime.date(2022, 1, 1),
        datetime.date(2021, 11, 1),
        3,
    )
    assert rules["2025-2026"] == (
        datetime.date(2023, 1, 9),
        datetime.date(2023, 1, 9),
        datetime.date(2022, 11, 9),
        3,
    )
    assert round_named("2025-2026").nql_to == datetime.date(2025, 1, 16)
    latest = round_named("2026-2027")
    assert latest.nql_at_this_school and latest.nql_european_project
    assert latest.closes_at == datetime.datetime(2026, 3, 10, 22, 59, tzinfo=datetime.UTC)
    assert sorted(latest.activity_kinds) == ["group", "pd", "project"]
    sections = latest.form_version.sections.all()
    assert next(section.kind for section in sections) == "esafety"
    assert all(2 <= section.statements.count() <= 4 for section in sections if section.kind != "esafety")


def test_an_admin_creates_a_draft_round_and_the_audit_log_says_so(world: World) -> None:
    created = services.save_round(actor=world.people["admin"], values=_values())
    assert created.name == "2027-2028" and created.status == RoundStatus.DRAFT
    assert AuditEvent.objects.filter(
        action="labels.round.created", target_type="labels.round", target_id=str(created.pk)
    ).exists()


def test_a_window_that_closes_before_it_opens_is_refused_on_its_field(world: World) -> None:
    values = _values()
    values["closes_at"] = values["opens_at"] - datetime.timedelta(days=1)  # type: ignore[operator]
    with pytest.raises(ValidationError) as refused:
        services.save_round(actor=world.people["admin"], values=values)
    assert "closes_at" in refused.value.error_dict


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("activity_kinds", []),
        ("activity_kinds", ["chess"]),
        ("min_active_teachers", 0),
        ("name", "2026-2027"),
    ],
)
def test_bad_rules_are_refused(world: World, field: str, value: object) -> None:
    with pytest.raises(ValidationError) as refused:
        services.save_round(actor=world.people["admin"], values=_values(**{field: value}))
    assert field in refused.value.error_dict


def test_duplicating_a_round_moves_every_date_one_year_on(world: World) -> None:
    copy = services.duplicate_round(actor=world.people["admin"], round=round_named("2026-2027"))
    assert copy.name == "2027-2028"
    assert copy.registered_by == datetime.date(2025, 2, 12)
    assert (copy.label_first_year, copy.label_last_year) == (2027, 2028)
    assert copy.status == RoundStatus.DRAFT


def test_an_eligible_school_is_invited_once_in_app_and_by_e_mail(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    round = round_named("2026-2027")
    setup = eligible_school()
    head = teacher_at(setup.school, role=Role.HEAD)
    head.language = "ro"
    head.save()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round, run_by=world.people["admin"], today=TODAY)
    invited = Notification.objects.filter(kind="labels.invited", school=setup.school)
    expected = sorted([head.pk, *(teacher.pk for teacher in setup.teachers)])
    assert sorted(invited.values_list("recipient_id", flat=True)) == expected
    assert len(mail.outbox) == 4
    assert result(round, setup.school).invited_at is not None
    romanian = next(message for message in mail.outbox if message.to == [head.email])
    assert "eligibilă" in romanian.subject
    english = next(message for message in mail.outbox if message.to == [setup.teachers[0].email])
    assert "is eligible for the eTwinning School label" in english.subject
    # The check runs again and the job is sent again: nobody hears twice.
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round, run_by=world.people["admin"], today=TODAY)
        services.send_invitations(round=round)
    assert invited.count() == 4 and len(mail.outbox) == 4


def test_the_bulk_invitation_keeps_each_persons_choice_of_a_digest(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    from twinschools.notifications.models import Delivery
    from twinschools.notifications.services import send_digests, set_preferences

    round = round_named("2026-2027")
    setup = eligible_school()
    head = teacher_at(setup.school, role=Role.HEAD)
    set_preferences(user=head, choices={"labels.invited": Delivery.WEEKLY})
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round, run_by=world.people["admin"], today=TODAY)
    assert head.email not in [address for message in mail.outbox for address in message.to]
    assert len(mail.outbox) == 3  # the teachers, at once
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert send_digests(period="weekly") == 1
    assert mail.outbox[-1].to == [head.email]


def test_only_eligible_schools_are_invited(world: World, django_capture_on_commit_callbacks: object) -> None:
    setup = eligible_school(teachers=2)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    assert not Notification.objects.filter(kind="labels.invited").exists()
    assert result(round_named("2026-2027"), setup.school).invited_at is None


def test_a_draft_round_invites_nobody_until_it_is_published(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    round = services.save_round(actor=world.people["admin"], values=_values())  # 2027-28, a draft
    setup = eligible_school(active_on=datetime.date(2025, 6, 1), nql_on=datetime.date(2025, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round, run_by=None, today=TODAY)
    assert result(round, setup.school).eligible
    assert not Notification.objects.filter(kind="labels.invited").exists()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.publish_round(actor=world.people["admin"], round=round)
    assert Notification.objects.filter(kind="labels.invited", school=setup.school).count() == 3


def test_a_teacher_who_left_is_not_invited(world: World, django_capture_on_commit_callbacks: object) -> None:
    setup = eligible_school()
    gone = teacher_at(setup.school, ended_on=datetime.date(2025, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    assert not Notification.objects.filter(kind="labels.invited", recipient=gone).exists()


def test_a_school_left_out_asks_for_a_review_and_the_nso_grants_an_exception(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    head = world.people["head_a"]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        review = services.ask_for_review(
            actor=head, round=round, school=world.school_a, message="Our NQL is missing."
        )
    assert Notification.objects.filter(kind="labels.review_asked", recipient=world.people["nso_x"]).exists()
    assert not Notification.objects.filter(
        kind="labels.review_asked", recipient=world.people["nso_y"]
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.grant_exception(
            actor=world.people["nso_x"],
            round=round,
            school=world.school_a,
            reason="NQL granted late",
            review=review,
        )
    review.refresh_from_db()
    assert review.status == ReviewStatus.GRANTED and review.answer == "NQL granted late"
    assert result(round, world.school_a).eligible
    assert Notification.objects.filter(kind="labels.invited", recipient=head).exists()
    assert AuditEvent.objects.filter(action="labels.exception.granted", school=world.school_a).exists()


def test_a_review_needs_a_message_and_only_one_may_be_open(world: World) -> None:
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    with pytest.raises(ValidationError):
        services.ask_for_review(
            actor=world.people["head_a"], round=round, school=world.school_a, message="  "
        )
    services.ask_for_review(
        actor=world.people["head_a"], round=round, school=world.school_a, message="Please"
    )
    with pytest.raises(ValidationError):
        services.ask_for_review(
            actor=world.people["teacher_a"], round=round, school=world.school_a, message="Again"
        )


def test_an_exception_and_a_refusal_need_a_reason(world: World) -> None:
    round = round_named("2026-2027")
    review = ReviewRequest.objects.create(
        round=round, school=world.school_a, requested_by=world.people["head_a"], message="Please"
    )
    with pytest.raises(ValidationError):
        services.grant_exception(actor=world.people["nso_x"], round=round, school=world.school_a, reason=" ")
    with pytest.raises(ValidationError):
        services.refuse_review(actor=world.people["nso_x"], review=review, reason="")
    services.refuse_review(actor=world.people["nso_x"], review=review, reason="The rules are met by nobody.")
    with pytest.raises(ValidationError):
        services.refuse_review(actor=world.people["nso_x"], review=review, reason="Twice")


def test_the_counts_report_checked_eligible_and_invited(world: World) -> None:
    eligible_school()
    factories.SchoolFactory()
    done = services.run_eligibility(round=round_named("2026-2027"), run_by=None, today=TODAY)
    assert (done.eligible, done.checked) == (1, round_named("2026-2027").eligibilities.count())


def test_the_demo_seeder_opens_next_year_round_and_invites_the_demo_school(world: World) -> None:
    from twinschools.labels.demo import seed_demo_round

    today = datetime.date.today()
    setup = eligible_school(
        active_on=today - datetime.timedelta(days=40), nql_on=today - datetime.timedelta(days=100)
    )
    head = teacher_at(setup.school, role=Role.HEAD)
    seed_demo_round(
        school=setup.school, people={"head": head, "teacher": setup.teachers[0]}, rng=None, today=today
    )
    round = Round.objects.get(label_first_year=today.year + 1)
    assert round.is_published and round.opens_at <= timezone_now() <= round.closes_at
    assert result(round, setup.school).invited_at is not None
    assert Notification.objects.filter(kind="labels.invited", recipient=head).exists()
    assert mail.outbox == []  # the demo's generated addresses get no e-mail


def timezone_now() -> datetime.datetime:
    from django.utils import timezone

    return timezone.now()


def test_a_round_whose_dates_contradict_each_other_is_refused_field_by_field(world: World) -> None:
    """The round "2030-2029", looking back from after its window, valid 2000-2100."""
    opens = datetime.datetime(2027, 2, 1, 10, tzinfo=datetime.UTC)
    values = _values(
        name="2030-2029",
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=30),
        registered_by=datetime.date(2027, 6, 1),
        active_since=datetime.date(2027, 6, 1),
        nql_from=datetime.date(2027, 5, 1),
        nql_to=datetime.date(2027, 6, 1),
        label_first_year=2000,
        label_last_year=2100,
    )
    with pytest.raises(ValidationError) as refused:
        services.save_round(actor=world.people["admin"], values=values)
    errors = refused.value.message_dict
    assert errors["name"] == ["The second year of the name must follow the first, for example 2027-2028."]
    assert errors["label_first_year"] == [
        "The label's first year must be the first year of the round's name (2030)."
    ]
    assert errors["label_last_year"] == [
        "The label's last year must be the second year of the round's name (2031)."
    ]
    for field in ("registered_by", "active_since", "nql_from", "nql_to"):
        assert errors[field] == ["This date must be on or before the day applications open (Feb. 1, 2027)."]
    assert not Round.objects.filter(name="2030-2029").exists()


def test_the_label_years_and_the_opening_follow_the_round_name(world: World) -> None:
    values = _values(name="2027-2028", label_first_year=2000, label_last_year=2100)
    values["opens_at"] = values["opens_at"].replace(year=2029)  # type: ignore[attr-defined]
    values["closes_at"] = values["closes_at"].replace(year=2029)  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as refused:
        services.save_round(actor=world.people["admin"], values=values)
    errors = refused.value.message_dict
    assert errors["label_first_year"] == [
        "The label's first year must be the first year of the round's name (2027)."
    ]
    assert errors["label_last_year"] == [
        "The label's last year must be the second year of the round's name (2028)."
    ]
    assert errors["opens_at"] == ["Applications for the 2027-2028 label must open in 2026 or 2027."]


def test_a_draft_round_can_be_deleted_with_its_eligibility_results(world: World) -> None:
    draft = services.save_round(actor=world.people["admin"], values=_values())
    eligible_school()
    services.run_eligibility(round=draft, run_by=world.people["admin"], today=TODAY)
    assert Eligibility.objects.filter(round=draft).exists()
    services.delete_draft_round(actor=world.people["admin"], round=draft)
    assert not Round.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.objects.filter(action="labels.round.deleted").exists()


def test_a_published_round_cannot_be_deleted(world: World) -> None:
    published = round_named("2026-2027")
    with pytest.raises(ValidationError, match="A published round cannot be deleted"):
        services.delete_draft_round(actor=world.people["admin"], round=published)
    assert Round.objects.filter(pk=published.pk).exists()
