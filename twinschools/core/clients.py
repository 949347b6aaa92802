"""The one place that knows the real client address.

Behind a reverse proxy every request arrives from the proxy's address, so a limit keyed
on REMOTE_ADDR would be shared by every visitor. `X-Forwarded-For` names the addresses a
request came through, but anyone can write the header: only the entries appended by
proxies we run can be believed. The setting TWINSCHOOLS_TRUSTED_PROXIES (settings.
TRUSTED_PROXIES) names them, either as a count ("1": one proxy in front) or as their
addresses and networks ("10.0.0.0/8, 192.0.2.7"). The client is then the rightmost
address of the chain (X-Forwarded-For, then REMOTE_ADDR) that is not a trusted proxy:
what a client wrote to the left of it is never read.

Every throttle (core/throttle.py, allauth's sign-in limits through the account adapter)
keys on `client_address(request)`.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class TrustedProxies:
    """How many proxies stand in front (`count`), or which addresses they have (`networks`)."""

    count: int = 0
    networks: tuple[Network, ...] = ()


def trusted_proxies(values: list[str]) -> TrustedProxies:
    """Parse the setting: one integer (a count), or addresses and CIDR networks. Fails loudly."""
    if len(values) == 1 and values[0].isascii() and values[0].isdigit():
        return TrustedProxies(count=int(values[0]))
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                "TWINSCHOOLS_TRUSTED_PROXIES must be a number of proxies (such as 1) or a comma-separated "
                f"list of addresses and networks (such as 10.0.0.0/8, 192.0.2.7), not {value!r}."
            ) from error
    return TrustedProxies(networks=tuple(networks))


def parse_address(value: str) -> Address | None:
    """An address as proxies write it ("192.0.2.1", "192.0.2.1:5678", "[2001:db8::1]:443"), or None."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # IPv4 with a port
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address of the person making the request, as a string ("unknown" if there is none)."""
    remote = parse_address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return "unknown"
    proxies: TrustedProxies = settings.TRUSTED_PROXIES
    if not proxies.count and not proxies.networks:
        return str(remote)
    forwarded = [
        entry
        for header in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if (entry := header.strip())
    ]
    chain = [*forwarded, str(remote)]
    if proxies.count:
        return _through_count(chain, proxies.count)
    return _through_networks(chain, proxies.networks)


def _through_count(chain: list[str], count: int) -> str:
    """With `count` proxies, the last `count` hops of the chain are theirs; the one before is the client's."""
    chosen = chain[max(len(chain) - 1 - count, 0)]
    address = parse_address(chosen)
    if address is None:  # a proxy wrote something unreadable: fall back to the hop that wrote it
        return str(parse_address(chain[-1]))
    return str(address)


def _through_networks(chain: list[str], networks: tuple[Network, ...]) -> str:
    """Walk from the right while the hop is a trusted proxy; the first one that is not is the client."""
    last = parse_address(chain[-1])
    for entry in reversed(chain):
        address = parse_address(entry)
        if address is None:
            return str(last)
        if not any(address in network for network in networks if network.version == address.version):
            return str(address)
        last = address
    return str(last)  # every hop was a proxy: the leftmost is the best we know
