"""Practices the school shared, proposed as evidence of sharing (commitment 2)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.mission.registry import EvidenceCandidate
from twinschools.practices.models import Practice


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    practices = Practice.objects.filter(school=school, created_at__date__gte=since)
    if until is not None:
        practices = practices.filter(created_at__date__lte=until)
    return [
        EvidenceCandidate(
            commitment=2,
            key=f"practices.practice:{practice.pk}",
            title=practice.title,
            url=reverse("practices:detail", args=[practice.pk]),
            on=practice.created_at.date(),
        )
        for practice in practices.order_by("-created_at")[:50]
    ]
