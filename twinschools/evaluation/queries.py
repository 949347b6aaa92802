"""Reads of the national evaluation, scoped to the reader (404 for what they may not see)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, F, FloatField, Prefetch, QuerySet
from django.db.models.functions import Cast, Floor
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.accounts.models import CountryRole, CountryRoleKind, Invitation
from twinschools.applications.models import Application, Status
from twinschools.core.authz import roles_of
from twinschools.evaluation.models import (
    Assignment,
    Criterion,
    EvaluationSettings,
    FinalScore,
    LabelAward,
    Review,
    Rubric,
)
from twinschools.evaluation.stages import Progress, Stage, progress_of
from twinschools.labels.models import Round, RoundStatus
from twinschools.network.models import Country, School
from twinschools.network.queries import held_labels

# Applications the NSO list shows: from the first signature on.
IN_EVALUATION = (Status.SUBMITTED, Status.RETURNED, Status.AWARDED, Status.NOT_AWARDED)


def _assignments() -> Prefetch[Any]:
    return Prefetch(
        "evaluation__assignments",
        queryset=Assignment.objects.select_related("evaluator").prefetch_related(
            Prefetch("reviews", queryset=Review.objects.prefetch_related("scores"))
        ),
    )


def _applications() -> QuerySet[Application]:
    return Application.objects.select_related(
        "round__form_version", "school__country", "evaluation", "award"
    ).prefetch_related("submissions", _assignments())


def application(pk: int) -> Application:
    return get_object_or_404(_applications(), pk=pk)


def thresholds(round: Round, country_ids: set[int]) -> dict[int, EvaluationSettings]:
    saved = {
        s.country_id: s for s in EvaluationSettings.objects.filter(round=round, country_id__in=country_ids)
    }
    return {cid: saved.get(cid) or EvaluationSettings(round=round, country_id=cid) for cid in country_ids}


def progress(app: Application) -> Progress:
    found = thresholds(app.round, {app.school.country_id})[app.school.country_id]
    return progress_of(app, found.threshold)


# The NSO's list ---------------------------------------------------------------------


@dataclass
class NsoPage:
    rounds: list[Round]
    chosen: Round | None
    rows: list[Progress] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    stages: list[tuple[Stage, int]] = field(default_factory=list)  # the round's count per stage, unfiltered


def nso_page(user: Any, *, round_id: int | None, stage: str = "", query: str = "") -> NsoPage:
    roles = roles_of(user)
    rounds = list(Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-opens_at"))
    chosen = next((r for r in rounds if r.pk == round_id), None) or round_with_work(roles, rounds)
    countries = (
        Country.objects.all() if roles.is_admin else Country.objects.filter(pk__in=roles.nso_countries)
    )
    page = NsoPage(rounds, chosen, countries=list(countries))
    if chosen is None:
        return page
    found = _applications().filter(round=chosen, status__in=IN_EVALUATION).order_by("school__name", "pk")
    if not roles.is_admin:
        found = found.filter(school__country_id__in=roles.nso_countries)
    if query.strip():
        found = found.filter(school__name__icontains=query.strip())
    apps = list(found)
    settings = thresholds(chosen, {a.school.country_id for a in apps})
    rows = [progress_of(a, settings[a.school.country_id].threshold) for a in apps]
    page.rows = [row for row in rows if not stage or row.stage == stage]
    page.stages = stage_counts(rows)
    return page


def stage_counts(rows: list[Progress]) -> list[tuple[Stage, int]]:
    """How many applications stand at each stage of the evaluation, in the order they pass them."""
    counted = Counter(row.stage for row in rows)
    return [(stage, counted[stage]) for stage in Stage if stage != Stage.NOT_SUBMITTED]


def round_with_work(roles: Any, rounds: list[Round]) -> Round | None:
    """The round the evaluation page opens on: the newest with applications waiting (signed,
    not decided) in the reader's countries, not the newest round, which may still be empty."""
    waiting = Application.objects.filter(round__in=rounds, status=Status.SUBMITTED)
    if not roles.is_admin:
        waiting = waiting.filter(school__country_id__in=roles.nso_countries)
    busy = set(waiting.values_list("round_id", flat=True).distinct())
    return next((r for r in rounds if r.pk in busy), rounds[0] if rounds else None)


