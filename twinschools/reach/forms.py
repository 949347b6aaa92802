from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from twinschools.network.models import Region


class CoverageForm(forms.Form):
    """The NSO's choice of distance and region (sent by GET, so the page can be bookmarked)."""

    km = forms.IntegerField(
        label=_("Distance to the nearest eTwinning School or mentor school (km)"),
        min_value=1,
        max_value=500,
        initial=30,
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)

    def __init__(self, *args: Any, regions: QuerySet[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]


def coverage_choice(data: Any, regions: QuerySet[Region]) -> tuple[CoverageForm, int, Region | None]:
    """The bound form and the distance and region to use (defaults when the input is bad)."""
    form = CoverageForm(data if "km" in data else None, regions=regions)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["km"], form.cleaned_data["region"]
    return form, 30, None
