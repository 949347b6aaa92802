"""Issuer private keys, encrypted at rest.

The encryption key is derived (HKDF-SHA256) from TWINSCHOOLS_CREDENTIAL_KEY, or from
SECRET_KEY when that is not set; each ciphertext is bound to its country and key id
(AES-GCM associated data), so a key row copied onto another issuer does not decrypt.
"""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from twinschools.credentials import multiformats

_VERSION = "v1"


def _encryption_key() -> bytes:
    secret = settings.CREDENTIAL_KEY or f"derived-from-secret-key:{settings.SECRET_KEY}"
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"twinschools credential issuer keys"
    ).derive(secret.encode("utf-8"))


def _associated(country_code: str, key_id: str) -> bytes:
    return f"{country_code}#{key_id}".encode()


def encrypt_private_key(private_key: Ed25519PrivateKey, *, country_code: str, key_id: str) -> str:
    raw = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = os.urandom(12)
    sealed = AESGCM(_encryption_key()).encrypt(nonce, raw, _associated(country_code, key_id))
    return f"{_VERSION}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def decrypt_private_key(stored: str, *, country_code: str, key_id: str) -> Ed25519PrivateKey:
    version, _, payload = stored.partition(":")
    if version != _VERSION:
        raise ValueError("Unknown issuer key format.")
    blob = base64.b64decode(payload)
    raw = AESGCM(_encryption_key()).decrypt(blob[:12], blob[12:], _associated(country_code, key_id))
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_from_multibase(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(multiformats.ed25519_from_multikey(text))


def public_multikey(private_key: Ed25519PrivateKey) -> str:
    return multiformats.ed25519_multikey(private_key.public_key().public_bytes_raw())
