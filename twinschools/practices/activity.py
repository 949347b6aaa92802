"""The dated records of commitments 2 and 5 for the mission overview's chart of activity."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.mission.registry import ActivitySource, register_activity
from twinschools.practices import queries


def shared(school: Any, since: date) -> Any:
    return queries.shared_since(school, since)


def with_approaches(school: Any, since: date) -> Any:
    return queries.with_approaches_since(school, since)


def register() -> None:
    register_activity(ActivitySource(2, "practices.shared", shared, "created_at"))
    register_activity(ActivitySource(5, "practices.innovative", with_approaches, "created_at"))
