"""Writes about the team, its responsibilities and its decisions.

Every function is keyword-only, owns its transaction, checks the domain rules
(raising ValidationError with a translated sentence) and leaves an audit event.
Notifications go out through notifications.services.notify, which mails them
after the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from twinschools.accounts.models import User
from twinschools.core import audit
from twinschools.core.authz import forget_roles
from twinschools.leadership import queries
from twinschools.leadership.models import (
    REASON_REQUIRED,
    Choice,
    Outcome,
    Position,
    Process,
    Proposal,
    Responsibility,
    ResponsibilityKind,
    Result,
    Status,
    TeamMember,
)
from twinschools.network.models import School
from twinschools.notifications.services import notify

REMINDER_BEFORE = timedelta(hours=24)

# Notification kinds, registered with their sentences in apps.py.
PROPOSAL_OPENED = "leadership.proposal_opened"
PROPOSAL_REMINDER = "leadership.proposal_reminder"
PROPOSAL_CLOSED = "leadership.proposal_closed"
REVIEW_DUE = "leadership.review_due"


# The team.


@transaction.atomic
def add_team_member(*, school: School, user: User, by: User) -> TeamMember:
    if not queries.staff_people(school).filter(pk=user.pk).exists():
        raise ValidationError(_("Only staff of the school can join its team."), code="not_staff")
    if TeamMember.objects.filter(school=school, user=user).exists():
        raise ValidationError(_("This person is already on the team."), code="duplicate")
    member = TeamMember.objects.create(school=school, user=user, added_by=by)
    audit.record(actor=by, action="leadership.team_member.added", school=school, target=member)
    forget_roles(user)
    return member


@transaction.atomic
def remove_team_member(*, member: TeamMember, by: User) -> None:
    held = Responsibility.objects.filter(school_id=member.school_id, owner_id=member.user_id)
    if held.exists():
        raise ValidationError(
            _("%(name)s owns a responsibility. Give it to somebody else first.")
            % {"name": member.user.public_name},
            code="owner",
        )
    for responsibility in Responsibility.objects.filter(school_id=member.school_id, deputies=member.user):
        responsibility.deputies.remove(member.user)
    audit.record(actor=by, action="leadership.team_member.removed", school=member.school, target=member)
    member.delete()
    forget_roles(member.user)


@transaction.atomic
def set_delegation(*, member: TeamMember, leads: bool, by: User) -> TeamMember:
    """The head hands running the workspace to a teacher leader, or takes it back."""
    if member.leads_workspace != leads:
        member.leads_workspace = leads
        member.save(update_fields=["leads_workspace"])
        audit.record(
            actor=by,
            action="leadership.team_member.delegated" if leads else "leadership.team_member.delegation_ended",
            school=member.school,
            target=member,
        )
        forget_roles(member.user)
    return member


# Responsibilities.


def _check_holders(school: School, owner: User, deputies: Iterable[User]) -> list[User]:
    team = {person.pk for person in queries.team_people(school)}
    if owner.pk not in team:
        raise ValidationError({"owner": _("The owner must be on the school's team.")})
    deputies = [deputy for deputy in deputies if deputy.pk != owner.pk]
    if any(deputy.pk not in team for deputy in deputies):
        raise ValidationError({"deputies": _("Deputies must be on the school's team.")})
    return deputies


@transaction.atomic
def save_responsibility(
    *,
    school: School,
    kind: str,
    owner: User,
    deputies: Iterable[User] = (),
    title: str = "",
    description: str = "",
    by: User,
    responsibility: Responsibility | None = None,
) -> Responsibility:
    """Create a responsibility, or change the one given."""
    title = title.strip()
    if kind == ResponsibilityKind.OWN and not title:
        raise ValidationError({"title": _("Give the school's own area a title.")})
    checked_deputies = _check_holders(school, owner, deputies)
    created = responsibility is None
    if responsibility is None:
        responsibility = Responsibility(school=school)
    responsibility.kind = kind
    responsibility.title = title
    responsibility.description = description.strip()
    responsibility.owner = owner
    responsibility.save()
    responsibility.deputies.set(checked_deputies)
    audit.record(
        actor=by,
        action="leadership.responsibility.created" if created else "leadership.responsibility.changed",
        school=school,
        target=responsibility,
        data={"owner": owner.pk, "deputies": [deputy.pk for deputy in checked_deputies]},
    )
    return responsibility


@transaction.atomic
def delete_responsibility(*, responsibility: Responsibility, by: User) -> None:
    audit.record(
        actor=by,
        action="leadership.responsibility.deleted",
        school=responsibility.school,
        target=responsibility,
    )
    responsibility.delete()


# Proposals.


def proposal_url(proposal: Proposal) -> str:
    return reverse("leadership:proposal", args=[proposal.pk])


def _notice_params(proposal: Proposal, **extra: str) -> dict[str, str]:
    return {"title": proposal.title, "school": proposal.school.name, **extra}


@transaction.atomic
def open_proposal(
    *,
    school: School,
    proposer: User,
    title: str,
    details: str,
    process: str,
    closes_at: datetime,
    quorum_percent: int | None = None,
    anonymous: bool = False,
) -> Proposal:
    team = queries.team_people(school)
    if proposer.pk not in {person.pk for person in team}:
        raise ValidationError(_("Only members of the school's team can open a proposal."), code="not_team")
    if process not in Process.values:
        raise ValidationError({"process": _("Choose one of the decision processes.")})
    if closes_at <= timezone.now():
        raise ValidationError({"closes_at": _("The closing date and time must be in the future.")})
    if quorum_percent is not None and not 1 <= quorum_percent <= 100:
        raise ValidationError({"quorum_percent": _("The quorum is a percentage between 1 and 100.")})
    proposal = Proposal.objects.create(
        school=school,
        proposer=proposer,
        title=title.strip(),
        details=details.strip(),
        process=process,
        closes_at=closes_at,
        quorum_percent=quorum_percent,
        anonymous=anonymous,
    )
    proposal.voters.set(team)
    audit.record(
        actor=proposer,
        action="leadership.proposal.opened",
        school=school,
        target=proposal,
        data={"process": process, "voters": len(team), "anonymous": anonymous},
    )
    notify(
        recipients=[person for person in team if person.pk != proposer.pk],
        kind=PROPOSAL_OPENED,
        # the deadline goes with the school's zone, and is written in it (notices.py)
        params=_notice_params(
            proposal,
            proposer=proposer.public_name,
            closes=proposal.closes_at.isoformat(),
            zone=school.time_zone,
        ),
        url=proposal_url(proposal),
        school=school,
        target=f"proposal:{proposal.pk}",
    )
    return proposal


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("school").get(pk=proposal.pk)


@transaction.atomic
def take_position(*, proposal: Proposal, voter: User, choice: str, reason: str = "") -> Position:
    """Take or change one's position; the last one counts, until the proposal closes."""
    proposal = _locked(proposal)
    if not proposal.is_open or proposal.closes_at <= timezone.now():
        raise ValidationError(_("This proposal is closed: positions can no longer change."), code="closed")
    if not proposal.voters.filter(pk=voter.pk).exists():
        raise ValidationError(
            _("Only the team members who were on the team when the proposal opened take positions."),
            code="not_voter",
        )
    if choice not in proposal.choices:
        raise ValidationError({"choice": _("Choose one of the positions this process offers.")})
    reason = reason.strip()
    if choice in REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _reason_missing(choice)})
    position, created = Position.objects.update_or_create(
        proposal=proposal, voter=voter, defaults={"choice": choice, "reason": reason}
    )
    # An anonymous proposal's audit trail must not tell who took which position either.
    data = {} if proposal.anonymous else {"choice": choice}
    audit.record(
        actor=voter,
        action="leadership.proposal.position_taken" if created else "leadership.proposal.position_changed",
        school=proposal.school,
        target=proposal,
        data=data,
    )
    return position


