"""The public calendar's filter form (region choices follow the country, as in the directory)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.core.text import fold
from twinschools.events.models import Kind
from twinschools.events.queries_public import CalendarFilters
from twinschools.network import queries as network


class CalendarForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)
    kind = forms.ChoiceField(label=pgettext_lazy("event", "Kind"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = str(pgettext_lazy("filter", "Any"))
        countries = sorted(((c.code, c.name) for c in network.countries()), key=lambda pair: fold(pair[1]))
        self._choices("country", [("", anything), *countries])
        country = self.data.get("country", "")
        regions = [(str(r.pk), r.name) for r in network.regions_of(country)] if country else []
        self._choices("region", [("", anything), *regions])
        self._choices(
            "language", [("", anything), *((code, str(label)) for code, label in settings.LANGUAGES)]
        )
        self._choices("kind", [("", anything), *((code, str(label)) for code, label in Kind.choices)])

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def filters(self) -> CalendarFilters:
        if not self.is_valid():
            return CalendarFilters()
        data = self.cleaned_data
        return CalendarFilters(
            country=data["country"], region=data["region"], language=data["language"], kind=data["kind"]
        )
