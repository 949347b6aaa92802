"""The action plan's goals and done actions, proposed as evidence of teamwork (commitment 2)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.mission.registry import EvidenceCandidate
from twinschools.planning.models import Action, ActionStatus, Goal


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    actions = Action.objects.filter(school=school, status=ActionStatus.DONE, ends_on__gte=since)
    goals = Goal.objects.filter(school=school, updated_at__date__gte=since)
    if until is not None:
        actions, goals = actions.filter(starts_on__lte=until), goals.filter(updated_at__date__lte=until)
    found = [
        EvidenceCandidate(
            commitment=2,
            key=f"planning.action:{action.pk}",
            title=action.title,
            url=reverse("planning:action", args=[action.pk]),
            on=action.done_on or action.ends_on,
        )
        for action in actions.order_by("-ends_on")[:50]
    ]
    return found + [
        EvidenceCandidate(
            commitment=2,
            key=f"planning.goal:{goal.pk}",
            title=goal.title,
            url=reverse("planning:plan_detail", args=[goal.plan_id]),
            on=goal.updated_at.date(),
        )
        for goal in goals.order_by("-updated_at")[:50]
    ]