def evaluators_for(app: Application) -> list[Any]:
    from twinschools.evaluation.services import evaluators_of

    return evaluators_of(app.school.country_id)


def nso_applications(user: Any, ids: list[int]) -> list[Application]:
    """The chosen applications the NSO may decide (others are left out, so they cannot be named)."""
    roles = roles_of(user)
    found = Application.objects.select_related("round", "school__country").filter(pk__in=ids)
    if not roles.is_admin:
        found = found.filter(school__country_id__in=roles.nso_countries)
    return list(found.order_by("school__name", "pk"))


def country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


def published_round(pk: int) -> Round:
    return get_object_or_404(
        Round.objects.select_related("form_version"), pk=pk, status=RoundStatus.PUBLISHED
    )


# The evaluator ----------------------------------------------------------------------


def assignment(pk: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related(
            "evaluator",
            "evaluation__application__round__form_version",
            "evaluation__application__school__country",
        ),
        pk=pk,
    )


@dataclass
class Mine:
    assignment: Assignment
    progress: Progress

    @property
    def review(self) -> Review | None:
        return self.progress.review_of(self.assignment)

    @property
    def overdue(self) -> bool:
        """Still to be submitted after its due date (a declined or decided one is never overdue)."""
        review = self.review
        return (
            self.assignment.evaluation.application.status == Status.SUBMITTED
            and self.assignment.is_overdue(
                submitted=review is not None and review.is_submitted, today=timezone.localdate()
            )
        )


def my_assignments(user: Any) -> list[Mine]:
    roles = roles_of(user)
    found = (
        Assignment.objects.filter(
            evaluator=user, evaluation__application__school__country_id__in=roles.evaluator_countries
        )
        .select_related(
            "evaluation__application__round",
            "evaluation__application__school__country",
            "evaluation__application__award",
            "evaluator",
        )
        .prefetch_related(
            "evaluation__application__submissions",
            Prefetch(
                "evaluation__assignments",
                queryset=Assignment.objects.prefetch_related(
                    Prefetch("reviews", queryset=Review.objects.prefetch_related("scores"))
                ),
            ),
        )
        .order_by("-assigned_at", "-pk")
    )
    items = list(found)
    pairs = {(i.evaluation.application.round_id, i.evaluation.application.school.country_id) for i in items}
    saved = EvaluationSettings.objects.filter(
        round_id__in={r for r, _c in pairs}, country_id__in={c for _r, c in pairs}
    )
    thresholds_by = {(s.round_id, s.country_id): s.threshold for s in saved}
    rows = []
    for item in items:
        app = item.evaluation.application
        app.evaluation = item.evaluation
        mine = next(a for a in item.evaluation.assignments.all() if a.pk == item.pk)
        key = (app.round_id, app.school.country_id)
        threshold = thresholds_by.get(key, EvaluationSettings.DEFAULT_THRESHOLD)
        rows.append(Mine(mine, progress_of(app, threshold)))
    return rows


def criteria_for(app: Application) -> list[Criterion]:
    return list(Criterion.objects.filter(rubric__form_version_id=app.round.form_version_id).order_by("order"))


# The school -------------------------------------------------------------------------


@dataclass
class Result:
    progress: Progress
    criteria: list[Criterion]
    final: dict[int, FinalScore]
    reviews: list[Review]  # the submitted reviews of the decided submission; never their private notes
    award: LabelAward | None


def result(app: Application) -> Result:
    found = progress(app)
    evaluation = found.evaluation
    decided = (
        evaluation is not None
        and found.submission is not None
        and evaluation.decided_submission_id == found.submission.pk
        and found.stage in (Stage.AWARDED, Stage.WITHDRAWN, Stage.NOT_AWARDED, Stage.RETURNED)
    )
    final: dict[int, FinalScore] = {}
    reviews: list[Review] = []
    if decided and evaluation is not None:
        final = {f.criterion_id: f for f in FinalScore.objects.filter(evaluation=evaluation)}
        reviews = [r for r in found.submitted_reviews]
    award = LabelAward.objects.filter(application=app).first()
    return Result(found, criteria_for(app) if decided else [], final, reviews, award)


