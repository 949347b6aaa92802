"""Where an application stands in its evaluation, derived from rows (nothing stored to keep in step).

Reviews belong to one submission. When a returned application is resubmitted,
its new submission has no reviews yet, so the evaluation starts again with the
same evaluators without the applications app having to tell us.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import pgettext_lazy

from twinschools.applications.models import Application, Status, Submission
from twinschools.evaluation.models import Assignment, AssignmentKind, Criterion, Evaluation, Review


class Stage(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", pgettext_lazy("evaluation stage", "Not submitted")
    TO_ASSIGN = "to_assign", pgettext_lazy("evaluation stage", "Evaluators to assign")
    IN_REVIEW = "in_review", pgettext_lazy("evaluation stage", "In review")
    SECOND_OPINION = "second_opinion", pgettext_lazy("evaluation stage", "Second opinion")
    MODERATION = "moderation", pgettext_lazy("evaluation stage", "To moderate")
    READY = "ready", pgettext_lazy("evaluation stage", "Ready for a decision")
    RETURNED = "returned", pgettext_lazy("evaluation stage", "Returned to the school")
    AWARDED = "awarded", pgettext_lazy("evaluation stage", "Awarded")
    NOT_AWARDED = "not_awarded", pgettext_lazy("evaluation stage", "Not awarded")
    WITHDRAWN = "withdrawn", pgettext_lazy("evaluation stage", "Label withdrawn")


def total_of(pairs: Iterable[tuple[int, int | None]]) -> float | None:
    """(weight, value) pairs to a total out of 100; not-applicable criteria count neither way."""
    applicable = [(weight, value) for weight, value in pairs if value is not None]
    if not applicable:
        return None
    earned = sum(weight * value for weight, value in applicable)
    possible = sum(weight * 5 for weight, _value in applicable)
    return round(100 * earned / possible, 1)


def review_total(review: Review, criteria: list[Criterion]) -> float | None:
    values = {score.criterion_id: score.value for score in review.scores.all()}
    return total_of((c.weight, values.get(c.pk)) for c in criteria)


def disagree(first: float | None, second: float | None, threshold: int) -> bool:
    return abs((first or 0) - (second or 0)) > threshold


def current_submission(application: Application) -> Submission | None:
    """The latest submission not withdrawn (from a prefetch of `submissions` when there is one)."""
    found = [s for s in application.submissions.all() if s.withdrawn_at is None]
    return max(found, key=lambda s: s.number) if found else None


@dataclass
class Progress:
    """An application's evaluation as its pages show it."""

    application: Application
    evaluation: Evaluation | None
    submission: Submission | None
    stage: Stage
    active: list[Assignment] = field(default_factory=list)
    reviews: dict[int, Review] = field(default_factory=dict)  # assignment pk -> review of this submission
    first_totals: list[float | None] = field(default_factory=list)
    disagreement: bool = False

    def review_of(self, assignment: Assignment) -> Review | None:
        return self.reviews.get(assignment.pk)

    @property
    def submitted_reviews(self) -> list[Review]:
        return [r for r in self.reviews.values() if r.is_submitted]

    @property
    def moderated(self) -> bool:
        ev, sub = self.evaluation, self.submission
        return ev is not None and sub is not None and ev.moderated_submission_id == sub.pk

    @property
    def second_opinion_missing(self) -> bool:
        ev, sub = self.evaluation, self.submission
        return ev is not None and sub is not None and ev.no_second_opinion_for_id == sub.pk


DECIDED: dict[str, Stage] = {
    Status.AWARDED: Stage.AWARDED,
    Status.NOT_AWARDED: Stage.NOT_AWARDED,
    Status.RETURNED: Stage.RETURNED,
}


def _withdrawn(application: Application) -> bool:
    """The awarded label was withdrawn since (callers select the award with the application)."""
    award = getattr(application, "award", None)
    return award is not None and award.revoked_at is not None


def progress_of(application: Application, threshold: int) -> Progress:
    """Needs `evaluation` (or none), its assignments with their reviews, and `submissions` loaded."""
    evaluation: Evaluation | None = getattr(application, "evaluation", None)
    submission = current_submission(application)
    assignments = list(evaluation.assignments.all()) if evaluation is not None else []
    active = [a for a in assignments if a.is_active]
    reviews = {
        a.pk: r
        for a in active
        for r in a.reviews.all()
        if submission is not None and r.submission_id == submission.pk
    }
    found = Progress(application, evaluation, submission, Stage.NOT_SUBMITTED, active, reviews)
    if application.status in DECIDED:
        found.stage = DECIDED[application.status]
        if found.stage == Stage.AWARDED and _withdrawn(application):
            found.stage = Stage.WITHDRAWN
        return found
    if application.status != Status.SUBMITTED or submission is None:
        return found
    firsts = [a for a in active if a.kind == AssignmentKind.FIRST][:2]
    if len(firsts) < 2:
        found.stage = Stage.TO_ASSIGN
        return found
    first_reviews = [reviews.get(a.pk) for a in firsts]
    if any(r is None or not r.is_submitted for r in first_reviews):
        found.stage = Stage.IN_REVIEW
        return found
    found.first_totals = [r.total for r in first_reviews if r is not None]
    threshold_crossed = disagree(found.first_totals[0], found.first_totals[1], threshold)
    found.disagreement = threshold_crossed
    seconds = [a for a in active if a.kind == AssignmentKind.SECOND_OPINION]
    if threshold_crossed and any(not (reviews.get(a.pk) and reviews[a.pk].is_submitted) for a in seconds):
        found.stage = Stage.SECOND_OPINION
    elif threshold_crossed and not found.moderated:
        found.stage = Stage.MODERATION
    else:
        found.stage = Stage.READY
    return found


def describe(progress: Progress) -> dict[str, Any]:
    return {
        "stage": str(progress.stage),
        "submission": progress.submission.pk if progress.submission else None,
    }
