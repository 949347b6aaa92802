"""The automatic check, rule by rule and round by round (real rules from the data migration)."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.labels.helpers import (
    TODAY,
    eligible_school,
    european_project,
    national_project,
    result,
    round_named,
    rules_of,
    teacher_at,
)
from twinschools.labels import services
from twinschools.labels.models import EligibilityException

pytestmark = pytest.mark.django_db


def run(name: str = "2026-2027", today: datetime.date = TODAY):
    round = round_named(name)
    services.run_eligibility(round=round, run_by=None, today=today)
    return round


def test_a_school_meeting_every_rule_is_eligible_with_its_facts() -> None:
    setup = eligible_school()
    item = result(run(), setup.school)
    assert item.eligible and item.meets_rules
    assert item.active_teachers == 3 and item.required_teachers == 3
    assert item.nql_project_id == setup.project.pk
    assert item.nql_project_title == "Water Stories"
    assert item.nql_granted_on == datetime.date(2024, 6, 1)
    assert rules_of(item) == {"registered": True, "active_teachers": True, "nql": True, "not_labelled": True}


def test_every_school_of_the_network_gets_a_result_in_one_pass() -> None:
    eligible_school()
    factories.SchoolFactory.create_batch(4)
    round = run()
    # Five schools of ours and the Spanish partner of the European project.
    assert round.eligibilities.count() == 6
    assert round.eligibilities.filter(eligible=True).count() == 1


@pytest.mark.parametrize(
    ("registered_on", "ok"),
    [(datetime.date(2024, 2, 12), True), (datetime.date(2024, 2, 13), False)],
    ids=["on-the-cut-off-day", "the-day-after"],
)
def test_the_registration_cut_off_day_itself_counts(registered_on: datetime.date, ok: bool) -> None:
    setup = eligible_school(registered_on=registered_on)
    assert rules_of(result(run(), setup.school))["registered"] is ok


def test_two_active_teachers_are_not_enough_when_the_round_asks_three() -> None:
    setup = eligible_school(teachers=2)
    item = result(run(), setup.school)
    assert item.active_teachers == 2
    assert not item.eligible
    assert rules_of(item)["active_teachers"] is False


@pytest.mark.parametrize(
    ("active_on", "ok"),
    [(datetime.date(2024, 2, 12), True), (datetime.date(2024, 2, 11), False)],
    ids=["on-the-first-day", "the-day-before"],
)
def test_activity_counts_from_the_first_day_of_the_window(active_on: datetime.date, ok: bool) -> None:
    setup = eligible_school(active_on=active_on)
    assert rules_of(result(run(), setup.school))["active_teachers"] is ok


def test_an_activity_of_a_kind_the_round_does_not_count_is_ignored() -> None:
    setup = eligible_school(kind="event")  # 2026-27 counts projects, groups and training
    assert result(run(), setup.school).active_teachers == 0
    assert result(run("2025-2026", datetime.date(2025, 1, 20)), setup.school).active_teachers == 3


def test_a_teacher_who_left_the_school_no_longer_counts() -> None:
    setup = eligible_school()
    departed = teacher_at(setup.school, ended_on=datetime.date(2025, 6, 30))
    setup.school.memberships.filter(user=setup.teachers[2]).update(ended_on=datetime.date(2025, 6, 30))
    factories.ActivityFactory(
        teacher=departed, school=setup.school, kind="group", occurred_on=datetime.date(2025, 1, 5)
    )
    assert result(run(), setup.school).active_teachers == 2


def test_one_teacher_with_many_activities_counts_once() -> None:
    setup = eligible_school(teachers=2)
    for day in (3, 4, 5):
        factories.ActivityFactory(
            teacher=setup.teachers[0], school=setup.school, kind="pd", occurred_on=datetime.date(2025, 3, day)
        )
    assert result(run(), setup.school).active_teachers == 2


@pytest.mark.parametrize(
    ("granted_on", "ok"),
    [
        (datetime.date(2023, 9, 1), True),
        (datetime.date(2023, 8, 31), False),
        (datetime.date(2026, 2, 11), True),
        (datetime.date(2026, 2, 12), False),
    ],
    ids=["first-day", "day-before", "last-day", "day-after"],
)
def test_the_nql_window_is_inclusive_at_both_ends(granted_on: datetime.date, ok: bool) -> None:
    setup = eligible_school(nql_on=granted_on)
    assert rules_of(result(run(), setup.school))["nql"] is ok


def test_an_nql_for_a_national_project_does_not_count_when_the_round_asks_a_european_one() -> None:
    setup = eligible_school()
    setup.school.quality_labels.all().delete()
    factories.QualityLabelFactory(
        teacher=setup.teachers[0], project=national_project(setup.school), school=setup.school
    )
    assert rules_of(result(run(), setup.school))["nql"] is False


def test_a_european_quality_label_is_not_a_national_one() -> None:
    setup = eligible_school()
    setup.school.quality_labels.update(kind="european")
    assert rules_of(result(run(), setup.school))["nql"] is False


def test_an_nql_earned_at_another_school_counts_only_without_the_same_school_rule() -> None:
    setup = eligible_school()
    setup.school.quality_labels.all().delete()
    elsewhere = factories.SchoolFactory()
    factories.QualityLabelFactory(
        teacher=setup.teachers[1],
        project=european_project(elsewhere),
        school=elsewhere,
        granted_on=datetime.date(2024, 3, 1),
    )
    assert rules_of(result(run("2026-2027"), setup.school))["nql"] is False
    # 2025-26 does not ask for the same school: a current teacher's label counts.
    later = result(run("2025-2026", datetime.date(2025, 1, 20)), setup.school)
    assert rules_of(later)["nql"] is True


def test_a_school_labelled_for_2025_2026_cannot_apply_for_2026_2027() -> None:
    setup = eligible_school()
    factories.SchoolLabelFactory(school=setup.school, first_year=2025, last_year=2026)
    item = result(run(), setup.school)
    assert not item.eligible
    assert (item.labelled_first_year, item.labelled_last_year) == (2025, 2026)
    assert rules_of(item)["not_labelled"] is False


def test_a_school_whose_label_ended_may_renew() -> None:
    setup = eligible_school()
    factories.SchoolLabelFactory(school=setup.school, first_year=2024, last_year=2025)
    assert result(run(), setup.school).eligible


def test_the_2024_2025_rules_use_their_own_dates() -> None:
    setup = eligible_school(
        registered_on=datetime.date(2021, 12, 31),
        active_on=datetime.date(2022, 1, 1),
        nql_on=datetime.date(2021, 11, 1),
    )
    late = eligible_school(registered_on=datetime.date(2022, 1, 1), active_on=datetime.date(2022, 1, 1))
    round = run("2024-2025", datetime.date(2024, 2, 6))
    assert result(round, setup.school).eligible
    assert rules_of(result(round, late.school))["registered"] is False


def test_an_exception_survives_a_new_run() -> None:
    setup = eligible_school(teachers=2)
    round = run()
    nso = factories.UserFactory()
    services.grant_exception(actor=nso, round=round, school=setup.school, reason="Third teacher on leave")
    assert result(round, setup.school).eligible
    run()
    item = result(round, setup.school)
    assert item.eligible and not item.meets_rules
    assert EligibilityException.objects.filter(round=round, school=setup.school).count() == 1


def test_a_new_run_updates_facts_and_keeps_the_invitation_date() -> None:
    setup = eligible_school()
    round = run()
    stamp = datetime.datetime(2026, 2, 2, 9, 0, tzinfo=datetime.UTC)
    round.eligibilities.filter(school=setup.school).update(invited_at=stamp)
    factories.ActivityFactory(
        teacher=teacher_at(setup.school),
        school=setup.school,
        kind="pd",
        occurred_on=datetime.date(2025, 5, 5),
    )
    run()
    item = result(round, setup.school)
    assert item.active_teachers == 4
    assert item.invited_at == stamp
