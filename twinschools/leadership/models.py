"""Shared leadership: the school's eTwinning team.

A team member is a member of staff who takes part in the school's decisions.
The head always counts as a team member; `leads_workspace` marks teacher
leaders to whom the head has delegated running the workspace.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TeamMember(models.Model):
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    leads_workspace = models.BooleanField(
        _("runs the workspace"),
        default=False,
        help_text=_("The head delegates running the workspace to this teacher leader."),
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["school", "user"], name="one_team_seat_per_school")]
        indexes = [models.Index(fields=["user", "school"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.school_id}"
