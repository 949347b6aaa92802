"""The JSON-LD documents we publish, built from plain values (no database here):
the OpenBadgeCredential of a label, the issuer's profile and controller document,
and the Bitstring Status List credential."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from twinschools.credentials import jsonld
from twinschools.credentials.dataintegrity import format_datetime

CREDENTIAL_CONTEXT = [jsonld.VC_V2, jsonld.OB_V3]
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
    id: str  # https URL of the profile / controller document
    name: str
    url: str
    image: str = ""  # https URL of the issuer's logo, when it has one


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


def achievement(achievement_id: str, text: AchievementText) -> dict[str, Any]:
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
    }


def label_credential(
    *,
    credential_id: str,
    issuer: Issuer,
    school_url: str,
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
            "id": school_url,
            "type": ["AchievementSubject"],
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
    return {
        "@context": [jsonld.VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.id,
        "validFrom": format_datetime(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list,
        },
    }
