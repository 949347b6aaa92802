"""Writes to the action plan and the calendar.

Every function is keyword-only, owns its transaction, checks the domain rules
(raising ValidationError with a translated sentence) and leaves an audit event.
Plan changes also leave a PlanChange, the plan's own field-by-field history.

Edits of goals, actions and activities are refused when the row no longer has
the version the editor started from: the update filters on that version and
bumps it in one statement, so of two concurrent saves exactly one wins, on
SQLite and PostgreSQL alike, and the other gets an EditConflict.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.accounts.models import ClassGroup, User
from twinschools.accounts.queries import staff_of
from twinschools.core import audit
from twinschools.mission.models import Approach
from twinschools.network.models import Project, School
from twinschools.notifications.services import notify
from twinschools.planning.models import (
    Action,
    ActionStatus,
    ActivityStatus,
    CalendarActivity,
    ChangeKind,
    ChangeOperation,
    FeedToken,
    Goal,
    Plan,
    PlanChange,
    ProgressNote,
)
from twinschools.planning.notices import CO_PLANNER_ADDED

GOAL_FIELDS = ("commitment", "title", "description")
ACTION_FIELDS = (
    "title",
    "description",
    "owners",
    "starts_on",
    "ends_on",
    "resources",
    "success_criteria",
    "status",
)


class EditConflict(ValidationError):
    """Someone saved the record after the editor opened it; `current` is their version."""

    def __init__(self, current: Any) -> None:
        super().__init__(
            _("Someone else saved this after you opened it. Your changes were not saved."), code="conflict"
        )
        self.current = current


# The plan -----------------------------------------------------------------


@transaction.atomic
def create_plan(*, school: School, by: User, title: str, starts_on: date, ends_on: date) -> Plan:
    _check_period(starts_on, ends_on)
    plan = Plan.objects.create(
        school=school, title=title.strip(), starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    audit.record(actor=by, action="planning.plan.created", school=school, target=plan)
    return plan


@transaction.atomic
def add_goal(*, plan: Plan, by: User, commitment: int, title: str, description: str = "") -> Goal:
    values = {"commitment": commitment, "title": title.strip(), "description": description.strip()}
    goal = Goal.objects.create(
        plan=plan, school_id=plan.school_id, updated_by=by, updated_at=timezone.now(), **values
    )
    _log(goal.plan, by, ChangeKind.GOAL, ChangeOperation.CREATED, goal=goal, before={}, after=values)
    return goal


@transaction.atomic
def update_goal(
    *, goal: Goal, by: User, expected_version: int, commitment: int, title: str, description: str = ""
) -> Goal:
    before = _goal_values(Goal.objects.get(pk=goal.pk))
    after = {"commitment": commitment, "title": title.strip(), "description": description.strip()}
    saved = Goal.objects.filter(pk=goal.pk, version=expected_version).update(
        **after, version=F("version") + 1, updated_by=by, updated_at=timezone.now()
    )
    if not saved:
        raise EditConflict(Goal.objects.select_related("updated_by").get(pk=goal.pk))
    goal = Goal.objects.select_related("plan", "updated_by").get(pk=goal.pk)
    _log(goal.plan, by, ChangeKind.GOAL, ChangeOperation.UPDATED, goal=goal, before=before, after=after)
    return goal


@transaction.atomic
def delete_goal(*, goal: Goal, by: User) -> None:
    if goal.actions.exists():
        raise ValidationError(
            _("This goal still has actions. Delete or finish them before deleting the goal."), code="actions"
        )
    _log(
        goal.plan,
        by,
        ChangeKind.GOAL,
        ChangeOperation.DELETED,
        goal=goal,
        before=_goal_values(goal),
        after={},
    )
    goal.delete()


@transaction.atomic
def add_action(
    *,
    goal: Goal,
    by: User,
    title: str,
    owners: Iterable[User],
    starts_on: date,
    ends_on: date,
    description: str = "",
    resources: str = "",
    success_criteria: str = "",
    status: str = ActionStatus.PLANNED,
) -> Action:
    owner_ids = _check_action(goal.school_id, owners, starts_on, ends_on, status)
    now = timezone.now()
    values: dict[str, Any] = {
        "title": title.strip(),
        "description": description.strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "resources": resources.strip(),
        "success_criteria": success_criteria.strip(),
        "status": status,
    }
    action = Action.objects.create(
        goal=goal,
        school_id=goal.school_id,
        updated_by=by,
        updated_at=now,
        done_on=timezone.localdate() if status == ActionStatus.DONE else None,
        **values,
    )
    action.owners.set(owner_ids)
    after = _machine({**values, "owners": owner_ids})
    _log(
        goal.plan,
        by,
        ChangeKind.ACTION,
        ChangeOperation.CREATED,
        goal=goal,
        action=action,
        before={},
        after=after,
    )
    return action


@transaction.atomic
def update_action(
    *,
    action: Action,
    by: User,
    expected_version: int,
    title: str,
    owners: Iterable[User],
    starts_on: date,
    ends_on: date,
    description: str = "",
    resources: str = "",
    success_criteria: str = "",
    status: str = ActionStatus.PLANNED,
) -> Action:
    owner_ids = _check_action(action.school_id, owners, starts_on, ends_on, status)
    stored = Action.objects.get(pk=action.pk)
    before = _action_values(stored)
    changes: dict[str, Any] = {
        "title": title.strip(),
        "description": description.strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "resources": resources.strip(),
        "success_criteria": success_criteria.strip(),
        "status": status,
    }
    if status != stored.status:
        changes["done_on"] = timezone.localdate() if status == ActionStatus.DONE else None
    saved = Action.objects.filter(pk=action.pk, version=expected_version).update(
        **changes, version=F("version") + 1, updated_by=by, updated_at=timezone.now()
    )
    if not saved:
        raise EditConflict(_fresh_action(action.pk))
    action = _fresh_action(action.pk)
    action.owners.set(owner_ids)
    after = _machine(
        {key: value for key, value in changes.items() if key != "done_on"} | {"owners": owner_ids}
    )
    _log(
        action.goal.plan,
        by,
        ChangeKind.ACTION,
        ChangeOperation.UPDATED,
        goal=action.goal,
        action=action,
        before=before,
        after=after,
    )
    return action


@transaction.atomic
def delete_action(*, action: Action, by: User) -> None:
    action = _fresh_action(action.pk)
    before = _action_values(action)
    _log(
        action.goal.plan,
        by,
        ChangeKind.ACTION,
        ChangeOperation.DELETED,
        goal=action.goal,
        action=action,
        before=before,
        after={},
    )
    action.delete()


@transaction.atomic
def add_note(*, action: Action, by: User, text: str, written_on: date | None = None) -> ProgressNote:
    text = text.strip()
    if not text:
        raise ValidationError(_("Write what happened before adding the note."), code="empty")
    note = ProgressNote.objects.create(
        action=action,
        school_id=action.school_id,
        author=by,
        written_on=written_on or timezone.localdate(),
        text=text,
    )
    goal = Goal.objects.select_related("plan").get(pk=action.goal_id)
    _log(
        goal.plan,
        by,
        ChangeKind.NOTE,
        ChangeOperation.CREATED,
        goal=goal,
        action=action,
        before={},
        after={"text": text, "written_on": note.written_on.isoformat()},
        title=action.title,
    )
    return note


def _check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end cannot come before the start.")}, code="period")


def _check_action(
    school_id: int, owners: Iterable[User], starts_on: date, ends_on: date, status: str
) -> list[int]:
    _check_period(starts_on, ends_on)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")}, code="status")
    owner_ids = sorted({owner.pk for owner in owners})
    if not owner_ids:
        raise ValidationError({"owners": _("Name at least one owner for the action.")}, code="owners")
    _check_staff(school_id, owner_ids, "owners")
    return owner_ids


def _check_staff(school_id: int, user_ids: list[int], field: str) -> None:
    staff = set(staff_of(School(pk=school_id)).filter(user_id__in=user_ids).values_list("user_id", flat=True))
    if set(user_ids) - staff:
        raise ValidationError(
            {field: _("Only members of this school's staff can be chosen.")}, code="not_staff"
        )


def _fresh_action(pk: int) -> Action:
    return (
        Action.objects.select_related("goal__plan", "updated_by", "school")
        .prefetch_related("owners")
        .get(pk=pk)
    )


def _goal_values(goal: Goal) -> dict[str, Any]:
    return {name: getattr(goal, name) for name in GOAL_FIELDS}


def _action_values(action: Action) -> dict[str, Any]:
    values = {name: getattr(action, name) for name in ACTION_FIELDS if name != "owners"}
    values["owners"] = sorted(action.owners.values_list("pk", flat=True))
    return _machine(values)


def _machine(values: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe machine values: dates as ISO strings, the rest as stored."""
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in values.items()}


