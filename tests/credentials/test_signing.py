"""Building, signing and verifying a label credential with our own code."""

from __future__ import annotations

import copy
import io
from datetime import UTC, date, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ValidationError
from django.test import override_settings

from tests.conftest import World
from tests.credentials.factories import issue
from tests.factories import SchoolFactory, country
from twinschools.core.models import AuditEvent
from twinschools.credentials import jsonld, keys, multiformats, services, statuslist, verification
from twinschools.credentials.models import IssuerKey, StatusList


def test_a_label_credential_is_an_open_badge_signed_by_the_nso_of_the_country(world: World) -> None:
    credential = issue(world.school_a, years=(2026, 2027))
    document = credential.signed_json

    assert document["@context"] == [jsonld.VC_V2, jsonld.OB_V3]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == f"urn:uuid:{credential.uuid}"
    # did:web on the site's own domain (tests sign as http://127.0.0.1, without a port)
    assert document["issuer"]["id"] == "did:web:127.0.0.1:credentials:issuers:ro"
    assert document["issuer"]["type"] == ["Profile"]
    assert document["issuer"]["image"]["type"] == "Image"
    assert document["issuer"]["name"].startswith("National Agency for Community Programmes")  # its profile
    assert (document["validFrom"], document["validUntil"]) == ("2026-01-01T00:00:00Z", "2027-12-31T23:59:59Z")
    subject = document["credentialSubject"]
    assert subject["id"] == f"http://127.0.0.1/schools/{world.school_a.pk}/"
    assert subject["type"] == ["AchievementSubject"]
    assert subject["name"] == world.school_a.name
    assert {
        "type": "IdentityObject",
        "identityType": "identifier",
        "hashed": False,
        "identityHash": world.school_a.external_id,
    } in subject["identifier"]
    assert (
        subject["achievement"]["id"]
        == "http://127.0.0.1/credentials/achievements/etwinning-school-label-2026-2027"
    )
    assert (
        subject["achievement"]["image"]["id"]
        == "http://127.0.0.1/credentials/images/etwinning-school-label.svg"
    )
    assert subject["achievement"]["name"] == "eTwinning School label 2026-2027"
    assert subject["achievement"]["inLanguage"] == "en"
    assert subject["achievement"]["criteria"]["narrative"]
    status = document["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListCredential"] == "http://127.0.0.1/credentials/status/ro/1/"
    assert int(status["statusListIndex"]) == credential.status_index
    (proof,) = document["proof"]  # a one-item array, as OB 3.0's schema wants
    assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == (
        "DataIntegrityProof",
        "eddsa-rdfc-2022",
        "assertionMethod",
    )
    assert proof["verificationMethod"].startswith(document["issuer"]["id"] + "#key-")
    assert proof["proofValue"].startswith("z")
    assert AuditEvent.objects.filter(
        action="credentials.credential.issued", target_id=str(credential.pk)
    ).exists()


def test_an_issued_credential_verifies_as_valid(world: World) -> None:
    credential = issue(world.school_a)
    verdict = verification.verify(credential.signed_json)
    assert verdict.status == verification.VALID, verdict.reasons
    assert verdict.record == credential


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["credentialSubject"]["achievement"].update(name="eTwinning School label 2026-2035"),
        lambda d: d.update(validUntil="2035-12-31T23:59:59Z"),
        lambda d: d["credentialStatus"].update(statusListIndex="7"),
        lambda d: d["issuer"].update(name="Someone else"),
        lambda d: d["proof"][0].update(created="2020-01-01T00:00:00Z"),
        lambda d: d["credentialSubject"].update(name="Another school"),
        lambda d: d["credentialSubject"]["identifier"][1].update(identityHash="another-id"),
    ],
    ids=[
        "achievement",
        "validity",
        "status index",
        "issuer name",
        "proof options",
        "school name",
        "school id",
    ],
)
def test_a_changed_field_makes_the_signature_invalid(world: World, tamper: object) -> None:
    document = copy.deepcopy(issue(world.school_a).signed_json)
    tamper(document)  # type: ignore[operator]
    verdict = verification.verify(document)
    assert verdict.status == verification.INVALID
    assert verdict.detail == "The signature does not match the credential's content."


def test_a_credential_signed_with_another_countrys_key_is_invalid(world: World) -> None:
    spanish = issue(SchoolFactory(country=country("ES")))
    document = copy.deepcopy(issue(world.school_a).signed_json)
    document["proof"] = spanish.signed_json["proof"]
    assert verification.verify(document).status == verification.INVALID


def test_a_credential_of_another_issuer_is_not_verified_here(world: World) -> None:
    document = copy.deepcopy(issue(world.school_a).signed_json)
    document["issuer"]["id"] = "https://elsewhere.example/issuers/1"
    verdict = verification.verify(document)
    assert verdict.status == verification.INVALID
    assert "The credential was not issued by an NSO on TwinSchools." in verdict.reasons


def test_a_credential_past_its_validity_is_expired(world: World) -> None:
    credential = issue(world.school_a, years=(2020, 2021))
    assert verification.verify(credential.signed_json).status == verification.EXPIRED
    later = datetime(2021, 6, 1, tzinfo=UTC)
    assert verification.verify(credential.signed_json, now=later).status == verification.VALID
    earlier = datetime(2019, 6, 1, tzinfo=UTC)
    assert verification.verify(credential.signed_json, now=earlier).status == verification.NOT_YET_VALID


