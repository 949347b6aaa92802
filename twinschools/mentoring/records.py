"""What mentoring tells the school's mission overview (commitment 4)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.mentoring.models import Pairing, PairingStatus
from twinschools.mission.periods import Period
from twinschools.mission.registry import RecordGroup, RecordItem, RecordsProvider

COMMITMENT = 4


class MentoringRecords(RecordsProvider):
    app = "mentoring"

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        """Pairs that began within the period (accepted by its end, never after now)."""
        start, end = period.window()
        pairs = (
            Pairing.objects.filter(
                Q(mentor=school) | Q(mentee=school), decided_at__gte=start, decided_at__lt=end
            )
            .filter(status__in=(PairingStatus.ACCEPTED, PairingStatus.CLOSED))
            .select_related("mentor", "mentee")
            .order_by("-decided_at")
        )
        latest = [
            RecordItem(
                title=_("%(mentor)s mentors %(mentee)s")
                % {"mentor": pair.mentor.name, "mentee": pair.mentee.name},
                url=reverse("mentoring:pair_detail", args=[pair.pk]),
                on=pair.decided_at.date() if pair.decided_at else None,
            )
            for pair in pairs[:3]
        ]
        return [
            RecordGroup(
                commitment=COMMITMENT,
                key="mentoring.pairs",
                label=_("Mentoring pairs with other schools"),
                count=pairs.count(),
                url=reverse("mentoring:school_mentoring", args=[school.pk]),
                latest=tuple(latest),
                oecd=(6,),
            )
        ]


PROVIDER = MentoringRecords()
