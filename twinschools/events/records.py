"""What outreach events tell the school's mission overview (commitment 4)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from twinschools.events import queries
from twinschools.mission.periods import Period
from twinschools.mission.registry import RecordGroup, RecordItem, RecordsProvider

COMMITMENT = 4


class EventRecords(RecordsProvider):
    """Events held: only sessions that took place count, and only people checked in are reached."""

    app = "events"

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        start, end = period.window()
        numbers = queries.figures(school, start=start, end=end)
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
                        on=timezone.localdate(event.held_at),
                    )
                    for event in numbers.latest
                ),
                oecd=(6,),
            )
        ]


PROVIDER = EventRecords()
