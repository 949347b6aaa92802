"""Writes about student teams, initiatives and suggestions.

Every function is keyword-only, owns its transaction and leaves an audit event.
Suggestions are anonymous: their audit events name no actor.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.accounts.models import STAFF_ROLES, StudentProfile, User
from twinschools.accounts.queries import current_memberships
from twinschools.agency.models import (
    Audience,
    Initiative,
    InitiativeStatus,
    StudentTeam,
    Suggestion,
    SuggestionStatus,
)
from twinschools.core import audit
from twinschools.network.models import School

APPROVE, ASK_CHANGES, DECLINE = "approve", "changes", "decline"
PUBLISH, HIDE = "publish", "hide"


# Teams ----------------------------------------------------------------------


def _check_team(
    *, school: School, name: str, coordinators: list[User], members: list[StudentProfile], team_pk: int | None
) -> None:
    errors: dict[str, list[str]] = {}
    same_name = StudentTeam.objects.filter(school=school, name__iexact=name.strip())
    if team_pk is not None:
        same_name = same_name.exclude(pk=team_pk)
    if not name.strip():
        errors["name"] = [_("Give the team a name.")]
    elif same_name.exists():
        errors["name"] = [_("The school already has a student team with this name.")]
    staff_ids = set(
        current_memberships().filter(school=school, role__in=STAFF_ROLES).values_list("user_id", flat=True)
    )
    if not coordinators:
        errors["coordinators"] = [_("Choose at least one coordinating teacher.")]
    elif any(person.pk not in staff_ids for person in coordinators):
        errors["coordinators"] = [_("Only teachers of the school can coordinate its student team.")]
    if any(member.class_group.school_id != school.pk for member in members):
        errors["members"] = [_("Only pupils of the school can join its student team.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_team(
    *,
    school: School,
    name: str,
    description: str,
    coordinators: Iterable[User],
    members: Iterable[StudentProfile],
    by: User,
) -> StudentTeam:
    coordinators, members = list(coordinators), list(members)
    _check_team(school=school, name=name, coordinators=coordinators, members=members, team_pk=None)
    team = StudentTeam.objects.create(school=school, name=name.strip(), description=description.strip())
    team.coordinators.set(coordinators)
    team.members.set(members)
    audit.record(
        actor=by,
        action="agency.student_team.created",
        school=school,
        target=team,
        data={"pupils": len(members)},
    )
    return team


@transaction.atomic
def update_team(
    *,
    team: StudentTeam,
    name: str,
    description: str,
    coordinators: Iterable[User],
    members: Iterable[StudentProfile],
    by: User,
) -> StudentTeam:
    coordinators, members = list(coordinators), list(members)
    _check_team(school=team.school, name=name, coordinators=coordinators, members=members, team_pk=team.pk)
    team.name, team.description = name.strip(), description.strip()
    team.save(update_fields=["name", "description"])
    team.coordinators.set(coordinators)
    team.members.set(members)
    audit.record(
        actor=by,
        action="agency.student_team.changed",
        school=team.school,
        target=team,
        data={"pupils": len(members)},
    )
    return team


# Initiatives ----------------------------------------------------------------


def _check_initiative(
    *,
    profile: StudentProfile,
    title: str,
    plan: str,
    audiences: list[str],
    planned_on: date | None,
    team: StudentTeam | None,
) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give your idea a title.")]
    if not plan.strip():
        errors["plan"] = [_("Say what you will do.")]
    if not audiences:
        errors["audiences"] = [_("Choose at least one group you want to reach.")]
    elif any(code not in Audience.values for code in audiences):
        errors["audiences"] = [_("Choose from the groups in the list.")]
    if planned_on is None:
        errors["planned_on"] = [_("Choose a date.")]
    elif planned_on < timezone.localdate():
        errors["planned_on"] = [_("Choose a date that is today or later.")]
    if team is not None and not team.members.filter(pk=profile.pk).exists():
        errors["team"] = [_("You can only choose a team you are on.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def propose_initiative(
    *,
    pupil: User,
    title: str,
    plan: str,
    audiences: list[str],
    planned_on: date | None,
    team: StudentTeam | None = None,
) -> Initiative:
    profile = StudentProfile.objects.select_related("class_group__school").get(user=pupil)
    _check_initiative(
        profile=profile, title=title, plan=plan, audiences=audiences, planned_on=planned_on, team=team
    )
    assert planned_on is not None  # checked above
    school = profile.class_group.school
    initiative = Initiative.objects.create(
        school=school,
        team=team,
        proposed_by=pupil,
        title=title.strip(),
        plan=plan.strip(),
        audiences=list(audiences),
        planned_on=planned_on,
    )
    audit.record(actor=pupil, action="agency.initiative.proposed", school=school, target=initiative)
    return initiative


@transaction.atomic
def resubmit_initiative(
    *,
    initiative: Initiative,
    pupil: User,
    title: str,
    plan: str,
    audiences: list[str],
    planned_on: date | None,
    team: StudentTeam | None = None,
) -> Initiative:
    """The proposer edits their initiative; it goes back to the teachers."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.proposed_by_id != pupil.pk:
        raise ValidationError(_("Only the pupil who proposed this initiative can change it."), code="author")
    if initiative.status not in {InitiativeStatus.PROPOSED, InitiativeStatus.CHANGES}:
        raise ValidationError(_("A teacher has already decided about this initiative."), code="decided")
    profile = StudentProfile.objects.get(user=pupil)
    _check_initiative(
        profile=profile, title=title, plan=plan, audiences=audiences, planned_on=planned_on, team=team
    )
    assert planned_on is not None
    initiative.title, initiative.plan = title.strip(), plan.strip()
    initiative.audiences, initiative.planned_on, initiative.team = list(audiences), planned_on, team
    initiative.status = InitiativeStatus.PROPOSED
    initiative.save()
    audit.record(
        actor=pupil,
        action="agency.initiative.resubmitted",
        school=initiative.school,
        target=initiative,
    )
    return initiative


