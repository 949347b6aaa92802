from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.labels.models import FormVersion, Round
from twinschools.network.models import ActivityKind, Region


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class _DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RoundForm(forms.Form):
    """Every rule of a round; the service checks how the values fit together."""

    name = forms.RegexField(
        label=_("Name"),
        regex=r"^\d{4}-\d{4}$",
        max_length=20,
        help_text=_("The label's two calendar years, for example 2027-2028."),
        error_messages={"invalid": _("Write the name as two years, for example 2027-2028.")},
    )
    opens_at = forms.DateTimeField(label=_("Applications open"), widget=_DateTimeInput())
    closes_at = forms.DateTimeField(label=_("Applications close"), widget=_DateTimeInput())
    registered_by = forms.DateField(label=_("Registered in eTwinning on or before"), widget=_DateInput())
    active_since = forms.DateField(label=_("Teachers active on or after"), widget=_DateInput())
    min_active_teachers = forms.IntegerField(
        label=_("Minimum number of active teachers"), min_value=1, max_value=50
    )
    activity_kinds = forms.MultipleChoiceField(
        label=_("Activities that count"), choices=ActivityKind.choices, widget=forms.CheckboxSelectMultiple
    )
    nql_from = forms.DateField(label=_("National Quality Label granted on or after"), widget=_DateInput())
    nql_to = forms.DateField(label=_("National Quality Label granted on or before"), widget=_DateInput())
    nql_at_this_school = forms.BooleanField(
        label=_("The National Quality Label must have been earned while at that school"), required=False
    )
    nql_european_project = forms.BooleanField(
        label=_("The National Quality Label must be for a European project"), required=False
    )
    label_first_year = forms.IntegerField(label=_("Label valid from (year)"), min_value=2000, max_value=2100)
    label_last_year = forms.IntegerField(label=_("Label valid until (year)"), min_value=2000, max_value=2100)
    form_version = forms.ModelChoiceField(
        label=_("Form version"), queryset=FormVersion.objects.all(), empty_label=None
    )

    @staticmethod
    def initial_from(round: Round) -> dict[str, Any]:
        from twinschools.labels.services import RULE_FIELDS

        return {field: getattr(round, field) for field in RULE_FIELDS}


class ReviewRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why do you think the result is wrong?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Tell your NSO why you think the result is wrong.")},
    )


class AnswerForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Give the reason for your decision.")},
    )


RESULT_CHOICES = [
    ("", pgettext_lazy("eligibility filter", "All results")),
    ("eligible", pgettext_lazy("eligibility filter", "Eligible")),
    ("not-eligible", pgettext_lazy("eligibility filter", "Not eligible")),
    ("exception", pgettext_lazy("eligibility filter", "Eligible by exception")),
]


class ResultsFilterForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Round"), queryset=Round.objects.none(), required=False, empty_label=None
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All regions")
    )
    result = forms.ChoiceField(label=_("Result"), choices=RESULT_CHOICES, required=False)

    def __init__(self, *args: Any, rounds: Any, regions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds  # type: ignore[attr-defined]
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
