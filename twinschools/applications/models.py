"""A school's application for the eTwinning School label, co-written by its staff.

An application has one Part per statement of its form (the school's current
practice) and one per section that asks for a two-year plan. Parts are saved
without locks: each carries a revision, and every save leaves a PartRevision,
so who wrote what and when is kept and a concurrent save can be merged three
ways (services.save_part). A save that cannot be merged opens a PartConflict, which
holds the part's text until a person resolves it. Signing freezes the text into a
Submission.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    # The evaluation app adds its states to this list; the column is wide enough.
    DRAFT = "draft", pgettext_lazy("application", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("application", "Withdrawn")
    RETURNED = "returned", pgettext_lazy("application", "Returned for more information")
    AWARDED = "awarded", pgettext_lazy("application", "Awarded")
    NOT_AWARDED = "not_awarded", pgettext_lazy("application", "Not awarded")


# The states in which the school's team may still write.
EDITABLE = (Status.DRAFT, Status.WITHDRAWN, Status.RETURNED)


class Application(models.Model):
    round = models.ForeignKey("labels.Round", on_delete=models.PROTECT, related_name="applications")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="label_applications")
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the NSO returns the application with a later date for the answer.
    resubmit_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("label application")
        verbose_name_plural = _("label applications")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["round", "school"], name="application_once_per_round")]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.school_id}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def deadline(self) -> object:
        return self.resubmit_until or self.round.closes_at

    @property
    def deadline_passed(self) -> bool:
        return timezone.now() >= self.deadline  # type: ignore[operator]


class OfAnApplication:
    """A thing of one application belongs to the school that applies (rules and time zones
    find it here; the loaders of applications.queries join the application and its school)."""

    application: Any

    @property
    def owning_school(self) -> Any:
        return self.application.school

    @property
    def owning_school_id(self) -> int:
        return int(self.application.school_id)


class Part(OfAnApplication, models.Model):
    """One answer of the form: a statement's text, or (statement empty) the section's two-year plan."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="parts")
    section = models.ForeignKey("labels.FormSection", on_delete=models.PROTECT, related_name="+")
    statement = models.ForeignKey(
        "labels.FormStatement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("text"), blank=True, default="")
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["section__order", "statement__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "statement"],
                condition=models.Q(statement__isnull=False),
                name="application_part_per_statement",
            ),
            models.UniqueConstraint(
                fields=["application", "section"],
                condition=models.Q(statement__isnull=True),
                name="application_plan_per_section",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.section_id} · {self.statement_id or 'plan'}"

    @property
    def is_plan(self) -> bool:
        return self.statement_id is None


class PartRevision(models.Model):
    """The text of a part as one save left it: who wrote it, when, and whose save it merged with."""

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    text = models.TextField(blank=True, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    # The revision the writer started from, when another save came in between and was merged.
    merged_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["part", "-revision"]
        constraints = [models.UniqueConstraint(fields=["part", "revision"], name="part_revision_once")]

    def __str__(self) -> str:
        return f"{self.part_id} r{self.revision}"


class Resolution(models.TextChoices):
    MINE = "mine", pgettext_lazy("conflict resolution", "the other version was kept")
    THEIRS = "theirs", pgettext_lazy("conflict resolution", "the saved text was kept")
    BOTH = "both", pgettext_lazy("conflict resolution", "both versions were kept")
    MERGED = "merged", pgettext_lazy("conflict resolution", "the versions were combined")
    SAME = "same", pgettext_lazy("conflict resolution", "the versions became the same")


class PartConflict(models.Model):
    """A version of a part that could not be saved over another one, kept until a person resolves it.

    While a part has an open conflict its text does not change through saves: every save is kept
    as its writer's pending version here (services.save_part), and only a resolution
    (services.resolve_conflict: keep one, keep both, or a combined text) writes the part.
    """

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="conflicts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(blank=True, default="")  # the writer's pending version
    base_revision = models.PositiveIntegerField()  # the revision the writer started from
    against_revision = models.PositiveIntegerField()  # the part's revision when the conflict opened
    opened_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True, default="")

    class Meta:
        ordering = ["part", "opened_at", "pk"]
        indexes = [
            models.Index(
                fields=["part"], condition=models.Q(resolved_at__isnull=True), name="part_conflict_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.part_id} conflict {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class EvidenceKind(models.TextChoices):
    FILE = "file", pgettext_lazy("evidence", "File")
    LINK = "link", pgettext_lazy("evidence", "Link")
    RECORD = "record", pgettext_lazy("evidence", "Record of the school")


class Evidence(OfAnApplication, models.Model):
    """A file, a link or a record of the school's workspace given as evidence for a section."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    section = models.ForeignKey("labels.FormSection", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(upload_to="applications/%Y/%m/", max_length=300, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    record_key = models.CharField(max_length=120, blank=True)  # e.g. "leadership.decision:12"
    on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["section__order", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "section", "record_key"],
                condition=models.Q(kind="record"),
                name="evidence_record_once_per_section",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Comment(OfAnApplication, models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey("labels.FormSection", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class Signatory(models.Model):
    """The deputy the head designated to sign this application's declaration of honour."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="signatory")
    deputy = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    designated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    designated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.application_id} · {self.deputy_id}"


class Submission(OfAnApplication, models.Model):
    """One signed submission: the frozen text and evidence, its hash and who signed it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField()
    snapshot = models.JSONField()
    content_hash = models.CharField(max_length=64)
    declaration_version = models.CharField(max_length=20)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    return_message = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["application", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="submission_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.application_id} #{self.number}"