def _reason_missing(choice: str) -> str:
    if choice == Choice.OBJECT:
        return _("An objection needs its reason, so the proposal can be improved.")
    if choice == Choice.BLOCK:
        return _("A block needs its reason, so the team can look for another way.")
    return _("Write your advice.")


@dataclass(frozen=True)
class Count:
    eligible: int
    cast: dict[str, int]

    @property
    def participation(self) -> int:
        return sum(self.cast.values())


def result_of(process: str, count: Count, quorum_percent: int | None) -> str:
    """The result of a process, given how many took each position."""
    if quorum_percent and count.participation * 100 < quorum_percent * count.eligible:
        return Result.NO_QUORUM
    if process == Process.ADVICE:
        return Result.ADVISED
    if process == Process.CONSENT:
        return Result.REJECTED if count.cast.get(Choice.OBJECT, 0) else Result.PASSED
    if process == Process.CONSENSUS:
        return Result.REJECTED if count.cast.get(Choice.BLOCK, 0) else Result.PASSED
    yes, no = count.cast.get(Choice.YES, 0), count.cast.get(Choice.NO, 0)
    return Result.PASSED if yes > no else Result.REJECTED


def _close(proposal: Proposal, *, actor: User | None, now: datetime) -> Proposal:
    cast: dict[str, int] = {}
    for choice in proposal.positions.values_list("choice", flat=True):
        cast[choice] = cast.get(choice, 0) + 1
    count = Count(eligible=proposal.voters.count(), cast=cast)
    proposal.result = result_of(proposal.process, count, proposal.quorum_percent)
    proposal.status = Status.CLOSED
    proposal.closed_at = now
    proposal.save(update_fields=["result", "status", "closed_at"])
    audit.record(
        actor=actor,
        action="leadership.proposal.closed",
        school=proposal.school,
        target=proposal,
        data={"result": proposal.result, "participation": count.participation, "eligible": count.eligible},
    )
    notify(
        recipients=proposal.voters.all(),
        kind=PROPOSAL_CLOSED,
        params=_notice_params(proposal, result=proposal.result),
        url=proposal_url(proposal),
        school=proposal.school,
        target=f"proposal:{proposal.pk}",
    )
    return proposal


