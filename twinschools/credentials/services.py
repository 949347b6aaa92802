"""Writes about credentials: issuer keys (created on first use, rotated), issuing a label
credential, and revoking it through the issuer's Bitstring Status List.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.core import audit
from twinschools.credentials import addresses, dataintegrity, documents, keys, statuslist, texts
from twinschools.credentials.models import IssuedCredential, IssuerKey, StatusList
from twinschools.network.models import Country, School

# A new list is opened once a list holds this share of its size, so that the random
# choice of an unused index stays quick and the list keeps its herd privacy.
LIST_FILL_LIMIT = 0.9


def _new_key(country: Country) -> IssuerKey:
    private_key = Ed25519PrivateKey.generate()
    key_id = f"key-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    return IssuerKey.objects.create(
        country=country,
        key_id=key_id,
        public_key_multibase=keys.public_multikey(private_key),
        encrypted_private_key=keys.encrypt_private_key(private_key, country_code=country.code, key_id=key_id),
    )


def active_key(*, country: Country) -> IssuerKey:
    """The country's signing key, created on first use (one active key per country)."""
    found = IssuerKey.objects.filter(country=country, retired_at__isnull=True).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            created = _new_key(country)
            audit.record(actor=None, action="credentials.signing_key.created", target=created)
            return created
    except IntegrityError:
        # another request created it at the same moment
        return IssuerKey.objects.get(country=country, retired_at__isnull=True)


def rotate_issuer_key(*, country: Country, rotated_by: Any) -> IssuerKey:
    """Retire the active key and make a new one; the old public key stays published."""
    with transaction.atomic():
        IssuerKey.objects.select_for_update().filter(country=country, retired_at__isnull=True).update(
            retired_at=timezone.now()
        )
        created = _new_key(country)
        audit.record(actor=rotated_by, action="credentials.signing_key.rotated", target=created)
    return created


def _signed(document: dict[str, Any], key: IssuerKey) -> dict[str, Any]:
    private_key = keys.decrypt_private_key(
        key.encrypted_private_key, country_code=key.country.code, key_id=key.key_id
    )
    return dataintegrity.sign(
        document,
        private_key=private_key,
        verification_method=addresses.verification_method_id(key.country.code, key.key_id),
        created=timezone.now(),
    )


def _signed_until(document: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(document.get("validUntil", "")).replace("Z", "+00:00"))
    except ValueError:
        return None


def status_list_needs_signing(status_list: StatusList, *, now: datetime | None = None) -> bool:
    """True when the signed list is close to its validUntil, has none (signed before lists
    had a validity window), or names another issuer than the NSO's did:web identifier."""
    now = now or timezone.now()
    document = status_list.signed_json or {}
    until = _signed_until(document)
    return (
        until is None
        or until - now < documents.STATUS_LIST_RENEW_BEFORE
        or document.get("issuer") != addresses.issuer_id(status_list.country.code)
    )


def fresh_status_list(*, status_list: StatusList) -> StatusList:
    """The status list with a signature that is still valid for a while: signed again when
    stale, so that what we serve is always inside its short validity window.

    Not audited: the bits do not change, only the signature's dates (revocations, which do
    change them, are audited by revoke_credential)."""
    if not status_list_needs_signing(status_list):
        return status_list
    with transaction.atomic():
        locked = StatusList.objects.select_for_update().select_related("country").get(pk=status_list.pk)
        if status_list_needs_signing(locked):  # another request may have signed it meanwhile
            _sign_status_list(locked)
    return locked


def _sign_status_list(status_list: StatusList) -> None:
    country = status_list.country
    unsigned = documents.status_list_credential(
        list_url=addresses.status_list_url(country.code, status_list.number),
        issuer=texts.issuer_of(country),
        encoded_list=statuslist.encode(bytes(status_list.bits)),
        valid_from=timezone.now(),
    )
    status_list.signed_json = _signed(unsigned, active_key(country=country))
    status_list.save(update_fields=["signed_json", "updated_at"])


