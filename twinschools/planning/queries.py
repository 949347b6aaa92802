"""Reads of the action plan and the calendar, each scoped and with a fixed query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from twinschools.accounts.models import ClassGroup, User
from twinschools.accounts.queries import school as school_by_pk
from twinschools.accounts.queries import staff_of
from twinschools.core.mission import COMMITMENTS
from twinschools.network.models import Project, School
from twinschools.planning.models import (
    Action,
    ActionStatus,
    CalendarActivity,
    ChangeKind,
    FeedToken,
    Goal,
    Plan,
    PlanChange,
    ProgressNote,
)

school = school_by_pk  # the workspace pages of a school load it like the accounts pages do


# The plan -----------------------------------------------------------------


def plans_of(school: School) -> list[Plan]:
    """Newest first: the first is the current plan, the others are kept for the record."""
    return list(Plan.objects.filter(school=school).order_by("-starts_on", "-id"))


def plan(pk: int) -> Plan:
    return get_object_or_404(Plan.objects.select_related("school__country"), pk=pk)


def goals_of(plan: Plan, *, status: str | None = None, with_notes: bool = False) -> list[Goal]:
    """The plan's goals with their actions (only those with `status`, if given), owners, and
    notes for printing, in a fixed number of queries."""
    actions = (
        Action.objects.prefetch_related("owners")
        .annotate(note_count=Count("notes"))
        .order_by("starts_on", "id")
    )
    if status:
        actions = actions.filter(status=status)
    if with_notes:
        actions = actions.prefetch_related(
            Prefetch(
                "notes",
                queryset=ProgressNote.objects.select_related("author").order_by("written_on", "id"),
            )
        )
    return list(Goal.objects.filter(plan=plan).prefetch_related(Prefetch("actions", queryset=actions)))


@dataclass(frozen=True)
class CommitmentGoals:
    number: int
    title: Any
    goals: list[Goal]


def goals_by_commitment(goals: list[Goal]) -> list[CommitmentGoals]:
    """All five commitments in order, each with its goals (possibly none: that shows what is missing)."""
    return [
        CommitmentGoals(
            commitment.number,
            commitment.title,
            [goal for goal in goals if goal.commitment == commitment.number],
        )
        for commitment in COMMITMENTS
    ]


def goal(pk: int) -> Goal:
    return get_object_or_404(Goal.objects.select_related("plan", "school", "updated_by"), pk=pk)


def action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("goal__plan", "school", "updated_by").prefetch_related(
            "owners",
            Prefetch("notes", queryset=ProgressNote.objects.select_related("author")),
        ),
        pk=pk,
    )


def staff_users(school: School) -> QuerySet[User]:
    """The people who can own actions and co-plan activities at the school."""
    return User.objects.filter(pk__in=staff_of(school).values("user_id")).order_by("full_name", "pk")


# History --------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    change: PlanChange
    lines: list[FieldChange]


def plan_history(plan: Plan, *, limit: int = 200) -> list[HistoryEntry]:
    changes = list(PlanChange.objects.filter(plan=plan).select_related("actor")[:limit])
    return _describe(changes)


def action_history(action: Action) -> list[HistoryEntry]:
    changes = list(
        PlanChange.objects.filter(action_id_ref=action.pk, plan_id=action.goal.plan_id).select_related(
            "actor"
        )
    )
    return _describe(changes)


def _describe(changes: list[PlanChange]) -> list[HistoryEntry]:
    owner_ids = {
        person
        for change in changes
        for field in change.fields
        if field["field"] == "owners"
        for side in (field["before"], field["after"])
        for person in side or ()
    }
    names = {user.pk: user.public_name for user in User.objects.filter(pk__in=owner_ids)}
    return [
        HistoryEntry(
            change,
            [
                FieldChange(
                    _field_label(change.kind, field["field"]),
                    _display(field["field"], field["before"], names),
                    _display(field["field"], field["after"], names),
                )
                for field in change.fields
            ],
        )
        for change in changes
    ]


_MODEL_OF_KIND = {ChangeKind.GOAL: Goal, ChangeKind.ACTION: Action, ChangeKind.NOTE: ProgressNote}


def _field_label(kind: str, name: str) -> str:
    model = _MODEL_OF_KIND[ChangeKind(kind)]
    return str(getattr(model._meta.get_field(name), "verbose_name", name)).capitalize()


def _display(name: str, value: Any, names: dict[int, str]) -> str:
    if value in (None, "", []):
        return ""
    if name == "status":
        return str(ActionStatus(value).label) if value in ActionStatus.values else str(value)
    if name == "commitment":
        return next((str(item.title) for item in COMMITMENTS if item.number == value), str(value))
    if name == "owners":
        return ", ".join(names.get(pk, "?") for pk in value)
    if name in {"starts_on", "ends_on", "written_on"}:
        parsed = parse_date(value)
        return date_format(parsed, "DATE_FORMAT") if parsed else str(value)
    return str(value)


# The plan in the school's language ----------------------------------------------


def plan_language(school: School, *, requested: str | None, fallback: str) -> str:
    """`requested` if it is a site language, else the first site language the school teaches in."""
    site_languages = [code for code, _name in settings.LANGUAGES]
    if requested in site_languages:
        return str(requested)
    taught = set(school.languages.values_list("code", flat=True))
    return next(
        (code for code in site_languages if code in taught), fallback if fallback in site_languages else "en"
    )


# The calendar ---------------------------------------------------------------


@dataclass(frozen=True)
class CalendarFilters:
    month: date  # the first day of the month shown
    mine: bool = False
    project: int | None = None
    class_group: int | None = None
    approach: str | None = None
    status: str | None = None
    since: date | None = None  # with it, every activity from that day until now, rather than the month
    coplanned: bool = False  # only those planned by two teachers or more


def month_bounds(month: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(month, time.min))
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, timezone.make_aware(datetime.combine(following, time.min))


def calendar_month(school: School, filters: CalendarFilters, user: User) -> list[CalendarActivity]:
    """The activities of the month (those overlapping it), with all they show, in four queries."""
    start, end = month_bounds(filters.month)
    if filters.since is not None:
        start, end = timezone.make_aware(datetime.combine(filters.since, time.min)), timezone.now()
    activities = with_details(
        CalendarActivity.objects.filter(school=school, starts_at__lt=end, ends_at__gte=start)
    )
    if filters.status:
        activities = activities.filter(status=filters.status)
    if filters.coplanned:
        activities = activities.annotate(planners=Count("co_planners", distinct=True)).filter(planners__gte=2)
    if filters.mine:
        activities = activities.filter(co_planners=user)
    if filters.project:
        activities = activities.filter(project_id=filters.project)
    if filters.class_group:
        activities = activities.filter(classes=filters.class_group)
    if filters.approach:
        activities = activities.filter(approaches=filters.approach)
    return list(activities.order_by("starts_at", "id").distinct())


@dataclass(frozen=True)
class AgendaDay:
    day: date
    activities: list[CalendarActivity]


def agenda_days(activities: list[CalendarActivity]) -> list[AgendaDay]:
    """Activities grouped by the local day they start on (not the UTC one), in order."""
    days: dict[date, list[CalendarActivity]] = {}
    for item in activities:
        days.setdefault(timezone.localtime(item.starts_at).date(), []).append(item)
    return [AgendaDay(day, items) for day, items in days.items()]


def with_details(activities: QuerySet[CalendarActivity]) -> QuerySet[CalendarActivity]:
    return activities.select_related("project").prefetch_related(
        Prefetch("co_planners", queryset=User.objects.order_by("full_name", "pk")), "classes", "approaches"
    )


def activity(pk: int) -> CalendarActivity:
    return get_object_or_404(
        CalendarActivity.objects.select_related(
            "school", "project", "updated_by", "created_by"
        ).prefetch_related("co_planners", "classes", "approaches"),
        pk=pk,
    )


def projects_of(school: School) -> QuerySet[Project]:
    return Project.objects.filter(participations__school=school).order_by("title", "pk")


def classes_of(school: School) -> QuerySet[ClassGroup]:
    return ClassGroup.objects.filter(school=school).order_by("name", "pk")


# Calendar feeds ---------------------------------------------------------------


def feed_by_token(token: str) -> FeedToken:
    return get_object_or_404(FeedToken.objects.select_related("user", "school__country"), token=token)


def feed_tokens_of(user: User, school: School) -> dict[str, FeedToken | None]:
    tokens = {
        token.school_id: token
        for token in FeedToken.objects.filter(user=user).filter(Q(school=school) | Q(school__isnull=True))
    }
    return {"school": tokens.get(school.pk), "personal": tokens.get(None)}


FEED_PAST_DAYS = 365


def feed_activities(feed: FeedToken) -> list[CalendarActivity]:
    """A school's activities, or the ones the person co-plans at schools where they are still staff."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    # The school too: each activity is written in its school's time zone.
    activities = CalendarActivity.objects.filter(ends_at__gte=since).select_related("project", "school")
    if feed.school_id is not None:
        activities = activities.filter(school_id=feed.school_id)
    else:
        activities = activities.filter(co_planners=feed.user, school__in=staff_of_schools(feed.user))
    return list(activities.order_by("starts_at", "id"))


def staff_of_schools(user: User) -> QuerySet[School]:
    from twinschools.accounts.models import STAFF_ROLES
    from twinschools.accounts.queries import current_memberships

    return School.objects.filter(
        pk__in=current_memberships().filter(user=user, role__in=STAFF_ROLES).values("school_id")
    )
