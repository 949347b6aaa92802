"""Writes of the national evaluation. Keyword-only, each owns its transaction and audits state changes.

Every change to where an application stands (stages.Stage) is audited with the
stage before and after; so are the decision's change of the application's status
and the award.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.accounts import services as accounts
from twinschools.accounts.models import CountryRole, CountryRoleKind, Invitation, Membership, Role, User
from twinschools.applications import services as applications
from twinschools.applications.models import Application, Status
from twinschools.core import audit
from twinschools.credentials import services as credentials
from twinschools.credentials.models import IssuedCredential
from twinschools.evaluation.models import (
    MAX_REVIEW_DAYS,
    Assignment,
    AssignmentKind,
    Criterion,
    Evaluation,
    EvaluationSettings,
    FinalScore,
    LabelAward,
    Outcome,
    Review,
    Score,
)
from twinschools.evaluation.stages import Progress, Stage, progress_of, review_total, total_of
from twinschools.labels.models import Round
from twinschools.mentoring.models import Pairing, PairingStatus
from twinschools.network.models import Country, SchoolLabel
from twinschools.notifications.services import notify

MAX_TEXT = 10_000


# Reading what the services need ----------------------------------------------------


def settings_for(round: Round, country_id: int) -> EvaluationSettings:
    """The country's settings for the round, or the defaults (unsaved) when it set none."""
    found = EvaluationSettings.objects.filter(round=round, country_id=country_id).first()
    return found or EvaluationSettings(round=round, country_id=country_id)


def criteria_of(application: Application) -> list[Criterion]:
    return list(
        Criterion.objects.filter(rubric__form_version_id=application.round.form_version_id).order_by("order")
    )


def load_progress(application: Application) -> Progress:
    """The application's progress, read fresh from the database (for services and single pages)."""
    fresh = (
        Application.objects.select_related("round", "school__country", "evaluation")
        .prefetch_related(
            "submissions",
            Prefetch(
                "evaluation__assignments",
                queryset=Assignment.objects.select_related("evaluator").prefetch_related("reviews__scores"),
            ),
        )
        .get(pk=application.pk)
    )
    threshold = settings_for(fresh.round, fresh.school.country_id).threshold
    return progress_of(fresh, threshold)


@contextmanager
def _stage_change(application: Application, *, by: User | None, action: str, **data: Any) -> Iterator[None]:
    """Audit `action` with the stage before and after the block (inside the caller's transaction)."""
    was = load_progress(application).stage
    yield
    now = load_progress(application).stage
    audit.record(
        actor=by,
        action=f"evaluation.application.{action}",
        school=application.school,
        target=application,
        data={"from": str(was), "to": str(now), **data},
    )


def _evaluation_of(application: Application) -> Evaluation:
    evaluation, _created = Evaluation.objects.get_or_create(application=application)
    return evaluation


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("round", "school").get(pk=application.pk)


# Settings --------------------------------------------------------------------------


def update_settings(
    *,
    round: Round,
    country: Country,
    threshold: int,
    pass_mark: int,
    review_days: int = EvaluationSettings.DEFAULT_REVIEW_DAYS,
    by: User,
) -> EvaluationSettings:
    """Applies to reviews from now on: assignments already made keep the due date they were given."""
    if not (0 <= threshold <= 100 and 0 <= pass_mark <= 100):
        raise ValidationError(_("The threshold and the pass mark are points out of 100."), code="range")
    if not 1 <= review_days <= MAX_REVIEW_DAYS:
        raise ValidationError(
            _("Evaluators need between 1 and %(most)s days for a review.") % {"most": MAX_REVIEW_DAYS},
            code="review_days",
        )
    values = {"threshold": threshold, "pass_mark": pass_mark, "review_days": review_days}
    with transaction.atomic():
        found, _created = EvaluationSettings.objects.update_or_create(
            round=round, country=country, defaults={**values, "updated_by": by}
        )
        audit.record(
            actor=by,
            action="evaluation.settings.changed",
            target=found,
            data={**values, "country": country.code},
        )
    return found


