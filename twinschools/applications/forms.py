from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinschools.applications.services import check_evidence_file


class PartForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    base_revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    # The writer's open conflict, while the box holds a version that waits for a decision.
    conflict = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)


class LinkForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title of the link"), max_length=300, required=False)
    url = forms.URLField(label=_("Web address"), max_length=500, assume_scheme="https")


class FileForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label=_("File"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_evidence_file(upload)
        return upload


class CommentForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class SignForm(forms.Form):
    declaration = forms.BooleanField(
        label=_("I declare on my honour that the information in this application is true and complete."),
        required=False,
    )


class SignatoryForm(forms.Form):
    deputy = forms.TypedChoiceField(
        label=_("Deputy who may sign"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, staff: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deputy"].choices = [("", _("Nobody: only the head signs"))] + [
            (person.pk, person.full_name or person.email) for person in staff
        ]
