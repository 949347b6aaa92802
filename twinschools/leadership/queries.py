"""Reads about the team and its decisions, scoped to one school."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.accounts.models import Role, User
from twinschools.accounts.queries import current_memberships
from twinschools.leadership.models import Outcome, Position, Proposal, Responsibility, Status, TeamMember
from twinschools.network.models import School

DECISIONS_PAGE_SIZE = getattr(settings, "DECISIONS_PAGE_SIZE", 20)
FILTERS = ("all", "open", "decided", "review")


def _is_current_staff(school_field: str = "school_id", user_field: str = "user_id") -> Exists:
    return Exists(
        current_memberships().filter(
            school_id=OuterRef(school_field), user_id=OuterRef(user_field), role__in=(Role.HEAD, Role.TEACHER)
        )
    )


def team_members(school: School) -> QuerySet[TeamMember]:
    """Seats on the team whose holder is still on the school's staff."""
    return (
        TeamMember.objects.filter(school=school)
        .filter(_is_current_staff())
        .select_related("user", "added_by")
        .order_by("-leads_workspace", "user__full_name", "user_id")
    )


def heads_of(school: School) -> QuerySet[User]:
    return User.objects.filter(
        pk__in=current_memberships().filter(school=school, role=Role.HEAD).values("user_id"), is_active=True
    ).order_by("full_name", "pk")


def team_queryset(school: School) -> QuerySet[User]:
    """Everybody who takes part in the school's decisions: the heads and the team.

    One subquery over the school's current staff (a head, or holding a seat), so the
    database starts from the school's memberships, not from every user of the network."""
    seat = TeamMember.objects.filter(school_id=OuterRef("school_id"), user_id=OuterRef("user_id"))
    deciders = (
        current_memberships()
        .filter(school=school, role__in=(Role.HEAD, Role.TEACHER))
        .filter(Q(role=Role.HEAD) | Q(Exists(seat)))
        .values("user_id")
    )
    return User.objects.filter(pk__in=deciders, is_active=True).order_by("full_name", "pk")


def team_people(school: School) -> list[User]:
    return list(team_queryset(school))


def staff_people(school: School) -> QuerySet[User]:
    staff = current_memberships().filter(school=school, role__in=(Role.HEAD, Role.TEACHER)).values("user_id")
    return User.objects.filter(pk__in=staff, is_active=True).order_by("full_name", "pk")


def staff_not_on_team(school: School) -> QuerySet[User]:
    seats = TeamMember.objects.filter(school=school).values("user_id")
    return staff_people(school).exclude(pk__in=seats)


def responsibilities_of(school: School) -> QuerySet[Responsibility]:
    return (
        Responsibility.objects.filter(school=school)
        .select_related("owner")
        .prefetch_related(Prefetch("deputies", queryset=User.objects.order_by("full_name", "pk")))
    )


def team_member(pk: int) -> TeamMember:
    return get_object_or_404(TeamMember.objects.select_related("user", "school__country"), pk=pk)


def responsibility(pk: int) -> Responsibility:
    return get_object_or_404(
        Responsibility.objects.select_related("owner", "school__country").prefetch_related("deputies"), pk=pk
    )


def proposal(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("proposer", "school__country"), pk=pk)


@dataclass(frozen=True)
class Tally:
    choice: str
    label: str
    count: int


@dataclass
class ProposalView:
    """What a person may see of a proposal: names only when it is not anonymous."""

    proposal: Proposal
    eligible_count: int
    participation: int
    positions: list[Position]  # named positions, empty for anonymous proposals
    anonymous_reasons: list[tuple[str, str]]  # (choice label, reason), anonymous proposals only
    tallies: list[Tally]
    mine: Position | None
    outcome: Outcome | None
    may_take_position: bool
    show_tallies: bool
    today: date


def proposal_view(proposal: Proposal, user: User) -> ProposalView:
    from twinschools.leadership.models import Choice

    positions = list(
        Position.objects.filter(proposal=proposal).select_related("voter").order_by("voter__full_name", "pk")
    )
    voter_ids = set(proposal.voters.values_list("pk", flat=True))
    counts = {choice: 0 for choice in proposal.choices}
    for position in positions:
        counts[position.choice] = counts.get(position.choice, 0) + 1
    tallies = [Tally(choice, str(Choice(choice).label), counts[choice]) for choice in proposal.choices]
    outcome = (
        Outcome.objects.filter(proposal=proposal)
        .prefetch_related(Prefetch("responsible", queryset=User.objects.order_by("full_name", "pk")))
        .first()
    )
    mine = next((position for position in positions if position.voter_id == user.pk), None)
    anonymous_reasons: list[tuple[str, str]] = []
    if proposal.anonymous:
        # Sorted by content, never by time or person, so nobody can tell who wrote what.
        anonymous_reasons = sorted(
            (str(Choice(position.choice).label), position.reason) for position in positions if position.reason
        )
    return ProposalView(
        proposal=proposal,
        eligible_count=len(voter_ids),
        participation=len(positions),
        positions=[] if proposal.anonymous else positions,
        anonymous_reasons=anonymous_reasons if not proposal.is_open else [],
        tallies=tallies,
        mine=mine,
        outcome=outcome,
        may_take_position=proposal.is_open and user.pk in voter_ids,
        # Anonymous proposals show the tally only once closed, when it no longer moves.
        show_tallies=not proposal.anonymous or not proposal.is_open,
        today=timezone.localdate(),
    )


def open_proposals(school: School) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(school=school, status=Status.OPEN)
        .select_related("proposer")
        .annotate(
            position_count=Count("positions", distinct=True), voter_count=Count("voters", distinct=True)
        )
        .order_by("closes_at", "pk")
    )


def decision_log(school: School, status_filter: str, today: date) -> QuerySet[Proposal]:
    """Closed and withdrawn proposals, newest first, with their outcomes."""
    proposals = (
        Proposal.objects.filter(school=school)
        .select_related("proposer", "outcome")
        .prefetch_related(Prefetch("outcome__responsible", queryset=User.objects.order_by("full_name", "pk")))
    )
    if status_filter == "open":
        return proposals.filter(status=Status.OPEN).order_by("closes_at", "pk")
    if status_filter == "review":
        proposals = proposals.filter(outcome__review_on__lte=today)
        return proposals.order_by("outcome__review_on", "pk")
    if status_filter == "decided":
        proposals = proposals.filter(status=Status.CLOSED)
    else:
        proposals = proposals.exclude(status=Status.OPEN)
    return proposals.order_by("-closed_at", "-pk")


def decision_log_page(
    school: School, status_filter: str, page_number: str | int | None, today: date
) -> Page[Proposal]:
    return Paginator(decision_log(school, status_filter, today), DECISIONS_PAGE_SIZE).get_page(page_number)


# The periodic job's reads.


def proposals_to_close(now: datetime) -> QuerySet[Proposal]:
    return Proposal.objects.filter(status=Status.OPEN, closes_at__lte=now)


def proposals_to_remind(now: datetime, before: datetime) -> QuerySet[Proposal]:
    return Proposal.objects.filter(
        status=Status.OPEN, reminder_sent_at__isnull=True, closes_at__gt=now, closes_at__lte=before
    )


def outcomes_due(today: date) -> QuerySet[Outcome]:
    return Outcome.objects.filter(review_on__lte=today, review_notice_sent_at__isnull=True)


def since(start: date) -> datetime:
    return timezone.make_aware(datetime.combine(start, datetime.min.time()))
