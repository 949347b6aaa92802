"""The few multiformats encodings Data Integrity uses: base58btc and base64url multibase,
and the Ed25519 Multikey (multicodec 0xed01)."""

from __future__ import annotations

import base64

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(_ALPHABET)}
# multicodec "ed25519-pub" as an unsigned varint
ED25519_PUB_PREFIX = b"\xed\x01"


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_ALPHABET[remainder])
    # each leading zero byte is written as a leading "1"
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _INDEX:
            raise ValueError("not base58btc")
        number = number * 58 + _INDEX[char]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_base58btc(data: bytes) -> str:
    return "z" + base58btc_encode(data)


def from_multibase_base58btc(text: str) -> bytes:
    if not text.startswith("z"):
        raise ValueError("expected a base58btc multibase value (z...)")
    return base58btc_decode(text[1:])


def multibase_base64url(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def from_multibase_base64url(text: str) -> bytes:
    if not text.startswith("u"):
        raise ValueError("expected a base64url multibase value (u...)")
    body = text[1:]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def ed25519_multikey(public_key: bytes) -> str:
    """publicKeyMultibase of an Ed25519 Multikey: z6Mk..."""
    return multibase_base58btc(ED25519_PUB_PREFIX + public_key)


def ed25519_from_multikey(text: str) -> bytes:
    raw = from_multibase_base58btc(text)
    if not raw.startswith(ED25519_PUB_PREFIX) or len(raw) != 34:
        raise ValueError("not an Ed25519 Multikey")
    return raw[2:]
