from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

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
