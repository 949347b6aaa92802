"""What the action plan and the calendar tell the mission overview and the innovation record."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from twinschools.core.mission import COMMITMENTS
from twinschools.mission.periods import Period
from twinschools.mission.registry import ApproachUse, RecordGroup, RecordItem, RecordsProvider
from twinschools.network.models import School
from twinschools.planning.models import (
    OPEN_STATUSES,
    Action,
    ActionStatus,
    ActivityStatus,
    CalendarActivity,
    Plan,
)

LATEST = 3


def _planned_groups(school: School) -> list[RecordGroup]:
    current = Plan.objects.filter(school=school).order_by("-starts_on", "-id").first()
    if current is None:
        return []
    open_actions = list(
        Action.objects.filter(goal__plan=current, status__in=OPEN_STATUSES)
        .order_by("ends_on", "id")
        .values("pk", "title", "ends_on", "goal__commitment")
    )
    plan_url = reverse("planning:plan", args=[school.pk])
    groups = []
    for commitment in COMMITMENTS:
        rows = [row for row in open_actions if row["goal__commitment"] == commitment.number]
        groups.append(
            RecordGroup(
                commitment=commitment.number,
                key=f"planning.planned_actions.{commitment.number}",
                label=gettext("Actions planned"),
                count=len(rows),
                url=f"{plan_url}#commitment-{commitment.number}",
                latest=tuple(
                    RecordItem(row["title"], reverse("planning:action", args=[row["pk"]]), row["ends_on"])
                    for row in rows[:LATEST]
                ),
                planned=True,
            )
        )
    return groups


class PlanningRecords(RecordsProvider):
    app = "planning"

    def records(self, *, school: School, period: Period) -> list[RecordGroup]:
        """Co-planned activities held and actions done (commitment 2) within the period and never
        after now, and what the current plan has open (planned)."""
        since = period.since
        start, end = period.window()
        calendar_url = reverse("planning:calendar", args=[school.pk])
        held = (
            CalendarActivity.objects.filter(
                school=school, status=ActivityStatus.HELD, starts_at__gte=start, starts_at__lt=end
            )
            .annotate(planners=Count("co_planners"))
            .filter(planners__gte=2)
            .order_by("-starts_at", "-id")
        )
        held_latest = list(held.values("pk", "title", "starts_at")[:LATEST])
        done = Action.objects.filter(
            school=school, status=ActionStatus.DONE, done_on__gte=since, done_on__lte=period.last_day_done()
        ).order_by("-done_on", "-id")
        done_latest = list(done.values("pk", "title", "done_on")[:LATEST])
        groups = [
            RecordGroup(
                commitment=2,
                key="planning.coplanned_activities",
                label=gettext("Co-planned activities held"),
                count=held.count(),
                url=f"{calendar_url}?status=held&coplanned=on&since={since.isoformat()}",
                latest=tuple(
                    RecordItem(
                        row["title"],
                        reverse("planning:activity", args=[row["pk"]]),
                        timezone.localdate(row["starts_at"]),
                    )
                    for row in held_latest
                ),
                oecd=(3,),
            ),
            RecordGroup(
                commitment=2,
                key="planning.actions_done",
                label=gettext("Action plan actions done"),
                count=done.count(),
                url=reverse("planning:plan", args=[school.pk]) + "?status=done",
                latest=tuple(
                    RecordItem(row["title"], reverse("planning:action", args=[row["pk"]]), row["done_on"])
                    for row in done_latest
                ),
                oecd=(1,),
            ),
        ]
        return groups + _planned_groups(school)

    def approach_usage(self, *, school: School, period: Period) -> list[ApproachUse]:
        """How many activities of the calendar within the period, up to its end and never after
        now, used each approach, with the latest three."""
        since = period.since
        start, end = period.window()
        rows = (
            CalendarActivity.approaches.through.objects.filter(
                calendaractivity__school=school,
                calendaractivity__starts_at__gte=start,
                calendaractivity__starts_at__lt=end,
            )
            .exclude(calendaractivity__status=ActivityStatus.CANCELLED)
            .order_by("-calendaractivity__starts_at", "-calendaractivity_id")
            .values_list(
                "approach_id", "calendaractivity_id", "calendaractivity__title", "calendaractivity__starts_at"
            )
        )
        uses: dict[str, list[RecordItem]] = {}
        for code, pk, title, starts_at in rows:
            uses.setdefault(code, []).append(
                RecordItem(title, reverse("planning:activity", args=[pk]), timezone.localdate(starts_at))
            )
        calendar_url = reverse("planning:calendar", args=[school.pk])
        return [
            ApproachUse(
                code=code,
                kind=gettext("Planned activities"),
                count=len(items),
                url=f"{calendar_url}?approach={code}&since={since.isoformat()}",
                latest=tuple(items[:LATEST]),
            )
            for code, items in sorted(uses.items())
        ]


PROVIDER = PlanningRecords()
