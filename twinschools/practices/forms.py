from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from twinschools.core.text import fold
from twinschools.mission.approaches import ApproachCode
from twinschools.network.models import EducationLevel, Subject
from twinschools.network.reference import LANGUAGES as TEXT_LANGUAGES
from twinschools.practices import queries
from twinschools.practices.models import Attachment, Visibility
from twinschools.practices.queries import LibraryFilters, Shown
from twinschools.practices.services import PracticeDraft, check_attachment

LINK_ROWS = 3


def language_choices() -> list[tuple[str, str]]:
    """The languages a practice may be written in, named in the reader's language, sorted."""
    named = [
        (code, str(get_language_info(code)["name_translated"])) for code in TEXT_LANGUAGES if code != "mt"
    ]
    named.append(("mt", str(pgettext_lazy("language", "Maltese"))))
    return sorted(named, key=lambda pair: fold(pair[1]))


def approach_choices() -> list[tuple[str, str]]:
    return sorted(
        ((code, str(label)) for code, label in ApproachCode.choices), key=lambda pair: fold(pair[1])
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        errors: list[ValidationError] = []
        for upload in files:
            try:
                check_attachment(upload)
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return list(files)


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what pupils do and what they learn."),
    )
    description = forms.CharField(
        label=_("Full description"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("How you prepare it, how it runs, what you would change next time."),
    )
    age_min = forms.IntegerField(label=_("Youngest pupils' age"), min_value=0, max_value=99, required=False)
    age_max = forms.IntegerField(label=_("Oldest pupils' age"), min_value=0, max_value=99, required=False)
    levels = forms.MultipleChoiceField(
        label=_("Education levels"),
        choices=EducationLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subjects = forms.MultipleChoiceField(
        label=_("Subjects"), choices=Subject.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    approaches = forms.MultipleChoiceField(
        label=_("Pedagogical approaches"), required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language of the text"))
    visibility = forms.ChoiceField(
        label=_("Share with"), choices=Visibility.choices, widget=forms.RadioSelect, initial=Visibility.SCHOOL
    )
    files = MultipleFileField(
        label=_("Attach files"),
        required=False,
        help_text=_("PDF, images, office or OpenDocument files, up to 10 MB each."),
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove these files"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, attachments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approaches"].choices = approach_choices()
        self.fields["language"].choices = language_choices()
        if attachments is not None and attachments.exists():
            self.fields["remove_attachments"].queryset = attachments
        else:
            del self.fields["remove_attachments"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        age_min, age_max = data.get("age_min"), data.get("age_max")
        if age_min is not None and age_max is not None and age_max < age_min:
            self.add_error("age_max", _("The oldest age cannot be below the youngest."))
        return data

    def draft(self, links: list[tuple[str, str]]) -> PracticeDraft:
        data = self.cleaned_data
        return PracticeDraft(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            language=data["language"],
            visibility=data["visibility"],
            age_min=data["age_min"],
            age_max=data["age_max"],
            levels=data["levels"],
            subjects=data["subjects"],
            approaches=data["approaches"],
            links=links,
        )


class LinkForm(forms.Form):
    title = forms.CharField(label=_("Link title"), max_length=200, required=False)
    url = forms.URLField(label=_("Address (URL)"), max_length=500, required=False, assume_scheme="https")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("url") and not data.get("title"):
            self.add_error("title", _("Give the link a title, so readers know where it leads."))
        if data.get("title") and not data.get("url") and "url" not in self.errors:
            self.add_error("url", _("Give the address the link leads to."))
        return data


LinkFormSet = forms.formset_factory(LinkForm, extra=LINK_ROWS, max_num=10, absolute_max=10)


def links_of(formset: Any) -> list[tuple[str, str]]:
    return [
        (form.cleaned_data["title"], form.cleaned_data["url"])
        for form in formset.forms
        if form.cleaned_data.get("url")
    ]


def link_initial(practice: Any) -> list[dict[str, str]]:
    return [{"title": link.title, "url": link.url} for link in practice.links.all()]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class TriedForm(forms.Form):
    tried_on = forms.DateField(
        label=_("When you tried it"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("How it went (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AdaptForm(forms.Form):
    school = forms.ModelChoiceField(label=_("Adapt it for"), queryset=None, empty_label=None)

    def __init__(self, *args: Any, schools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools


class LibraryForm(forms.Form):
    q = forms.CharField(label=_("Words or approach"), required=False, max_length=100)
    approach = forms.ChoiceField(label=_("Pedagogical approach"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    level = forms.ChoiceField(label=_("Education level"), required=False)
    age = forms.IntegerField(label=_("Pupils' age"), required=False, min_value=0, max_value=99)
    language = forms.ChoiceField(label=_("Language of the text"), required=False)
    country = forms.ChoiceField(label=_("School's country"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = str(pgettext_lazy("filter", "Any"))
        self.fields["approach"].choices = [("", anything), *approach_choices()]
        self.fields["subject"].choices = [("", anything), *Subject.choices]
        self.fields["level"].choices = [("", anything), *EducationLevel.choices]
        self.fields["language"].choices = [("", anything), *language_choices()]
        countries = [(country.code, country.name) for country in queries.countries_with_practices()]
        self.fields["country"].choices = [("", anything), *sorted(countries, key=lambda pair: fold(pair[1]))]

    def filters(self) -> LibraryFilters:
        if not self.is_valid():
            return LibraryFilters(query=self.data.get("q", "")[:100])
        data = self.cleaned_data
        return LibraryFilters(
            query=data["q"],
            approach=data["approach"],
            subject=data["subject"],
            level=data["level"],
            age=data["age"],
            language=data["language"],
            country=data["country"],
        )


class SchoolLibraryForm(forms.Form):
    shown = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (Shown.ALL, _("All our practices")),
            (Shown.ADAPTED, _("Adapted by other schools")),
            (Shown.TRIED, _("Tried by colleagues")),
            (Shown.WITH_APPROACHES, _("Using innovative approaches")),
        ],
    )
    approach = forms.ChoiceField(label=_("Pedagogical approach"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approach"].choices = [("", str(pgettext_lazy("filter", "Any"))), *approach_choices()]

    def values(self) -> tuple[str, str]:
        if not self.is_valid():
            return Shown.ALL, ""
        return self.cleaned_data["shown"], self.cleaned_data["approach"]
