"""Writes about the network registry that are not imports: an NSO's own profile."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from twinschools.core import audit
from twinschools.network.models import NationalSupportOrganisation

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
    profile: NationalSupportOrganisation,
    values: dict[str, Any],
    logo: Any = None,
    remove_logo: bool = False,
    by: Any,
) -> NationalSupportOrganisation:
    """Save what the NSO says about itself; only newly issued documents change."""
    with transaction.atomic():
        changed = [name for name in PROFILE_FIELDS if getattr(profile, name) != values.get(name, "")]
        for name in PROFILE_FIELDS:
            setattr(profile, name, (values.get(name) or "").strip())
        if remove_logo and profile.logo:
            profile.logo.delete(save=False)
            changed.append("logo")
        elif logo is not None:
            profile.logo = logo
            changed.append("logo")
        profile.save()
        audit.record(
            actor=by,
            action="network.nso_profile_updated",
            target=f"nso:{profile.country.code}",
            data={"changed": changed},
        )
    return profile
