"""The addresses our credentials name. They are signed into every credential, so
TWINSCHOOLS_SITE_URL must stay the same for as long as credentials are to verify.

Issuers are `did:web` identifiers on the site's own domain (W3C "did:web Method
Specification"): `did:web:<host, its port as %3A>:credentials:issuers:<code>`, whose DID
document is served at `https://<host>/credentials/issuers/<code>/did.json`. Credentials
issued before carry the issuer's https profile address instead (`legacy_issuer_id`), which
stays served so that they keep verifying."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote, urlsplit

from django.urls import Resolver404, resolve, reverse

from twinschools.core.site import site_url

DID_WEB = "did:web:"


def absolute(path: str) -> str:
    return site_url() + path


def did_web_for(url: str) -> str:
    """The did:web identifier whose DID document is at `url` (…/did.json or /.well-known/did.json)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments[-1:] == ["did.json"]:
        segments = segments[:-1]
    if segments == [".well-known"]:
        segments = []
    return DID_WEB + ":".join(
        [quote(parts.netloc, safe=""), *(quote(segment, safe="") for segment in segments)]
    )


def did_document_url(did: str) -> str | None:
    """The https address a did:web identifier resolves to (any fragment dropped); None if not did:web."""
    if not did.startswith(DID_WEB):
        return None
    host, *segments = did.removeprefix(DID_WEB).split("#")[0].split(":")
    if not host:
        return None
    path = "/".join(unquote(segment) for segment in segments)
    return f"https://{unquote(host)}/" + (f"{path}/did.json" if path else ".well-known/did.json")


def issuer_id(country_code: str) -> str:
    """The issuer of new credentials: the NSO's did:web identifier."""
    return did_web_for(absolute(reverse("credentials:issuer_did", args=[country_code.lower()])))


def legacy_issuer_id(country_code: str) -> str:
    """The https profile address that credentials issued before did:web name as their issuer."""
    return absolute(reverse("credentials:issuer", args=[country_code.lower()]))


def verification_method_id(country_code: str, key_id: str) -> str:
    return f"{issuer_id(country_code)}#{key_id}"


def legacy_verification_method_id(country_code: str, key_id: str) -> str:
    return f"{legacy_issuer_id(country_code)}#{key_id}"


def status_list_url(country_code: str, number: int) -> str:
    return absolute(reverse("credentials:status_list", args=[country_code.lower(), number]))


def credential_id(uuid: Any) -> str:
    return f"urn:uuid:{uuid}"


def credential_page(uuid: Any) -> str:
    return absolute(reverse("credentials:credential", args=[uuid]))


def school_page(school_pk: int) -> str:
    return absolute(reverse("network:school", args=[school_pk]))


def achievement_id(label_years: str) -> str:
    # the same label years always name the same achievement, and its page answers there
    return absolute(reverse("credentials:achievement", args=[label_years]))


def image(name: str) -> str:
    return absolute(reverse("credentials:image", args=[name]))


def ours(url: Any, url_name: str) -> dict[str, Any] | None:
    """The URL's keyword arguments when it is one of our `credentials:<url_name>` addresses.

    A did:web identifier is ours when the https address it resolves to is on our host with
    our path; the scheme is not compared, as a did:web always resolves over https."""
    if not isinstance(url, str):
        return None
    if url.startswith(DID_WEB):
        resolved = did_document_url(url)
        if resolved is None or urlsplit(resolved).netloc != urlsplit(site_url()).netloc:
            return None
        url = site_url() + urlsplit(resolved).path
    if not url.startswith(site_url() + "/"):
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != f"credentials:{url_name}":
        return None
    return dict(match.kwargs)
