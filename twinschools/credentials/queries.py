"""Reads about credentials: one credential (public), an issuer's documents (public),
the NSO's list, and a school's current credentials for its public page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.core.authz import roles_of
from twinschools.credentials import addresses, documents, sources, texts
from twinschools.credentials.models import IssuedCredential, IssuerKey, StatusList
from twinschools.network.models import Country, School


def credentials() -> QuerySet[IssuedCredential]:
    return IssuedCredential.objects.select_related("school", "country", "revoked_by")


def credential(uuid: UUID) -> IssuedCredential:
    return get_object_or_404(credentials(), uuid=uuid)


def _issuer_keys(code: str) -> tuple[Country, list[IssuerKey]]:
    country = get_object_or_404(Country, code=code.upper())
    issuer_keys = list(IssuerKey.objects.filter(country=country).order_by("created_at", "pk"))
    if not issuer_keys:
        raise Http404
    return country, issuer_keys


def did_document(code: str) -> dict[str, Any]:
    """The issuer's DID document with every public key it has signed with; 404 before its first key."""
    country, issuer_keys = _issuer_keys(code)
    return documents.did_document(
        addresses.issuer_id(country.code),
        [
            documents.PublicKey(
                id=addresses.verification_method_id(country.code, key.key_id),
                multibase=key.public_key_multibase,
            )
            for key in issuer_keys
        ],
    )


def controller_document(code: str) -> dict[str, Any]:
    """The issuer's https profile and controller document, named by credentials issued
    before did:web: every public key under its https address; 404 before its first key."""
    country, issuer_keys = _issuer_keys(code)
    return documents.controller_document(
        texts.issuer_of(country, legacy=True),
        [
            documents.PublicKey(
                id=addresses.legacy_verification_method_id(country.code, key.key_id),
                multibase=key.public_key_multibase,
            )
            for key in issuer_keys
        ],
    )


def status_list(code: str, number: int) -> StatusList:
    return get_object_or_404(
        StatusList.objects.select_related("country"), country__code=code.upper(), number=number
    )


def issued_for_nso(user: Any) -> QuerySet[IssuedCredential]:
    """The credentials of the person's NSO countries; every country for platform admins."""
    found = credentials()
    roles = roles_of(user)
    if not roles.is_admin:
        found = found.filter(country_id__in=roles.nso_countries)
    return found.order_by("-issued_at", "-pk")


@dataclass(frozen=True)
class CredentialState:
    credential: IssuedCredential
    status: str  # "valid", "expired", "revoked", "not-yet-valid"

    @property
    def valid_until(self) -> date:
        return self.credential.valid_until

    @property
    def withdrawal_page(self) -> str | None:
        """Where the label this credential stands for is withdrawn (which revokes it too)."""
        return sources.withdrawal_page(self.credential.source_label)


def state_of(credential: IssuedCredential, today: date | None = None) -> CredentialState:
    """The state from our records (the signature is checked on the credential's own page)."""
    today = today or timezone.localdate()
    if credential.revoked_at is not None:
        status = "revoked"
    elif credential.valid_until < today:
        status = "expired"
    elif credential.valid_from > today:
        status = "not-yet-valid"
    else:
        status = "valid"
    return CredentialState(credential, status)


def current_credentials_for_school(school: School, *, limit: int = 3) -> list[CredentialState]:
    """A school's most recent label credentials with their state, newest label first."""
    found = IssuedCredential.objects.filter(school=school, replaced_by__isnull=True).order_by(
        "-valid_until", "-pk"
    )[:limit]
    return [state_of(item) for item in found]


def credential_issued_for(source_label: str) -> CredentialState | None:
    """The newest credential issued for one thing (an award), with its state."""
    found = IssuedCredential.objects.filter(source_label=source_label).order_by("-pk").first()
    return state_of(found) if found is not None else None
