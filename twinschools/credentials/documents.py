"""The JSON-LD documents we publish, built from plain values (no database here):
the OpenBadgeCredential of a label, the issuer's DID document (and the https profile and
controller document that credentials issued before did:web name), and the Bitstring
Status List credential."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from twinschools.credentials import jsonld
from twinschools.credentials.dataintegrity import format_datetime

CREDENTIAL_CONTEXT = [jsonld.VC_V2, jsonld.OB_V3]
DID_CONTEXT = [jsonld.DID_V1, jsonld.MULTIKEY_V1]
# How long a signed status list is good for: verifiers refuse a copy older than this, so an
# old list (from before a revocation) cannot be replayed for long. It is signed again when
# served with less than STATUS_LIST_RENEW_BEFORE left.
STATUS_LIST_VALIDITY = timedelta(days=1)
STATUS_LIST_RENEW_BEFORE = timedelta(hours=12)
# Bitstring Status List "ttl" (milliseconds): how long a verifier may cache the list.
STATUS_LIST_TTL_MS = 60 * 60 * 1000
# A profile (OB 3.0) that is also a controller document: verificationMethod and
# assertionMethod are defined inline with the Security vocabulary's IRIs, as the
# Controlled Identifiers spec defines them.
CONTROLLER_CONTEXT: list[Any] = [
    jsonld.VC_V2,
    jsonld.OB_V3,
    jsonld.MULTIKEY_V1,
    {
        "verificationMethod": {"@id": "https://w3id.org/security#verificationMethod", "@type": "@id"},
        "assertionMethod": {
            "@id": "https://w3id.org/security#assertionMethod",
            "@type": "@id",
            "@container": "@set",
        },
    },
]


@dataclass(frozen=True)
class Issuer:
    id: str  # the NSO's did:web identifier (an https profile URL in credentials issued before)
    name: str
    url: str
    image: str = ""  # https URL of the issuer's logo


@dataclass(frozen=True)
class Subject:
    id: str  # the school's public profile page: a stable address
    name: str
    identifier: str  # the school's eTwinning registry identifier


@dataclass(frozen=True)
class PublicKey:
    id: str  # the verification method: <issuer id>#<key id>
    multibase: str


@dataclass(frozen=True)
class AchievementText:
    language: str
    name: str
    description: str
    criteria: str


def start_of(day: date) -> str:
    return format_datetime(datetime.combine(day, time.min))


def end_of(day: date) -> str:
    return format_datetime(datetime.combine(day, time(23, 59, 59)))


def issuer_profile(issuer: Issuer) -> dict[str, Any]:
    profile: dict[str, Any] = {"id": issuer.id, "type": ["Profile"], "name": issuer.name, "url": issuer.url}
    if issuer.image:
        profile["image"] = {"id": issuer.image, "type": "Image", "caption": issuer.name}
    return profile


def controller_document(issuer: Issuer, keys: list[PublicKey]) -> dict[str, Any]:
    """The issuer's profile with every key it ever signed with (old keys stay resolvable)."""
    return {
        "@context": CONTROLLER_CONTEXT,
        **issuer_profile(issuer),
        "verificationMethod": [
            {"id": key.id, "type": "Multikey", "controller": issuer.id, "publicKeyMultibase": key.multibase}
            for key in keys
        ],
        "assertionMethod": [key.id for key in keys],
    }


def did_document(did: str, keys: list[PublicKey]) -> dict[str, Any]:
    """The issuer's DID document (did:web): every key it ever signed with, as Multikey
    verification methods authorised for assertions (old keys stay for old credentials)."""
    return {
        "@context": DID_CONTEXT,
        "id": did,
        "verificationMethod": [
            {"id": key.id, "type": "Multikey", "controller": did, "publicKeyMultibase": key.multibase}
            for key in keys
        ],
        "assertionMethod": [key.id for key in keys],
    }


def achievement(achievement_id: str, text: AchievementText, *, image: str = "") -> dict[str, Any]:
    """The label as an OB 3.0 Achievement. OB 3.0 types name and description as plain
    strings, so the achievement is stated once, in English, and says so (inLanguage);
    the verification page shows it in the reader's language."""
    return {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Award",
        "name": text.name,
        "description": text.description,
        "criteria": {"narrative": text.criteria},
        "inLanguage": text.language,
        **({"image": {"id": image, "type": "Image", "caption": text.name}} if image else {}),
    }


def label_credential(
    *,
    credential_id: str,
    issuer: Issuer,
    subject: Subject,
    achievement_document: dict[str, Any],
    name: str,
    description: str,
    valid_from: date,
    valid_until: date,
    status_entry: dict[str, Any],
) -> dict[str, Any]:
    return {
        "@context": CREDENTIAL_CONTEXT,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "description": description,
        "issuer": issuer_profile(issuer),
        "validFrom": start_of(valid_from),
        "validUntil": end_of(valid_until),
        "credentialSubject": {
            "id": subject.id,
            "type": ["AchievementSubject"],
            "name": subject.name,
            # OB 3.0 IdentityObjects in plain text (a school's name is public, not personal data)
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": subject.name,
                },
                {
                    "type": "IdentityObject",
                    "identityType": "identifier",
                    "hashed": False,
                    "identityHash": subject.identifier,
                },
            ],
            "achievement": achievement_document,
        },
        "credentialStatus": status_entry,
    }


def status_entry(*, list_url: str, index: int) -> dict[str, Any]:
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(
    *, list_url: str, issuer: Issuer, encoded_list: str, valid_from: datetime
) -> dict[str, Any]:
    """The signed list is valid for STATUS_LIST_VALIDITY from `valid_from`, so that a
    verifier can tell a stale copy (an old list replayed) from the current one."""
    return {
        "@context": [jsonld.VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.id,
        "validFrom": format_datetime(valid_from),
        "validUntil": format_datetime(valid_from + STATUS_LIST_VALIDITY),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "ttl": STATUS_LIST_TTL_MS,
            "encodedList": encoded_list,
        },
    }
