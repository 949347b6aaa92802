"""Issuer private keys, encrypted at rest.

The encryption key is derived (HKDF-SHA256) from its own setting, TWINSCHOOLS_CREDENTIAL_KEY
(required in production), never from SECRET_KEY: rotating SECRET_KEY leaves the signing keys
readable. Each ciphertext is bound to its country and key id (AES-GCM associated data), so a
key row copied onto another issuer does not decrypt.

Ciphertexts are versioned: "v2:" is sealed with TWINSCHOOLS_CREDENTIAL_KEY. "v1:" came before
the setting was required and is sealed with TWINSCHOOLS_CREDENTIAL_KEY when it was set, else
with a key derived from SECRET_KEY; it is still read (both are tried) and
`manage.py reencrypt_credential_keys` seals it again as "v2:" (with --old-secret-key when
SECRET_KEY has already changed).
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from twinschools.credentials import multiformats

CURRENT = "v2"
LEGACY = "v1"


class KeyUnreadable(ValueError):
    """The stored private key does not decrypt with any key we were given."""


def _derive(secret: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"twinschools credential issuer keys"
    ).derive(secret.encode("utf-8"))


def _encryption_key() -> bytes:
    return _derive(str(settings.CREDENTIAL_KEY))


def _legacy_keys(old_secret_keys: list[str]) -> list[bytes]:
    """What a v1 ciphertext may be sealed with: the credential key, or a SECRET_KEY derivation."""
    secrets = [str(settings.SECRET_KEY), *old_secret_keys]
    return [_encryption_key(), *(_derive(f"derived-from-secret-key:{secret}") for secret in secrets)]


def _associated(country_code: str, key_id: str) -> bytes:
    return f"{country_code}#{key_id}".encode()


def encrypt_private_key(private_key: Ed25519PrivateKey, *, country_code: str, key_id: str) -> str:
    raw = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = os.urandom(12)
    sealed = AESGCM(_encryption_key()).encrypt(nonce, raw, _associated(country_code, key_id))
    return f"{CURRENT}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def decrypt_private_key(
    stored: str, *, country_code: str, key_id: str, old_secret_keys: list[str] | None = None
) -> Ed25519PrivateKey:
    version, _, payload = stored.partition(":")
    if version == CURRENT:
        candidates = [_encryption_key()]
    elif version == LEGACY:
        candidates = _legacy_keys(old_secret_keys or [])
    else:
        raise KeyUnreadable("Unknown issuer key format.")
    blob = base64.b64decode(payload)
    for candidate in candidates:
        try:
            raw = AESGCM(candidate).decrypt(blob[:12], blob[12:], _associated(country_code, key_id))
        except InvalidTag:
            continue
        return Ed25519PrivateKey.from_private_bytes(raw)
    raise KeyUnreadable(
        f"The signing key {country_code}#{key_id} does not decrypt: TWINSCHOOLS_CREDENTIAL_KEY is not "
        "the one it was sealed with (see manage.py reencrypt_credential_keys)."
    )


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(multiformats.ed25519_from_multikey(text))


def public_multikey(private_key: Ed25519PrivateKey) -> str:
    return multiformats.ed25519_multikey(private_key.public_key().public_bytes_raw())
