"""The upload form of the import page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

MEGABYTE = 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".csv,.tsv,.txt,text/csv,text/tab-separated-values"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single_clean = super().clean
        if isinstance(data, list | tuple):
            # A multiple input sends an empty list when nothing was chosen: the field's own
            # "required" check only ever sees single files, so it is made here.
            if not data and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single_clean(one, initial) for one in data]
        return [single_clean(data, initial)]


class ImportForm(forms.Form):
    # Not "files": that is the form's own attribute holding request.FILES.
    csv_files = MultipleFileField(
        label=_("CSV files"), error_messages={"required": _("Choose at least one CSV file to import.")}
    )
    dry_run = forms.BooleanField(
        label=_("Only check the files; import nothing"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_megabytes = settings.IMPORT_MAX_UPLOAD_MB
        self.fields["csv_files"].help_text = ngettext_lazy(
            "Choose one or several files at once, in any order, at most %(size)d megabyte in all.",
            "Choose one or several files at once, in any order, at most %(size)d megabytes in all.",
            "size",
        ) % {"size": self.max_megabytes}

    def clean_csv_files(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["csv_files"]
        total = sum(upload.size or 0 for upload in files)
        if total > self.max_megabytes * MEGABYTE:
            raise forms.ValidationError(
                _("These files add up to %(size)d MB; at most %(max)d MB can be imported at once."),
                params={"size": -(-total // MEGABYTE), "max": self.max_megabytes},
                code="too_big",
            )
        names = [upload.name for upload in files]
        if len(set(names)) != len(names):
            raise forms.ValidationError(
                _("Two files have the same name; rename one so problems can say which file they are in."),
                code="same_name",
            )
        return files
