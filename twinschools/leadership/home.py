"""What the team's decisions ask of a person, for their home page (accounts.home)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.home import WARNING, Contribution, Item, ItemList, Todo
from twinschools.accounts.models import STAFF_ROLES
from twinschools.core.authz import LEADER, Roles
from twinschools.leadership.models import Outcome, Position, Proposal, Status

LISTED = 5
# Review dates a week ahead are worth preparing; older than a month, the team has moved on.
REVIEW_AHEAD = timedelta(days=7)
REVIEW_BEHIND = timedelta(days=30)


def waiting_for_position(user: Any, school_ids: list[int]) -> QuerySet[Proposal]:
    mine = Position.objects.filter(proposal_id=OuterRef("pk"), voter=user)
    return Proposal.objects.filter(school_id__in=school_ids, status=Status.OPEN, voters=user).exclude(
        Exists(mine)
    )


def outcomes_to_record(user: Any, school_ids: list[int], lead_ids: list[int]) -> QuerySet[Proposal]:
    recorded = Outcome.objects.filter(proposal_id=OuterRef("pk"))
    return (
        Proposal.objects.filter(status=Status.CLOSED, school_id__in=school_ids)
        .filter(Q(school_id__in=lead_ids) | Q(proposer=user))
        .exclude(Exists(recorded))
    )


def reviews_due(lead_ids: list[int], now: datetime) -> QuerySet[Outcome]:
    today = timezone.localdate(now)
    return Outcome.objects.filter(
        school_id__in=lead_ids, review_on__gte=today - REVIEW_BEHIND, review_on__lte=today + REVIEW_AHEAD
    )


def _per_school(found: QuerySet[Any]) -> dict[int, int]:
    return {
        row["school_id"]: row["n"] for row in found.values("school_id").annotate(n=Count("pk")).order_by()
    }


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    staff = roles.schools_with(*STAFF_ROLES)
    if not staff:
        return []
    lead = [s for s in staff if roles.at(s) & {"head", LEADER}]
    waiting = waiting_for_position(user, staff)
    to_record = outcomes_to_record(user, staff, lead)
    counts = {
        "positions": _per_school(waiting),
        "outcomes": _per_school(to_record),
        "reviews": _per_school(reviews_due(lead, now)) if lead else {},
    }
    latest = list(waiting.select_related("school").order_by("closes_at", "pk")[:LISTED])
    contributions = []
    for school_id in staff:
        decisions = reverse("leadership:decisions", args=[school_id])
        cards = (
            Todo(
                "leadership.positions",
                _("Proposals waiting for your position"),
                counts["positions"].get(school_id, 0),
                decisions,
                icon="hand-index",
                order=10,
            ),
            Todo(
                "leadership.outcomes",
                _("Decisions to record"),
                counts["outcomes"].get(school_id, 0),
                f"{decisions}?filter=decided",
                icon="journal-check",
                tone=WARNING,
                order=20,
            ),
            Todo(
                "leadership.reviews",
                _("Decisions to review"),
                counts["reviews"].get(school_id, 0),
                f"{decisions}?filter=review",
                icon="arrow-repeat",
                order=25,
            ),
        )
        items = tuple(
            Item(p.title, reverse("leadership:proposal", args=[p.pk]), p.closes_at, _("closes"))
            for p in latest
            if p.school_id == school_id
        )
        lists = (ItemList("leadership.positions", _("Proposals waiting for your position"), items, 10),)
        contributions.append(Contribution(f"school:{school_id}", cards=cards, lists=lists if items else ()))
    return contributions
