"""Deeply nested JSON is refused with a translated 400 before it is parsed."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from twinschools.credentials.verification import MAX_NESTING, nesting_depth

pytestmark = pytest.mark.django_db

DEEP = "[" * 30_000 + "]" * 30_000


def test_deep_json_pasted_into_the_verification_page_is_refused_with_a_message() -> None:
    response = Client().post(reverse("credentials:verify"), {"credential": DEEP[:60_000]})

    assert response.status_code == 400
    assert "nested more than 32 levels" in response.content.decode()


def test_deep_json_posted_to_the_verification_api_is_refused_with_a_message() -> None:
    response = Client().post(reverse("credentials:verify_api"), DEEP, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["status"] == "unreadable"
    assert "nested more than 32 levels" in response.json()["reasons"][0]


def test_the_refusal_is_translated() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="ro").post(
        reverse("credentials:verify_api"), DEEP, content_type="application/json"
    )

    assert "nested" not in response.json()["reasons"][0]


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    document = {"a": {"b": ['[[[[{{{{\\"' * 100]}}
    assert nesting_depth(json.dumps(document)) == 3
    assert nesting_depth("[" * (MAX_NESTING + 1)) == MAX_NESTING + 1
