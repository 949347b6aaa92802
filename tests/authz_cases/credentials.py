"""Label credentials: verification is public; the NSO of the issuing country revokes (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import ROLES, World
from tests.credentials.factories import issue

EVERYONE_400 = dict.fromkeys(ROLES, 400)


def _credential(w: World, name: str) -> str:
    return reverse(f"credentials:{name}", args=[issue(w.school_a).uuid])


def _issuer(w: World) -> str:
    issue(w.school_a)
    return reverse("credentials:issuer", args=["ro"])


def _issuer_did(w: World) -> str:
    issue(w.school_a)
    return reverse("credentials:issuer_did", args=["ro"])


def _status_list(w: World) -> str:
    issue(w.school_a)
    return reverse("credentials:status_list", args=["ro", 1])


CASES = [
    Case("credentials:credential", lambda w: _credential(w, "credential"), ANYONE),
    Case("credentials:credential_json", lambda w: _credential(w, "credential_json"), ANYONE),
    Case("credentials:issuer", _issuer, ANYONE),
    Case(
        "credentials:issuer (no key yet)",
        lambda w: reverse("credentials:issuer", args=["es"]),
        dict.fromkeys(ROLES, 404),
    ),
    Case("credentials:issuer_did", _issuer_did, ANYONE),
    Case(
        "credentials:issuer_did (no key yet)",
        lambda w: reverse("credentials:issuer_did", args=["es"]),
        dict.fromkeys(ROLES, 404),
    ),
    Case("credentials:status_list", _status_list, ANYONE),
    Case("credentials:achievement", lambda w: reverse("credentials:achievement", args=["2026-2027"]), ANYONE),
    Case(
        "credentials:achievement (not a label's years)",
        lambda w: reverse("credentials:achievement", args=["2026-2031"]),
        dict.fromkeys(ROLES, 404),
    ),
    Case(
        "credentials:image", lambda w: reverse("credentials:image", args=["etwinning-school-label"]), ANYONE
    ),
    Case(
        "credentials:image (unknown)",
        lambda w: reverse("credentials:image", args=["unknown"]),
        dict.fromkeys(ROLES, 404),
    ),
    Case("credentials:verify", lambda w: reverse("credentials:verify"), ANYONE),
    Case(
        "credentials:verify (empty post)",
        lambda w: reverse("credentials:verify"),
        EVERYONE_400,
        method="post",
    ),
    Case("credentials:verify_api", lambda w: reverse("credentials:verify_api"), EVERYONE_400, method="post"),
    Case(
        "credentials:verify_api (get)",
        lambda w: reverse("credentials:verify_api"),
        dict.fromkeys(ROLES, 405),
    ),
    Case(
        "credentials:nso_list",
        lambda w: reverse("credentials:nso_list"),
        only({"nso_x": 200, "nso_y": 200, "admin": 200}, others=403),
    ),
]
