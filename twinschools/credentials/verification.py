"""Our own verification of a label credential: the signature (eddsa-rdfc-2022 with one
of our issuers' keys, authorised by that issuer), the validity period, and revocation
through the issuer's Bitstring Status List. The pages use it; the independent check is
the JavaScript verifier of the interoperability test."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils import timezone
from django.utils.translation import gettext as _

from twinschools.credentials import addresses, dataintegrity, keys, statuslist
from twinschools.credentials.models import IssuedCredential, IssuerKey, StatusList

VALID = "valid"
EXPIRED = "expired"
NOT_YET_VALID = "not-yet-valid"
REVOKED = "revoked"
INVALID = "invalid"  # signature, issuer or structure: nothing it says can be trusted

# Bigger pasted documents are refused before parsing.
MAX_INPUT_BYTES = 64 * 1024
# A label credential nests objects and lists about six deep; a document nested deeper than
# this is refused before parsing (Python's parser, and the canonicalisation after it, recurse
# once per level, and a few thousand brackets exhaust the stack).
MAX_NESTING = 32


@dataclass
class Verdict:
    status: str
    reasons: list[str] = field(default_factory=list)
    document: dict[str, Any] | None = None
    record: IssuedCredential | None = None
    detail: str = ""  # the technical cause, in English, for machines

    @property
    def is_valid(self) -> bool:
        return self.status == VALID

    def as_json(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"verified": self.is_valid, "status": self.status, "reasons": self.reasons}
        if self.detail:
            answer["detail"] = self.detail
        if self.record is not None and self.record.revoked_at is not None:
            answer["revokedAt"] = self.record.revoked_at.isoformat()
            answer["revocationReason"] = self.record.revocation_reason
        return answer


def parse(text: str | bytes) -> tuple[dict[str, Any] | None, str]:
    """The JSON object in pasted or uploaded text, or None and a sentence saying what is wrong."""
    if len(text) > MAX_INPUT_BYTES:
        return None, _("The credential is too large: at most 64 KB are accepted.")
    if nesting_depth(text) > MAX_NESTING:
        return None, _(
            "This JSON is nested more than %(levels)d levels deep, so it is not a credential. "
            "Paste the whole credential, from { to }."
        ) % {"levels": MAX_NESTING}
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, _("This is not valid JSON. Paste the whole credential, from { to }.")
    if not isinstance(document, dict):
        return None, _("A credential is a JSON object, from { to }.")
    return document, ""


def nesting_depth(text: str | bytes) -> int:
    """How deep the JSON's objects and lists nest, counting brackets outside strings, without parsing."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quotation mark
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x7B, 0x5B):  # { [
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x7D, 0x5D):  # } ]
            depth -= 1
    return deepest


def _parse_moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _issuer_code(document: dict[str, Any]) -> str | None:
    """The NSO's country when the issuer is one of ours: its did:web identifier, resolved
    against our own records (no network), or the https profile address that credentials
    issued before did:web name."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    found = addresses.ours(issuer_id, "issuer_did") or addresses.ours(issuer_id, "issuer")
    return str(found["code"]).upper() if found else None


def _key_resolver(issuer_id: str, country_code: str) -> Any:
    def resolve(method_id: str) -> Ed25519PublicKey | None:
        # a key of this issuer only (<issuer id>#<key id>, as its DID document or profile
        # lists it): a key of another NSO cannot sign for this one
        base, _, key_id = method_id.partition("#")
        if base != issuer_id or not key_id:
            return None
        key = IssuerKey.objects.filter(country__code=country_code, key_id=key_id).first()
        return keys.public_key_from_multibase(key.public_key_multibase) if key else None

    return resolve


def _structure_problems(document: dict[str, Any]) -> list[str]:
    types = document.get("type")
    types = types if isinstance(types, list) else [types]
    problems = []
    if "VerifiableCredential" not in types or "OpenBadgeCredential" not in types:
        problems.append(_("This is not an Open Badges 3.0 credential."))
    if not isinstance(document.get("@context"), list):
        problems.append(_("The credential has no JSON-LD contexts."))
    return problems


def _revoked(document: dict[str, Any], country_code: str) -> bool | None:
    """True or False from our status list; None when the status entry is not ours."""
    entry = document.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("statusPurpose") != "revocation":
        return None
    found = addresses.ours(entry.get("statusListCredential"), "status_list")
    if not found or str(found["code"]).upper() != country_code:
        return None
    status_list = StatusList.objects.filter(country__code=country_code, number=found["number"]).first()
    try:
        index = int(entry.get("statusListIndex", ""))
    except (TypeError, ValueError):
        return None
    if status_list is None or not 0 <= index < status_list.size:
        return None
    return statuslist.is_set(bytes(status_list.bits), index)


def verify(document: dict[str, Any], *, now: datetime | None = None) -> Verdict:
    now = now or timezone.now()
    record = _record_of(document)
    verdict = Verdict(INVALID, document=document, record=record)
    problems = _structure_problems(document)
    country_code = _issuer_code(document)
    if country_code is None:
        problems.append(_("The credential was not issued by an NSO on TwinSchools."))
    if problems:
        verdict.reasons = problems
        return verdict
    issuer = document["issuer"]
    issuer_id = issuer["id"] if isinstance(issuer, dict) else issuer
    try:
        dataintegrity.verify(document, resolve_key=_key_resolver(issuer_id, str(country_code)))
    except dataintegrity.ProofError as error:
        verdict.reasons = [
            _("The signature is not valid: the credential was changed or not signed by its issuer.")
        ]
        verdict.detail = str(error)[:500]
        return verdict
    verdict.reasons.append(_("The signature is valid: the issuer signed exactly this content."))
    revoked = _revoked(document, str(country_code))
    if revoked is None:
        verdict.reasons.append(_("The credential's revocation status could not be found."))
        return verdict
    valid_from, valid_until = (
        _parse_moment(document.get("validFrom")),
        _parse_moment(document.get("validUntil")),
    )
    if revoked:
        verdict.status = REVOKED
        verdict.reasons.append(_("The issuer revoked this credential."))
    elif valid_until is not None and now > valid_until:
        verdict.status = EXPIRED
        verdict.reasons.append(_("The credential's validity period has ended."))
    elif valid_from is not None and now < valid_from:
        verdict.status = NOT_YET_VALID
        verdict.reasons.append(_("The credential's validity period has not started yet."))
    else:
        verdict.status = VALID
        verdict.reasons.append(_("The credential is within its validity period and not revoked."))
    return verdict


def _record_of(document: dict[str, Any]) -> IssuedCredential | None:
    credential_id = document.get("id")
    if not isinstance(credential_id, str) or not credential_id.startswith("urn:uuid:"):
        return None
    try:
        key = uuid.UUID(credential_id.removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return IssuedCredential.objects.select_related("school", "country").filter(uuid=key).first()