def _log(
    plan: Plan,
    by: User,
    kind: str,
    operation: str,
    *,
    before: dict[str, Any],
    after: dict[str, Any],
    goal: Goal | None = None,
    action: Action | None = None,
    title: str = "",
) -> None:
    before, after = _machine(before), _machine(after)
    fields = [
        {"field": name, "before": before.get(name), "after": after.get(name)}
        for name in dict.fromkeys([*before, *after])
        if before.get(name) != after.get(name)
    ]
    if operation == ChangeOperation.UPDATED and not fields:
        return  # Saved without changing anything: nothing to remember.
    record = action or goal
    PlanChange.objects.create(
        plan=plan,
        school_id=plan.school_id,
        kind=kind,
        operation=operation,
        goal_id_ref=goal.pk if goal else None,
        action_id_ref=action.pk if action else None,
        title=(title or str(record or plan))[:200],
        actor=by,
        at=timezone.now(),
        fields=fields,
    )
    audit.record(
        actor=by,
        action=f"planning.{kind}.{operation}",
        school=School(pk=plan.school_id),
        target=record or plan,
        data={"fields": [change["field"] for change in fields]},
    )


# The calendar ---------------------------------------------------------------


@transaction.atomic
def create_activity(
    *,
    school: School,
    by: User,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    all_day: bool = False,
    description: str = "",
    place: str = "",
    project: Project | None = None,
    classes: Iterable[ClassGroup] = (),
    co_planners: Iterable[User] = (),
    approaches: Iterable[Approach] = (),
    status: str = ActivityStatus.PLANNED,
) -> CalendarActivity:
    planner_ids = sorted({by.pk, *(person.pk for person in co_planners)})
    class_ids = _check_activity(school, starts_at, ends_at, project, classes, planner_ids, status)
    activity = CalendarActivity.objects.create(
        school=school,
        title=title.strip(),
        description=description.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        place=place.strip(),
        project=project,
        status=status,
        created_by=by,
        updated_by=by,
        updated_at=timezone.now(),
    )
    activity.co_planners.set(planner_ids)
    activity.classes.set(class_ids)
    activity.approaches.set(list(approaches))
    audit.record(actor=by, action="planning.activity.created", school=school, target=activity)
    _tell_co_planners(activity, [pk for pk in planner_ids if pk != by.pk], by=by)
    return activity


