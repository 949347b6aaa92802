"""The national roles' home pages: the NSO's funnel and to-dos, the evaluator's assignments,
the platform admin's rounds. Registered with accounts.home from this app, which sits
downstream of labels and applications, so no import points the wrong way.

Every read is set-based: the funnel counts a country's eligibility rows and applications
with one grouped query each (a country of 40,000 schools is counted by the database, not
by a loop), whatever the number of countries the person serves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from twinschools.accounts.home import DANGER, SECONDARY, SUCCESS, WARNING, Contribution, Item, ItemList, Todo
from twinschools.accounts.models import CountryRole, CountryRoleKind
from twinschools.applications.models import EDITABLE, Application, Status, Submission
from twinschools.core.authz import Roles
from twinschools.core.models import AuditEvent
from twinschools.evaluation.models import Assignment, Criterion, EvaluationSettings, Review
from twinschools.evaluation.stages import Stage, progress_of
from twinschools.labels.models import Eligibility, ReviewRequest, ReviewStatus, Round, RoundStatus
from twinschools.network.models import Country

LISTED = 5
IN_EVALUATION = (Stage.IN_REVIEW, Stage.SECOND_OPINION, Stage.MODERATION, Stage.READY)


# Rounds ---------------------------------------------------------------------------------


def current_round(rounds: list[Round], now: datetime) -> Round | None:
    """The round whose window is open now, else the latest that has opened, else the next one."""
    published = [r for r in rounds if r.status == RoundStatus.PUBLISHED]
    open_now = [r for r in published if r.opens_at <= now < r.closes_at]
    opened = [r for r in published if r.opens_at <= now]
    for found in (open_now, opened, published):
        if found:
            return max(found, key=lambda r: r.opens_at)
    return None


# The NSO's funnel -----------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStage:
    key: str
    label: Any
    count: int
    url: str


@dataclass(frozen=True)
class Funnel:
    round: Round
    country: Country
    stages: tuple[FunnelStage, ...]

    @property
    def top(self) -> int:
        return max((stage.count for stage in self.stages), default=0)


def _eligibility_counts(round: Round, country_ids: list[int]) -> dict[int, dict[str, int]]:
    rows = (
        Eligibility.objects.filter(round=round, eligible=True, school__country_id__in=country_ids)
        .values("school__country_id")
        .annotate(eligible=Count("pk"), invited=Count("pk", filter=Q(invited_at__isnull=False)))
        .order_by()
    )
    return {
        row["school__country_id"]: {"eligible": row["eligible"], "invited": row["invited"]} for row in rows
    }


def _application_counts(round: Round, country_ids: list[int]) -> dict[int, dict[str, int]]:
    rows = (
        Application.objects.filter(round=round, school__country_id__in=country_ids)
        .values("school__country_id")
        .annotate(
            drafting=Count("pk", filter=Q(status__in=EDITABLE) & ~Q(status=Status.RETURNED)),
            decided=Count("pk", filter=Q(status__in=(Status.AWARDED, Status.NOT_AWARDED, Status.RETURNED))),
            # A withdrawn label no longer counts as awarded, as on every other page.
            awarded=Count("pk", filter=Q(status=Status.AWARDED, award__revoked_at__isnull=True)),
        )
        .order_by()
    )
    return {
        row["school__country_id"]: {
            "drafting": row["drafting"],
            "decided": row["decided"],
            "awarded": row["awarded"],
        }
        for row in rows
    }


def in_flight(country_ids: list[int]) -> list[Any]:
    """Where each signed application not yet decided stands, in every published round.

    Only submitted, undecided applications are loaded (a few hundred in a country at most,
    never its schools), with the prefetches stages.progress_of needs: a fixed five queries."""
    # Only the columns progress_of and the home page read: building a model instance costs
    # per column and per foreign key, and a country may have hundreds of applications in flight
    # (no submission snapshot, no scores: a review keeps its total).
    reviews = Prefetch(
        "reviews",
        queryset=Review.objects.only("pk", "assignment_id", "submission_id", "submitted_at", "total"),
    )
    assignments = Assignment.objects.only("pk", "evaluation_id", "kind", "declined_at", "due_on")
    apps = list(
        Application.objects.filter(
            status=Status.SUBMITTED, school__country_id__in=country_ids, round__status=RoundStatus.PUBLISHED
        )
        .select_related("school", "evaluation")
        .only(
            "pk",
            "status",
            "round_id",
            "school__id",
            "school__name",
            "school__country_id",
            "evaluation__id",
            "evaluation__application_id",
            "evaluation__moderated_submission_id",
            "evaluation__no_second_opinion_for_id",
        )
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=Submission.objects.only("pk", "application_id", "number", "withdrawn_at"),
            ),
            Prefetch("evaluation__assignments", queryset=assignments.prefetch_related(reviews)),
        )
        .order_by("round_id", "pk")
    )
    saved = EvaluationSettings.objects.filter(
        round_id__in={a.round_id for a in apps}, country_id__in=country_ids
    ).values_list("round_id", "country_id", "threshold")
    threshold = {(round_id, country_id): value for round_id, country_id, value in saved}
    default = EvaluationSettings.DEFAULT_THRESHOLD
    return [progress_of(a, threshold.get((a.round_id, a.school.country_id), default)) for a in apps]


def overdue_reviews(flight: list[Any], today: date) -> int:
    """Reviews past their due date and not yet submitted, of applications still being evaluated."""
    return sum(
        1
        for progress in flight
        for assignment in progress.active
        if assignment.is_overdue(submitted=_submitted(progress.review_of(assignment)), today=today)
    )


def _submitted(review: Review | None) -> bool:
    return review is not None and review.is_submitted


def _evaluation_url(round: Round | None, stage: str = "") -> str:
    query: dict[str, str] = {}
    if round is not None:
        query["round"] = str(round.pk)
    if stage:
        query["stage"] = stage
    return reverse("evaluation:nso_list") + (f"?{urlencode(query)}" if query else "")


def funnel(
    round: Round, country: Country, eligibility: dict[str, int], apps: dict[str, int], flight: list[Any]
) -> Funnel:
    mine = [
        p
        for p in flight
        if p.application.round_id == round.pk and p.application.school.country_id == country.pk
    ]
    labels_url = reverse("labels:nso", args=[country.code])
    eligible_url = f"{labels_url}?{urlencode({'round': str(round.pk), 'result': 'eligible'})}"
    stages = (
        FunnelStage(
            "eligible", pgettext_lazy("funnel", "Eligible"), eligibility.get("eligible", 0), eligible_url
        ),
        FunnelStage(
            "invited", pgettext_lazy("funnel", "Invited"), eligibility.get("invited", 0), eligible_url
        ),
        FunnelStage(
            "drafting",
            pgettext_lazy("funnel", "Drafting"),
            apps.get("drafting", 0),
            reverse("applications:nso_list") + f"?{urlencode({'round': round.pk})}",
        ),
        FunnelStage(
            "submitted",
            pgettext_lazy("funnel", "Submitted, waiting for evaluators"),
            sum(1 for p in mine if p.stage == Stage.TO_ASSIGN),
            _evaluation_url(round, Stage.TO_ASSIGN),
        ),
        FunnelStage(
            "evaluation",
            pgettext_lazy("funnel", "In evaluation"),
            sum(1 for p in mine if p.stage in IN_EVALUATION),
            _evaluation_url(round),
        ),
        FunnelStage(
            "decided", pgettext_lazy("funnel", "Decided"), apps.get("decided", 0), _evaluation_url(round)
        ),
        FunnelStage(
            "awarded",
            pgettext_lazy("funnel", "Awarded"),
            apps.get("awarded", 0),
            _evaluation_url(round, Stage.AWARDED),
        ),
    )
    return Funnel(round, country, stages)


def latest_imports(country_ids: list[int]) -> list[AuditEvent]:
    """The registry imports run by the NSO staff of these countries, newest first."""
    staff = CountryRole.objects.filter(country_id__in=country_ids, role=CountryRoleKind.NSO_STAFF)
    return list(
        AuditEvent.objects.filter(action="network.registry.imported", actor_id__in=staff.values("user_id"))
        .select_related("actor")
        .order_by("-at", "-id")[:LISTED]
    )


def _deadlines(rounds: list[Round], now: datetime) -> tuple[Item, ...]:
    found = []
    for round in rounds:
        if round.status != RoundStatus.PUBLISHED:
            continue
        url = reverse("labels:public_round", args=[round.pk])
        if round.opens_at > now:
            found.append(Item(round.name, url, round.opens_at, _("applications open")))
        elif round.closes_at > now:
            found.append(Item(round.name, url, round.closes_at, _("applications close"), WARNING))
    return tuple(sorted(found, key=lambda item: item.when)[:LISTED])  # type: ignore[arg-type, return-value]


def nso(user: Any, roles: Roles, now: datetime, rounds: list[Round]) -> list[Contribution]:
    country_ids = sorted(roles.nso_countries)
    countries = {c.pk: c for c in Country.objects.filter(pk__in=country_ids)}
    current = current_round(rounds, now)
    flight = in_flight(country_ids)
    eligibility = _eligibility_counts(current, country_ids) if current else {}
    apps = _application_counts(current, country_ids) if current else {}
    reviews = dict(
        ReviewRequest.objects.filter(status=ReviewStatus.OPEN, school__country_id__in=country_ids)
        .values("school__country_id")
        .annotate(n=Count("pk"))
        .values_list("school__country_id", "n")
        .order_by()
    )
    imports = latest_imports(country_ids)
    deadlines = _deadlines(rounds, now)
    today = timezone.localdate(now)
    contributions = []
    for country_id in country_ids:
        country = countries[country_id]
        own = [p for p in flight if p.application.school.country_id == country_id]
        labels_url = reverse("labels:nso", args=[country.code])
        cards = (
            Todo(
                "labels.reviews",
                _("Review requests waiting"),
                reviews.get(country_id, 0),
                labels_url,
                "envelope-exclamation",
                WARNING,
                10,
            ),
            Todo(
                "evaluation.to_assign",
                _("Applications with no evaluator"),
                sum(1 for p in own if p.stage == Stage.TO_ASSIGN),
                _evaluation_url(None, Stage.TO_ASSIGN),
                "person-plus",
                DANGER,
                20,
            ),
            Todo(
                "evaluation.second_opinion",
                _("Second opinions to assign"),
                sum(1 for p in own if p.stage == Stage.SECOND_OPINION and p.second_opinion_missing),
                _evaluation_url(None, Stage.SECOND_OPINION),
                "people",
                WARNING,
                25,
            ),
            Todo(
                "evaluation.overdue",
                _("Reviews overdue"),
                overdue_reviews(own, today),
                _evaluation_url(None),
                "alarm",
                DANGER,
                27,
            ),
            Todo(
                "evaluation.moderation",
                _("Disagreements to moderate"),
                sum(1 for p in own if p.stage == Stage.MODERATION),
                _evaluation_url(None, Stage.MODERATION),
                "sliders",
                WARNING,
                30,
            ),
            Todo(
                "evaluation.ready",
                _("Applications ready for a decision"),
                sum(1 for p in own if p.stage == Stage.READY),
                _evaluation_url(None, Stage.READY),
                "award",
                SUCCESS,
                40,
            ),
        )
        lists = [ItemList("labels.deadlines", _("Next deadlines"), deadlines, 20)]
        lists.append(
            ItemList(
                "network.imports",
                _("Latest imports"),
                tuple(
                    Item(
                        ", ".join(str(file.get("file", "")) for file in event.data.get("files", [])),
                        reverse("network:import"),
                        event.at,
                        event.actor.public_name if event.actor else "",
                    )
                    for event in imports
                ),
                30,
                more_url=reverse("network:import"),
            )
        )
        extra = (
            funnel(current, country, eligibility.get(country_id, {}), apps.get(country_id, {}), flight)
            if current
            else None
        )
        contributions.append(
            Contribution(
                f"country:{country_id}",
                title=_("National support organisation, %(country)s") % {"country": country.name},
                cards=cards,
                lists=tuple(lists),
                template="accounts/home/_funnel.html" if extra else "",
                extra=extra,
            )
        )
    return contributions


# The evaluator ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MyReview:
    assignment: Assignment
    scored: int
    criteria: int
    submitted: bool


def my_reviews(user: Any, roles: Roles) -> list[MyReview]:
    """The evaluator's assignments on applications not yet decided, with their progress, in four queries."""
    assignments = list(
        Assignment.objects.filter(
            evaluator=user,
            declined_at__isnull=True,
            evaluation__application__status=Status.SUBMITTED,
            evaluation__application__school__country_id__in=roles.evaluator_countries,
        )
        .select_related("evaluation__application__school", "evaluation__application__round")
        .order_by("due_on", "pk")
    )
    if not assignments:
        return []
    app_ids = {a.evaluation.application_id for a in assignments}
    # Ordered by number, so each application's latest submission wins.
    current = dict(
        Submission.objects.filter(application_id__in=app_ids, withdrawn_at__isnull=True)
        .order_by("application_id", "number")
        .values_list("application_id", "pk")
    )
    reviews = {
        (row["assignment_id"], row["submission_id"]): row
        for row in Review.objects.filter(assignment__in=assignments)
        .annotate(scored=Count("scores"))
        .values("assignment_id", "submission_id", "submitted_at", "scored")
    }
    versions = {a.evaluation.application.round.form_version_id for a in assignments}
    criteria = dict(
        Criterion.objects.filter(rubric__form_version_id__in=versions)
        .values("rubric__form_version_id")
        .annotate(n=Count("pk"))
        .values_list("rubric__form_version_id", "n")
        .order_by()
    )
    rows = []
    for assignment in assignments:
        app = assignment.evaluation.application
        review: dict[str, Any] = dict(reviews.get((assignment.pk, current.get(app.pk, 0))) or {})
        rows.append(
            MyReview(
                assignment,
                scored=review.get("scored", 0),
                criteria=criteria.get(app.round.form_version_id, 0),
                submitted=review.get("submitted_at") is not None,
            )
        )
    return rows