_OUTCOME = {
    APPROVE: InitiativeStatus.APPROVED,
    ASK_CHANGES: InitiativeStatus.CHANGES,
    DECLINE: InitiativeStatus.DECLINED,
}


@transaction.atomic
def moderate_initiative(*, initiative: Initiative, decision: str, note: str, by: User) -> Initiative:
    """Approve, ask for changes (with a note for the pupil) or decline (with a reason)."""
    initiative = Initiative.objects.select_for_update().select_related("school").get(pk=initiative.pk)
    if decision not in _OUTCOME:
        raise ValidationError({"decision": [_("Choose what to do with the initiative.")]})
    if initiative.status not in {InitiativeStatus.PROPOSED, InitiativeStatus.CHANGES}:
        raise ValidationError(_("This initiative was already decided."), code="decided")
    note = note.strip()
    if decision == ASK_CHANGES and not note:
        raise ValidationError({"note": [_("Tell the pupil what to change.")]})
    if decision == DECLINE and not note:
        raise ValidationError({"note": [_("Give the pupil the reason for declining.")]})
    initiative.status = _OUTCOME[decision]
    initiative.moderation_note = note
    initiative.moderated_by = by
    initiative.moderated_at = timezone.now()
    initiative.save(update_fields=["status", "moderation_note", "moderated_by", "moderated_at", "updated_at"])
    audit.record(
        actor=by,
        action=f"agency.initiative.{initiative.status}",
        school=initiative.school,
        target=initiative,
    )
    return initiative


@transaction.atomic
def record_held(
    *,
    initiative: Initiative,
    held_on: date | None,
    teachers_reached: int | None,
    parents_reached: int | None,
    others_reached: int | None,
    report: str,
    by: User,
) -> Initiative:
    """Record that an approved initiative took place, and whom it reached."""
    initiative = Initiative.objects.select_for_update().select_related("school").get(pk=initiative.pk)
    if initiative.status not in {InitiativeStatus.APPROVED, InitiativeStatus.HELD}:
        raise ValidationError(_("Only an approved initiative can be recorded as held."), code="status")
    errors: dict[str, list[str]] = {}
    if held_on is None:
        errors["held_on"] = [_("Give the date it took place.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("The date cannot be in the future.")]
    reach = {
        "teachers_reached": teachers_reached,
        "parents_reached": parents_reached,
        "others_reached": others_reached,
    }
    for name, number in reach.items():
        if number is None or number < 0:
            errors[name] = [_("Give a number, zero or more.")]
    if errors:
        raise ValidationError(errors)
    initiative.status = InitiativeStatus.HELD
    initiative.held_on = held_on
    initiative.teachers_reached = teachers_reached or 0
    initiative.parents_reached = parents_reached or 0
    initiative.others_reached = others_reached or 0
    initiative.report = report.strip()
    initiative.save()
    audit.record(
        actor=by,
        action="agency.initiative.held",
        school=initiative.school,
        target=initiative,
        data={
            "teachers": initiative.teachers_reached,
            "parents": initiative.parents_reached,
            "others": initiative.others_reached,
        },
    )
    return initiative


# Suggestions ----------------------------------------------------------------


@transaction.atomic
def submit_suggestion(*, school: School, author: User, text: str) -> Suggestion:
    text = text.strip()
    if not text:
        raise ValidationError({"text": [_("Write your suggestion first.")]})
    suggestion = Suggestion.objects.create(school=school, author=author, text=text)
    # The channel is anonymous: the audit trail says that a suggestion came, not from whom.
    audit.record(actor=None, action="agency.suggestion.submitted", school=school, target=suggestion)
    return suggestion


@transaction.atomic
def moderate_suggestion(
    *, suggestion: Suggestion, decision: str, reason: str, response: str, by: User
) -> Suggestion:
    """Publish to the school's pupils (with the team's response, if any) or hide with a reason."""
    suggestion = Suggestion.objects.select_for_update().select_related("school").get(pk=suggestion.pk)
    reason, response = reason.strip(), response.strip()
    if decision == PUBLISH:
        suggestion.status = SuggestionStatus.PUBLISHED
        suggestion.hidden_reason = ""
    elif decision == HIDE:
        if not reason:
            raise ValidationError({"reason": [_("Say why the suggestion is not published.")]})
        suggestion.status = SuggestionStatus.HIDDEN
        suggestion.hidden_reason = reason
    else:
        raise ValidationError({"decision": [_("Choose whether to publish the suggestion.")]})
    if response != suggestion.response:
        suggestion.response = response
        suggestion.responded_at = timezone.now() if response else None
    suggestion.moderated_by = by
    suggestion.save()
    audit.record(
        actor=by,
        action=f"agency.suggestion.{suggestion.status}",
        school=suggestion.school,
        target=suggestion,
        data={"answered": bool(suggestion.response)},
    )
    return suggestion