# Appointing evaluators -------------------------------------------------------------


def open_assignments(*, evaluator_ids: list[int], country_id: int) -> Any:
    """Assignments not declined, of applications still in evaluation, with no review submitted."""
    return (
        Assignment.objects.filter(
            evaluator_id__in=evaluator_ids,
            declined_at__isnull=True,
            evaluation__application__status=Status.SUBMITTED,
            evaluation__application__school__country_id=country_id,
        )
        .exclude(reviews__submitted_at__isnull=False)
        .select_related("evaluation__application__school")
        .order_by("assigned_at", "pk")
    )


def _works_only_abroad(person: User, country: Country) -> bool:
    today = timezone.localdate()
    current = Membership.objects.filter(user=person, started_on__lte=today).exclude(ended_on__lt=today)
    return current.exists() and not current.filter(school__country=country).exists()


def appoint_evaluator(*, country: Country, email: str, by: User) -> CountryRole | Invitation:
    """The NSO appoints an evaluator of its country by e-mail address: an existing account
    gets the role at once and a notification; a new address gets an invitation e-mail."""
    email = email.strip().lower()
    with transaction.atomic():
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            return accounts.invite_to_country(
                country=country, email=email, role=CountryRoleKind.EVALUATOR, invited_by=by
            )
        if not person.is_active:
            raise ValidationError(_("This account is closed, so it cannot be given a role."), code="closed")
        if _works_only_abroad(person, country):
            raise ValidationError(
                _("This person works at schools of another country; evaluators of %(country)s work there.")
                % {"country": country.name},
                code="abroad",
            )
        held = accounts.grant_country_role(
            user=person, country=country, role=CountryRoleKind.EVALUATOR, by=by
        )
        notify(
            recipients=[person],
            kind="evaluation.appointed",
            params={"country": country.code},
            url=reverse("evaluation:assignments"),
            target=f"user:{person.pk}",
        )
    return held


def deactivate_evaluator(*, held: CountryRole, by: User) -> list[Application]:
    """End an evaluator's role in a country. Their open assignments are withdrawn (declined,
    with the reason), so each application can be given another evaluator; returns those."""
    with transaction.atomic():
        locked = accounts.deactivate_country_role(held=held, by=by)
        withdrawn = []
        for assignment in open_assignments(evaluator_ids=[locked.user_id], country_id=locked.country_id):
            application = _lock(assignment.evaluation.application)
            with _stage_change(application, by=by, action="withdrawn", evaluator=locked.user_id):
                Assignment.objects.filter(pk=assignment.pk).update(
                    declined_at=timezone.now(), decline_reason=_("The evaluator's role was deactivated.")
                )
            withdrawn.append(application)
    return withdrawn


# Assignment ------------------------------------------------------------------------


def _active_evaluator_roles(country_id: int) -> Any:
    return CountryRole.objects.filter(
        country_id=country_id, role=CountryRoleKind.EVALUATOR, deactivated_at__isnull=True
    )


def evaluators_of(country_id: int) -> list[User]:
    ids = _active_evaluator_roles(country_id).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "email", "pk"))


def conflict_of(*, application: Application, evaluator: User) -> str | None:
    """Why this evaluator may not review this application, as a sentence; None when they may."""
    school = application.school
    name = evaluator.full_name or evaluator.email or str(evaluator.pk)
    if not _active_evaluator_roles(school.country_id).filter(user=evaluator).exists():
        return _("%(name)s is not an evaluator of this school's country.") % {"name": name}
    today = timezone.localdate()
    memberships = Membership.objects.filter(user=evaluator, started_on__lte=today).exclude(ended_on__lt=today)
    if memberships.filter(school_id=school.pk).exists():
        return _("%(name)s is a member of this school, so cannot evaluate it.") % {"name": name}
    mentors = Pairing.objects.filter(
        mentor_id__in=memberships.values("school_id"),
        mentee_id=school.pk,
        status__in=[PairingStatus.ACCEPTED, PairingStatus.CLOSED],
    )
    if mentors.exists():
        return _("%(name)s works at a school that mentors this school, so cannot evaluate it.") % {
            "name": name
        }
    if Assignment.objects.filter(evaluation__application=application, evaluator=evaluator).exists():
        return _("%(name)s is already assigned to this application.") % {"name": name}
    return None