def _review_note(row: MyReview, today: date) -> tuple[Any, str]:
    """The row's progress as a chip: submitted, overdue, or how far the scoring is."""
    if row.submitted:
        return _("Review submitted"), SUCCESS
    progress = _("%(scored)s of %(total)s criteria scored") % {"scored": row.scored, "total": row.criteria}
    if row.assignment.is_overdue(submitted=row.submitted, today=today):
        return _("Overdue: %(progress)s") % {"progress": progress}, DANGER
    return progress, WARNING


def evaluator(user: Any, roles: Roles) -> Contribution:
    rows = my_reviews(user, roles)
    url = reverse("evaluation:assignments")
    today = timezone.localdate()
    to_finish = [row for row in rows if not row.submitted]
    # Split, not nested, so the home page's total counts each review once.
    overdue = sum(1 for row in to_finish if row.assignment.is_overdue(submitted=False, today=today))
    cards = (
        Todo("evaluation.overdue", _("Reviews overdue"), overdue, url, "alarm", DANGER, 5),
        Todo(
            "evaluation.reviews",
            _("Reviews to finish"),
            len(to_finish) - overdue,
            url,
            "clipboard-check",
            WARNING,
            10,
        ),
        Todo(
            "evaluation.declare",
            _("Conflicts of interest to declare"),
            sum(1 for row in rows if row.assignment.no_conflict_declared_at is None),
            url,
            "shield-check",
            DANGER,
            20,
        ),
    )
    items = tuple(
        Item(
            row.assignment.evaluation.application.school.name,
            reverse("evaluation:review", args=[row.assignment.pk]),
            row.assignment.due_on,
            *_review_note(row, today),
            when_label=pgettext_lazy("before a date", "due on"),
        )
        for row in rows
    )
    lists = (ItemList("evaluation.assignments", _("Your assignments"), items, 10, more_url=url),)
    return Contribution("evaluator", title=_("Evaluation"), cards=cards, lists=lists)


