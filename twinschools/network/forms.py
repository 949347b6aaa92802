from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import URLField
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twinschools.core import zones
from twinschools.core.text import fold
from twinschools.network import queries
from twinschools.network.models import NationalSupportOrganisation
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


LOGO_MAX_BYTES = 512 * 1024


def _https_urls(field: Any, **kwargs: Any) -> Any:
    # Django 6 will assume https for addresses typed without a scheme; say so now.
    if isinstance(field, URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class NSOProfileForm(forms.ModelForm):
    """What an NSO says about itself on certificates and credentials."""

    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = NationalSupportOrganisation
        formfield_callback = _https_urls
        fields = [
            "name",
            "name_en",
            "acronym",
            "address",
            "website",
            "logo",
            "signatory_name",
            "signatory_title",
        ]
        help_texts = {
            "name": _("As the organisation writes it, in its own language."),
            "acronym": _("Shown in the monogram when there is no logo, e.g. INTEF."),
            "logo": _("A PNG or JPEG image of at most 512 KB, printed at the top of certificates."),
            "signatory_name": _("Printed under the signature line of label certificates."),
            "signatory_title": _("For example: Head of the National Support Organisation."),
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 3, "maxlength": 500}), "logo": forms.FileInput}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.logo:
            del self.fields["remove_logo"]  # nothing to remove

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if not logo or logo == self.initial.get("logo"):
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo is too large: at most 512 KB are accepted."))
        if not _is_png_or_jpeg(logo):
            raise forms.ValidationError(_("The logo must be a PNG or JPEG image."))
        return logo


def _is_png_or_jpeg(upload: Any) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        upload.seek(0)
    return kind in {"PNG", "JPEG"}


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_(
            "The times of your events, calendar activities and proposals are typed, shown, mailed "
            "and exported in this zone. Schools start with their country's."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zones.choices()
