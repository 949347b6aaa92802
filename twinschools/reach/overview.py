"""What regional reach tells the school's mission overview (commitment 4)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.mission.registry import RecordGroup
from twinschools.reach.queries import reached_count

COMMITMENT = 4


def records(*, school: Any, since: date) -> list[RecordGroup]:
    return [
        RecordGroup(
            commitment=COMMITMENT,
            key="reach.schools",
            label=_("Schools reached by the school's events and mentoring"),
            count=reached_count(school, since),
            url=reverse("reach:school_reach", args=[school.pk]),
            latest=(),
            oecd=(6,),
        )
    ]
