"""What student agency tells the school's mission overview (commitment 3)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.agency import queries
from twinschools.mission.periods import Period
from twinschools.mission.registry import RecordGroup, RecordItem, RecordsProvider

COMMITMENT = 3


class AgencyRecords(RecordsProvider):
    app = "agency"

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        numbers = queries.figures(school, period=period)
        page = reverse("agency:school_students", args=[school.pk])
        reach = ngettext(
            "Initiatives held by pupils, reaching %(count)d person "
            "(teachers: %(teachers)d, parents: %(parents)d, others: %(others)d)",
            "Initiatives held by pupils, reaching %(count)d people "
            "(teachers: %(teachers)d, parents: %(parents)d, others: %(others)d)",
            numbers.reached,
        ) % {
            "count": numbers.reached,
            "teachers": numbers.teachers_reached,
            "parents": numbers.parents_reached,
            "others": numbers.others_reached,
        }
        return [
            RecordGroup(
                commitment=COMMITMENT,
                key="agency.initiatives_held",
                label=reach,
                count=numbers.held,
                url=f"{page}#held",
                latest=tuple(
                    RecordItem(title=initiative.title, url=f"{page}#held", on=initiative.held_on)
                    for initiative in numbers.latest_held
                ),
                oecd=(6,),
            ),
            RecordGroup(
                commitment=COMMITMENT,
                key="agency.ambassadors",
                label=_("Pupils on student ambassador teams"),
                count=numbers.ambassadors,
                url=f"{page}#teams",
                oecd=(7,),
            ),
            RecordGroup(
                commitment=COMMITMENT,
                key="agency.suggestions_answered",
                label=_("Pupils' suggestions answered by the team"),
                count=numbers.suggestions_answered,
                url=f"{page}#suggestions",
                oecd=(1,),
            ),
        ]


PROVIDER = AgencyRecords()
