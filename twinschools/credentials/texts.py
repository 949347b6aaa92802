"""The words of a label credential, translated; the credential itself is signed in English."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from twinschools.credentials import addresses
from twinschools.credentials.documents import AchievementText, Issuer
from twinschools.network import nso
from twinschools.network.models import Country, School

# The images credentials name (served by views.image from images/, at stable addresses).
LABEL_BADGE_IMAGE = "etwinning-school-label"
ISSUER_IMAGE = "nso"
IMAGES = (LABEL_BADGE_IMAGE, ISSUER_IMAGE)


def issuer_name(country: Country) -> str:
    """The NSO's name for readers: its official name from its profile, else the generic one."""
    return nso.identity_of(country).name


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


def issuer_of(country: Country, *, legacy: bool = False) -> Issuer:
    """The issuing NSO as signed into credentials, from its profile (network.nso): its
    did:web identifier, English name (the credential is in English), its website and its
    logo; our site, the generic name and the generic NSO emblem otherwise. Credentials
    signed before keep their own copy. `legacy` gives the https profile address that
    credentials issued before did:web name as their issuer."""
    with translation.override("en"):
        identity = nso.identity_of(country)
    image = (
        addresses.absolute(reverse("network:nso_logo", args=[country.code.lower()]))
        if identity.has_logo
        else addresses.image(ISSUER_IMAGE)
    )
    return Issuer(
        id=addresses.legacy_issuer_id(country.code) if legacy else addresses.issuer_id(country.code),
        name=identity.english_name,
        url=identity.website or addresses.site_url() + "/",
        image=image,
    )
