"""The https addresses our credentials name. They are signed into every credential, so
TWINSCHOOLS_SITE_URL must stay the same for as long as credentials are to verify."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve, reverse

from twinschools.core.site import site_url


def absolute(path: str) -> str:
    return site_url() + path


def issuer_id(country_code: str) -> str:
    return absolute(reverse("credentials:issuer", args=[country_code.lower()]))


def verification_method_id(country_code: str, key_id: str) -> str:
    return f"{issuer_id(country_code)}#{key_id}"


def status_list_url(country_code: str, number: int) -> str:
    return absolute(reverse("credentials:status_list", args=[country_code.lower(), number]))


def credential_id(uuid: Any) -> str:
    return f"urn:uuid:{uuid}"


def credential_page(uuid: Any) -> str:
    return absolute(reverse("credentials:credential", args=[uuid]))


def school_page(school_pk: int) -> str:
    return absolute(reverse("network:school", args=[school_pk]))


def achievement_id(label_years: str) -> str:
    # An identifier, not a page: the same label years always name the same achievement.
    return absolute(f"/credentials/achievements/etwinning-school-label-{label_years}")


def ours(url: Any, url_name: str) -> dict[str, Any] | None:
    """The URL's keyword arguments when it is one of our `credentials:<url_name>` addresses."""
    if not isinstance(url, str) or not url.startswith(site_url() + "/"):
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != f"credentials:{url_name}":
        return None
    return dict(match.kwargs)