def _kind_for(progress: Progress) -> str:
    firsts = [a for a in progress.active if a.kind == AssignmentKind.FIRST]
    if len(firsts) < 2:
        return AssignmentKind.FIRST
    if progress.disagreement:
        return AssignmentKind.SECOND_OPINION
    raise ValidationError(
        _("Two evaluators are already assigned. A third is assigned only when their scores disagree."),
        code="enough",
    )


def _notify_assigned(assignment: Assignment, application: Application) -> None:
    notify(
        recipients=[assignment.evaluator],
        kind="evaluation.assigned",
        params={
            "school": application.school.name,
            "round": application.round.name,
            "due": assignment.due_on.isoformat(),
        },
        url=reverse("evaluation:review", args=[assignment.pk]),
        target=f"application:{application.pk}",
    )


def due_date_for(application: Application) -> date:
    """Today in the site's time zone plus the country's days for a review."""
    days = settings_for(application.round, application.school.country_id).review_days
    return timezone.localdate() + timedelta(days=days)


def _new_assignment(
    application: Application, evaluation: Evaluation, *, evaluator: User, kind: str, by: User | None
) -> Assignment:
    return Assignment.objects.create(
        evaluation=evaluation,
        evaluator=evaluator,
        kind=kind,
        assigned_by=by,
        due_on=due_date_for(application),
    )


def assign(*, application: Application, evaluator: User, by: User) -> Assignment:
    """The NSO assigns an evaluator; conflicts of interest are refused with the reason."""
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != Status.SUBMITTED:
            raise ValidationError(_("Only a submitted application can be given evaluators."), code="status")
        problem = conflict_of(application=locked, evaluator=evaluator)
        if problem:
            raise ValidationError(problem, code="conflict")
        with _stage_change(locked, by=by, action="assigned", evaluator=evaluator.pk):
            kind = _kind_for(load_progress(locked))
            assignment = _new_assignment(
                locked, _evaluation_of(locked), evaluator=evaluator, kind=kind, by=by
            )
        _notify_assigned(assignment, locked)
    return assignment


def _loads(evaluator_ids: list[int]) -> dict[int, int]:
    rows = (
        Assignment.objects.filter(
            evaluator_id__in=evaluator_ids,
            declined_at__isnull=True,
            evaluation__application__status=Status.SUBMITTED,
        )
        .values("evaluator_id")
        .annotate(count=Count("pk"))
    )
    return {row["evaluator_id"]: row["count"] for row in rows}


def _assign_second_opinion(application: Application, progress: Progress) -> Assignment | None:
    """The least loaded conflict-free evaluator of the country; when none, the NSO is told."""
    evaluation = progress.evaluation
    assert evaluation is not None and progress.submission is not None
    candidates = [
        person
        for person in evaluators_of(application.school.country_id)
        if conflict_of(application=application, evaluator=person) is None
    ]
    if not candidates:
        evaluation.no_second_opinion_for = progress.submission
        evaluation.save(update_fields=["no_second_opinion_for"])
        nso = User.objects.filter(
            country_roles__country_id=application.school.country_id,
            country_roles__role=CountryRoleKind.NSO_STAFF,
        )
        notify(
            recipients=list(nso),
            kind="evaluation.no_second_opinion",
            params={"school": application.school.name},
            url=reverse("evaluation:application", args=[application.pk]),
            target=f"application:{application.pk}",
        )
        return None
    loads = _loads([person.pk for person in candidates])
    chosen = min(candidates, key=lambda person: (loads.get(person.pk, 0), person.pk))
    assignment = _new_assignment(
        application, evaluation, evaluator=chosen, kind=AssignmentKind.SECOND_OPINION, by=None
    )
    if evaluation.no_second_opinion_for_id is not None:
        evaluation.no_second_opinion_for = None
        evaluation.save(update_fields=["no_second_opinion_for"])
    _notify_assigned(assignment, application)
    return assignment