@transaction.atomic
def close_proposal(*, proposal: Proposal, by: User) -> Proposal:
    """Close before the closing time (the proposer or a leader)."""
    proposal = _locked(proposal)
    if not proposal.is_open:
        raise ValidationError(_("This proposal is already closed."), code="closed")
    return _close(proposal, actor=by, now=timezone.now())


@transaction.atomic
def withdraw_proposal(*, proposal: Proposal, by: User) -> Proposal:
    proposal = _locked(proposal)
    if not proposal.is_open:
        raise ValidationError(_("Only an open proposal can be withdrawn."), code="closed")
    proposal.status = Status.WITHDRAWN
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["status", "closed_at"])
    audit.record(actor=by, action="leadership.proposal.withdrawn", school=proposal.school, target=proposal)
    return proposal


@transaction.atomic
def record_outcome(
    *,
    proposal: Proposal,
    statement: str,
    responsible: Iterable[User],
    review_on: date | None,
    by: User,
) -> Outcome:
    """Record (or correct) what was decided, who carries it out and when to review it."""
    proposal = _locked(proposal)
    if proposal.status != Status.CLOSED:
        raise ValidationError(_("The outcome is recorded once the proposal is closed."), code="open")
    statement = statement.strip()
    if not statement:
        raise ValidationError({"statement": _("Write what was decided.")})
    decided_on = timezone.localdate(proposal.closed_at) if proposal.closed_at else timezone.localdate()
    if review_on is not None and review_on < decided_on:
        raise ValidationError(
            {
                "review_on": _("The review date cannot be before the decision (%(day)s).")
                % {"day": formats.date_format(decided_on, "DATE_FORMAT")}
            }
        )
    people = list(responsible)
    staff = set(queries.staff_people(proposal.school).values_list("pk", flat=True))
    if any(person.pk not in staff for person in people):
        raise ValidationError({"responsible": _("The people responsible must be staff of the school.")})
    outcome = Outcome.objects.filter(proposal=proposal).first()
    created = outcome is None
    if outcome is None:
        outcome = Outcome(proposal=proposal, school=proposal.school)
    elif outcome.review_on != review_on:
        outcome.review_notice_sent_at = None  # A new review date gets its own notice.
    outcome.statement = statement
    outcome.review_on = review_on
    outcome.recorded_by = by
    outcome.recorded_at = timezone.now()
    outcome.save()
    outcome.responsible.set(people)
    audit.record(
        actor=by,
        action="leadership.outcome.recorded" if created else "leadership.outcome.changed",
        school=proposal.school,
        target=outcome,
        data={
            "review_on": review_on.isoformat() if review_on else None,
            "responsible": [p.pk for p in people],
        },
    )
    return outcome


