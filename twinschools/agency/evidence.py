"""Initiatives the pupils held, proposed as evidence of students as agents of change (commitment 3).

Only what was held counts, and only its title and date travel with the application: never
the names of the pupils who proposed it.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.agency.models import Initiative, InitiativeStatus
from twinschools.mission.registry import EvidenceCandidate


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    held = Initiative.objects.filter(school=school, status=InitiativeStatus.HELD, held_on__gte=since)
    if until is not None:
        held = held.filter(held_on__lte=until)
    return [
        EvidenceCandidate(
            commitment=3,
            key=f"agency.initiative:{initiative.pk}",
            title=initiative.title,
            url=reverse("agency:moderate_initiative", args=[initiative.pk]),
            on=initiative.held_on,
        )
        for initiative in held.order_by("-held_on", "-pk")[:50]
    ]
