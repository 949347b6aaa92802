"""Reads of a country's National Support Organisation as documents show it: its names, its
signatory, its logo (or a neutral monogram drawn from its initials when none is set)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from twinschools.core.certificates import initials, monogram_svg
from twinschools.network.models import Country, NationalSupportOrganisation

LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class NSOIdentity:
    country: Country
    name: str  # official name, in its own language
    name_en: str
    acronym: str
    address: str
    website: str
    signatory_name: str
    signatory_title: str
    logo_data_uri: str  # empty without a logo
    has_logo: bool

    @property
    def english_name(self) -> str:
        return self.name_en or self.name

    @property
    def monogram(self) -> str:
        """Up to eight letters for the monogram: the short name, else the initials."""
        return (self.acronym or initials(self.english_name) or self.country.code)[:8]

    @property
    def monogram_svg(self) -> str:
        return monogram_svg(self.monogram, label=self.english_name)


def generic_name(country: Country) -> str:
    return _("eTwinning National Support Organisation of {country}").format(country=country.name)


def profiles() -> QuerySet[NationalSupportOrganisation]:
    return NationalSupportOrganisation.objects.select_related("country")


def profile(code: str) -> NationalSupportOrganisation:
    """A country's profile, created empty for a country added after the data migration."""
    country = get_object_or_404(Country, code=code.upper())
    found = profiles().filter(country=country).first()
    return found or NationalSupportOrganisation(country=country)


def _logo_data_uri(found: NationalSupportOrganisation) -> str:
    if not found.logo:
        return ""
    try:
        with found.logo.open("rb") as handle:
            content = handle.read()
    except OSError:  # the file went missing: print the monogram rather than fail
        return ""
    kind = next((mime for magic, mime in LOGO_TYPES.items() if content.startswith(magic)), "")
    return f"data:{kind};base64,{base64.b64encode(content).decode()}" if kind else ""


def identity_of(country: Country, *, with_logo: bool = False) -> NSOIdentity:
    """The NSO as printed and signed; generic words where its profile is empty."""
    found = NationalSupportOrganisation.objects.filter(country=country).first()
    found = found or NationalSupportOrganisation(country=country)
    generic = generic_name(country)
    return NSOIdentity(
        country=country,
        name=found.name or found.name_en or generic,
        name_en=found.name_en,
        acronym=found.acronym,
        address=found.address,
        website=found.website,
        signatory_name=found.signatory_name,
        signatory_title=found.signatory_title,
        logo_data_uri=_logo_data_uri(found) if with_logo else "",
        has_logo=bool(found.logo),
    )
