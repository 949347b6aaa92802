"""TWINSCHOOLS_SITE_URL: the one address links leaving the site point to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from twinschools.core.env import env_url
from twinschools.core.site import absolute, site_url

ROOT = Path(__file__).resolve().parents[2]


def test_env_url_drops_the_trailing_slash_and_refuses_what_is_not_an_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOME_URL", "https://twinschools.example.eu/")
    assert env_url("SOME_URL") == "https://twinschools.example.eu"
    monkeypatch.setenv("SOME_URL", "twinschools.example.eu")
    with pytest.raises(ImproperlyConfigured, match="absolute address"):
        env_url("SOME_URL")
    monkeypatch.delenv("SOME_URL")
    with pytest.raises(ImproperlyConfigured, match="must be set"):
        env_url("SOME_URL")
    assert env_url("SOME_URL", "http://127.0.0.1:8000") == "http://127.0.0.1:8000"


@override_settings(SITE_URL="http://127.0.0.1:8000")
def test_absolute_addresses_keep_the_port_of_the_site_url() -> None:
    assert site_url() == "http://127.0.0.1:8000"
    assert absolute("/notifications/") == "http://127.0.0.1:8000/notifications/"


def _settings_value(**environment: str) -> subprocess.CompletedProcess[str]:
    kept = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "TWINSCHOOLS_"))
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)",
        ],
        cwd=ROOT,
        env={**kept, "DJANGO_SETTINGS_MODULE": "twinschools.settings", **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_site_url_is_required_outside_debug_and_defaults_to_the_demo_server_in_debug() -> None:
    production = _settings_value(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)
    assert production.returncode != 0
    assert "TWINSCHOOLS_SITE_URL must be set" in production.stderr
    demo = _settings_value(DJANGO_DEBUG="true")
    assert demo.stdout.strip() == "http://127.0.0.1:8000", demo.stderr
