"""The dated records of commitment 2 for the mission overview: actions done and co-planned
activities held over time, and the action plan's actions per commitment and status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count

from twinschools.mission.registry import (
    ActivitySource,
    PlanStatusCount,
    register_activity,
    register_plan_progress,
)
from twinschools.planning.models import Action, ActionStatus, ActivityStatus, CalendarActivity, Plan

COMMITMENTS = (1, 2, 3, 4, 5)


def actions_done(school: Any, since: date) -> Any:
    return Action.objects.filter(school=school, status=ActionStatus.DONE, done_on__gte=since)


def coplanned_held(school: Any, since: date) -> Any:
    """Held activities planned by two teachers at least, as the overview counts them."""
    coplanned = (
        CalendarActivity.objects.filter(school=school, status=ActivityStatus.HELD, starts_at__date__gte=since)
        .annotate(planners=Count("co_planners"))
        .filter(planners__gte=2)
        .values("pk")
    )
    return CalendarActivity.objects.filter(pk__in=coplanned)


def plan_progress(*, school: Any) -> list[PlanStatusCount]:
    """The current plan's actions per status and commitment, in one grouped query."""
    current = Plan.objects.filter(school=school).order_by("-starts_on", "-id").values("pk")[:1]
    rows = (
        Action.objects.filter(goal__plan__in=current)
        .values_list("status", "goal__commitment")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted = {(status, commitment): n for status, commitment, n in rows}
    return [
        PlanStatusCount(
            status=str(status),
            label=str(label),
            counts=tuple(counted.get((status, commitment), 0) for commitment in COMMITMENTS),
        )
        for status, label in (
            (ActionStatus.DONE, ActionStatus.DONE.label),
            (ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS.label),
            (ActionStatus.PLANNED, ActionStatus.PLANNED.label),
            (ActionStatus.POSTPONED, ActionStatus.POSTPONED.label),
            (ActionStatus.DROPPED, ActionStatus.DROPPED.label),
        )
    ]


def register() -> None:
    register_activity(ActivitySource(2, "planning.actions_done", actions_done, "done_on"))
    register_activity(ActivitySource(2, "planning.coplanned_activities", coplanned_held, "starts_at"))
    register_plan_progress(plan_progress)