def _second_opinion_if_needed(application: Application) -> None:
    progress = load_progress(application)
    has_second = any(a.kind == AssignmentKind.SECOND_OPINION for a in progress.active)
    if progress.disagreement and not has_second and not progress.second_opinion_missing:
        _assign_second_opinion(application, progress)


def declare(*, assignment: Assignment, by: User, no_conflict: bool, reason: str = "") -> Assignment:
    """On opening an assignment the evaluator declares no conflict of interest, or declines with a reason."""
    if assignment.evaluator_id != by.pk:
        raise ValidationError(_("Only the evaluator assigned can answer this."), code="evaluator")
    if assignment.declined_at is not None:
        raise ValidationError(_("You declined this assignment."), code="declined")
    with transaction.atomic():
        application = _lock(assignment.evaluation.application)
        if no_conflict:
            assignment.no_conflict_declared_at = timezone.now()
            assignment.save(update_fields=["no_conflict_declared_at"])
            audit.record(
                actor=by,
                action="evaluation.assignment.no_conflict_declared",
                school=application.school,
                target=assignment,
                data={"assignment": assignment.pk},
            )
            return assignment
        if not reason.strip():
            raise ValidationError(
                _("Say why you decline, so the NSO can assign someone else."), code="reason"
            )
        with _stage_change(application, by=by, action="declined", assignment=assignment.pk):
            assignment.declined_at, assignment.decline_reason = timezone.now(), reason.strip()[:MAX_TEXT]
            assignment.save(update_fields=["declined_at", "decline_reason"])
            if assignment.kind == AssignmentKind.SECOND_OPINION:
                _second_opinion_if_needed(application)
    return assignment


# Reviewing -------------------------------------------------------------------------


@dataclass(frozen=True)
class Given:
    """What the evaluator gave for one criterion: a level 0..5, None for n/a, or missing (not chosen)."""

    value: int | None
    chosen: bool
    comment: str = ""


def _review_of(assignment: Assignment, progress: Progress) -> Review:
    if progress.submission is None:
        raise ValidationError(_("The application has no submission to review."), code="submission")
    review, _created = Review.objects.get_or_create(assignment=assignment, submission=progress.submission)
    return review


def save_review(
    *,
    assignment: Assignment,
    by: User,
    given: dict[int, Given],
    private_notes: str,
    submit: bool,
) -> Review:
    """Save the evaluator's draft, or submit it (final: only the NSO can reopen it).

    Submitting asks for a level or n/a on every criterion. When both evaluators'
    totals differ by more than the country's threshold, a third is assigned at once.
    """
    if assignment.evaluator_id != by.pk:
        raise ValidationError(_("Only the evaluator assigned can write this review."), code="evaluator")
    if assignment.declined_at is not None:
        raise ValidationError(_("You declined this assignment."), code="declined")
    if assignment.no_conflict_declared_at is None:
        raise ValidationError(
            _("Declare that you have no conflict of interest before you review."), code="declaration"
        )
    with transaction.atomic():
        application = _lock(assignment.evaluation.application)
        if application.status != Status.SUBMITTED:
            raise ValidationError(_("This application is not waiting for a review."), code="status")
        criteria = criteria_of(application)
        if submit:
            missing = [c.display_name for c in criteria if not (c.pk in given and given[c.pk].chosen)]
            if missing:
                raise ValidationError(
                    [
                        _("Choose a level or “not applicable” for “%(criterion)s”.") % {"criterion": name}
                        for name in missing
                    ],
                    code="missing",
                )
        with _stage_change(application, by=by, action="submitted_review" if submit else "saved_review"):
            review = _review_of(assignment, load_progress(application))
            if review.is_submitted:
                raise ValidationError(
                    _("You submitted this review; ask the NSO to reopen it to change it."), code="final"
                )
            _write_scores(review, criteria, given)
            review.private_notes = private_notes.strip()[:MAX_TEXT]
            if submit:
                review.submitted_at = timezone.now()
                review.total = review_total(review, criteria)
            review.save()
            if submit:
                _second_opinion_if_needed(application)
    return review


