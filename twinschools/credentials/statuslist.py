"""The Bitstring Status List's bits (W3C "Bitstring Status List v1.0", section 3.2):
index 0 is the most significant bit of the first byte; the published form is the
GZIP-compressed bitstring as multibase base64url."""

from __future__ import annotations

import gzip

from twinschools.credentials import multiformats

# The spec's minimum for herd privacy: 16 KiB of bits.
MIN_ENTRIES = 131_072


def empty(size: int = MIN_ENTRIES) -> bytes:
    return bytes(size // 8)


def is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit(bits: bytes, index: int, value: bool = True) -> bytes:
    changed = bytearray(bits)
    if value:
        changed[index // 8] |= 0x80 >> (index % 8)
    else:
        changed[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF
    return bytes(changed)


def encode(bits: bytes) -> str:
    # mtime=0 keeps the encoding a pure function of the bits
    return multiformats.multibase_base64url(gzip.compress(bits, mtime=0))


def decode(encoded_list: str) -> bytes:
    return gzip.decompress(multiformats.from_multibase_base64url(encoded_list))
