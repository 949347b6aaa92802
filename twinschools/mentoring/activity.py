"""The dated records of commitment 4 for the mission overview's chart of activity over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q

from twinschools.mentoring.models import Pairing, PairingStatus
from twinschools.mission.registry import ActivitySource, register_activity


def pairs(school: Any, since: date) -> Any:
    """Mentoring pairs the school took part in, dated by their acceptance."""
    return Pairing.objects.filter(
        Q(mentor=school) | Q(mentee=school),
        decided_at__date__gte=since,
        status__in=(PairingStatus.ACCEPTED, PairingStatus.CLOSED),
    )


def register() -> None:
    register_activity(ActivitySource(4, "mentoring.pairs", pairs, "decided_at"))