def _open_status_list(country: Country) -> StatusList:
    """The country's newest list with room, locked; a new signed list when it is full."""
    newest = StatusList.objects.select_for_update().filter(country=country).order_by("-number").first()
    if newest is not None and newest.credentials.count() < newest.size * LIST_FILL_LIMIT:
        return newest
    created = StatusList.objects.create(
        country=country,
        number=(newest.number + 1) if newest else 1,
        size=statuslist.MIN_ENTRIES,
        bits=statuslist.empty(statuslist.MIN_ENTRIES),
    )
    _sign_status_list(created)
    return created


def _unused_index(status_list: StatusList) -> int:
    """A random free index: entries in issuing order would tell who was labelled when."""
    while True:
        index = secrets.randbelow(status_list.size)
        if not status_list.credentials.filter(status_index=index).exists():
            return index


def issue_label_credential(
    *,
    school: School,
    country: Country,
    valid_from: date,
    valid_until: date,
    label_years: str,
    source_label: str,
    issued_by: Any,
) -> IssuedCredential:
    """Sign and record the Open Badges 3.0 credential of a school's eTwinning School label."""
    if school.country_id != country.pk:
        raise ValidationError(_("A country's NSO can only award the label to a school of that country."))
    if valid_until < valid_from:
        raise ValidationError(_("The label cannot end before it starts."))
    with transaction.atomic():
        record = _issue(
            school=school,
            country=country,
            valid_from=valid_from,
            valid_until=valid_until,
            label_years=label_years,
            source_label=source_label,
            issued_by=issued_by,
        )
        audit.record(
            actor=issued_by,
            action="credentials.credential.issued",
            school=school,
            target=record,
            data={"label_years": label_years, "source_label": source_label},
        )
    return record


def _issue(
    *,
    school: School,
    country: Country,
    valid_from: date,
    valid_until: date,
    label_years: str,
    source_label: str,
    issued_by: Any,
) -> IssuedCredential:
    """Sign and save one credential; the caller holds the transaction and audits."""
    # one issuance per country at a time: the first key and list are created only once
    Country.objects.select_for_update().filter(pk=country.pk).first()
    active_key(country=country)
    status_list = _open_status_list(country)
    index = _unused_index(status_list)
    record = IssuedCredential(
        school=school,
        country=country,
        label_years=label_years,
        valid_from=valid_from,
        valid_until=valid_until,
        status_list=status_list,
        status_index=index,
        source_label=source_label,
        issued_by=issued_by if getattr(issued_by, "pk", None) else None,
        signed_json={},
    )
    record.signed_json = _signed(_unsigned_credential(record), active_key(country=country))
    record.save()
    return record


def is_under_current_issuer(credential: IssuedCredential) -> bool:
    issuer = credential.signed_json.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    return issuer_id == addresses.issuer_id(credential.country.code)


def reissue_credential(*, credential: IssuedCredential, reissued_by: Any) -> IssuedCredential | None:
    """Issue a credential again under the NSO's current issuer identifier (did:web), with the
    same school, label and validity; the old one is marked replaced and keeps verifying
    until it expires. Returns None when there is nothing to do: the credential is already
    under the current identifier, was replaced, was revoked or has expired."""
    with transaction.atomic():
        locked = (
            IssuedCredential.objects.select_for_update()
            .select_related("school", "country")
            .get(pk=credential.pk)
        )
        if (
            locked.replaced_by_id is not None
            or locked.revoked_at is not None
            or locked.valid_until < timezone.localdate()
            or is_under_current_issuer(locked)
        ):
            return None
        record = _issue(
            school=locked.school,
            country=locked.country,
            valid_from=locked.valid_from,
            valid_until=locked.valid_until,
            label_years=locked.label_years,
            source_label=locked.source_label,
            issued_by=reissued_by,
        )
        locked.replaced_by = record
        locked.save(update_fields=["replaced_by"])
        audit.record(
            actor=reissued_by,
            action="credentials.credential.reissued",
            school=locked.school,
            target=record,
            data={"replaces": locked.pk, "label_years": locked.label_years},
        )
    return record


