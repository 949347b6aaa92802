"""Issue 11 §4: the overview counts only what happened, within the period it shows.

One school with records of last school year, of this one (already past) and still to
come, read through every app's registered records provider.
"""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agency.factories import InitiativeFactory
from tests.clients import signed_in
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.leadership.factories import closed_proposal, open_proposal
from tests.mentoring.factories import PlacedSchoolFactory, pairing_of
from tests.planning.factories import ActionFactory, ActivityFactory, PlanFactory
from twinschools.agency.models import InitiativeStatus
from twinschools.leadership.models import Proposal
from twinschools.mentoring.models import Pairing
from twinschools.mission import periods
from twinschools.mission.registry import REGISTRY, RecordGroup, records_for
from twinschools.network.models import School

pytestmark = pytest.mark.django_db


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _event_with_session(school: School, starts: datetime.datetime, *, came: int, registered: int):
    """An information session with `registered` confirmed sign-ups, `came` of them checked in."""
    event = EventFactory(school=school)
    session = SessionFactory(event=event, starts_at=starts)
    for number in range(registered):
        registration = RegistrationFactory(event=event, school=PlacedSchoolFactory())
        if number < came:
            registration.attended.add(session)
    return event


def _records_of(world: World, day: datetime.date) -> None:
    """One of each kind of record of school A, dated `day` (a past day, or one to come)."""
    school, member = world.school_a, world.people["team_a"]
    _event_with_session(school, _at(day), came=2, registered=6)
    proposal = closed_proposal(school, member, title=f"Decided on {day}")
    Proposal.objects.filter(pk=proposal.pk).update(closed_at=_at(day))
    pair = pairing_of(school, PlacedSchoolFactory(country=school.country), status="accepted")
    Pairing.objects.filter(pk=pair.pk).update(decided_at=_at(day))
    InitiativeFactory(
        proposed_by=world.pupil_a.user, status=InitiativeStatus.HELD, held_on=day, teachers_reached=5
    )
    together = [member, world.people["head_a"]]
    ActivityFactory(school=school, status="held", starts_at=_at(day), co_planners=together)
    ActionFactory(goal__plan=PlanFactory(school=school), status="done", done_on=day)


def _done(groups: list[RecordGroup]) -> dict[str, int]:
    return {group.key: group.count for group in groups if not group.planned}


# One of each per time; the schools reached are the two whose people came, and the mentee.
ONE_TIMES_RECORDS = {
    "events.held": 1,
    "leadership.decisions": 1,
    "mentoring.pairs": 1,
    "reach.schools": 3,
    "agency.initiatives_held": 1,
    "planning.coplanned_activities": 1,
    "planning.actions_done": 1,
}


@pytest.fixture
def three_times(world: World) -> tuple[periods.Period, periods.Period]:
    """Records last school year, this school year (yesterday) and in ten days."""
    today = timezone.localdate()
    this_year = periods.school_year(periods.school_year_of(today))
    last_year = periods.school_year(periods.school_year_of(today) - 1)
    _records_of(world, last_year.since + timedelta(days=40))
    _records_of(world, max(today - timedelta(days=1), this_year.since))
    _records_of(world, today + timedelta(days=10))
    return last_year, this_year


def test_every_app_registers_one_declared_records_provider(db: None) -> None:
    apps = [provider.app for provider in REGISTRY.providers]
    assert len(apps) == len(set(apps))
    assert {
        "events",
        "leadership",
        "mentoring",
        "reach",
        "agency",
        "planning",
        "practices",
        "mission",
    } <= set(apps)


def test_last_school_years_overview_counts_only_last_years_records(
    world: World, three_times: tuple[periods.Period, periods.Period]
) -> None:
    last_year, _this_year = three_times
    done = _done(records_for(school=world.school_a, period=last_year))
    assert {key: done[key] for key in ONE_TIMES_RECORDS} == ONE_TIMES_RECORDS


def test_this_years_overview_counts_no_session_to_come_and_no_open_proposal_as_done(
    world: World, three_times: tuple[periods.Period, periods.Period]
) -> None:
    _last_year, this_year = three_times
    open_proposal(world.school_a, world.people["team_a"], title="Still open")
    groups = records_for(school=world.school_a, period=this_year)
    done = _done(groups)
    assert {key: done[key] for key in ONE_TIMES_RECORDS} == ONE_TIMES_RECORDS
    assert "leadership.open_proposals" not in done
    (open_group,) = [group for group in groups if group.key == "leadership.open_proposals"]
    assert open_group.planned and open_group.count == 1


def test_people_reached_are_the_people_checked_in_not_the_registrations(
    world: World, three_times: tuple[periods.Period, periods.Period]
) -> None:
    _last_year, this_year = three_times
    (held,) = [
        group for group in records_for(school=world.school_a, period=this_year) if group.key == "events.held"
    ]
    # Six registered at each of the three sessions; two came to the one that took place this year.
    assert held.count == 1
    assert "reaching 2 people" in held.label


def test_four_events_with_six_sign_ups_each_and_nobody_checked_in_reach_nobody(world: World) -> None:
    for days in (3, 5, 7, 9):
        _event_with_session(world.school_a, timezone.now() - timedelta(days=days), came=0, registered=6)
    (held,) = [
        group
        for group in records_for(school=world.school_a, period=periods.last_12_months(timezone.localdate()))
        if group.key == "events.held"
    ]
    assert held.count == 4
    assert "reaching 0 people" in held.label


def test_the_overview_page_of_last_school_year_shows_last_years_events_only(
    world: World, three_times: tuple[periods.Period, periods.Period]
) -> None:
    last_year, _this_year = three_times
    response = signed_in(world.people["head_a"]).get(
        reverse("mission:overview", args=[world.school_a.pk]), {"period": last_year.key}
    )
    assert response.status_code == 200
    outreach = next(item for item in response.context["commitments"] if item.commitment.number == 4)
    held = next(group for group in outreach.done if group.key == "events.held")
    assert (held.count, held.label) == (1, "Outreach events held, reaching 2 people")
