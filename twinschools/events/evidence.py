"""Events the school organised for others, proposed as evidence of being a model (commitment 4)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from twinschools.events.models import Event, EventStatus
from twinschools.mission.registry import EvidenceCandidate


def candidates(*, school: object, since: date, until: date | None = None) -> list[EvidenceCandidate]:
    """Events that took place: their first session began in the window, and before now.

    An event announced but not yet held is no evidence of anything (nor is its creation date).
    """
    events = Event.objects.filter(
        school=school,
        status=EventStatus.PUBLISHED,
        first_starts_at__date__gte=since,
        first_starts_at__lte=timezone.now(),
    )
    if until is not None:
        events = events.filter(first_starts_at__date__lte=until)
    return [
        EvidenceCandidate(
            commitment=4,
            key=f"events.event:{event.pk}",
            title=event.title,
            url=reverse("events:event_detail", args=[event.pk]),
            on=timezone.localdate(event.first_starts_at),
        )
        for event in events.order_by("-first_starts_at")[:50]
    ]
