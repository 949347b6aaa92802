"""Issuing through the real service, as the award step will."""

from __future__ import annotations

from datetime import date
from typing import Any

from twinschools.credentials import services
from twinschools.credentials.models import IssuedCredential
from twinschools.network.models import School


def issue(school: School, *, years: tuple[int, int] = (2026, 2027), **overrides: Any) -> IssuedCredential:
    fields: dict[str, Any] = {
        "school": school,
        "country": school.country,
        "valid_from": date(years[0], 1, 1),
        "valid_until": date(years[1], 12, 31),
        "label_years": f"{years[0]}-{years[1]}",
        "source_label": "label-1",
        "issued_by": None,
    }
    fields.update(overrides)
    return services.issue_label_credential(**fields)
