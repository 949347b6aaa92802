"""Events the school organised for others, proposed as evidence of being a model (commitment 4)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from twinschools.events.models import Event, EventStatus
from twinschools.mission.registry import EvidenceCandidate


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    events = Event.objects.filter(school=school, status=EventStatus.PUBLISHED, created_at__date__gte=since)
    if until is not None:
        events = events.filter(created_at__date__lte=until)
    return [
        EvidenceCandidate(
            commitment=4,
            key=f"events.event:{event.pk}",
            title=event.title,
            url=reverse("events:event_detail", args=[event.pk]),
            on=event.created_at.date(),
        )
        for event in events.order_by("-created_at")[:50]
    ]