# The periodic job: automatic closing, reminders and review notices.


@dataclass(frozen=True)
class DueWork:
    closed: int
    reminded: int
    reviews: int


def send_due_notifications(*, now: datetime | None = None) -> DueWork:
    """Close due proposals, remind the silent, announce reviews; each exactly once.

    Safe to run as often as one likes: each proposal is locked and rechecked, and
    what was sent is recorded on the row in the same transaction.
    """
    now = now or timezone.now()
    closed = sum(
        _close_if_due(pk, now) for pk in queries.proposals_to_close(now).values_list("pk", flat=True)
    )
    before = now + REMINDER_BEFORE
    reminded = sum(
        _remind_if_due(pk, now, before)
        for pk in queries.proposals_to_remind(now, before).values_list("pk", flat=True)
    )
    today = timezone.localdate(now)
    reviews = sum(
        _review_if_due(pk, today, now) for pk in queries.outcomes_due(today).values_list("pk", flat=True)
    )
    return DueWork(closed=closed, reminded=reminded, reviews=reviews)


@transaction.atomic
def _close_if_due(pk: int, now: datetime) -> bool:
    proposal = Proposal.objects.select_for_update().select_related("school").get(pk=pk)
    if not proposal.is_open or proposal.closes_at > now:
        return False
    _close(proposal, actor=None, now=now)
    return True


@transaction.atomic
def _remind_if_due(pk: int, now: datetime, before: datetime) -> bool:
    proposal = Proposal.objects.select_for_update().select_related("school").get(pk=pk)
    if (
        not proposal.is_open
        or proposal.reminder_sent_at is not None
        or not now < proposal.closes_at <= before
    ):
        return False
    silent = proposal.voters.exclude(pk__in=proposal.positions.values("voter_id"))
    notify(
        recipients=list(silent),
        kind=PROPOSAL_REMINDER,
        params=_notice_params(proposal),
        url=proposal_url(proposal),
        school=proposal.school,
        target=f"proposal:{proposal.pk}",
    )
    proposal.reminder_sent_at = now
    proposal.save(update_fields=["reminder_sent_at"])
    audit.record(actor=None, action="leadership.proposal.reminded", school=proposal.school, target=proposal)
    return True


@transaction.atomic
def _review_if_due(pk: int, today: date, now: datetime) -> bool:
    outcome = (
        Outcome.objects.select_for_update()
        .select_related("proposal__school", "proposal__proposer")
        .get(pk=pk)
    )
    if outcome.review_notice_sent_at is not None or outcome.review_on is None or outcome.review_on > today:
        return False
    proposal = outcome.proposal
    notify(
        recipients=[*outcome.responsible.all(), proposal.proposer],
        kind=REVIEW_DUE,
        params=_notice_params(proposal),
        url=proposal_url(proposal),
        school=proposal.school,
        target=f"proposal:{proposal.pk}",
    )
    outcome.review_notice_sent_at = now
    outcome.save(update_fields=["review_notice_sent_at"])
    audit.record(actor=None, action="leadership.outcome.review_due", school=proposal.school, target=outcome)
    return True
