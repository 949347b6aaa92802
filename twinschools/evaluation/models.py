"""National evaluation of label applications: the rubric, evaluators' reviews, moderation, decision, award.

The rubric is data per form version (criteria with six level descriptors each),
so a new form brings its rubric as rows. Where an application stands in its
evaluation is derived from these rows and the application's status (stages.py),
so a school's resubmission restarts the evaluation without any hook in the
applications app: reviews belong to one submission, and a new submission has none.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.labels.models import SectionKind, in_language

LEVELS = range(0, 6)  # every criterion is scored 0..5, or n/a (stored as NULL)
MAX_REVIEW_DAYS = 120  # an NSO may give evaluators up to about four months


class Rubric(models.Model):
    """The published rubric of one form version."""

    form_version = models.OneToOneField("labels.FormVersion", on_delete=models.CASCADE, related_name="rubric")
    introduction = models.JSONField(_("introduction"), default=dict, blank=True)

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return str(self.form_version)

    @property
    def display_introduction(self) -> str:
        return in_language(self.introduction)


class Criterion(models.Model):
    """One criterion: its name, guidance, weight and what each level 0..5 means."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"))
    # The form section it reads; blank for a cross-cutting criterion (e.g. the two-year plans).
    section_kind = models.CharField(_("section"), max_length=20, choices=SectionKind.choices, blank=True)
    name = models.JSONField(_("name"), default=dict)
    guidance = models.JSONField(_("guidance"), default=dict, blank=True)
    # Six entries, level 0 to level 5, each {"en": ..., "ro": ..., "ca": ...}.
    levels = models.JSONField(_("level descriptors"), default=list)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "order"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="criterion_code_once"),
            models.UniqueConstraint(fields=["rubric", "order"], name="criterion_order_once"),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name) or self.code

    @property
    def display_guidance(self) -> str:
        return in_language(self.guidance)

    def descriptors(self) -> list[tuple[int, str]]:
        return [(level, in_language(text)) for level, text in enumerate(self.levels)]


class EvaluationSettings(models.Model):
    """How one country evaluates one round: when reviews disagree, and the pass mark."""

    DEFAULT_THRESHOLD = 15
    DEFAULT_PASS_MARK = 60
    DEFAULT_REVIEW_DAYS = 21

    round = models.ForeignKey("labels.Round", on_delete=models.CASCADE, related_name="evaluation_settings")
    country = models.ForeignKey("network.Country", on_delete=models.CASCADE, related_name="+")
    # Both in percentage points of the weighted total (0..100).
    threshold = models.PositiveSmallIntegerField(
        _("disagreement threshold (points out of 100)"),
        default=DEFAULT_THRESHOLD,
        help_text=_("When two evaluators' totals differ by more than this, a third evaluator is assigned."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (points out of 100)"),
        default=DEFAULT_PASS_MARK,
        help_text=_("An application scoring below this cannot be awarded the label."),
    )
    review_days = models.PositiveSmallIntegerField(
        _("days for a review"),
        default=DEFAULT_REVIEW_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REVIEW_DAYS)],
        help_text=_("Each evaluator's review is due this many days after they are assigned."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("evaluation settings")
        verbose_name_plural = _("evaluation settings")
        constraints = [
            models.UniqueConstraint(fields=["round", "country"], name="evaluation_settings_once"),
            models.CheckConstraint(condition=models.Q(threshold__lte=100), name="threshold_at_most_100"),
            models.CheckConstraint(condition=models.Q(pass_mark__lte=100), name="pass_mark_at_most_100"),
            models.CheckConstraint(
                condition=models.Q(review_days__gte=1, review_days__lte=MAX_REVIEW_DAYS),
                name="review_days_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.country_id}"


class Outcome(models.TextChoices):
    AWARDED = "awarded", pgettext_lazy("evaluation outcome", "Awarded")
    NOT_AWARDED = "not_awarded", pgettext_lazy("evaluation outcome", "Not awarded")
    RETURNED = "returned", pgettext_lazy("evaluation outcome", "Returned for more information")


class Evaluation(models.Model):
    """One application's evaluation: moderation and the decision on its latest submission."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="evaluation"
    )
    # Set when the disagreement called for a third evaluator and none was free of conflicts.
    no_second_opinion_for = models.ForeignKey(
        "applications.Submission", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_submission = models.ForeignKey(
        "applications.Submission", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    feedback = models.TextField(_("feedback to the school"), blank=True)
    total = models.FloatField(null=True, blank=True)  # the moderated (or agreed) total, 0..100
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices, blank=True)
    decided_submission = models.ForeignKey(
        "applications.Submission", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    show_evaluator_names = models.BooleanField(_("show the evaluators' names to the school"), default=False)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.application_id}"


class AssignmentKind(models.TextChoices):
    FIRST = "first", pgettext_lazy("assignment", "Evaluator")
    SECOND_OPINION = "second", pgettext_lazy("assignment", "Second opinion")


class Assignment(models.Model):
    """An evaluator asked to review an application, by the NSO or automatically (assigned_by empty)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="assignments")
    # Accounts are anonymised rather than deleted (accounts.services.erase_person); only the
    # generator's own people are deleted when a network is replaced, and their reviews with them.
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=AssignmentKind.choices, default=AssignmentKind.FIRST)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    # Fixed when assigned (the country's days for a review from that day), so changing the
    # settings later moves no date an evaluator has already been told.
    due_on = models.DateField(_("due on"))
    no_conflict_declared_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["evaluation", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "evaluator"], name="evaluator_once_per_application")
        ]
        indexes = [models.Index(fields=["evaluator", "declined_at"], name="assignment_evaluator_load")]

    def __str__(self) -> str:
        return f"{self.evaluation_id} · {self.evaluator_id}"

    @property
    def is_active(self) -> bool:
        return self.declined_at is None

    def is_overdue(self, *, submitted: bool, today: date) -> bool:
        """The one overdue rule: active, its review not submitted, and its due date passed."""
        return self.is_active and not submitted and self.due_on < today


class Review(models.Model):
    """One evaluator's review of one submission: scores, comments and private notes."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reviews")
    submission = models.ForeignKey("applications.Submission", on_delete=models.CASCADE, related_name="+")
    private_notes = models.TextField(_("private notes"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    total = models.FloatField(null=True, blank=True)  # 0..100, computed when submitted
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "submission"], name="review_once_per_submission")
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} · {self.submission_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    """A reviewer's score for one criterion (None: not applicable) and the comment the school will read."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__lte=5), name="score_0_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id} · {self.criterion_id} · {self.value}"


class FinalScore(models.Model):
    """The moderated (or agreed) score per criterion, which the school sees with the decision."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="final_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["evaluation", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="final_score_once_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__lte=5), name="final_score_0_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluation_id} · {self.criterion_id} · {self.value}"


class LabelAward(models.Model):
    """The label an awarded application earned, with its validity; revoking keeps the row."""

    # The application goes only with its school (which takes the award along anyway).
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="award"
    )
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="label_awards")
    first_year = models.PositiveSmallIntegerField(_("valid from (year)"))
    last_year = models.PositiveSmallIntegerField(_("valid until (year)"))
    awarded_at = models.DateTimeField()
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("label award")
        verbose_name_plural = _("label awards")
        ordering = ["-awarded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")), name="award_years_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.school_id} {self.first_year}-{self.last_year}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
