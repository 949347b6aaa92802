"""The dated records of commitment 3 for the mission overview's chart of activity over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.agency.models import Initiative, InitiativeStatus
from twinschools.mission.registry import ActivitySource, register_activity


def initiatives_held(school: Any, since: date) -> Any:
    return Initiative.objects.filter(school=school, status=InitiativeStatus.HELD, held_on__gte=since)


def register() -> None:
    register_activity(ActivitySource(3, "agency.initiatives_held", initiatives_held, "held_on"))