def _write_scores(review: Review, criteria: list[Criterion], given: dict[int, Given]) -> None:
    for criterion in criteria:
        item = given.get(criterion.pk)
        if item is None:
            continue
        if item.value is not None and not 0 <= item.value <= 5:
            raise ValidationError(_("A level is a whole number from 0 to 5."), code="level")
        Score.objects.update_or_create(
            review=review,
            criterion=criterion,
            defaults={
                "value": item.value if item.chosen else None,
                "comment": item.comment.strip()[:MAX_TEXT],
            },
        )
    # Prefetched scores from before the write are stale for the total.
    if hasattr(review, "_prefetched_objects_cache"):
        review._prefetched_objects_cache.pop("scores", None)


def reopen_review(*, review: Review, by: User) -> Review:
    """The NSO reopens a submitted review so its evaluator can change it."""
    with transaction.atomic():
        application = _lock(review.assignment.evaluation.application)
        if application.status != Status.SUBMITTED:
            raise ValidationError(_("Only reviews of an application still in evaluation can be reopened."))
        if not review.is_submitted:
            raise ValidationError(_("This review is not submitted yet."), code="open")
        with _stage_change(application, by=by, action="reopened_review", review=review.pk):
            review.submitted_at, review.total = None, None
            review.save(update_fields=["submitted_at", "total", "updated_at"])
    return review


# Moderation and decision -----------------------------------------------------------


def moderate(
    *,
    application: Application,
    given: dict[int, Given],
    feedback: str,
    show_evaluator_names: bool,
    by: User,
) -> Evaluation:
    """The NSO writes the moderated scores and feedback the school will read."""
    with transaction.atomic():
        locked = _lock(application)
        progress = load_progress(locked)
        if progress.stage not in (Stage.MODERATION, Stage.READY):
            raise ValidationError(
                _("The application can be moderated once its evaluators have submitted their reviews."),
                code="stage",
            )
        criteria = criteria_of(locked)
        missing = [c.display_name for c in criteria if not (c.pk in given and given[c.pk].chosen)]
        if missing:
            raise ValidationError(
                [
                    _("Choose a level or “not applicable” for “%(criterion)s”.") % {"criterion": n}
                    for n in missing
                ],
                code="missing",
            )
        with _stage_change(locked, by=by, action="moderated"):
            evaluation = _evaluation_of(locked)
            _write_final(evaluation, criteria, given)
            evaluation.moderated_submission = progress.submission
            evaluation.moderated_by, evaluation.moderated_at = by, timezone.now()
            evaluation.feedback = feedback.strip()[:MAX_TEXT]
            evaluation.show_evaluator_names = show_evaluator_names
            evaluation.total = total_of((c.weight, given[c.pk].value) for c in criteria)
            evaluation.save()
    return evaluation


def _write_final(evaluation: Evaluation, criteria: list[Criterion], given: dict[int, Given]) -> None:
    FinalScore.objects.filter(evaluation=evaluation).delete()
    FinalScore.objects.bulk_create(
        [
            FinalScore(
                evaluation=evaluation,
                criterion=c,
                value=given[c.pk].value,
                comment=given[c.pk].comment.strip()[:MAX_TEXT],
            )
            for c in criteria
            if c.pk in given
        ]
    )


def agreed_scores(progress: Progress, criteria: list[Criterion]) -> dict[int, Given]:
    """Per criterion, the rounded mean of the submitted reviews (n/a when every review said n/a)."""
    agreed: dict[int, Given] = {}
    for criterion in criteria:
        values = [
            score.value
            for review in progress.submitted_reviews
            for score in review.scores.all()
            if score.criterion_id == criterion.pk and score.value is not None
        ]
        mean = int(sum(values) / len(values) + 0.5) if values else None
        agreed[criterion.pk] = Given(mean, True)
    return agreed


