from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import Role
from twinschools.accounts.services import INVITABLE_ROLES


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(role.value, role.label) for role in Role if role in INVITABLE_ROLES],
        initial=Role.TEACHER,
    )


class NewAccountForm(forms.Form):
    """The account an invited person creates on the invitation's page: name and password."""

    full_name = forms.CharField(label=_("Your full name"), max_length=200)
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("The password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("The two passwords differ. Type the same password twice."))
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class ClassForm(forms.Form):
    name = forms.CharField(
        label=_("Class name"), max_length=60, help_text=_("For example 7B or Year 5 Blue.")
    )


class StudentForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name or pseudonym"),
        max_length=100,
        help_text=_("Only what the class needs to recognise the pupil: no surname is required."),
    )
    parental_consent = forms.BooleanField(label=_("A parent has given consent"), required=False)


class StudentLoginForm(forms.Form):
    code = forms.CharField(label=_("Class code"), max_length=12)
    display_name = forms.CharField(label=_("Your name in the class"), max_length=100)
    pin = forms.CharField(
        label=_("Your PIN"),
        max_length=6,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "current-password"}),
    )
