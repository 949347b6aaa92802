"""Schools the school mentored, proposed as evidence of being a model (commitment 4)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.mentoring.models import Pairing, PairingStatus
from twinschools.mission.registry import EvidenceCandidate


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    pairs = Pairing.objects.filter(
        mentor=school, status__in=[PairingStatus.ACCEPTED, PairingStatus.CLOSED], decided_at__date__gte=since
    ).select_related("mentee")
    if until is not None:
        pairs = pairs.filter(decided_at__date__lte=until)
    return [
        EvidenceCandidate(
            commitment=4,
            key=f"mentoring.pair:{pair.pk}",
            title=pair.mentee.name,
            url=reverse("mentoring:pair_detail", args=[pair.pk]),
            on=pair.decided_at.date() if pair.decided_at else None,
        )
        for pair in pairs.order_by("-decided_at")[:50]
    ]
