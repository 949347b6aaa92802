"""Writes about the network registry that are not imports: an NSO's own profile, a school's zone."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.core import audit, zones
from twinschools.network.models import Country, NationalSupportOrganisation, School

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


def set_time_zone(*, school: School, time_zone: str, by: Any) -> School:
    """The zone the school's times are typed, shown, mailed and exported in (core/zones.py)."""
    if not zones.is_valid(time_zone):
        raise ValidationError(
            {"time_zone": _("“%(name)s” is not a time zone; choose one from the list.") % {"name": time_zone}}
        )
    with transaction.atomic():
        locked = School.objects.select_for_update().get(pk=school.pk)
        before = locked.time_zone
        if before != time_zone:
            School.objects.filter(pk=school.pk).update(time_zone=time_zone, updated_at=timezone.now())
            audit.record(
                actor=by,
                action="network.school.time_zone_set",
                school=school,
                target=locked,
                data={"from": before, "to": time_zone},
            )
    school.time_zone = time_zone
    return school
