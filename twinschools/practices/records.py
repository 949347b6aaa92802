"""What the practice library tells the mission overview and the innovation record."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.mission.approaches import ApproachCode
from twinschools.mission.periods import Period
from twinschools.mission.registry import ApproachUse, RecordGroup, RecordItem, RecordsProvider
from twinschools.network.models import School
from twinschools.practices import queries
from twinschools.practices.queries import Shown

LATEST = 3


def _library_url(school: School, **params: str) -> str:
    url = reverse("practices:school_library", args=[school.pk])
    return f"{url}?{urlencode(params)}" if params else url


def _item(practice: object) -> RecordItem:
    return RecordItem(
        title=practice.title,  # type: ignore[attr-defined]
        url=reverse("practices:detail", args=[practice.pk]),  # type: ignore[attr-defined]
        on=practice.created_at.date(),  # type: ignore[attr-defined]
    )


class PracticeRecords(RecordsProvider):
    app = "practices"

    def records(self, *, school: School, period: Period) -> list[RecordGroup]:
        since, until = period.since, period.until
        shared = queries.shared_since(school, since, until).order_by("-created_at", "-id")
        adapted = queries.adapted_by_others_since(school, since, until).order_by("-created_at", "-id")
        tried = queries.tried_since(school, since, until).order_by("-created_at", "-id")
        innovative = queries.with_approaches_since(school, since, until).order_by("-created_at", "-id")
        return [
            RecordGroup(
                commitment=2,
                key="practices.shared",
                label=_("Practices shared"),
                count=shared.count(),
                url=_library_url(school),
                latest=tuple(_item(practice) for practice in shared[:LATEST]),
                oecd=(5,),
            ),
            RecordGroup(
                commitment=2,
                key="practices.adapted",
                label=_("Practices adapted by other schools"),
                count=adapted.count(),
                url=_library_url(school, shown=Shown.ADAPTED),
                # The adaptations may be private to the other school: the items are our originals.
                latest=tuple(_item(copy.adapted_from) for copy in adapted[:LATEST] if copy.adapted_from),
                oecd=(6,),
            ),
            RecordGroup(
                commitment=2,
                key="practices.tried",
                label=_("Practices tried by colleagues"),
                count=tried.count(),
                url=_library_url(school, shown=Shown.TRIED),
                latest=tuple(_item(mark.practice) for mark in tried[:LATEST]),
                oecd=(3,),
            ),
            RecordGroup(
                commitment=5,
                key="practices.innovative",
                label=_("Practices using innovative approaches"),
                count=innovative.count(),
                url=_library_url(school, shown=Shown.WITH_APPROACHES),
                latest=tuple(_item(practice) for practice in innovative[:LATEST]),
                oecd=(4,),
            ),
        ]

    def approach_usage(self, *, school: School, period: Period) -> list[ApproachUse]:
        since, until = period.since, period.until
        counts = queries.practices_per_approach(school, since, until)
        latest = queries.latest_per_approach(school, since, until, codes=list(counts), limit=LATEST)
        return [
            ApproachUse(
                code=code,
                kind=_("Practices"),
                count=counts[code],
                url=_library_url(school, approach=code),
                latest=tuple(_item(practice) for practice in latest.get(code, [])),
            )
            for code in ApproachCode.values
            if counts.get(code)
        ]


PROVIDER = PracticeRecords()
