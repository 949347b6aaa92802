"""The production settings read every value as the operator gave it, and the address that
e-mails link to is the configured site address, never a host name guessed from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from tests.factories import UserFactory
from twinschools.notifications import services

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k9$Vq2!xR7pL#m4Zt8wB@e6Yh3Nc5Ju1Gs0Df&Qa*Wr^Tv%Xy-Ui+Oo=Pp~Ll",
    "TWINSCHOOLS_SITE_URL": "https://twinschools.example.eu",
    "TWINSCHOOLS_CREDENTIAL_KEY": "c5#Hr8!pW2qLz7@Vn4Tb",
}


def _production_settings(names: list[str], **environment: str) -> dict[str, object]:
    """The named settings as a fresh process under the production settings sees them."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "TWINSCHOOLS_", "EMAIL_", "CELERY_", "REDIS_"))
    }
    program = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env={**kept, "DJANGO_SETTINGS_MODULE": "twinschools.settings", **PRODUCTION, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout))


def test_secrets_and_optional_strings_are_read_exactly_as_given() -> None:
    given = {
        "EMAIL_HOST_USER": "-mailer-",
        "EMAIL_HOST_PASSWORD": "-secret-",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "TWINSCHOOLS_MAP_TILE_ATTRIBUTION": "- tiles -",
    }
    seen = _production_settings(
        ["EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "REDIS_URL", "MAP_TILE_ATTRIBUTION"], **given
    )
    assert seen == {
        "EMAIL_HOST_USER": "-mailer-",
        "EMAIL_HOST_PASSWORD": "-secret-",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "MAP_TILE_ATTRIBUTION": "- tiles -",
    }


def test_optional_strings_left_unset_are_empty_and_no_broker_means_none() -> None:
    seen = _production_settings(
        ["EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "REDIS_URL", "MAP_TILE_URL", "CELERY_BROKER_URL"]
    )
    assert seen == {
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "REDIS_URL": "",
        "MAP_TILE_URL": "",
        "CELERY_BROKER_URL": None,
    }


def test_debug_is_on_only_when_django_debug_says_true() -> None:
    # Unset: tests/core/test_unreadable_input.py.
    assert _production_settings(["DEBUG"], DJANGO_DEBUG="false") == {"DEBUG": False}
    assert _production_settings(["DEBUG"], DJANGO_DEBUG="true") == {"DEBUG": True}


@pytest.mark.django_db
def test_e_mail_links_point_to_the_site_address_and_never_to_an_allowed_host(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SITE_URL = "https://twinschools.example.eu"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "twinschools.example.eu"]
    person = UserFactory(email="head@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipients=[person], kind="leadership.review_due", params={"title": "x", "school": "y"}, url="/"
        )
    [message] = mail.outbox
    assert "https://twinschools.example.eu/notifications/" in message.body
    assert "127.0.0.1" not in message.body
