from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from twinschools.core.text import fold, searchable_text
from twinschools.events.models import Event, Role
from twinschools.network.models import School

EVENT_FIELDS = [
    "kind",
    "title",
    "description",
    "for_teachers",
    "for_heads",
    "for_parents",
    "online",
    "address",
    "latitude",
    "longitude",
    "language",
    "capacity",
    "registration_opens",
    "registration_closes",
    "approval_required",
]


class EventForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        widgets = {
            "registration_opens": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "registration_closes": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class FirstSessionForm(SessionForm):
    """The first session, given with a new event so that it can be published at once (optional)."""

    prefix = "session"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].required = False
        self.fields["ends_at"].required = False
        self.fields["starts_at"].label = _("First session starts")
        self.fields["ends_at"].label = _("First session ends")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if bool(starts) != bool(ends) and not self.errors:
            raise forms.ValidationError(
                _("Give both the start and the end of the first session, or neither.")
            )
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A session must end after it starts."))
        return data


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=160)
    email = forms.EmailField(label=_("Your e-mail address"))
    role = forms.ChoiceField(label=_("You are"), choices=Role.choices)
    school_name = forms.CharField(
        label=_("Your school (if any)"),
        max_length=255,
        required=False,
        help_text=_("Type its name: pick it from the schools we suggest, or leave the name you typed."),
    )
    # Filled in when the person picks a suggestion from the registry (see _school_suggestions.html).
    school = forms.CharField(required=False, widget=forms.HiddenInput)
    # A field people never see: bots fill it in, and their registration is dropped.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    website.rendered_apart = True  # type: ignore[attr-defined]  # the template draws the trap, hidden

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["registry_school"] = self._registry_school(data)
        return data

    def _registry_school(self, data: dict[str, Any]) -> School | None:
        """The picked suggestion; without JavaScript, the one registry school with exactly the typed name."""
        picked = str(data.get("school") or "")
        if picked:
            # A registry id: ASCII digits that fit a database key ("²" is a digit to Python,
            # 5,000 digits are not an integer it parses); anything else was not a suggestion.
            if not (picked.isascii() and picked.isdigit() and len(picked) <= 18):
                self.add_error(
                    "school_name", _("Pick your school again from the suggestions, or type its name.")
                )
                return None
            return School.objects.filter(pk=int(picked)).first()
        typed = (data.get("school_name") or "").strip()
        if not typed:
            return None
        # The folded search column starts with the folded name; compare folded names to be sure.
        candidates = School.objects.filter(search_text__startswith=searchable_text(typed))[:20]
        matches = [school for school in candidates if fold(school.name) == fold(typed)]
        return matches[0] if len(matches) == 1 else None

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "role": data["role"],
            "school": data["registry_school"],
            "school_name": data["school_name"],
        }
