"""The dated records of commitment 1 for the mission overview's chart of activity over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.leadership import queries
from twinschools.leadership.models import Proposal, Status
from twinschools.mission.registry import ActivitySource, register_activity


def decisions(school: Any, since: date) -> Any:
    return Proposal.objects.filter(school=school, status=Status.CLOSED, closed_at__gte=queries.since(since))


def register() -> None:
    register_activity(ActivitySource(1, "leadership.decisions", decisions, "closed_at"))
