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


def as_issued_before_did_web(credential: IssuedCredential) -> IssuedCredential:
    """Turn a credential into one as issued before did:web: the issuer's https profile as its
    id, its key under that address, and a single proof object. Signed for real with the
    issuer's key, so it verifies exactly as those credentials do."""
    from twinschools.credentials import addresses, dataintegrity, keys
    from twinschools.credentials.models import IssuerKey

    key = IssuerKey.objects.get(country=credential.country, retired_at__isnull=True)
    private_key = keys.decrypt_private_key(
        key.encrypted_private_key, country_code=key.country.code, key_id=key.key_id
    )
    unsigned = {name: value for name, value in credential.signed_json.items() if name != "proof"}
    unsigned["issuer"] = {**unsigned["issuer"], "id": addresses.legacy_issuer_id(credential.country.code)}
    signed = dataintegrity.sign(
        unsigned,
        private_key=private_key,
        verification_method=addresses.legacy_verification_method_id(credential.country.code, key.key_id),
        created=credential.issued_at,
    )
    signed["proof"] = signed["proof"][0]
    credential.signed_json = signed
    credential.save(update_fields=["signed_json"])
    return credential
