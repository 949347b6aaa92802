from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import User
from twinschools.core import zones
from twinschools.leadership.models import Choice, Process, Proposal, ResponsibilityKind


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.public_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.public_name


class TeamMemberForm(forms.Form):
    user = PersonChoiceField(label=_("Member of staff"), queryset=User.objects.none())

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates


class ResponsibilityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Responsibility"), choices=ResponsibilityKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        required=False,
        help_text=_("Needed for the school's own areas, for example “School garden”."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = PersonChoiceField(label=_("Owner"), queryset=User.objects.none())
    deputies = PeopleChoiceField(
        label=_("Deputies"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team
        self.fields["deputies"].queryset = team


PROCESS_EXPLAINED = [
    (
        Process.CONSENT,
        _("Consent: the proposal passes unless somebody objects, and an objection needs a reason."),
    ),
    (
        Process.ADVICE,
        _("Advice: colleagues write their advice, then you decide and record the outcome."),
    ),
    (
        Process.CONSENSUS,
        _("Consensus: everybody agrees, abstains or disagrees; one block with a reason stops it."),
    ),
    (
        Process.VOTE,
        _("Vote: yes, no or abstain; it passes when more people say yes than no."),
    ),
]


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    details = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you propose, why, and what it changes for pupils and colleagues."),
    )
    process = forms.ChoiceField(
        label=_("How the team decides"),
        choices=PROCESS_EXPLAINED,
        widget=forms.RadioSelect,
        initial=Process.CONSENT,
    )
    closes_at = forms.DateTimeField(
        label=_("Closes on"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Positions can be taken and changed until then."),
    )
    quorum_percent = forms.IntegerField(
        label=_("Quorum (percent of the team)"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Optional. Without enough participation, there is no decision."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous positions: nobody sees who took which position"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Typed and read in the school's zone (core.permissions activates it), which is named.
        help_text = self.fields["closes_at"].help_text
        self.fields["closes_at"].help_text = f"{help_text} {zones.note()}"
        if not self.is_bound:
            week = timezone.localtime() + timedelta(days=7)
            self.initial.setdefault("closes_at", week.replace(minute=0, second=0, microsecond=0))

    def clean_closes_at(self) -> Any:
        closes_at = self.cleaned_data["closes_at"]
        if closes_at <= timezone.now():
            raise forms.ValidationError(_("The closing date and time must be in the future."))
        return closes_at


class PositionForm(forms.Form):
    choice = forms.ChoiceField(label=_("Your position"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Your reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for an objection or a block; optional otherwise."),
    )

    def __init__(self, *args: Any, proposal: Proposal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(choice, Choice(choice).label) for choice in proposal.choices]
        if proposal.process == Process.ADVICE:
            self.fields["choice"].initial = Choice.ADVICE
            self.fields["choice"].widget = forms.HiddenInput()
            self.fields["reason"].label = _("Your advice")
            self.fields["reason"].help_text = ""


class OutcomeForm(forms.Form):
    statement = forms.CharField(label=_("What was decided"), widget=forms.Textarea(attrs={"rows": 4}))
    responsible = PeopleChoiceField(
        label=_("People responsible"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    review_on = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When the team looks again at how the decision works out."),
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = staff
