"""What regional reach tells the school's mission overview (commitment 4)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.mission.periods import Period
from twinschools.mission.registry import RecordGroup, RecordsProvider
from twinschools.reach.queries import reached_count

COMMITMENT = 4


class ReachRecords(RecordsProvider):
    app = "reach"

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        start, end = period.window()
        return [
            RecordGroup(
                commitment=COMMITMENT,
                key="reach.schools",
                label=_("Schools reached by the school's events and mentoring"),
                count=reached_count(school, start=start, end=end),
                url=reverse("reach:school_reach", args=[school.pk]),
                latest=(),
                oecd=(6,),
            )
        ]


PROVIDER = ReachRecords()
