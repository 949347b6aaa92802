"""A NUL byte anywhere a visitor can put one gets a translated 400, and DEBUG is never on
in production."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("network:directory", {"q": "\x00"}),
        ("network:directory", {"country": "\x00"}),
        ("network:directory", {"country": "RO\x00", "q": "a"}),
        ("practices:library", {"q": "\x00"}),
        ("events:calendar", {"q": "\x00"}),
    ],
)
def test_a_nul_byte_in_a_search_is_a_translated_400(name: str, params: dict[str, str]) -> None:
    english = Client().get(reverse(name), params)
    romanian = Client(HTTP_ACCEPT_LANGUAGE="ro").get(reverse(name), params)

    assert english.status_code == romanian.status_code == 400
    assert "NUL" in english.content.decode()
    assert "The request cannot be read" in english.content.decode()
    assert "The request cannot be read" not in romanian.content.decode()


def test_a_nul_byte_in_a_form_is_a_400(world) -> None:
    response = Client().post(
        reverse("accounts:student_login"), {"code": "SEVENB\x00", "display_name": "x", "pin": "1"}
    )

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_byte_in_the_path_or_a_cookie_is_a_400() -> None:
    assert Client().get("/credentials/issuers/R%00O/").status_code == 400
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get(reverse("network:directory")).status_code == 400


def test_a_request_django_refuses_gets_the_translated_page(settings) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = Client().post(reverse("accounts:student_login"), {f"f{n}": "x" for n in range(20)})

    assert response.status_code == 400
    assert "has too many fields" in response.content.decode()


def test_debug_is_off_in_the_production_settings_when_unset() -> None:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "TWINSCHOOLS_"))
    }
    environment.update(
        DJANGO_SECRET_KEY="k9$Vq2!xR7pL#m4Zt8wB@e6Yh3Nc5Ju1Gs0Df&Qa*Wr^Tv%Xy-Ui+Oo=Pp~Ll",
        TWINSCHOOLS_SITE_URL="https://twinschools.example.eu",
        TWINSCHOOLS_CREDENTIAL_KEY="c5#Hr8!pW2qLz7@Vn4Tb",
        DJANGO_SETTINGS_MODULE="twinschools.settings",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"
