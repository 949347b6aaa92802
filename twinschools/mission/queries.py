"""Reads of the mission app: inclusion measures, and the overview, innovation
record and learning-organisation view built from what the workspace apps
register. Views reach the school through `school` (scoped by the permission
check) and never query the other apps directly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, DateTimeField, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.shortcuts import get_object_or_404
from django.urls import reverse

from twinschools.accounts import queries as people
from twinschools.core.mission import COMMITMENTS, Commitment
from twinschools.mission.approaches import FLEXIBILITY, ApproachCode
from twinschools.mission.models import InclusionMeasure, TargetGroup
from twinschools.mission.oecd import DIMENSIONS, INNOVATION_DIMENSION, Dimension
from twinschools.mission.periods import ALL_YEARS, SCHOOL_YEAR_STARTS, UPCOMING, Period, school_year_label
from twinschools.mission.registry import (
    ActivitySource,
    ApproachUse,
    PlanStatusCount,
    RecordGroup,
    RecordItem,
    activity_sources,
    approach_usage_for,
    plan_progress_for,
    records_for,
    sections_for,
)
from twinschools.network.models import School

MEASURES_PER_PAGE = 50
LATEST_SHOWN = 5
OUTREACH_COMMITMENT = 4
PLAN_SECTION = "plan"  # the key of the action plan's workspace section


def school(pk: int) -> School:
    return people.school(pk)


def inclusion_measure(pk: int) -> InclusionMeasure:
    return get_object_or_404(InclusionMeasure.objects.select_related("school__country", "recorded_by"), pk=pk)


# Inclusion measures ---------------------------------------------------------------


def done_between(since: date, until: date | None, today: date) -> Q:
    """Measures that ran during the period, up to today (later ones are planned)."""
    end = min(until or today, today)
    return Q(started_on__lte=end, ended_on__gte=since)


def in_period(period: Period, today: date) -> Q:
    if period.key == ALL_YEARS:
        return Q()
    if period.key == UPCOMING:
        return Q(started_on__gt=today)
    return done_between(period.since, period.until, today)


_SCHOOL_YEAR = Case(
    When(started_on__month__gte=SCHOOL_YEAR_STARTS, then=ExtractYear("started_on")),
    default=ExtractYear("started_on") - 1,
    output_field=IntegerField(),
)

_REACH = {
    "measures": Count("id"),
    "pupils": Coalesce(Sum("pupils_reached"), 0),
    "families": Coalesce(Sum("families_reached"), 0),
    "staff": Coalesce(Sum("staff_involved"), 0),
}


@dataclass(frozen=True)
class Totals:
    label: str
    measures: int
    pupils: int
    families: int
    staff: int


@dataclass
class InclusionPage:
    measures: Page
    by_group: list[Totals]
    by_year: list[Totals]
    overall: Totals


def inclusion_page(school: School, *, period: Period, today: date, page_number: Any = 1) -> InclusionPage:
    """The school's measures in the period, with totals per target group (in the period)
    and per school year (all years), in a fixed number of queries."""
    of_school = InclusionMeasure.objects.filter(school=school)
    chosen = of_school.filter(in_period(period, today))
    measures = Paginator(
        chosen.select_related("recorded_by").order_by("-started_on", "-id"), MEASURES_PER_PAGE
    )
    by_group = [
        _totals(_group_label(row["target_group"], row["other_group"]), row)
        for row in chosen.values("target_group", "other_group")
        .annotate(**_REACH)
        .order_by("target_group", "other_group")
    ]
    by_year = [
        _totals(school_year_label(row["year"]), row)
        for row in of_school.annotate(year=_SCHOOL_YEAR).values("year").annotate(**_REACH).order_by("-year")
    ]
    overall = Totals(
        label="",
        measures=sum(t.measures for t in by_group),
        pupils=sum(t.pupils for t in by_group),
        families=sum(t.families for t in by_group),
        staff=sum(t.staff for t in by_group),
    )
    return InclusionPage(measures.get_page(page_number), by_group, by_year, overall)


def _totals(label: str, row: Mapping[str, Any]) -> Totals:
    return Totals(label, row["measures"], row["pupils"], row["families"], row["staff"])


def _group_label(target_group: str, other_group: str) -> str:
    if target_group == TargetGroup.OTHER and other_group:
        return other_group
    return str(TargetGroup(target_group).label)


def inclusion_counts(school: School, *, since: date, until: date | None, today: date) -> dict[str, int]:
    """Done and planned measures of the period, with the reach of those done, in one query."""
    done = done_between(since, until, today)
    planned = upcoming_until(until, today)
    return InclusionMeasure.objects.filter(school=school).aggregate(
        done=Count("id", filter=done),
        planned=Count("id", filter=planned),
        pupils=Coalesce(Sum("pupils_reached", filter=done), 0),
        families=Coalesce(Sum("families_reached", filter=done), 0),
    )


def upcoming_until(until: date | None, today: date) -> Q:
    return Q(started_on__gt=today) & (Q(started_on__lte=until) if until else Q())


def latest_measures(school: School, condition: Q, *, newest_first: bool = True) -> QuerySet[InclusionMeasure]:
    order = ["-started_on", "-id"] if newest_first else ["started_on", "id"]
    return InclusionMeasure.objects.filter(school=school).filter(condition).order_by(*order)[:3]


# The mission overview -------------------------------------------------------------


@dataclass
class CommitmentSummary:
    commitment: Commitment
    done: list[RecordGroup]
    planned: list[RecordGroup]
    latest: list[RecordItem]
    start_url: str | None
    plan_url: str | None

    @property
    def done_count(self) -> int:
        return sum(group.count for group in self.done)

    @property
    def planned_count(self) -> int:
        return sum(group.count for group in self.planned)

    @property
    def awaits_outreach(self) -> bool:
        """Commitment 4 keeps its place until the outreach tools register their records."""
        return self.commitment.number == OUTREACH_COMMITMENT and not (self.done or self.planned)


def overview(school: School, *, period: Period, user: Any) -> list[CommitmentSummary]:
    groups = records_for(school=school, period=period)
    sections = sections_for(user, school)
    # What is planned is planned in the action plan, when an app registers one.
    action_plan = next((url for section, url in sections if section.key == PLAN_SECTION), None)
    summaries = []
    for commitment in COMMITMENTS:
        mine = [group for group in groups if group.commitment == commitment.number]
        done = [group for group in mine if not group.planned]
        planned = [group for group in mine if group.planned]
        start = next((url for section, url in sections if section.commitment == commitment.number), None)
        summaries.append(
            CommitmentSummary(
                commitment=commitment,
                done=done,
                planned=planned,
                latest=_latest(done),
                start_url=start or next((group.url for group in done), None),
                plan_url=action_plan or next((group.url for group in planned), None),
            )
        )
    return summaries


def _latest(groups: list[RecordGroup], limit: int = LATEST_SHOWN) -> list[RecordItem]:
    items = [item for group in groups for item in group.latest]
    return sorted(items, key=lambda item: item.on or date.min, reverse=True)[:limit]


# The overview's charts: activity over time, and the action plan's progress -------------

QUARTERS_SHOWN = 8  # two school years of three-month periods


@dataclass(frozen=True)
class Quarter:
    first: date  # the first day of its first month
    last: date  # the last day of its third month


@dataclass
class Activity:
    quarters: list[Quarter]
    counts: dict[int, list[int]]  # commitment number -> records per quarter, oldest first

    @property
    def any(self) -> bool:
        return any(any(row) for row in self.counts.values())


def _month_start(year: int, month: int) -> date:
    """The first day of a month counted from January of `year` (month may be below 1 or above 12)."""
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def quarters_until(today: date, count: int = QUARTERS_SHOWN) -> list[Quarter]:
    """The `count` three-month periods of the school year (from September) up to the one of today."""
    offset = (today.month - SCHOOL_YEAR_STARTS) % 3
    current = _month_start(today.year, today.month - offset)
    quarters = []
    for back in range(count - 1, -1, -1):
        first = _month_start(current.year, current.month - 3 * back)
        last = _month_start(first.year, first.month + 3) - timedelta(days=1)
        quarters.append(Quarter(first, last))
    return quarters


def activity(school: School, *, today: date) -> Activity:
    """Every registered kind of record, counted per commitment and month in one UNION query,
    then summed per three-month period (at most 24 rows per kind)."""
    quarters = quarters_until(today)
    counts = {commitment.number: [0] * len(quarters) for commitment in COMMITMENTS}
    parts = [_monthly(source, school, since=quarters[0].first, until=today) for source in activity_sources()]
    if not parts:
        return Activity(quarters, counts)
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    firsts = [quarter.first for quarter in quarters]
    for row in rows:
        month = date(row["year"], row["month"], 1)
        index = max(i for i, first in enumerate(firsts) if first <= month)
        counts[row["commitment"]][index] += row["n"]
    return Activity(quarters, counts)


def _monthly(source: ActivitySource, school: School, *, since: date, until: date) -> QuerySet[Any]:
    records = source.records(school, since)
    dated = source.date_field
    if isinstance(records.model._meta.get_field(dated), DateTimeField):
        dated = f"{dated}__date"
    return (
        records.filter(**{f"{dated}__lte": until})
        .order_by()
        .values(
            commitment=Value(source.commitment, output_field=IntegerField()),
            year=ExtractYear(source.date_field),
            month=ExtractMonth(source.date_field),
        )
        .annotate(n=Count("pk"))
    )


@dataclass
class PlanProgress:
    statuses: list[PlanStatusCount]

    @property
    def any(self) -> bool:
        return any(any(status.counts) for status in self.statuses)


def plan_progress(school: School) -> PlanProgress:
    return PlanProgress(plan_progress_for(school=school))


# The innovation record ------------------------------------------------------------


@dataclass
class ApproachRow:
    code: str
    label: str
    cells: list[ApproachUse | None]

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells if cell is not None)


@dataclass
class Flexibility:
    code: str
    label: str
    count: int
    latest: list[RecordItem]


@dataclass
class InnovationRecord:
    kinds: list[str]
    rows: list[ApproachRow]
    unused: list[str]
    flexibility: list[Flexibility]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)


def innovation_record(school: School, *, period: Period) -> InnovationRecord:
    uses = [use for use in approach_usage_for(school=school, period=period) if use.count]
    kinds = list(dict.fromkeys(use.kind for use in uses))
    rows = []
    for code, label in ApproachCode.choices:
        cells: list[ApproachUse | None] = [
            next((use for use in uses if use.code == code and use.kind == kind), None) for kind in kinds
        ]
        if any(cells):
            rows.append(ApproachRow(code=code, label=str(label), cells=cells))
    used = {row.code for row in rows}
    flexibility = []
    for code in FLEXIBILITY:
        of_code = [use for use in uses if use.code == code]
        items = [item for use in of_code for item in use.latest]
        flexibility.append(
            Flexibility(
                code=code,
                label=str(ApproachCode(code).label),
                count=sum(use.count for use in of_code),
                latest=sorted(items, key=lambda item: item.on or date.min, reverse=True)[:LATEST_SHOWN],
            )
        )
    return InnovationRecord(
        kinds=kinds,
        rows=rows,
        unused=[str(label) for code, label in ApproachCode.choices if code not in used],
        flexibility=flexibility,
    )


# The learning-organisation view ---------------------------------------------------


@dataclass
class DimensionEvidence:
    dimension: Dimension
    groups: list[RecordGroup] = field(default_factory=list)
    approaches: int = 0  # uses of pedagogical approaches (a record tagged with two counts twice)

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups) + self.approaches

    @property
    def has_evidence(self) -> bool:
        return self.count > 0


def learning_organisation(school: School, *, period: Period) -> list[DimensionEvidence]:
    done = [group for group in records_for(school=school, period=period) if not group.planned]
    approaches = innovation_record(school, period=period).total
    return [
        DimensionEvidence(
            dimension=dimension,
            groups=[group for group in done if dimension.number in group.oecd],
            approaches=approaches if dimension.number == INNOVATION_DIMENSION else 0,
        )
        for dimension in DIMENSIONS
    ]


def innovation_url(school: School, period: Period) -> str:
    return reverse("mission:innovation", args=[school.pk]) + f"?period={period.key}"
