"""The mission overview leads with two charts: activity per commitment over time, and the
action plan's actions per commitment by status; then a short summary per commitment."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.chart_html import table
from tests.clients import signed_in
from tests.conftest import World
from tests.mission.factories import InclusionMeasureFactory
from tests.planning.factories import ActionFactory, GoalFactory, PlanFactory
from twinschools.mission.queries import Quarter, activity, quarters_until
from twinschools.planning.models import ActionStatus

pytestmark = pytest.mark.django_db


def overview(world: World) -> str:
    response = signed_in(world.people["head_a"]).get(reverse("mission:overview", args=[world.school_a.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_two_school_years_are_eight_three_month_periods_from_september() -> None:
    quarters = quarters_until(datetime.date(2026, 12, 1))
    assert len(quarters) == 8
    assert quarters[0] == Quarter(datetime.date(2025, 3, 1), datetime.date(2025, 5, 31))
    assert quarters[-2] == Quarter(datetime.date(2026, 9, 1), datetime.date(2026, 11, 30))
    assert quarters[-1] == Quarter(datetime.date(2026, 12, 1), datetime.date(2027, 2, 28))
    assert quarters_until(datetime.date(2026, 9, 30))[-1].first == datetime.date(2026, 9, 1)


def test_activity_counts_each_commitments_records_in_their_period_and_leaves_out_the_future(
    world: World,
) -> None:
    today = timezone.localdate()
    quarters = quarters_until(today)
    InclusionMeasureFactory(school=world.school_a, started_on=quarters[-1].first)
    InclusionMeasureFactory(school=world.school_a, started_on=quarters[-3].first)
    InclusionMeasureFactory(school=world.school_a, started_on=quarters[0].first - datetime.timedelta(days=1))
    InclusionMeasureFactory(school=world.school_a, started_on=today + datetime.timedelta(days=1))
    InclusionMeasureFactory(school=world.school_b, started_on=quarters[-1].first)
    plan = GoalFactory(plan=PlanFactory(school=world.school_a), commitment=2)
    ActionFactory(goal=plan, status=ActionStatus.DONE, done_on=quarters[-1].first)
    found = activity(world.school_a, today=today)
    assert found.counts[5] == [0, 0, 0, 0, 0, 1, 0, 1]
    assert found.counts[2] == [0, 0, 0, 0, 0, 0, 0, 1]
    assert found.counts[1] == [0] * 8


def test_the_overview_draws_activity_and_planned_versus_done_with_their_tables(world: World) -> None:
    today = timezone.localdate()
    InclusionMeasureFactory(school=world.school_a, started_on=today)
    plan = PlanFactory(school=world.school_a)
    leadership, agency = GoalFactory(plan=plan, commitment=1), GoalFactory(plan=plan, commitment=3)
    ActionFactory(goal=leadership, status=ActionStatus.DONE, done_on=today)
    ActionFactory(goal=leadership, status=ActionStatus.PLANNED)
    ActionFactory(goal=agency, status=ActionStatus.IN_PROGRESS)
    ActionFactory(goal=agency, status=ActionStatus.IN_PROGRESS)
    page = overview(world)

    activity_rows = table(page, "chart-activity")
    assert activity_rows[0] == [
        "Period",
        "1. Shared leadership",
        "2. Collaboration, sharing and teamwork",
        "3. Students as agents of change",
        "4. Models for other schools",
        activity_rows[0][5],
        "Total",
    ]
    assert len(activity_rows) == 1 + 8
    assert activity_rows[-1][1:] == ["0", "1", "0", "0", "1", "2"]  # the action done, the measure

    plan_rows = table(page, "chart-plan")
    assert plan_rows[0] == ["Commitment", "Done", "In progress", "Planned", "Postponed", "Dropped", "Total"]
    assert plan_rows[1] == ["1. Shared leadership", "1", "0", "1", "0", "0", "2"]
    assert plan_rows[3] == ["3. Students as agents of change", "0", "2", "0", "0", "0", "2"]
    # The charts come first, the links per commitment after them.
    assert (
        page.index('id="chart-activity"') < page.index('id="glance-title"') < page.index('id="commitment-1"')
    )


def test_each_commitment_is_summed_up_with_its_count_and_last_activity(world: World) -> None:
    today = timezone.localdate()
    InclusionMeasureFactory(
        school=world.school_a, started_on=today - datetime.timedelta(days=3), title="Club"
    )
    page = overview(world)
    glance = page[page.index('id="glance-title"') : page.index('id="commitment-1"')]
    day = (today - datetime.timedelta(days=3)).strftime("%m/%d/%Y")
    assert f"Last activity on {day}: Club" in glance
    assert "No activity in this period yet." in glance


def test_a_school_with_nothing_recorded_sees_empty_charts_said_in_words(world: World) -> None:
    page = overview(world)
    assert page.count("There is nothing to draw yet: every figure is zero.") == 2
