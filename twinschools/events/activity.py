"""The dated records of commitment 4 for the mission overview's chart of activity over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.events.models import Event, EventStatus
from twinschools.mission.registry import ActivitySource, register_activity


def held(school: Any, since: date) -> Any:
    """Published events, dated by their first session (the overview's "events held")."""
    return Event.objects.filter(school=school, status=EventStatus.PUBLISHED, first_starts_at__date__gte=since)


def register() -> None:
    register_activity(ActivitySource(4, "events.held", held, "first_starts_at"))
