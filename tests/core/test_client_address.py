"""The real client address: X-Forwarded-For is read only through the trusted proxies."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from twinschools.core.clients import client_address, trusted_proxies


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies([])
    assert client_address(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    assert client_address(_request("10.0.0.2", "198.51.100.7")) == "198.51.100.7"


def test_a_forged_header_cannot_choose_the_address_behind_a_counted_proxy(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    # The client wrote "1.2.3.4"; the proxy appended the address it saw.
    assert client_address(_request("10.0.0.2", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_two_counted_proxies_skip_the_hop_between_them(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["2"])
    assert client_address(_request("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"


def test_trusted_networks_are_walked_from_the_right(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["10.0.0.0/8", "192.0.2.7"])
    request = _request("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.0.2.7")
    assert client_address(request) == "198.51.100.7"


def test_a_request_not_from_a_trusted_proxy_is_its_own_client(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["10.0.0.0/8"])
    assert client_address(_request("203.0.113.9", "198.51.100.7")) == "203.0.113.9"


def test_addresses_with_ports_and_ipv6_are_read(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["::1"])
    assert client_address(_request("::1", "[2001:db8::5]:443")) == "2001:db8::5"
    settings.TRUSTED_PROXIES = trusted_proxies(["1"])
    assert client_address(_request("10.0.0.2", "198.51.100.7:5678")) == "198.51.100.7"


def test_an_unreadable_entry_falls_back_to_the_proxy_that_wrote_it(settings) -> None:
    settings.TRUSTED_PROXIES = trusted_proxies(["10.0.0.0/8"])
    assert client_address(_request("10.0.0.2", "not-an-address")) == "10.0.0.2"


def test_a_misspelt_setting_stops_the_start() -> None:
    with pytest.raises(ImproperlyConfigured, match="TWINSCHOOLS_TRUSTED_PROXIES"):
        trusted_proxies(["10.0.0.0/33"])
