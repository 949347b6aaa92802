"""Reads of label applications, scoped to what the reader may see (404 otherwise)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.applications.models import (
    Application,
    Comment,
    Evidence,
    Part,
    PartConflict,
    PartRevision,
    Submission,
)
from twinschools.core.authz import roles_of
from twinschools.labels.models import Eligibility, FormSection, Round, RoundStatus
from twinschools.mission.registry import EvidenceCandidate, evidence_for
from twinschools.network.models import School, SchoolLabel

CANDIDATE_YEARS = 2


def _eligible(round_ref: str, school_ref: str) -> Exists:
    return Exists(
        Eligibility.objects.filter(
            round_id=OuterRef(round_ref), school_id=OuterRef(school_ref), eligible=True
        )
    )


def _applications() -> QuerySet[Application]:
    return Application.objects.select_related(
        "round__form_version", "school__country", "signatory__deputy"
    ).annotate(school_eligible=_eligible("round_id", "school_id"))


def application(pk: int) -> Application:
    return get_object_or_404(_applications(), pk=pk)


def application_section(pk: int, number: int) -> Application:
    """The application, carrying the number of the section asked for in the address."""
    found = application(pk)
    found.requested_section = number  # type: ignore[attr-defined]
    return found


def part(pk: int) -> Part:
    found = get_object_or_404(
        Part.objects.select_related("section", "statement").annotate(
            school_eligible=_eligible("application__round_id", "application__school_id")
        ),
        pk=pk,
    )
    found.application = application(found.application_id)
    return found


def open_conflict(part: Part, pk: object) -> PartConflict | None:
    """An open conflict of this part (None when it is not one, or already resolved)."""
    try:
        number = int(str(pk))
    except ValueError:
        return None
    return PartConflict.objects.filter(pk=number, part=part, resolved_at__isnull=True).first()


def with_conflicts(parts: list[Part], viewer: Any = None) -> list[Part]:
    """Give each part its conflicts (one query for all): `open_conflicts`, `past_conflicts` (resolved,
    for the history) and `my_conflict`, the viewer's most recently written open one, whose text
    and base revision the viewer's box holds."""
    rows = PartConflict.objects.filter(part__in=parts).select_related("author", "resolved_by")
    by_part: dict[int, list[PartConflict]] = {}
    for row in rows.order_by("opened_at", "pk"):
        by_part.setdefault(row.part_id, []).append(row)
    viewer_id = getattr(viewer, "pk", None)
    for item in parts:
        found = by_part.get(item.pk, [])
        item.open_conflicts = [c for c in found if c.is_open]  # type: ignore[attr-defined]
        item.past_conflicts = [c for c in found if not c.is_open]  # type: ignore[attr-defined]
        mine = [c for c in item.open_conflicts if viewer_id and c.author_id == viewer_id]  # type: ignore[attr-defined]
        item.my_conflict = max(mine, key=lambda c: (c.updated_at, c.pk)) if mine else None  # type: ignore[attr-defined]
    return parts


def evidence(pk: int) -> Evidence:
    found = get_object_or_404(
        Evidence.objects.only("pk", "application_id", "file", "title", "kind", "section_id"), pk=pk
    )
    found.application = application(found.application_id)
    return found


def comment(pk: int) -> Comment:
    found = get_object_or_404(Comment, pk=pk)
    found.application = application(found.application_id)
    return found


def submission(pk: int) -> Submission:
    found = get_object_or_404(Submission.objects.select_related("signed_by", "withdrawn_by"), pk=pk)
    found.application = application(found.application_id)
    return found


# The school's entry page ----------------------------------------------------------


@dataclass
class SchoolPage:
    open_rounds: list[Round]  # rounds open now for which the school is eligible and has no application
    applications: list[Application]


def school_page(school: School) -> SchoolPage:
    now = timezone.now()
    applications = list(_applications().filter(school=school).order_by("-round__opens_at"))
    applied = {a.round_id for a in applications}
    rounds = Round.objects.filter(
        status=RoundStatus.PUBLISHED,
        opens_at__lte=now,
        closes_at__gt=now,
        eligibilities__school=school,
        eligibilities__eligible=True,
    ).order_by("closes_at")
    return SchoolPage([r for r in rounds if r.pk not in applied], applications)


# The application page -------------------------------------------------------------


@dataclass
class SectionView:
    section: FormSection
    parts: list[Part] = field(default_factory=list)
    plan: Part | None = None
    evidence: list[Evidence] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    candidates: list[EvidenceCandidate] = field(default_factory=list)
    previous_plan: str | None = None


def _commitment(section: FormSection) -> int | None:
    kind = str(section.kind)
    return int(kind.rsplit("-", 1)[1]) if kind.startswith("commitment-") else None


def previous_plans(app: Application) -> dict[str, str]:
    """Renewal: the two-year plans of the school's last earlier submitted application, by section kind."""
    earlier = (
        Application.objects.filter(school_id=app.school_id, round__opens_at__lt=app.round.opens_at)
        .filter(Exists(Submission.objects.filter(application=OuterRef("pk"))))
        .order_by("-round__opens_at")
        .first()
    )
    if earlier is None:
        return {}
    last = earlier.submissions.order_by("-number").first()
    if last is None:
        return {}
    return {
        section["kind"]: section["plan"]
        for section in last.snapshot.get("sections", [])
        if section.get("plan")
    }


