"""The signing keys' own encryption key, status lists with a validity window, re-issuing
earlier credentials under the NSO's did:web identifier, and the demo's addresses."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from tests.credentials.factories import as_issued_before_did_web, issue
from twinschools.core.models import AuditEvent
from twinschools.credentials import addresses, dataintegrity, documents, keys, queries, services, verification
from twinschools.credentials.models import IssuedCredential, IssuerKey, StatusList

ROOT = Path(__file__).resolve().parents[2]


def _settings_in_a_new_process(code: str, **environment: str) -> subprocess.CompletedProcess[str]:
    kept = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "TWINSCHOOLS_"))
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**kept, "DJANGO_SETTINGS_MODULE": "twinschools.settings", **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_credential_key_is_its_own_setting_required_outside_debug() -> None:
    production = _settings_in_a_new_process(
        "print('started')",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 50,
        TWINSCHOOLS_SITE_URL="https://twinschools.example.eu",
    )
    assert production.returncode != 0
    assert "TWINSCHOOLS_CREDENTIAL_KEY must be set" in production.stderr
    demo = _settings_in_a_new_process(
        "from django.conf import settings; print(bool(settings.CREDENTIAL_KEY))", DJANGO_DEBUG="true"
    )
    assert demo.stdout.strip() == "True", demo.stderr


def test_the_demo_signs_its_addresses_with_the_port_it_serves() -> None:
    demo = _settings_in_a_new_process(
        "from twinschools.credentials import addresses as a;"
        "print(a.issuer_id('RO')); print(a.status_list_url('RO', 1)); print(a.did_document_url(a.issuer_id('RO')))",
        DJANGO_DEBUG="true",
    )
    assert demo.stdout.split() == [
        "did:web:127.0.0.1%3A8000:credentials:issuers:ro",
        "http://127.0.0.1:8000/credentials/status/ro/1/",
        "https://127.0.0.1:8000/credentials/issuers/ro/did.json",
    ], demo.stderr


def test_rotating_the_secret_key_leaves_credentials_signing_and_verifying(world: World) -> None:
    before = issue(world.school_a)
    with override_settings(SECRET_KEY="a-completely-new-secret-key-after-rotation-0123456789"):
        after = issue(world.school_b)
        key = services.active_key(country=world.school_a.country)
        private = keys.decrypt_private_key(key.encrypted_private_key, country_code="RO", key_id=key.key_id)
        assert keys.public_multikey(private) == key.public_key_multibase
        assert verification.verify(before.signed_json).status == verification.VALID
        assert verification.verify(after.signed_json).status == verification.VALID
        services.revoke_credential(
            credential=before, reason="Withdrawn.", revoked_by=None
        )  # re-signs the list
        assert verification.verify(before.signed_json).status == verification.REVOKED


def _sealed_as_before(
    private_key: Ed25519PrivateKey, *, secret_key: str, country_code: str, key_id: str
) -> str:
    """A private key encrypted as the code did before the setting was required: "v1:",
    with an AES key derived from SECRET_KEY when TWINSCHOOLS_CREDENTIAL_KEY was not set."""
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"twinschools credential issuer keys"
    ).derive(f"derived-from-secret-key:{secret_key}".encode())
    raw = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = os.urandom(12)
    sealed = AESGCM(derived).encrypt(nonce, raw, f"{country_code}#{key_id}".encode())
    return "v1:" + base64.b64encode(nonce + sealed).decode("ascii")


def _key_sealed_with_the_secret_key(world: World, secret_key: str) -> IssuerKey:
    key = services.active_key(country=world.school_a.country)
    private = keys.decrypt_private_key(key.encrypted_private_key, country_code="RO", key_id=key.key_id)
    key.encrypted_private_key = _sealed_as_before(
        private, secret_key=secret_key, country_code="RO", key_id=key.key_id
    )
    key.save(update_fields=["encrypted_private_key"])
    return key


def test_keys_sealed_with_the_secret_key_still_sign_and_are_re_encrypted_by_the_command(world: World) -> None:
    from django.conf import settings as django_settings

    key = _key_sealed_with_the_secret_key(world, str(django_settings.SECRET_KEY))
    assert (
        verification.verify(issue(world.school_a).signed_json).status == verification.VALID
    )  # read as before

    out = io.StringIO()
    call_command("reencrypt_credential_keys", stdout=out)
    assert "1 key(s) re-encrypted" in out.getvalue()
    key.refresh_from_db()
    assert key.encrypted_private_key.startswith("v2:")
    assert AuditEvent.objects.filter(action="credentials.signing_key.reencrypted").count() == 1
    with override_settings(SECRET_KEY="rotated-secret-key-0123456789-0123456789-0123456789"):
        assert verification.verify(issue(world.school_b).signed_json).status == verification.VALID
    call_command("reencrypt_credential_keys", stdout=(again := io.StringIO()))
    assert "0 key(s) re-encrypted, 1 already current" in again.getvalue()


def test_after_the_secret_key_changed_the_command_needs_the_old_one(world: World) -> None:
    old_secret = "the-secret-key-before-rotation-0123456789-0123456789"
    key = _key_sealed_with_the_secret_key(world, old_secret)
    with pytest.raises(keys.KeyUnreadable):
        keys.decrypt_private_key(key.encrypted_private_key, country_code="RO", key_id=key.key_id)
    with pytest.raises(CommandError):
        call_command("reencrypt_credential_keys", stdout=io.StringIO())

    call_command("reencrypt_credential_keys", "--old-secret-key", old_secret, stdout=io.StringIO())

    key.refresh_from_db()
    assert key.encrypted_private_key.startswith("v2:")
    assert verification.verify(issue(world.school_a).signed_json).status == verification.VALID


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_the_served_status_list_has_a_short_validity_window_and_is_signed_again_when_stale(
    world: World,
) -> None:
    credential = issue(world.school_a)
    url = reverse("credentials:status_list", args=["ro", 1])
    served = json.loads(Client().get(url).content)
    assert _moment(served["validUntil"]) - _moment(served["validFrom"]) == timedelta(days=1)
    assert served["credentialSubject"]["ttl"] == documents.STATUS_LIST_TTL_MS

    status_list = credential.status_list
    status_list.refresh_from_db()
    status_list.signed_json = {**status_list.signed_json, "validUntil": "2026-01-01T00:00:00Z"}
    status_list.save(update_fields=["signed_json"])
    renewed = json.loads(Client().get(url).content)

    assert _moment(renewed["validUntil"]) > timezone.now() + timedelta(hours=12)
    assert renewed["issuer"] == addresses.issuer_id("RO")
    resolve = verification._key_resolver(renewed["issuer"], "RO")
    dataintegrity.verify(renewed, resolve_key=resolve)  # a genuine signature, not just new dates


def test_a_status_list_signed_before_it_had_a_validity_window_is_signed_again_under_did_web(
    world: World,
) -> None:
    issue(world.school_a)
    StatusList.objects.filter(number=1).update(
        signed_json={"issuer": "http://127.0.0.1/credentials/issuers/ro/"}
    )
    renewed = json.loads(Client().get(reverse("credentials:status_list", args=["ro", 1])).content)
    assert renewed["issuer"] == "did:web:127.0.0.1:credentials:issuers:ro"
    assert "validUntil" in renewed


def test_the_command_reissues_earlier_credentials_under_the_did_web_issuer_once(world: World) -> None:
    old = as_issued_before_did_web(issue(world.school_a, years=(2026, 2027)))
    current = issue(world.school_b)  # already under did:web: left alone
    revoked = as_issued_before_did_web(issue(world.school_b))
    services.revoke_credential(credential=revoked, reason="Withdrawn.", revoked_by=None)
    expired = as_issued_before_did_web(issue(world.school_b, years=(2020, 2021)))

    out = io.StringIO()
    call_command("reissue_credentials", stdout=out)

    assert "1 credential(s) re-issued." in out.getvalue()
    old.refresh_from_db()
    new = old.replaced_by
    assert new is not None
    assert new.signed_json["issuer"]["id"] == "did:web:127.0.0.1:credentials:issuers:ro"
    assert (new.school, new.label_years, new.valid_from, new.valid_until, new.source_label) == (
        old.school,
        old.label_years,
        old.valid_from,
        old.valid_until,
        old.source_label,
    )
    # the old one keeps verifying until it expires, against the https profile still served
    assert verification.verify(old.signed_json).status == verification.VALID
    assert verification.verify(new.signed_json).status == verification.VALID
    assert [state.credential for state in queries.current_credentials_for_school(world.school_a)] == [new]
    for untouched in (current, revoked, expired):
        untouched.refresh_from_db()
        assert untouched.replaced_by is None
    assert AuditEvent.objects.filter(action="credentials.credential.reissued", target_id=str(new.pk)).exists()

    call_command("reissue_credentials", stdout=(again := io.StringIO()))
    assert "0 credential(s) re-issued." in again.getvalue()
    assert IssuedCredential.objects.filter(school=world.school_a).count() == 2


def test_revoking_a_reissued_credential_revokes_the_one_it_replaced(world: World) -> None:
    old = as_issued_before_did_web(issue(world.school_a))
    new = services.reissue_credential(credential=old, reissued_by=None)
    assert new is not None

    services.revoke_credential(credential=new, reason="The label was withdrawn.", revoked_by=None)

    assert verification.verify(new.signed_json).status == verification.REVOKED
    assert verification.verify(old.signed_json).status == verification.REVOKED
    old.refresh_from_db()
    assert old.revocation_reason == "The label was withdrawn."


def test_our_verification_resolves_did_web_issuers_from_our_own_records_only(world: World) -> None:
    document = issue(world.school_a, valid_from=date(2026, 1, 1)).signed_json
    assert verification.verify(document).status == verification.VALID
    foreign = json.loads(json.dumps(document).replace("did:web:127.0.0.1:", "did:web:elsewhere.example:"))
    verdict = verification.verify(foreign)
    assert verdict.status == verification.INVALID
    assert "The credential was not issued by an NSO on TwinSchools." in verdict.reasons
