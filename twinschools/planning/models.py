"""The eTwinning action plan and the co-planned activity calendar.

Goals, actions and activities carry a `version`: an edit is saved only if the row
still has the version the editor started from (see services.py), so two people
editing the same thing never overwrite each other silently. Every `school`
foreign key is there so that the permission predicates can scope by school.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.core.mission import COMMITMENTS

COMMITMENT_CHOICES = [(commitment.number, commitment.title) for commitment in COMMITMENTS]


class Plan(models.Model):
    """A school's action plan over a period, usually two school years."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="action_plans")
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("start of the period"))
    ends_on = models.DateField(_("end of the period"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["school", "-starts_on"], name="plan_school_start")]

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="+")
    commitment = models.PositiveSmallIntegerField(_("commitment"), choices=COMMITMENT_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["commitment", "id"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("action status", "Planned")
    IN_PROGRESS = "in-progress", pgettext_lazy("action status", "In progress")
    DONE = "done", pgettext_lazy("action status", "Done")
    POSTPONED = "postponed", pgettext_lazy("action status", "Postponed")
    DROPPED = "dropped", pgettext_lazy("action status", "Dropped")


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class Action(models.Model):
    """One step of the plan, after SELFIE PTK: timeframe, owners, resources, success criteria."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="planned_actions", verbose_name=_("owners")
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    resources = models.TextField(_("resources"), blank=True)
    success_criteria = models.TextField(_("success criteria or indicator"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["starts_on", "id"]
        indexes = [models.Index(fields=["school", "status", "ends_on"], name="action_school_status")]

    def __str__(self) -> str:
        return self.title


class ProgressNote(models.Model):
    """A dated, authored note on an action's progress; notes are only ever appended."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_on = models.DateField(_("date"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class ChangeKind(models.TextChoices):
    GOAL = "goal", pgettext_lazy("changed record", "Goal")
    ACTION = "action", pgettext_lazy("changed record", "Action")
    NOTE = "note", pgettext_lazy("changed record", "Progress note")


class ChangeOperation(models.TextChoices):
    CREATED = "created", pgettext_lazy("change", "Created")
    UPDATED = "updated", pgettext_lazy("change", "Changed")
    DELETED = "deleted", pgettext_lazy("change", "Deleted")


class PlanChange(models.Model):
    """One entry of a plan's history: who changed what, when, field by field.

    `fields` holds machine values ([{"field": "status", "before": "planned", "after": "done"}]);
    pages turn them into translated labels. The links to goal and action survive
    their deletion as plain ids, so the history outlives what it describes.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="changes")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=ChangeKind.choices)
    operation = models.CharField(max_length=8, choices=ChangeOperation.choices)
    goal_id_ref = models.PositiveIntegerField(null=True)
    action_id_ref = models.PositiveIntegerField(null=True, db_index=True)
    title = models.CharField(max_length=200)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()
    fields = models.JSONField(default=list)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["plan", "-at"], name="planchange_plan_at")]

    def __str__(self) -> str:
        return f"{self.kind} {self.operation} {self.title}"


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("activity status", "Planned")
    HELD = "held", pgettext_lazy("activity status", "Held")
    CANCELLED = "cancelled", pgettext_lazy("activity status", "Cancelled")


class CalendarActivity(models.Model):
    """A teaching activity planned together by several teachers.

    All-day activities keep local midnight of their first and last day in
    `starts_at` and `ends_at` (the last day is included).
    """

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="calendar_activities")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    project = models.ForeignKey(
        "network.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eTwinning project"),
    )
    classes = models.ManyToManyField(
        "accounts.ClassGroup", blank=True, related_name="+", verbose_name=_("classes")
    )
    co_planners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="co_planned_activities", verbose_name=_("co-planning teachers")
    )
    approaches = models.ManyToManyField(
        "mission.Approach", blank=True, related_name="+", verbose_name=_("pedagogical approaches")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["school", "starts_at"], name="calactivity_school_start")]

    def __str__(self) -> str:
        return self.title


class FeedToken(models.Model):
    """The secret in a calendar feed's address: calendar apps fetch without cookies.

    A token with a school is that school's feed, read with its owner's rights;
    without a school it is the owner's personal feed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    school = models.ForeignKey(
        "network.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_feed_per_user_and_school"),
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(school__isnull=True), name="one_personal_feed_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"feed of {self.user_id} ({self.school_id or 'personal'})"
