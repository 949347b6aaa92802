from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from twinschools.credentials.verification import MAX_INPUT_BYTES


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("Credential (JSON)"),
        required=False,
        max_length=MAX_INPUT_BYTES,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=_("Paste the whole credential, or choose its file below."),
    )
    file = forms.FileField(label=_("Credential file"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is not None and upload.size > MAX_INPUT_BYTES:
            raise forms.ValidationError(_("The credential is too large: at most 64 KB are accepted."))
        if not cleaned.get("credential") and upload is None:
            raise forms.ValidationError(_("Paste a credential or choose its file."))
        return cleaned

    def text(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return upload.read(MAX_INPUT_BYTES + 1)
        return self.cleaned_data["credential"].encode("utf-8")
