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
from django.utils.translation import pgettext_lazy


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


class ResponsibilityKind(models.TextChoices):
    COORDINATION = "coordination", _("Coordination")
    ESAFETY = "esafety", _("eSafety")
    COMMUNICATION = "communication", _("Communication")
    AMBASSADORS = "ambassadors", _("Student ambassadors")
    MENTORING = "mentoring", _("Mentoring other schools")
    DEVELOPMENT = "development", _("Professional development")
    OWN = "own", _("The school's own area")


class Responsibility(models.Model):
    """A named responsibility on the team: one owner, any number of deputies."""

    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="responsibilities")
    kind = models.CharField(_("responsibility"), max_length=20, choices=ResponsibilityKind.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_responsibilities"
    )
    deputies = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="deputy_responsibilities"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["kind", "title", "pk"]
        indexes = [models.Index(fields=["school", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The school's own title for its own areas, the translated kind otherwise."""
        return self.title or str(self.get_kind_display())


class Process(models.TextChoices):
    CONSENT = "consent", _("Consent")
    ADVICE = "advice", _("Advice")
    CONSENSUS = "consensus", _("Consensus")
    VOTE = "vote", _("Vote")


class Choice(models.TextChoices):
    """Every position any process offers; each process uses some of them."""

    CONSENT = "consent", pgettext_lazy("position", "Consent")
    OBJECT = "object", pgettext_lazy("position", "Object")
    ADVICE = "advice", pgettext_lazy("position", "Advice")
    AGREE = "agree", pgettext_lazy("position", "Agree")
    ABSTAIN = "abstain", pgettext_lazy("position", "Abstain")
    DISAGREE = "disagree", pgettext_lazy("position", "Disagree")
    BLOCK = "block", pgettext_lazy("position", "Block")
    YES = "yes", pgettext_lazy("position", "Yes")
    NO = "no", pgettext_lazy("position", "No")


CHOICES_BY_PROCESS: dict[str, tuple[str, ...]] = {
    Process.CONSENT: (Choice.CONSENT, Choice.OBJECT),
    Process.ADVICE: (Choice.ADVICE,),
    Process.CONSENSUS: (Choice.AGREE, Choice.ABSTAIN, Choice.DISAGREE, Choice.BLOCK),
    Process.VOTE: (Choice.YES, Choice.NO, Choice.ABSTAIN),
}
# Positions that mean nothing without their reason.
REASON_REQUIRED = {Choice.OBJECT, Choice.BLOCK, Choice.ADVICE}


class Status(models.TextChoices):
    OPEN = "open", pgettext_lazy("proposal", "Open")
    CLOSED = "closed", pgettext_lazy("proposal", "Closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "Withdrawn")


class Result(models.TextChoices):
    PASSED = "passed", _("Adopted")
    REJECTED = "rejected", _("Not adopted")
    NO_QUORUM = "no_quorum", _("No decision (quorum not reached)")
    ADVISED = "advised", _("Advice gathered: the proposer decides")


class Proposal(models.Model):
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=200)
    details = models.TextField(_("details"))
    process = models.CharField(_("process"), max_length=12, choices=Process.choices)
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals")
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"))
    quorum_percent = models.PositiveSmallIntegerField(_("quorum (percent)"), null=True, blank=True)
    anonymous = models.BooleanField(_("anonymous positions"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, blank=True)
    # Fixed when the proposal opens: the team at that moment, head included.
    voters = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [
            models.Index(fields=["school", "status", "closes_at"]),
            models.Index(fields=["status", "closes_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def choices(self) -> tuple[str, ...]:
        return CHOICES_BY_PROCESS[self.process]

    @property
    def outcome_or_none(self) -> Outcome | None:
        try:
            return self.outcome
        except Outcome.DoesNotExist:
            return None


class Position(models.Model):
    """One team member's position on a proposal, changeable until it closes."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="positions")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("position"), max_length=10, choices=Choice.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [models.UniqueConstraint(fields=["proposal", "voter"], name="one_position_per_voter")]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.choice}"


class Outcome(models.Model):
    """What was decided, who carries it out, and when the team looks at it again."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="outcome")
    school = models.ForeignKey("network.School", on_delete=models.CASCADE, related_name="+")
    statement = models.TextField(_("statement"))
    responsible = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    review_on = models.DateField(_("review date"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    review_notice_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        indexes = [models.Index(fields=["school", "review_on"]), models.Index(fields=["review_on"])]

    def __str__(self) -> str:
        return self.statement[:60]
