"""The notification settings: one choice per kind of notification, in the groups a person gets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinschools.notifications.kinds import GROUP_TITLES, Group, group_of, in_registered_order, label
from twinschools.notifications.models import Delivery

# The options as the settings page's columns say them: its introduction says they are e-mails.
SHORT_CHOICES = [
    (Delivery.AT_ONCE, _("At once")),
    (Delivery.DAILY, _("Daily digest")),
    (Delivery.WEEKLY, _("Weekly digest")),
    (Delivery.APP_ONLY, _("No e-mail")),
]


class PreferencesForm(forms.Form):
    """One choice per kind of the groups shown; kinds of other groups keep what they had."""

    def __init__(
        self, *args: Any, groups: list[Group], initial_choices: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.groups = groups
        for kind in (k for k in in_registered_order() if group_of(k) in groups):
            self.fields[kind] = forms.ChoiceField(
                label=label(kind),
                choices=SHORT_CHOICES,
                initial=initial_choices.get(kind, Delivery.AT_ONCE),
                widget=forms.RadioSelect,
            )

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields under their group's title, in the order of the groups."""
        return [
            (str(GROUP_TITLES[group]), [self[kind] for kind in self.fields if group_of(kind) == group])
            for group in self.groups
        ]

    def choices(self) -> dict[str, str]:
        return {kind: str(value) for kind, value in self.cleaned_data.items()}