def _tell_co_planners(activity: CalendarActivity, user_ids: list[int], *, by: User) -> None:
    """Tell the colleagues added as co-planners; the time goes with the school's zone (notices.py)."""
    if not user_ids:
        return
    notify(
        recipients=User.objects.filter(pk__in=user_ids),
        kind=CO_PLANNER_ADDED,
        params={
            "by": by.public_name,
            "title": activity.title,
            "school": activity.school.name,
            "starts": activity.starts_at.isoformat(),
            "zone": activity.school.time_zone,
            "all_day": activity.all_day,
        },
        url=reverse("planning:activity", args=[activity.pk]),
        school=activity.school,
        target=f"activity:{activity.pk}",
    )


@transaction.atomic
def update_activity(
    *,
    activity: CalendarActivity,
    by: User,
    expected_version: int,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    all_day: bool = False,
    description: str = "",
    place: str = "",
    project: Project | None = None,
    classes: Iterable[ClassGroup] = (),
    co_planners: Iterable[User] = (),
    approaches: Iterable[Approach] = (),
    status: str = ActivityStatus.PLANNED,
) -> CalendarActivity:
    planner_ids = sorted({person.pk for person in co_planners})
    if not planner_ids:
        raise ValidationError({"co_planners": _("Name at least one co-planning teacher.")}, code="planners")
    class_ids = _check_activity(activity.school, starts_at, ends_at, project, classes, planner_ids, status)
    saved = CalendarActivity.objects.filter(pk=activity.pk, version=expected_version).update(
        title=title.strip(),
        description=description.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        place=place.strip(),
        project=project,
        status=status,
        version=F("version") + 1,
        updated_by=by,
        updated_at=timezone.now(),
    )
    if not saved:
        raise EditConflict(_fresh_activity(activity.pk))
    activity = _fresh_activity(activity.pk)
    activity.co_planners.set(planner_ids)
    activity.classes.set(class_ids)
    activity.approaches.set(list(approaches))
    audit.record(actor=by, action="planning.activity.updated", school=activity.school, target=activity)
    return activity


def _check_activity(
    school: School,
    starts_at: datetime,
    ends_at: datetime,
    project: Project | None,
    classes: Iterable[ClassGroup],
    planner_ids: list[int],
    status: str,
) -> list[int]:
    if ends_at < starts_at:
        raise ValidationError({"end_date": _("The end cannot come before the start.")}, code="period")
    if status not in ActivityStatus.values:
        raise ValidationError({"status": _("Choose one of the listed statuses.")}, code="status")
    if project is not None and not project.participations.filter(school=school).exists():
        raise ValidationError({"project": _("Choose a project this school takes part in.")}, code="project")
    class_list = list(classes)
    if any(class_group.school_id != school.pk for class_group in class_list):
        raise ValidationError({"classes": _("Choose classes of this school.")}, code="classes")
    _check_staff(school.pk, planner_ids, "co_planners")
    return [class_group.pk for class_group in class_list]


def _fresh_activity(pk: int) -> CalendarActivity:
    return (
        CalendarActivity.objects.select_related("school", "project", "updated_by")
        .prefetch_related("co_planners", "classes", "approaches")
        .get(pk=pk)
    )


# Calendar feeds ---------------------------------------------------------------


@transaction.atomic
def feed_token(*, user: User, school: School | None = None) -> FeedToken:
    """The person's feed for this school (or their personal feed), made on first use."""
    found = FeedToken.objects.filter(user=user, school=school).first()
    if found is not None:
        return found
    token = FeedToken.objects.create(user=user, school=school, token=secrets.token_urlsafe(32))
    audit.record(actor=user, action="planning.feed.created", school=school, target=token)
    return token


@transaction.atomic
def reset_feed_token(*, user: User, school: School | None = None) -> FeedToken:
    """A new secret: calendar apps subscribed with the old address stop receiving."""
    FeedToken.objects.filter(user=user, school=school).delete()
    token = FeedToken.objects.create(user=user, school=school, token=secrets.token_urlsafe(32))
    audit.record(actor=user, action="planning.feed.reset", school=school, target=token)
    return token
