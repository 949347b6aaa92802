"""Decisions the school took, proposed as evidence of shared leadership (commitment 1)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.leadership.models import Outcome
from twinschools.mission.registry import EvidenceCandidate


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    outcomes = Outcome.objects.filter(school=school, recorded_at__date__gte=since).select_related("proposal")
    if until is not None:
        outcomes = outcomes.filter(recorded_at__date__lte=until)
    return [
        EvidenceCandidate(
            commitment=1,
            key=f"leadership.decision:{outcome.proposal_id}",
            title=outcome.proposal.title,
            url=reverse("leadership:proposal", args=[outcome.proposal_id]),
            on=outcome.recorded_at.date(),
        )
        for outcome in outcomes.order_by("-recorded_at")[:50]
    ]
