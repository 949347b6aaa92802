"""The words of a label credential, translated; the credential itself is signed in English."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twinschools.credentials import addresses
from twinschools.credentials.documents import AchievementText, Issuer
from twinschools.network.models import Country, School


def issuer_name(country: Country) -> str:
    return _("eTwinning National Support Organisation of {country}").format(country=country.name)


def credential_name(label_years: str) -> str:
    return _("eTwinning School label {years}").format(years=label_years)


def credential_description(school: School, country: Country) -> str:
    return _(
        "{school} ({town}) was awarded the eTwinning School label by the eTwinning National Support Organisation of {country}."
    ).format(school=school.name, town=school.town, country=country.name)


def achievement_description() -> str:
    return _(
        "The eTwinning School label recognises schools whose whole school community lives the eTwinning School mission: shared leadership, a plan for eTwinning, student agency, outreach to other schools and professional learning."
    )


def achievement_criteria() -> str:
    return _(
        "The school applied in an open call and was evaluated by its country's eTwinning National Support Organisation against the criteria of the eTwinning School label; the label is valid for two calendar years."
    )


def achievement_text(label_years: str) -> AchievementText:
    return AchievementText(
        language=(get_language() or "en").split("-")[0],
        name=credential_name(label_years),
        description=achievement_description(),
        criteria=achievement_criteria(),
    )


def issuer_of(country: Country) -> Issuer:
    """The issuing NSO as signed into credentials (in English, like the credential)."""
    with translation.override("en"):
        name = issuer_name(country)
    return Issuer(id=addresses.issuer_id(country.code), name=name, url=addresses.site_url() + "/")
