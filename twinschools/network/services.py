"""Writes about the network registry that are not imports: an NSO's own profile."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from twinschools.core import audit
from twinschools.network.models import Country, NationalSupportOrganisation

PROFILE_FIELDS = (
    "name",
    "name_en",
    "acronym",
    "address",
    "website",
    "signatory_name",
    "signatory_title",
)


def update_nso_profile(
    *,
    country: Country,
    values: dict[str, Any],
    logo: Any = None,
    remove_logo: bool = False,
    by: Any,
) -> NationalSupportOrganisation:
    """Save what a country's NSO says about itself; only documents issued from now on change."""
    with transaction.atomic():
        profile = NationalSupportOrganisation.objects.select_for_update().filter(country=country).first()
        profile = profile or NationalSupportOrganisation(country=country)
        cleaned = {name: (values.get(name) or "").strip() for name in PROFILE_FIELDS}
        changed = [name for name in PROFILE_FIELDS if getattr(profile, name) != cleaned[name]]
        for name, value in cleaned.items():
            setattr(profile, name, value)
        if remove_logo and profile.logo:
            profile.logo.delete(save=False)
            changed.append("logo")
        elif logo is not None:
            profile.logo = logo
            changed.append("logo")
        profile.save()
        audit.record(
            actor=by,
            action="network.nso_profile.updated",
            target=profile,
            data={"changed": changed},
        )
    return profile
