"""What the team did, for the mission overview (commitment 1, shared leadership)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from twinschools.leadership import queries
from twinschools.leadership.models import Proposal, Responsibility, Status
from twinschools.mission.registry import RecordGroup, RecordItem

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


def leadership_records(*, school: Any, since: date) -> list[RecordGroup]:
    decisions_url = reverse("leadership:decisions", args=[school.pk])
    team_url = reverse("leadership:team", args=[school.pk])
    decided = Proposal.objects.filter(
        school=school, status=Status.CLOSED, closed_at__gte=queries.since(since)
    )
    open_ = Proposal.objects.filter(school=school, status=Status.OPEN)
    responsibilities = Responsibility.objects.filter(school=school).select_related("owner")
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
            oecd=(7,),
        ),
        RecordGroup(
            commitment=1,
            key="leadership.responsibilities",
            label=_("Responsibilities held"),
            count=responsibilities.count(),
            url=f"{team_url}#responsibilities",
            latest=tuple(
                RecordItem(title=f"{item.name}: {item.owner.public_name}", url=f"{team_url}#responsibilities")
                for item in responsibilities.order_by("-updated_at")[:LATEST]
            ),
            oecd=(7,),
        ),
        RecordGroup(
            commitment=1,
            key="leadership.team",
            label=_("Members of the eTwinning team"),
            count=len(queries.team_people(school)),
            url=team_url,
            oecd=(7,),
        ),
    ]
