from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.accounts.models import StudentProfile, User
from twinschools.agency import queries
from twinschools.agency.models import Audience, StudentTeam
from twinschools.agency.services import APPROVE, ASK_CHANGES, DECLINE, HIDE, PUBLISH
from twinschools.network.models import School


class PupilChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: StudentProfile) -> str:
        return _("%(name)s, class %(class)s") % {"name": obj.user.display_name, "class": obj.class_group.name}


class TeacherChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.public_name


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120)
    description = forms.CharField(
        label=_("What the team does"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    coordinators = TeacherChoiceField(
        label=_("Coordinating teachers"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    members = PupilChoiceField(
        label=_("Pupils on the team"),
        queryset=StudentProfile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinators"].queryset = queries.staff_choices(school)
        self.fields["members"].queryset = queries.pupil_choices(school)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Title of your idea"), max_length=160)
    plan = forms.CharField(label=_("What will you do?"), widget=forms.Textarea(attrs={"rows": 5}))
    audiences = forms.MultipleChoiceField(
        label=_("Who is it for?"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    planned_on = forms.DateField(label=_("When?"), widget=DateInput())
    team = forms.ModelChoiceField(
        label=_("With your team"),
        queryset=StudentTeam.objects.none(),
        required=False,
        empty_label=pgettext_lazy("team", "No team"),
    )

    def __init__(self, *args: Any, profile: StudentProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = queries.teams_of_pupil(profile)
        self.fields["team"].queryset = teams
        if not teams.exists():
            del self.fields["team"]


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (APPROVE, _("Approve")),
            (ASK_CHANGES, _("Ask the pupil for changes")),
            (DECLINE, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the pupil"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you ask for changes or decline. The pupil will read it."),
    )


class HeldForm(forms.Form):
    held_on = forms.DateField(label=_("Date it took place"), widget=DateInput())
    teachers_reached = forms.IntegerField(label=_("Teachers reached"), min_value=0, initial=0)
    parents_reached = forms.IntegerField(label=_("Parents reached"), min_value=0, initial=0)
    others_reached = forms.IntegerField(
        label=_("Others reached"), min_value=0, initial=0, help_text=_("Pupils, guests, people of the town.")
    )
    report = forms.CharField(
        label=_("Short report"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your suggestion"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Teachers will not see your name."),
        max_length=2000,
    )


class SuggestionModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[(PUBLISH, _("Publish to the pupils of the school")), (HIDE, _("Do not publish"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why it is not published"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you do not publish. The author will read it."),
    )
    response = forms.CharField(
        label=_("The team's response"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown with the suggestion to the pupils, and to its author."),
    )
