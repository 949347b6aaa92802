"""Students as agents of change: ambassador teams, initiatives and the student voice.

Pupils are minors: they are known only by their display name, and nothing here is
ever shown on a public page. Suggestions keep their author only so that the
author and their parents can follow them; staff pages never show who wrote one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StudentTeam(models.Model):
    """A team of student ambassadors, coordinated by teachers of the school."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="student_teams")
    name = models.CharField(_("team name"), max_length=120)
    description = models.TextField(_("what the team does"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coordinated_student_teams",
        verbose_name=_("coordinating teachers"),
    )
    members = models.ManyToManyField(
        "accounts.StudentProfile", related_name="student_teams", blank=True, verbose_name=_("pupils")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("student team")
        verbose_name_plural = _("student teams")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Audience(models.TextChoices):
    TEACHERS = "teachers", _("Teachers not yet involved")
    PARENTS = "parents", _("Parents")
    PUPILS = "pupils", _("Other pupils")
    COMMUNITY = "community", _("The local community")


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("initiative status", "Waiting for a teacher")
    CHANGES = "changes", pgettext_lazy("initiative status", "Changes asked")
    APPROVED = "approved", pgettext_lazy("initiative status", "Approved")
    DECLINED = "declined", pgettext_lazy("initiative status", "Declined")
    HELD = "held", pgettext_lazy("initiative status", "Held")


class Initiative(models.Model):
    """Pupils bring eTwinning and new ways of teaching to teachers, parents and others."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="initiatives")
    team = models.ForeignKey(
        StudentTeam, null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives"
    )
    # The school keeps the record of what was held even after a pupil's data is erased.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="initiatives"
    )
    title = models.CharField(_("title"), max_length=160)
    plan = models.TextField(_("what you will do"))
    audiences = models.JSONField(_("for whom"), default=list)
    planned_on = models.DateField(_("planned date"))
    status = models.CharField(
        _("status"), max_length=10, choices=InitiativeStatus.choices, default=InitiativeStatus.PROPOSED
    )
    moderation_note = models.TextField(_("note from the teacher"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    teachers_reached = models.PositiveIntegerField(_("teachers reached"), default=0)
    parents_reached = models.PositiveIntegerField(_("parents reached"), default=0)
    others_reached = models.PositiveIntegerField(_("others reached"), default=0)
    report = models.TextField(_("short report"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("student initiative")
        verbose_name_plural = _("student initiatives")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["school", "status", "held_on"], name="initiative_school_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def reached(self) -> int:
        return self.teachers_reached + self.parents_reached + self.others_reached

    @property
    def audience_labels(self) -> list[str]:
        return [str(Audience(code).label) for code in self.audiences if code in Audience.values]


class SuggestionStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("suggestion status", "Waiting for a teacher")
    PUBLISHED = "published", pgettext_lazy("suggestion status", "Published")
    HIDDEN = "hidden", pgettext_lazy("suggestion status", "Not published")


class Suggestion(models.Model):
    """A pupil's or parent's anonymous suggestion or feedback to the school.

    `author` is never shown to staff: it lets the author and their parents
    follow the suggestion, nothing more.
    """

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="suggestions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="suggestions"
    )
    text = models.TextField(_("your suggestion"))
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.SUBMITTED
    )
    hidden_reason = models.TextField(_("why it is not published"), blank=True)
    response = models.TextField(_("the team's response"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["school", "status"], name="suggestion_school_status")]

    def __str__(self) -> str:
        return self.text[:60]
