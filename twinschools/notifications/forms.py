"""The notification settings: one choice per kind of notification."""

from __future__ import annotations

from typing import Any

from django import forms

from twinschools.notifications.kinds import known_kinds, label
from twinschools.notifications.models import Delivery


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, initial_choices: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = sorted(known_kinds(), key=label)
        for kind in kinds:
            self.fields[kind] = forms.ChoiceField(
                label=label(kind),
                choices=Delivery.choices,
                initial=initial_choices.get(kind, Delivery.AT_ONCE),
                widget=forms.RadioSelect,
            )

    def choices(self) -> dict[str, str]:
        return {kind: str(value) for kind, value in self.cleaned_data.items()}
