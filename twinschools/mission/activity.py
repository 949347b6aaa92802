"""The mission app's own dated records for the overview's chart: inclusion measures (commitment 5)."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.core.mission import COMMITMENTS
from twinschools.mission.models import InclusionMeasure
from twinschools.mission.registry import ActivitySource, register_activity

INCLUSIVE_COMMITMENT = COMMITMENTS[4].number


def measures(school: Any, since: date) -> Any:
    """Measures dated by their start (those starting after today are left out as planned)."""
    return InclusionMeasure.objects.filter(school=school, started_on__gte=since)


def register() -> None:
    register_activity(ActivitySource(INCLUSIVE_COMMITMENT, "mission.inclusion", measures, "started_on"))