def _unsigned_credential(record: IssuedCredential) -> dict[str, Any]:
    country, school = record.country, record.school
    with translation.override("en"):
        english = texts.achievement_text(record.label_years)
        name = texts.credential_name(record.label_years)
        description = texts.credential_description(school, country)
    return documents.label_credential(
        credential_id=addresses.credential_id(record.uuid),
        issuer=texts.issuer_of(country),
        subject=documents.Subject(
            id=addresses.school_page(school.pk), name=school.name, identifier=school.external_id
        ),
        achievement_document=documents.achievement(
            addresses.achievement_id(record.label_years),
            english,
            image=addresses.image(texts.LABEL_BADGE_IMAGE),
        ),
        name=name,
        description=description,
        valid_from=record.valid_from,
        valid_until=record.valid_until,
        status_entry=documents.status_entry(
            list_url=addresses.status_list_url(country.code, record.status_list.number),
            index=record.status_index,
        ),
    )


def revoke_credential(*, credential: IssuedCredential, reason: str, revoked_by: Any) -> IssuedCredential:
    """Revoke: set the credential's bit in its status list and re-sign the list. The
    credentials it replaced (re-issued under a new issuer identifier) are revoked with it."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the credential is revoked.")]})
    with transaction.atomic():
        locked = IssuedCredential.objects.select_for_update().get(pk=credential.pk)
        if locked.revoked_at is not None:
            raise ValidationError(_("This credential was already revoked."))
        _revoke_one(locked, reason=reason, revoked_by=revoked_by)
        replaced = list(
            IssuedCredential.objects.select_for_update().filter(replaced_by=locked, revoked_at__isnull=True)
        )
        while replaced:
            older = replaced.pop()
            _revoke_one(older, reason=reason, revoked_by=revoked_by)
            replaced.extend(
                IssuedCredential.objects.select_for_update().filter(
                    replaced_by=older, revoked_at__isnull=True
                )
            )
    return locked


def _revoke_one(locked: IssuedCredential, *, reason: str, revoked_by: Any) -> None:
    status_list = (
        StatusList.objects.select_for_update().select_related("country").get(pk=locked.status_list_id)
    )
    status_list.bits = statuslist.with_bit(bytes(status_list.bits), locked.status_index)
    status_list.save(update_fields=["bits", "updated_at"])
    _sign_status_list(status_list)
    locked.revoked_at = timezone.now()
    locked.revocation_reason = reason
    locked.revoked_by = revoked_by if getattr(revoked_by, "pk", None) else None
    locked.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    audit.record(
        actor=revoked_by,
        action="credentials.credential.revoked",
        school=locked.school,
        target=locked,
    )


def reencrypt_issuer_keys(*, old_secret_keys: list[str] | None = None) -> dict[str, int]:
    """Seal every issuer key stored in the old format ("v1": TWINSCHOOLS_CREDENTIAL_KEY or a
    derivation of SECRET_KEY) again with TWINSCHOOLS_CREDENTIAL_KEY ("v2"), so that
    SECRET_KEY can change. `old_secret_keys` are earlier SECRET_KEY values to try too.
    Idempotent; keys that decrypt with nothing given are counted as unreadable and left."""
    counts = {"reencrypted": 0, "current": 0, "unreadable": 0}
    with transaction.atomic():
        for key in IssuerKey.objects.select_for_update().select_related("country"):
            if key.encrypted_private_key.startswith(f"{keys.CURRENT}:"):
                counts["current"] += 1
                continue
            try:
                private_key = keys.decrypt_private_key(
                    key.encrypted_private_key,
                    country_code=key.country.code,
                    key_id=key.key_id,
                    old_secret_keys=old_secret_keys or [],
                )
            except keys.KeyUnreadable:
                counts["unreadable"] += 1
                continue
            key.encrypted_private_key = keys.encrypt_private_key(
                private_key, country_code=key.country.code, key_id=key.key_id
            )
            key.save(update_fields=["encrypted_private_key"])
            audit.record(actor=None, action="credentials.signing_key.reencrypted", target=key)
            counts["reencrypted"] += 1
    return counts