def test_revoking_sets_the_bit_and_re_signs_the_status_list(world: World) -> None:
    credential = issue(world.school_a)
    status_list = credential.status_list
    before = dict(status_list.signed_json)

    services.revoke_credential(
        credential=credential, reason="Awarded by mistake.", revoked_by=world.people["nso_x"]
    )

    status_list.refresh_from_db()
    assert statuslist.is_set(bytes(status_list.bits), credential.status_index)
    published = statuslist.decode(status_list.signed_json["credentialSubject"]["encodedList"])
    assert len(published) * 8 == statuslist.MIN_ENTRIES
    assert statuslist.is_set(published, credential.status_index)
    assert sum(bin(byte).count("1") for byte in published) == 1
    assert status_list.signed_json["proof"] != before["proof"]
    # the re-signed list is itself a credential that verifies with the issuer's key
    list_document = status_list.signed_json
    resolve = verification._key_resolver(list_document["issuer"], "RO")
    from twinschools.credentials import dataintegrity

    dataintegrity.verify(list_document, resolve_key=resolve)
    verdict = verification.verify(credential.signed_json)
    assert verdict.status == verification.REVOKED
    assert verdict.as_json()["revocationReason"] == "Awarded by mistake."
    assert AuditEvent.objects.filter(action="credentials.credential.revoked").count() == 1


def test_a_credential_is_revoked_once_and_only_with_a_reason(world: World) -> None:
    credential = issue(world.school_a)
    with pytest.raises(ValidationError):
        services.revoke_credential(credential=credential, reason="  ", revoked_by=None)
    services.revoke_credential(credential=credential, reason="Closed school.", revoked_by=None)
    with pytest.raises(ValidationError):
        services.revoke_credential(credential=credential, reason="Again.", revoked_by=None)


def test_the_label_goes_only_to_a_school_of_the_issuing_country_and_ends_after_it_starts(
    world: World,
) -> None:
    with pytest.raises(ValidationError):
        issue(world.school_a, country=country("ES"))
    with pytest.raises(ValidationError):
        issue(world.school_a, valid_from=date(2027, 1, 1), valid_until=date(2026, 12, 31))


def test_status_indexes_are_random_and_distinct(world: World) -> None:
    indexes = [issue(world.school_a).status_index for _ in range(8)]
    assert len(set(indexes)) == 8
    assert indexes != sorted(indexes)
    assert StatusList.objects.count() == 1


def test_the_status_list_encoding_puts_index_zero_in_the_first_bytes_highest_bit() -> None:
    bits = statuslist.with_bit(statuslist.empty(), 0)
    assert bits[0] == 0x80
    bits = statuslist.with_bit(bits, 9)
    assert bits[1] == 0x40
    assert statuslist.decode(statuslist.encode(bits)) == bits
    assert statuslist.encode(bits).startswith("u")


def test_a_rotated_key_keeps_old_credentials_verifiable(world: World) -> None:
    old = issue(world.school_a)
    services.rotate_issuer_key(country=world.school_a.country, rotated_by=world.people["admin"])
    new = issue(world.school_b)

    assert IssuerKey.objects.filter(country=world.school_a.country).count() == 2
    assert (
        old.signed_json["proof"][0]["verificationMethod"] != new.signed_json["proof"][0]["verificationMethod"]
    )
    assert verification.verify(old.signed_json).status == verification.VALID
    assert verification.verify(new.signed_json).status == verification.VALID


def test_the_private_key_is_stored_encrypted_and_bound_to_its_issuer(world: World) -> None:
    key = services.active_key(country=world.school_a.country)
    assert key.public_key_multibase.startswith("z6Mk")
    assert key.encrypted_private_key.startswith("v2:")
    private = keys.decrypt_private_key(key.encrypted_private_key, country_code="RO", key_id=key.key_id)
    assert keys.public_multikey(private) == key.public_key_multibase
    with pytest.raises(Exception):  # noqa: B017 - AES-GCM refuses the wrong associated data
        keys.decrypt_private_key(key.encrypted_private_key, country_code="ES", key_id=key.key_id)
    with override_settings(CREDENTIAL_KEY="another-key"), pytest.raises(Exception):  # noqa: B017
        keys.decrypt_private_key(key.encrypted_private_key, country_code="RO", key_id=key.key_id)


def test_an_ed25519_multikey_has_the_multicodec_prefix() -> None:
    public = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    encoded = multiformats.ed25519_multikey(public)
    assert encoded.startswith("z6Mk")
    assert multiformats.from_multibase_base58btc(encoded)[:2] == b"\xed\x01"
    assert multiformats.ed25519_from_multikey(encoded) == public
    assert multiformats.base58btc_decode(multiformats.base58btc_encode(b"\0\0abc")) == b"\0\0abc"


def test_the_offline_loader_refuses_any_url_it_does_not_bundle() -> None:
    assert jsonld.offline_loader(jsonld.OB_V3)["document"]["@context"]
    with pytest.raises(jsonld.UnknownDocument):
        jsonld.offline_loader("https://example.org/context.json")
    remote = {"@context": "https://schema.org/", "name": "x"}
    with pytest.raises(Exception):  # noqa: B017 - pyld wraps the loader's refusal
        jsonld.canonize(remote)


def test_a_credential_with_an_unknown_context_does_not_verify(world: World) -> None:
    document = copy.deepcopy(issue(world.school_a).signed_json)
    document["@context"].append("https://attacker.example/context.json")
    verdict = verification.verify(document)
    assert verdict.status == verification.INVALID


def test_the_rotation_command_gives_the_country_a_new_key(world: World) -> None:
    from django.core.management import call_command

    old = issue(world.school_a)
    out = io.StringIO()
    call_command("rotate_credential_key", "ro", stdout=out)
    assert "New signing key" in out.getvalue()
    assert IssuerKey.objects.filter(country=world.school_a.country, retired_at__isnull=True).count() == 1
    assert IssuerKey.objects.filter(country=world.school_a.country).count() == 2
    assert verification.verify(old.signed_json).status == verification.VALID
