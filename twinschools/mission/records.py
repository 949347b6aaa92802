"""What the mission app tells the overview: the school's inclusion measures."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.core.mission import COMMITMENTS
from twinschools.mission import queries
from twinschools.mission.periods import UPCOMING, Period, key_for
from twinschools.mission.registry import RecordGroup, RecordItem, RecordsProvider
from twinschools.network.models import School

INCLUSIVE_COMMITMENT = COMMITMENTS[4].number
SHARED_VISION = 1  # OECD dimension: a vision centred on the learning of all students


def _item(measure: queries.InclusionMeasure) -> RecordItem:
    return RecordItem(
        title=f"{measure.title} ({measure.group_label})",
        url=reverse("mission:inclusion", args=[measure.school_id]) + f"?period=all#measure-{measure.pk}",
        on=measure.started_on,
    )


def _reach(pupils: int, families: int) -> str:
    pupils_text = ngettext("%(count)d pupil", "%(count)d pupils", pupils) % {"count": pupils}
    families_text = ngettext("%(count)d family", "%(count)d families", families) % {"count": families}
    return _("Reached %(pupils)s and %(families)s.") % {"pupils": pupils_text, "families": families_text}


class InclusionRecords(RecordsProvider):
    app = "mission"

    def records(self, *, school: School, period: Period) -> list[RecordGroup]:
        since, until = period.since, period.until
        today = timezone.localdate()
        counts = queries.inclusion_counts(school, since=since, until=until, today=today)
        url = reverse("mission:inclusion", args=[school.pk])
        done = queries.latest_measures(school, queries.done_between(since, until, today))
        planned = queries.latest_measures(school, queries.upcoming_until(until, today), newest_first=False)
        return [
            RecordGroup(
                commitment=INCLUSIVE_COMMITMENT,
                key="mission.inclusion",
                label=_("Inclusion measures"),
                count=counts["done"],
                url=f"{url}?period={key_for(since, until)}",
                latest=tuple(_item(measure) for measure in done),
                oecd=(SHARED_VISION,),
                summary=_reach(counts["pupils"], counts["families"]),
            ),
            RecordGroup(
                commitment=INCLUSIVE_COMMITMENT,
                key="mission.inclusion.planned",
                label=_("Inclusion measures planned"),
                count=counts["planned"],
                url=f"{url}?period={UPCOMING}",
                latest=tuple(_item(measure) for measure in planned),
                planned=True,
            ),
        ]


PROVIDER = InclusionRecords()
