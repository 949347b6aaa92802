from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.core.text import fold
from twinschools.network import queries
from twinschools.network.queries import DirectoryFilters, LabelStatus


def _sorted_choices(pairs: list[tuple[str, str]], anything: str) -> list[tuple[str, str]]:
    # Folded names sort "Àustria" with the other A countries.
    return [("", anything), *sorted(pairs, key=lambda pair: fold(pair[1]))]


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name or town"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int, empty_value=None)
    level = forms.ChoiceField(label=_("Education level"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    label = forms.ChoiceField(
        label=_("eTwinning School label"),
        required=False,
        choices=[
            ("", pgettext_lazy("label filter", "Any")),
            (LabelStatus.CURRENT, pgettext_lazy("label filter", "Labelled now")),
            (LabelStatus.FORMER, pgettext_lazy("label filter", "Labelled before")),
            (LabelStatus.NEVER, pgettext_lazy("label filter", "Never labelled")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = str(pgettext_lazy("filter", "Any"))
        self.fields["country"].choices = _sorted_choices(
            [(country.code, country.name) for country in queries.countries()], anything
        )
        self.fields["level"].choices = [("", anything)] + [
            (level.code, str(level)) for level in queries.levels()
        ]
        self.fields["language"].choices = _sorted_choices(
            [(language.code, str(language)) for language in queries.languages()], anything
        )
        country = self.data.get("country", "")
        regions = [(str(r.pk), r.name) for r in queries.regions_of(country)] if country else []
        self.fields["region"].choices = [("", anything), *regions]

    def filters(self) -> DirectoryFilters:
        if not self.is_valid():
            return DirectoryFilters(query=self.data.get("q", "")[:100])
        data = self.cleaned_data
        return DirectoryFilters(
            query=data["q"],
            country=data["country"],
            region=data["region"],
            level=data["level"],
            language=data["language"],
            label=data["label"],
        )
