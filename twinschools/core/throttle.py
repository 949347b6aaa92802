"""Every throttle of TwinSchools: atomic counters in the cache, keyed on what they limit.

A limit counts attempts in a window. An attempt is counted *before* it is checked
(`cache.add` creates the counter with its expiry, `cache.incr` adds one atomically: Redis
INCR, or the local-memory cache's lock), so simultaneous attempts each get their own
number and at most `limit` of them pass: reading, then writing, would let them all read
the same count. An attempt that turns out right may give its count back (`give_back`),
as allauth does, so a successful sign-in never helps an attacker.

Counters live in the default cache, which must be shared by every process: Redis
(REDIS_URL) in production. The local-memory cache of the embedded default counts per
process (see the deploy check in core/checks.py).
Addresses come from core.clients.client_address, never from REMOTE_ADDR.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    limit: int
    window: int  # seconds

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return f"throttle:{self.name}:{digest}"


def address_key(address: str) -> str:
    """What an address counts as: itself, or its /64 network for IPv6 (one household or device)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def take(limit: Limit, *parts: str) -> bool:
    """Count one attempt; True if it is within the limit (and may be checked)."""
    key = limit.key(*parts)
    for _ in range(3):
        cache.add(key, 0, limit.window)
        try:
            return int(cache.incr(key)) <= limit.limit
        except ValueError:  # the counter expired between add and incr: start it again
            continue
    return False


def take_all(*taken: tuple[Limit, tuple[str, ...]]) -> bool:
    """Count one attempt against each limit; True only if it is within all of them."""
    allowed = True
    for limit, parts in taken:
        allowed = take(limit, *parts) and allowed
    return allowed


def give_back(limit: Limit, *parts: str) -> None:
    """Return one counted attempt (it was right)."""
    with contextlib.suppress(ValueError):  # expired meanwhile
        cache.decr(limit.key(*parts))


def clear(limit: Limit, *parts: str) -> None:
    cache.delete(limit.key(*parts))