def problems_for(progress: Progress, outcome: str, pass_mark: int) -> list[str]:
    """Why this decision cannot be made now, one sentence each (empty: it can)."""
    school = progress.application.school.name
    if progress.application.status != Status.SUBMITTED:
        return [_("%(school)s: the application is not waiting for a decision.") % {"school": school}]
    if outcome == Outcome.RETURNED:
        return []
    if progress.stage != Stage.READY:
        return [
            _("%(school)s: the evaluation is not finished (%(stage)s).")
            % {"school": school, "stage": progress.stage.label}
        ]
    if outcome == Outcome.AWARDED:
        total = _total_for_decision(progress)
        if total is None or total < pass_mark:
            return [
                _("%(school)s: the total of %(total)s is below the pass mark of %(mark)s.")
                % {"school": school, "total": total if total is not None else 0, "mark": pass_mark}
            ]
    return []


def _total_for_decision(progress: Progress) -> float | None:
    if progress.moderated and progress.evaluation is not None:
        return progress.evaluation.total
    criteria = criteria_of(progress.application)
    agreed = agreed_scores(progress, criteria)
    return total_of((c.weight, agreed[c.pk].value) for c in criteria)


def decide(
    *,
    application: Application,
    outcome: str,
    by: User,
    message: str = "",
    until: datetime | None = None,
) -> Evaluation:
    """Award, not award, or return for more information one application."""
    return decide_batch(applications=[application], outcome=outcome, by=by, message=message, until=until)[0]


def decide_batch(
    *,
    applications: list[Application],
    outcome: str,
    by: User,
    message: str = "",
    until: datetime | None = None,
) -> list[Evaluation]:
    """Decide several applications at once: every one is checked first, and nothing is decided
    unless all can be (the ValidationError lists every problem)."""
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose a decision."), code="outcome")
    if outcome == Outcome.RETURNED and not message.strip():
        raise ValidationError(_("Say what information the school should add."), code="message")
    if not applications:
        raise ValidationError(_("Choose at least one application."), code="none")
    with transaction.atomic():
        locked = [_lock(a) for a in sorted(applications, key=lambda a: a.pk)]
        problems: list[str] = []
        progresses = []
        for application in locked:
            progress = load_progress(application)
            mark = settings_for(application.round, application.school.country_id).pass_mark
            problems += problems_for(progress, outcome, mark)
            progresses.append(progress)
        if problems:
            raise ValidationError(problems, code="batch")
        return [_decide_one(p, outcome=outcome, by=by, message=message, until=until) for p in progresses]


def _decide_one(
    progress: Progress, *, outcome: str, by: User, message: str, until: datetime | None
) -> Evaluation:
    application = progress.application
    with _stage_change(application, by=by, action="decided", outcome=outcome):
        evaluation = _evaluation_of(application)
        if outcome != Outcome.RETURNED and not progress.moderated:
            criteria = criteria_of(application)
            agreed = agreed_scores(progress, criteria)
            _write_final(evaluation, criteria, agreed)
            evaluation.total = total_of((c.weight, agreed[c.pk].value) for c in criteria)
        evaluation.outcome = outcome
        evaluation.decided_submission = progress.submission
        evaluation.decided_by, evaluation.decided_at = by, timezone.now()
        if outcome == Outcome.RETURNED and message.strip():
            evaluation.feedback = message.strip()[:MAX_TEXT]
        evaluation.save()
        if outcome == Outcome.RETURNED:
            applications.return_for_information(application=application, message=message, by=by, until=until)
        else:
            _set_application_status(application, str(outcome), by=by)
        if outcome == Outcome.AWARDED:
            _award(application, by=by)
    _notify_decided(application)
    return evaluation


def _set_application_status(application: Application, status: str, *, by: User) -> None:
    was = application.status
    Application.objects.filter(pk=application.pk).update(status=status, updated_at=timezone.now())
    application.status = status
    audit.record(
        actor=by,
        action="applications.application.decided",
        school=application.school,
        target=application,
        data={"from": was, "to": status},
    )


