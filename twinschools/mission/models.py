from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.mission.approaches import ApproachCode


class Approach(models.Model):
    """One row per code of the vocabulary, so practices and activities can join on it."""

    code = models.CharField(_("code"), max_length=40, primary_key=True, choices=ApproachCode.choices)

    class Meta:
        verbose_name = _("pedagogical approach")
        verbose_name_plural = _("pedagogical approaches")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return str(ApproachCode(self.code).label)


class TargetGroup(models.TextChoices):
    SPECIAL_NEEDS = "special-needs", pgettext_lazy("target group", "Pupils with special educational needs")
    FEWER_OPPORTUNITIES = (
        "fewer-opportunities",
        pgettext_lazy("target group", "Pupils with fewer opportunities"),
    )
    NEWCOMERS = (
        "newcomers",
        pgettext_lazy("target group", "Newcomers and pupils learning the language of instruction"),
    )
    FAMILIES = "families", pgettext_lazy("target group", "Families")
    OTHER = "other", pgettext_lazy("target group", "Another group")


class InclusionMeasure(models.Model):
    """What a school did for a group, with its reach as aggregated numbers only.

    There is deliberately no field that could name or identify a pupil: reach is
    counted, never listed.
    """

    school = models.ForeignKey(
        "network.School",
        on_delete=models.CASCADE,
        related_name="inclusion_measures",
        verbose_name=_("school"),
    )
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices)
    other_group = models.CharField(_("name of the group"), max_length=120, blank=True)
    title = models.CharField(_("action taken"), max_length=200)
    description = models.TextField(_("how it worked"), blank=True)
    started_on = models.DateField(pgettext_lazy("start of a period", "from"))
    ended_on = models.DateField(pgettext_lazy("end of a period", "to"))
    pupils_reached = models.PositiveIntegerField(_("pupils reached"), default=0)
    families_reached = models.PositiveIntegerField(_("families reached"), default=0)
    staff_involved = models.PositiveIntegerField(_("staff involved"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Raised on every change, so an edit made from a stale form is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("inclusion measure")
        verbose_name_plural = _("inclusion measures")
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["school", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__gte=models.F("started_on")), name="inclusion_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def group_label(self) -> str:
        if self.target_group == TargetGroup.OTHER and self.other_group:
            return self.other_group
        return str(TargetGroup(self.target_group).label)
