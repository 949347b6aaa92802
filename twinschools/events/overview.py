"""What outreach events tell the school's mission overview (commitment 4)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from twinschools.events import queries
from twinschools.mission.registry import RecordGroup, RecordItem

COMMITMENT = 4


def records(*, school: Any, since: date, until: date | None = None) -> list[RecordGroup]:
    numbers = queries.figures(school, since=since, until=until)
    page = reverse("events:school_events", args=[school.pk])
    reach = ngettext(
        "Outreach events held, reaching %(count)d person",
        "Outreach events held, reaching %(count)d people",
        numbers.reached,
    ) % {"count": numbers.reached}
    return [
        RecordGroup(
            commitment=COMMITMENT,
            key="events.held",
            label=reach,
            count=numbers.held,
            url=page,
            latest=tuple(
                RecordItem(
                    title=event.title,
                    url=reverse("events:event_detail", args=[event.pk]),
                    on=event.first_start.date() if event.first_start else None,
                )
                for event in numbers.latest
            ),
            oecd=(6,),
        )
    ]
