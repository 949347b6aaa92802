"""What the team did, for the mission overview (commitment 1, shared leadership)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.leadership import queries
from twinschools.leadership.models import Proposal, Responsibility, Status, TeamMember
from twinschools.mission.periods import Period
from twinschools.mission.registry import RecordGroup, RecordItem, RecordsProvider

LATEST = 3


def _items(proposals: list[Proposal], *, closed: bool) -> tuple[RecordItem, ...]:
    return tuple(
        RecordItem(
            title=proposal.title,
            url=reverse("leadership:proposal", args=[proposal.pk]),
            on=(proposal.closed_at if closed else proposal.closes_at).date()
            if (proposal.closed_at if closed else proposal.closes_at)
            else None,
        )
        for proposal in proposals
    )


class LeadershipRecords(RecordsProvider):
    app = "leadership"

    def records(self, *, school: Any, period: Period) -> list[RecordGroup]:
        """Decisions taken within the period; open proposals are planned, never done; the
        responsibilities and the team as they stood at the period's end."""
        start, end = period.window()
        decisions_url = reverse("leadership:decisions", args=[school.pk])
        team_url = reverse("leadership:team", args=[school.pk])
        decided = Proposal.objects.filter(
            school=school, status=Status.CLOSED, closed_at__gte=start, closed_at__lt=end
        )
        open_ = Proposal.objects.filter(school=school, status=Status.OPEN)
        responsibilities = Responsibility.objects.filter(school=school, created_at__lt=end).select_related(
            "owner"
        )
        later_seats = TeamMember.objects.filter(school=school, joined_on__gt=period.last_day_done())
        team = queries.team_queryset(school).exclude(pk__in=later_seats.values("user_id"))
        return [
            RecordGroup(
                commitment=1,
                key="leadership.decisions",
                label=_("Decisions taken by the team"),
                count=decided.count(),
                url=f"{decisions_url}?filter=decided",
                latest=_items(list(decided.order_by("-closed_at", "-pk")[:LATEST]), closed=True),
                oecd=(1, 7),
            ),
            RecordGroup(
                commitment=1,
                key="leadership.open_proposals",
                label=_("Open proposals"),
                count=open_.count(),
                url=f"{decisions_url}?filter=open",
                latest=_items(list(open_.order_by("closes_at", "pk")[:LATEST]), closed=False),
                planned=True,
            ),
            RecordGroup(
                commitment=1,
                key="leadership.responsibilities",
                label=_("Responsibilities held"),
                count=responsibilities.count(),
                url=f"{team_url}#responsibilities",
                latest=tuple(
                    RecordItem(
                        title=f"{item.name}: {item.owner.public_name}", url=f"{team_url}#responsibilities"
                    )
                    for item in responsibilities.order_by("-updated_at")[:LATEST]
                ),
                oecd=(7,),
            ),
            RecordGroup(
                commitment=1,
                key="leadership.team",
                label=_("Members of the eTwinning team"),
                count=team.count(),
                url=team_url,
                oecd=(7,),
            ),
        ]


PROVIDER = LeadershipRecords()
