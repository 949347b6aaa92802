"""Mentoring between schools: experienced schools offer, newcomers ask, the NSO matches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Topic(models.TextChoices):
    ESAFETY = "esafety", pgettext_lazy("mentoring topic", "eSafety")
    PROJECT_DESIGN = "project-design", pgettext_lazy("mentoring topic", "Project design")
    TWINSPACE = "twinspace", pgettext_lazy("mentoring topic", "TwinSpace and tools")
    COLLABORATION = "collaboration", pgettext_lazy("mentoring topic", "Collaborative learning")
    LABEL = "label", pgettext_lazy("mentoring topic", "The eTwinning School label")
    INCLUSION = "inclusion", pgettext_lazy("mentoring topic", "Inclusion")


class MentorOffer(models.Model):
    """A school's offer to mentor others; one per school, switched off rather than deleted."""

    school = models.OneToOneField("network.School", on_delete=models.CASCADE, related_name="mentor_offer")
    capacity = models.PositiveSmallIntegerField(_("how many schools you can mentor"), default=2)
    languages = models.ManyToManyField("network.Language", verbose_name=_("languages"), blank=True)
    levels = models.ManyToManyField("network.Level", verbose_name=_("education levels"), blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)  # Topic values
    active = models.BooleanField(_("open to new mentees"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentoring offer")
        verbose_name_plural = _("mentoring offers")

    def __str__(self) -> str:
        return str(self.school)


class RequestStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("mentoring request", "Open")
    MATCHED = "matched", pgettext_lazy("mentoring request", "Matched")
    WITHDRAWN = "withdrawn", pgettext_lazy("mentoring request", "Withdrawn")


class MentoringRequest(models.Model):
    """A school new to eTwinning (or not yet labelled) asking for a mentor."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="mentoring_requests")
    languages = models.ManyToManyField("network.Language", verbose_name=_("languages"), blank=True)
    levels = models.ManyToManyField("network.Level", verbose_name=_("education levels"), blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    status = models.CharField(max_length=12, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school"],
                condition=models.Q(status="open"),
                name="one_open_mentoring_request_per_school",
            )
        ]

    def __str__(self) -> str:
        return str(self.school)


class MatchingRun(models.Model):
    """One run of the matcher by an NSO, with the greedy baseline for comparison."""

    country = models.ForeignKey("network.Country", on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(
        "network.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    optimal_cost = models.FloatField()
    greedy_cost = models.FloatField()
    seconds = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.country} {self.created_at:%Y-%m-%d %H:%M}"


class PairingStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("mentoring pair", "Proposed")
    ACCEPTED = "accepted", pgettext_lazy("mentoring pair", "Accepted")
    DECLINED = "declined", pgettext_lazy("mentoring pair", "Declined")
    CLOSED = "closed", pgettext_lazy("mentoring pair", "Closed")


class Pairing(models.Model):
    """A mentor school and a mentee school, from proposal to the closing feedback."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="pairings")
    offer = models.ForeignKey(MentorOffer, on_delete=models.CASCADE, related_name="pairings")
    request = models.ForeignKey(MentoringRequest, on_delete=models.CASCADE, related_name="pairings")
    mentor = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="mentoring_given")
    mentee = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="mentoring_received")
    status = models.CharField(max_length=10, choices=PairingStatus.choices, default=PairingStatus.PROPOSED)
    cost = models.FloatField()
    distance_km = models.FloatField()
    shared = models.JSONField(default=dict)  # {"languages": [...], "levels": [...], "topics": [...]}
    mentor_accepted = models.BooleanField(default=False)
    mentee_accepted = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    goals = models.TextField(_("goals agreed"), blank=True)
    mentor_feedback = models.TextField(_("feedback from the mentor school"), blank=True)
    mentee_feedback = models.TextField(_("feedback from the mentee school"), blank=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"


class Meeting(models.Model):
    """A meeting of an accepted pair."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="meetings")
    on = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.pairing} {self.on}"