def award(pk: int) -> LabelAward:
    """An award with its application and school, for the page that withdraws it."""
    return get_object_or_404(
        LabelAward.objects.select_related("application__round", "school__country"), pk=pk
    )


def award_of(app: Application) -> LabelAward:
    found = (
        LabelAward.objects.filter(application=app, revoked_at__isnull=True).select_related("school").first()
    )
    if found is None:
        raise Http404
    return found


# Public pages -----------------------------------------------------------------------


def rubric_of(round: Round) -> Rubric | None:
    return (
        Rubric.objects.filter(form_version_id=round.form_version_id)
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("order")))
        .first()
    )


# Europe, from the Azores to the Urals' foot and from Malta to the North Cape.
WEST, EAST, SOUTH, NORTH = -25.0, 45.0, 34.0, 72.0
CELL_DEGREES = 1.0


@dataclass(frozen=True)
class Cell:
    latitude: float
    longitude: float
    count: int
    country_id: int = 0


def current_label_schools(country_code: str = "") -> QuerySet[School]:
    labelled = held_labels().values("school_id")
    schools = School.objects.filter(pk__in=labelled)
    if country_code:
        schools = schools.filter(country__code=country_code.upper())
    return schools


def map_cells(country_code: str = "") -> list[Cell]:
    """Current eTwinning Schools grouped by one-degree cells in SQL: one row per cell, not per school.

    A cell on a border is split by country, so its popup can lead to that country's schools.
    """
    rows = (
        current_label_schools(country_code)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(
            cell_y=Floor(Cast(F("latitude"), FloatField()) / CELL_DEGREES),
            cell_x=Floor(Cast(F("longitude"), FloatField()) / CELL_DEGREES),
        )
        .values("cell_y", "cell_x", "country_id")
        .annotate(count=Count("pk"), lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by("cell_y", "cell_x", "country_id")
    )
    return [
        Cell(float(row["lat"]), float(row["lon"]), int(row["count"]), int(row["country_id"])) for row in rows
    ]


def counts_by_country() -> list[tuple[Country, int]]:
    rows = current_label_schools().values("country_id").annotate(count=Count("pk")).order_by()
    counts = {row["country_id"]: row["count"] for row in rows}
    countries = Country.objects.filter(pk__in=counts)
    return sorted(((c, counts[c.pk]) for c in countries), key=lambda pair: pair[0].name)


def labelled_schools(country_code: str, limit: int = 300) -> list[School]:
    if not country_code:
        return []
    return list(current_label_schools(country_code).select_related("country").order_by("search_text")[:limit])


# A country's evaluators (the NSO's page) -------------------------------------------


@dataclass
class EvaluatorRow:
    held: CountryRole
    open_assignments: list[Assignment]


@dataclass
class EvaluatorsPage:
    country: Country
    active: list[EvaluatorRow]
    deactivated: list[EvaluatorRow]
    pending: list[Invitation]


def evaluators_page(country: Country) -> EvaluatorsPage:
    """The country's evaluators, active then deactivated, each with their open assignments,
    and the invitations not yet accepted. Three queries whatever the number of evaluators."""
    from twinschools.evaluation.services import open_assignments

    roles = list(
        CountryRole.objects.filter(country=country, role=CountryRoleKind.EVALUATOR)
        .select_related("user")
        .order_by("user__full_name", "user__email", "pk")
    )
    by_evaluator: dict[int, list[Assignment]] = {}
    for assignment in open_assignments(evaluator_ids=[r.user_id for r in roles], country_id=country.pk):
        by_evaluator.setdefault(assignment.evaluator_id, []).append(assignment)
    rows = [EvaluatorRow(held, by_evaluator.get(held.user_id, [])) for held in roles]
    pending = list(
        Invitation.objects.filter(
            country=country,
            role=CountryRoleKind.EVALUATOR,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).order_by("-created_at")
    )
    return EvaluatorsPage(
        country=country,
        active=[row for row in rows if row.held.is_active],
        deactivated=[row for row in rows if not row.held.is_active],
        pending=pending,
    )


def evaluator_role(pk: int) -> CountryRole:
    return get_object_or_404(
        CountryRole.objects.select_related("user", "country"), pk=pk, role=CountryRoleKind.EVALUATOR
    )
