"""Label rounds configured as data, the form versions they use, and each school's eligibility.

A round's rules (dates, thresholds, which activities count, the NQL window) are
rows, so a platform admin sets up next year's round in the UI with no code
change. Eligibility rows are written by one set-based statement (eligibility.py).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _


def in_language(texts: Any, language: str | None = None) -> str:
    """The text in the reader's language, falling back to English (texts is {"en": ..., "ro": ...})."""
    if not isinstance(texts, dict):
        return str(texts or "")
    code = (language or get_language() or "en").split("-")[0]
    return str(texts.get(code) or texts.get("en") or "")


class FormVersion(models.Model):
    """Which sections and statements an application form has (e.g. the 2023 redesign)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.JSONField(_("name"), default=dict)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["-code"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name) or self.code


class SectionKind(models.TextChoices):
    ESAFETY = "esafety", pgettext_lazy("form section", "eSafety policy")
    COMMITMENT_1 = "commitment-1", pgettext_lazy("form section", "Commitment 1: shared leadership")
    COMMITMENT_2 = (
        "commitment-2",
        pgettext_lazy("form section", "Commitment 2: collaboration, sharing and teamwork"),
    )
    COMMITMENT_3 = "commitment-3", pgettext_lazy("form section", "Commitment 3: students as agents of change")
    COMMITMENT_4 = "commitment-4", pgettext_lazy("form section", "Commitment 4: models for other schools")
    COMMITMENT_5 = (
        "commitment-5",
        pgettext_lazy("form section", "Commitment 5: inclusive and innovative learning organisations"),
    )


class FormSection(models.Model):
    form_version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices)
    order = models.PositiveSmallIntegerField(_("order"))
    required = models.BooleanField(_("required"), default=True)
    asks_two_year_plan = models.BooleanField(_("asks for a two-year plan"), default=False)
    title = models.JSONField(_("title"), default=dict)
    guidance = models.JSONField(_("guidance"), default=dict, blank=True)

    class Meta:
        verbose_name = _("form section")
        verbose_name_plural = _("form sections")
        ordering = ["form_version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form_version", "kind"], name="form_section_kind_once"),
            models.UniqueConstraint(fields=["form_version", "order"], name="form_section_order_once"),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return in_language(self.title) or str(self.get_kind_display())

    @property
    def display_guidance(self) -> str:
        return in_language(self.guidance)


class FormStatement(models.Model):
    section = models.ForeignKey(FormSection, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.JSONField(_("text"), default=dict)
    asks_evidence = models.BooleanField(_("asks for evidence"), default=True)

    class Meta:
        verbose_name = _("form statement")
        verbose_name_plural = _("form statements")
        ordering = ["section", "order"]
        constraints = [models.UniqueConstraint(fields=["section", "order"], name="form_statement_order_once")]

    def __str__(self) -> str:
        return self.display_text

    @property
    def display_text(self) -> str:
        return in_language(self.text)


class RoundStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("label round", "Draft")
    PUBLISHED = "published", pgettext_lazy("label round", "Published")


class Round(models.Model):
    """One yearly call for the eTwinning School label, with its rules as data."""

    name = models.CharField(_("name"), max_length=20, unique=True, help_text=_("For example 2026-2027."))
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    # Inclusive: a school registered on this day or earlier meets the rule.
    registered_by = models.DateField(_("registered in eTwinning on or before"))
    active_since = models.DateField(_("teachers active on or after"))
    min_active_teachers = models.PositiveSmallIntegerField(_("minimum number of active teachers"), default=3)
    activity_kinds = models.JSONField(_("activities that count"), default=list)  # network.ActivityKind values
    nql_from = models.DateField(_("National Quality Label granted on or after"))
    nql_to = models.DateField(_("National Quality Label granted on or before"))
    nql_at_this_school = models.BooleanField(
        _("the label must have been earned while at that school"), default=True
    )
    nql_european_project = models.BooleanField(_("the label must be for a European project"), default=True)
    label_first_year = models.PositiveSmallIntegerField(_("label valid from (year)"))
    label_last_year = models.PositiveSmallIntegerField(_("label valid until (year)"))
    form_version = models.ForeignKey(
        FormVersion, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("form version")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    eligibility_started_at = models.DateTimeField(null=True, blank=True)
    eligibility_finished_at = models.DateTimeField(null=True, blank=True)
    eligibility_run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("label round")
        verbose_name_plural = _("label rounds")
        ordering = ["-label_first_year", "-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="round_window_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(label_last_year__gte=models.F("label_first_year")),
                name="round_years_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(nql_to__gte=models.F("nql_from")), name="round_nql_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED

    @property
    def activity_kind_labels(self) -> list[str]:
        from twinschools.network.models import ActivityKind

        labels = [
            str(ActivityKind(kind).label) for kind in self.activity_kinds if kind in ActivityKind.values
        ]
        # Mid-sentence: "project work", but "eTwinning group" keeps its own capitals.
        return [label[:1].lower() + label[1:] if label[1:2].islower() else label for label in labels]


class Eligibility(models.Model):
    """One school's result for one round: the facts found, the verdict and its reasons.

    `meets_rules` is what the automatic check found; `eligible` also counts an NSO
    exception, which the check keeps when it runs again.
    """

    # Lean on purpose: the check writes a row per school of the network at once. The unique
    # (round, school) index serves every lookup (a school's page asks for its few rounds). No
    # database foreign-key constraints (each would fire a check per row): the only writer
    # takes the school ids from network_school inside the round's lock, and deleting a
    # round or school still cascades here through Django's on_delete.
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="eligibilities", db_index=False, db_constraint=False
    )
    school = models.ForeignKey(
        "network.School",
        on_delete=models.CASCADE,
        related_name="label_eligibilities",
        db_index=False,
        db_constraint=False,
    )
    meets_rules = models.BooleanField(default=False)
    eligible = models.BooleanField(default=False)
    registered_on = models.DateField()
    active_teachers = models.PositiveIntegerField(default=0)
    required_teachers = models.PositiveSmallIntegerField(default=0)
    nql_project = models.ForeignKey(
        "network.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    nql_project_title = models.CharField(max_length=255, blank=True, default="")
    nql_granted_on = models.DateField(null=True, blank=True)
    labelled_first_year = models.PositiveSmallIntegerField(null=True, blank=True)
    labelled_last_year = models.PositiveSmallIntegerField(null=True, blank=True)
    # JSON text: [{"rule": "registered", "ok": true, "params": {...}}, ...], rendered by
    # reasons.py. Text rather than jsonb: parsing into jsonb cost the check more than all its
    # other per-row work together, and nothing queries inside the reasons.
    reasons = models.TextField(default="[]")
    checked_at = models.DateTimeField()
    invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("eligibility")
        verbose_name_plural = _("eligibility results")
        ordering = ["round", "school"]
        constraints = [models.UniqueConstraint(fields=["round", "school"], name="eligibility_once_per_round")]
        indexes = [
            # The NSO's funnel counts a round's eligible (and invited) schools per country: an
            # index-only scan of the eligible few (1-2% of a round's rows) joined to their
            # schools, instead of a probe per school of a 40,000-school country (PostgreSQL
            # keeps the included columns; SQLite builds the partial index without them).
            models.Index(
                fields=["round"],
                include=["school", "invited_at", "id"],
                condition=models.Q(eligible=True),
                name="eligibility_eligible_per_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.school_id} · {self.eligible}"

    @property
    def reason_list(self) -> list[dict[str, Any]]:
        try:
            found = json.loads(self.reasons or "[]")
        except ValueError:
            return []
        return found if isinstance(found, list) else []


class EligibilityException(models.Model):
    """An NSO's decision that a school may apply although the check left it out."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="exceptions")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="label_exceptions")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("eligibility exception")
        verbose_name_plural = _("eligibility exceptions")
        ordering = ["-granted_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["round", "school"], name="exception_once_per_round")]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.school_id}"


class ReviewStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("review request", "Open")
    GRANTED = "granted", pgettext_lazy("review request", "Granted")
    REFUSED = "refused", pgettext_lazy("review request", "Refused")


class ReviewRequest(models.Model):
    """A school asking its NSO to look again at a result it thinks is wrong."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="review_requests")
    school = models.ForeignKey(
        "network.School", on_delete=models.CASCADE, related_name="label_review_requests"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("message"))
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "school"],
                condition=models.Q(status="open"),
                name="one_open_review_per_round_school",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.school_id} · {self.status}"