# The platform admin --------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundLine:
    round: Round
    phase: str  # past, open, upcoming
    phase_label: Any
    waiting: Any  # one translated sentence: what the round waits for
    tone: str
    url: str


def _waiting_for(round: Round, phase: str, counts: dict[str, int]) -> tuple[Any, str]:
    if round.status != RoundStatus.PUBLISHED and phase != "past":
        return _("Waiting to be published."), WARNING
    # A closed round's check no longer matters (the earliest rounds ship as data, never checked).
    if round.eligibility_finished_at is None and phase != "past":
        return _("Waiting for its eligibility check."), WARNING
    submitted, drafting = counts.get("submitted", 0), counts.get("drafting", 0)
    if submitted:
        waiting = ngettext(
            "%(count)s application waiting for a decision.",
            "%(count)s applications waiting for a decision.",
            submitted,
        )
        return waiting % {"count": submitted}, WARNING
    if phase == "open":
        writing = ngettext(
            "Schools are writing %(count)s application.",
            "Schools are writing %(count)s applications.",
            drafting,
        )
        return writing % {"count": drafting}, SUCCESS
    if phase == "upcoming":
        return _("Waiting for its window to open."), SECONDARY
    return _("Closed: nothing is waiting."), SECONDARY


def timeline(rounds: list[Round], now: datetime) -> list[RoundLine]:
    counts: dict[int, dict[str, int]] = {}
    for row in (
        Application.objects.filter(round__in=rounds)
        .values("round_id")
        .annotate(
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
            drafting=Count("pk", filter=Q(status__in=EDITABLE)),
        )
        .order_by()
    ):
        counts[row["round_id"]] = {"submitted": row["submitted"], "drafting": row["drafting"]}
    lines = []
    phases = {
        "past": pgettext_lazy("round", "Past"),
        "open": pgettext_lazy("round", "Open"),
        "upcoming": pgettext_lazy("round", "Upcoming"),
    }
    for round in sorted(rounds, key=lambda r: r.opens_at):
        phase = "past" if round.closes_at <= now else "open" if round.opens_at <= now else "upcoming"
        waiting, tone = _waiting_for(round, phase, counts.get(round.pk, {}))
        lines.append(
            RoundLine(
                round, phase, phases[phase], waiting, tone, reverse("labels:round_edit", args=[round.pk])
            )
        )
    return lines


def admin(rounds: list[Round], now: datetime) -> Contribution:
    lines = timeline(rounds, now)
    url = reverse("labels:admin_rounds")
    cards = (
        Todo(
            "labels.rounds_waiting",
            _("Rounds waiting for you"),
            sum(1 for line in lines if line.tone == WARNING),
            url,
            "calendar-range",
            WARNING,
            10,
        ),
    )
    return Contribution(
        "admin",
        title=_("Platform administration"),
        cards=cards,
        template="accounts/home/_rounds.html",
        extra=lines,
    )


def todos(*, user: Any, roles: Roles, now: datetime) -> list[Contribution]:
    if not (roles.nso_countries or roles.evaluator_countries or roles.is_admin):
        return []
    found: list[Contribution] = []
    rounds = list(Round.objects.order_by("-opens_at")) if (roles.nso_countries or roles.is_admin) else []
    if roles.nso_countries:
        found += nso(user, roles, now, rounds)
    if roles.evaluator_countries:
        found.append(evaluator(user, roles))
    if roles.is_admin:
        found.append(admin(rounds, now))
    return found
