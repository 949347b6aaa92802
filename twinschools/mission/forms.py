from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinschools.mission.models import InclusionMeasure
from twinschools.mission.periods import Period, all_years, periods_offered, upcoming


class PeriodForm(forms.Form):
    """The period a workspace page looks at, from `?period=`.

    An invalid value is reported on the field and the default period is shown.
    `with_records_list` adds "all years" (the default) and "planned" for lists of records.
    """

    period = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, data: Any, *, today: date, with_records_list: bool = False) -> None:
        super().__init__(data)
        self.offered = periods_offered(today)
        if with_records_list:
            self.offered = [all_years(), upcoming(today), *self.offered]
        field = self.fields["period"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(period.key, period.label) for period in self.offered]
        field.error_messages["invalid_choice"] = _(
            "Choose one of the periods in the list. The default period is shown instead."
        )

    def chosen(self) -> Period:
        key = self.cleaned_data.get("period") if self.is_valid() else None
        return next((period for period in self.offered if period.key == key), self.offered[0])


class InclusionMeasureForm(forms.ModelForm):
    # The version the person started editing from, so a concurrent change is not overwritten.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = InclusionMeasure
        fields = [
            "target_group",
            "other_group",
            "title",
            "description",
            "started_on",
            "ended_on",
            "pupils_reached",
            "families_reached",
            "staff_involved",
        ]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "pupils_reached": forms.NumberInput(attrs={"min": 0}),
            "families_reached": forms.NumberInput(attrs={"min": 0}),
            "staff_involved": forms.NumberInput(attrs={"min": 0}),
        }
        error_messages = {
            name: {"min_value": _("Enter zero or a positive number.")}
            for name in ("pupils_reached", "families_reached", "staff_involved")
        }
        help_texts = {
            "other_group": _(
                "Only when the group is not in the list, for example “Roma pupils” or “Pupils in hospital”."
            ),
            "title": _("For example “Romanian club for newly arrived pupils, twice a week”."),
            "description": _("What was done and what changed. Do not name or describe individual pupils."),
            "pupils_reached": _("A number, never names: how many pupils took part."),
            "families_reached": _("How many families took part or were reached."),
            "staff_involved": _("How many members of staff worked on it."),
        }

    def clean(self) -> dict[str, Any]:
        # On the field, before the model's constraint would report it for the whole form.
        cleaned = super().clean() or {}
        started_on, ended_on = cleaned.get("started_on"), cleaned.get("ended_on")
        if started_on and ended_on and ended_on < started_on:
            self.add_error("ended_on", _("The end of the period cannot be before its start."))
        return cleaned

    def measure_fields(self) -> dict[str, Any]:
        """The cleaned values, as the services take them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