def _current_heads(school_id: int) -> list[User]:
    today = timezone.localdate()
    heads = User.objects.filter(
        memberships__school_id=school_id,
        memberships__role=Role.HEAD,
        memberships__started_on__lte=today,
    ).exclude(memberships__ended_on__lt=today)
    return list(heads.distinct())


def _notify_decided(application: Application) -> None:
    notify(
        recipients=_current_heads(application.school_id),
        kind="evaluation.decided",
        params={"round": application.round.name},
        url=reverse("evaluation:result", args=[application.pk]),
        school=application.school,
        target=f"application:{application.pk}",
    )


# Award -----------------------------------------------------------------------------


def _award(application: Application, *, by: User) -> LabelAward:
    round = application.round
    award = LabelAward.objects.create(
        application=application,
        school=application.school,
        first_year=round.label_first_year,
        last_year=round.label_last_year,
        awarded_at=timezone.now(),
        awarded_by=by,
    )
    # The row the directory's label filter and the school's public page read.
    SchoolLabel.objects.update_or_create(
        school=application.school, first_year=award.first_year, defaults={"last_year": award.last_year}
    )
    audit.record(
        actor=by,
        action="evaluation.award.granted",
        school=application.school,
        target=award,
        data={"from": "", "to": f"{award.first_year}-{award.last_year}", "application": application.pk},
    )
    _issue_credential(award)
    return award


def award_source(award: LabelAward) -> str:
    """How an award's credential names what it was issued for (credentials.source_label)."""
    return f"evaluation.award:{award.pk}"


def _issue_credential(award: LabelAward) -> None:
    """The label's Open Badges 3.0 credential, signed by the country's NSO as issuer,
    valid for the label's calendar years (1 January of the first to 31 December of the last)."""
    school = award.school
    credentials.issue_label_credential(
        school=school,
        country=school.country,
        valid_from=date(award.first_year, 1, 1),
        valid_until=date(award.last_year, 12, 31),
        label_years=f"{award.first_year}-{award.last_year}",
        source_label=award_source(award),
        issued_by=award.awarded_by,
    )


def _revoke_credentials(award: LabelAward, *, reason: str, by: User) -> None:
    for credential in IssuedCredential.objects.filter(
        source_label=award_source(award), revoked_at__isnull=True
    ):
        credentials.revoke_credential(credential=credential, reason=reason, revoked_by=by)


WITHDRAWN = "evaluation.label_withdrawn"


def withdraw_label(*, award: LabelAward, reason: str, by: User) -> LabelAward:
    """Withdraw an awarded label: the one action behind every "withdraw" and "revoke" button.

    The school's label row goes (every page that says "eTwinning School" reads it through
    network.queries.held_labels), its credential is revoked on the status list, the award
    keeps its history with the reason, and the school's heads are told why.
    """
    if not reason.strip():
        raise ValidationError(_("Say why the label is withdrawn."), code="reason")
    with transaction.atomic():
        locked = LabelAward.objects.select_for_update().select_related("school").get(pk=award.pk)
        if locked.revoked_at is not None:
            raise ValidationError(_("This label was already withdrawn."), code="revoked")
        locked.revoked_at, locked.revoked_by = timezone.now(), by
        locked.revocation_reason = reason.strip()[:MAX_TEXT]
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        SchoolLabel.objects.filter(school_id=locked.school_id, first_year=locked.first_year).delete()
        _revoke_credentials(locked, reason=locked.revocation_reason, by=by)
        audit.record(
            actor=by,
            action="evaluation.award.revoked",
            school=locked.school,
            target=locked,
            data={"from": "awarded", "to": "revoked"},
        )
        notify(
            recipients=_current_heads(locked.school_id),
            kind=WITHDRAWN,
            params={"years": f"{locked.first_year}-{locked.last_year}", "reason": locked.revocation_reason},
            url=reverse("evaluation:result", args=[locked.application_id]),
            school=locked.school,
            target=f"award:{locked.pk}",
        )
    return locked
