"""Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C "Data Integrity EdDSA
Cryptosuites v1.0", sections 3.3.x): transformation by RDFC-1.0, hashing with SHA-256 of
the proof options and of the document, Ed25519 over proofConfigHash || documentHash."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from twinschools.credentials import jsonld, multiformats

CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(Exception):
    """The proof is missing, malformed or does not verify; the message says why."""


def _hash_data(document: dict[str, Any], proof_config: dict[str, Any]) -> bytes:
    proof_hash = hashlib.sha256(jsonld.canonize(proof_config).encode("utf-8")).digest()
    document_hash = hashlib.sha256(jsonld.canonize(document).encode("utf-8")).digest()
    return proof_hash + document_hash


def _proof_config(document: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any]:
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    # the proof options are canonicalised with the document's contexts (spec 3.3.5)
    config["@context"] = document["@context"]
    return config


def format_datetime(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict[str, Any],
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime,
    proof_purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """Return a copy of `document` with a DataIntegrityProof (eddsa-rdfc-2022), as a
    one-item `proof` array (OB 3.0's JSON Schema types `proof` as an array; VC 2.0 allows
    either)."""
    unsecured = {key: value for key, value in copy.deepcopy(document).items() if key != "proof"}
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": format_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    signature = private_key.sign(_hash_data(unsecured, _proof_config(unsecured, proof)))
    proof["proofValue"] = multiformats.multibase_base58btc(signature)
    return {**unsecured, "proof": [proof]}


def verify(
    document: dict[str, Any],
    *,
    resolve_key: Callable[[str], Ed25519PublicKey | None],
    proof_purpose: str = "assertionMethod",
) -> str:
    """Check the document's eddsa-rdfc-2022 proof; return the verification method id.

    `resolve_key` maps a verification method id to the public key authorised for it
    (None when unknown). Raises ProofError with the reason when anything is wrong.
    """
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]  # a one-item set; credentials issued before carry the object itself
    if not isinstance(proof, dict):
        raise ProofError("The credential has no single proof.")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("The proof is not an eddsa-rdfc-2022 Data Integrity proof.")
    if proof.get("proofPurpose") != proof_purpose:
        raise ProofError("The proof was not made for the assertion purpose.")
    method = str(proof.get("verificationMethod", ""))
    public_key = resolve_key(method) if method else None
    if public_key is None:
        raise ProofError("The proof's key is not one of our issuers' keys.")
    try:
        signature = multiformats.from_multibase_base58btc(str(proof.get("proofValue", "")))
    except ValueError as error:
        raise ProofError("The proof value is not base58btc.") from error
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    if "@context" not in unsecured:
        raise ProofError("The credential has no @context.")
    try:
        data = _hash_data(unsecured, _proof_config(unsecured, proof))
    except Exception as error:  # pyld raises its own errors for broken or foreign JSON-LD
        raise ProofError(f"The credential could not be canonicalised: {error}") from error
    try:
        public_key.verify(signature, data)
    except InvalidSignature as error:
        raise ProofError("The signature does not match the credential's content.") from error
    return method