def is_renewal(app: Application) -> bool:
    earlier_label = SchoolLabel.objects.filter(
        school_id=app.school_id, first_year__lt=app.round.label_first_year
    )
    return earlier_label.exists() or bool(previous_plans(app))


@dataclass
class SectionProgress:
    """A line of the section list: how far the school's answers in one section have come."""

    number: int  # 1-based position in the form, as in the section page's address
    section: FormSection
    answered: int = 0
    total: int = 0
    open_comments: int = 0
    open_conflicts: int = 0

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class ApplicationPage:
    progress: list[SectionProgress]
    current: SectionView
    number: int

    @property
    def previous(self) -> SectionProgress | None:
        return self.progress[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> SectionProgress | None:
        return self.progress[self.number] if self.number < len(self.progress) else None


def _sections(app: Application) -> list[FormSection]:
    return list(app.round.form_version.sections.order_by("order", "pk"))


def section_number(app: Application, section_id: int | None) -> int:
    """The position of a section in the application's form (1 when it is not one of them)."""
    ids = list(app.round.form_version.sections.order_by("order", "pk").values_list("pk", flat=True))
    return ids.index(section_id) + 1 if section_id in ids else 1


def _progress(app: Application, sections: list[FormSection]) -> list[SectionProgress]:
    progress = {s.pk: SectionProgress(n, s) for n, s in enumerate(sections, start=1)}
    blank = Q(text="") | Q(text__regex=r"^\s*$")  # whitespace only counts as unanswered, as in signing
    rows = app.parts.values("section_id").annotate(total=Count("pk"), blank=Count("pk", filter=blank))
    for row in rows:
        line = progress[row["section_id"]]
        line.total, line.answered = row["total"], row["total"] - row["blank"]
    open_notes = app.comments.filter(resolved_at__isnull=True).values("section_id").annotate(n=Count("pk"))
    for note in open_notes:
        progress[note["section_id"]].open_comments = note["n"]
    conflicts = (
        PartConflict.objects.filter(part__application=app, resolved_at__isnull=True)
        .values("part__section_id")
        .annotate(n=Count("part_id", distinct=True))
    )
    for in_conflict in conflicts:
        progress[in_conflict["part__section_id"]].open_conflicts = in_conflict["n"]
    return list(progress.values())


def application_page(
    app: Application, *, number: int, with_candidates: bool, viewer: Any = None
) -> ApplicationPage | None:
    """One section of the application in full, and every section's progress (None: no such section)."""
    sections = _sections(app)
    if not 1 <= number <= len(sections):
        return None
    section = sections[number - 1]
    view = SectionView(section)
    revisions = Prefetch(
        "revisions", queryset=PartRevision.objects.select_related("author").order_by("-revision")
    )
    own_parts = app.parts.filter(section=section).select_related("statement", "updated_by")
    for item in own_parts.prefetch_related(revisions):
        if item.is_plan:
            view.plan = item
        else:
            view.parts.append(item)
    view.parts.sort(key=lambda p: p.statement.order if p.statement else 0)
    with_conflicts(view.parts + ([view.plan] if view.plan else []), viewer)
    view.evidence = list(
        app.evidence.filter(section=section).select_related("added_by").order_by("added_at", "pk")
    )
    view.comments = list(app.comments.filter(section=section).select_related("author", "resolved_by"))
    if section.asks_two_year_plan:
        view.previous_plan = previous_plans(app).get(str(section.kind))
    if with_candidates:
        picked = set(
            app.evidence.filter(section=section).exclude(record_key="").values_list("record_key", flat=True)
        )
        commitment = _commitment(section)
        view.candidates = [c for c in _candidates(app) if c.commitment == commitment and c.key not in picked]
    return ApplicationPage(_progress(app, sections), view, number)


def _candidates(app: Application) -> list[EvidenceCandidate]:
    today = timezone.localdate()
    return evidence_for(school=app.school, since=today - timedelta(days=365 * CANDIDATE_YEARS), until=today)


def candidate(app: Application, key: str) -> EvidenceCandidate | None:
    return next((c for c in _candidates(app) if c.key == key), None)


def submissions_of(app: Application) -> list[Submission]:
    return list(app.submissions.select_related("signed_by", "withdrawn_by").order_by("-number"))


def staff_of(app: Application) -> list[Any]:
    from twinschools.accounts.models import STAFF_ROLES, Membership

    today = timezone.localdate()
    memberships = (
        Membership.objects.filter(school_id=app.school_id, role__in=STAFF_ROLES, started_on__lte=today)
        .exclude(ended_on__lt=today)
        .select_related("user")
        .order_by("user__full_name", "user_id")
    )
    seen: dict[int, Any] = {}
    for membership in memberships:
        seen.setdefault(membership.user_id, membership.user)
    return list(seen.values())


# The NSO's list -------------------------------------------------------------------


def nso_applications(user: Any, round_id: int | None) -> tuple[list[Round], Round | None, list[Application]]:
    roles = roles_of(user)
    rounds = list(Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-opens_at"))
    chosen = next((r for r in rounds if r.pk == round_id), rounds[0] if rounds else None)
    if chosen is None:
        return rounds, None, []
    found = _applications().filter(round=chosen).order_by("school__name", "pk")
    if not roles.is_admin:
        found = found.filter(school__country_id__in=roles.nso_countries)
    return rounds, chosen, list(found)
