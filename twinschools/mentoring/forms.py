from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinschools.mentoring.models import Topic
from twinschools.mentoring.services import MAX_CAPACITY
from twinschools.network.models import Country, Language, Level, Region


class _Profile(forms.Form):
    languages = forms.ModelMultipleChoiceField(
        Language.objects.all(),
        label=_("Teaching languages"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    levels = forms.ModelMultipleChoiceField(
        Level.objects.all(), label=_("Education levels"), widget=forms.CheckboxSelectMultiple, required=False
    )
    topics = forms.MultipleChoiceField(
        choices=Topic.choices, label=_("Topics"), widget=forms.CheckboxSelectMultiple, required=False
    )


class OfferForm(_Profile):
    prefix = "offer"
    capacity = forms.IntegerField(
        label=_("How many schools you can mentor"), min_value=1, max_value=MAX_CAPACITY
    )
    active = forms.BooleanField(label=_("Open to new mentees"), required=False, initial=True)


class RequestForm(_Profile):
    prefix = "ask"


class MatchingForm(forms.Form):
    country = forms.ModelChoiceField(Country.objects.none(), label=_("Country"), empty_label=None)
    region = forms.ModelChoiceField(
        Region.objects.none(), label=_("Region"), required=False, empty_label=_("The whole country")
    )

    def __init__(self, *args: Any, countries: Any, regions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries
        self.fields["region"].queryset = regions


class GoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Goals agreed"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class MeetingForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )


class FeedbackForm(forms.Form):
    feedback = forms.CharField(
        label=_("How did the mentoring go for your school?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
