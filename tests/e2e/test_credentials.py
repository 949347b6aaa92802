"""A label credential's public page shows valid; the NSO revokes it; the page then shows revoked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.credentials.factories import issue
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import confirm

pytestmark = pytest.mark.browser


def test_the_public_page_shows_valid_then_revoked_after_the_nso_revokes(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    credential = issue(world.school_a)
    visitor = new_page()
    visitor.goto(reverse("credentials:credential", args=[credential.uuid]))
    expect(visitor.get_by_role("status")).to_contain_text("Valid")
    expect(visitor.get_by_role("link", name=world.school_a.name)).to_be_visible()

    nso = new_page(user=world.people["nso_x"])
    nso.goto(reverse("credentials:nso_list"))
    assert_accessible(nso, "issued credentials")
    nso.get_by_label(f"Reason for revoking ({world.school_a.name})").fill("The label was awarded by mistake.")
    confirm(nso, f"Revoke ({world.school_a.name})", "Revoke the credential")
    expect(nso.get_by_role("status")).to_contain_text("The credential was revoked")
    expect(nso.get_by_role("table")).to_contain_text("The label was awarded by mistake.")

    visitor.reload()
    expect(visitor.get_by_role("status")).to_contain_text("Revoked")
    expect(visitor.get_by_role("status")).to_contain_text("The label was awarded by mistake.")
    visitor.goto(reverse("network:school", args=[world.school_a.pk]))
    expect(visitor.get_by_role("region", name="eTwinning School label credentials")).to_contain_text(
        "Revoked"
    )


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_credential_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    credential = issue(world.school_a)
    visitor = new_page(language=language)
    visitor.goto(reverse("credentials:credential", args=[credential.uuid]))
    assert_accessible(visitor, f"credential ({language})")
    visitor.goto(reverse("credentials:verify"))
    assert_accessible(visitor, f"verify, empty ({language})")
    visitor.get_by_role("textbox").fill(json.dumps(credential.signed_json))
    with visitor.expect_navigation():
        visitor.locator("form:not(.language-form) button[type=submit]").click()
    expect(visitor.locator(".verdict-valid")).to_be_visible()
    assert_accessible(visitor, f"verify, verdict ({language})")
    visitor.get_by_role("textbox").fill("{not json")
    with visitor.expect_navigation():
        visitor.locator("form:not(.language-form) button[type=submit]").click()
    expect(visitor.get_by_role("alert")).to_be_visible()
    assert_accessible(visitor, f"verify, bad input ({language})")
    visitor.goto(reverse("network:school", args=[world.school_a.pk]))
    assert_accessible(visitor, f"school profile with credential ({language})")
    visitor.goto(reverse("credentials:achievement", args=[credential.label_years]))
    expect(visitor.locator("main img")).to_be_visible()
    assert_accessible(visitor, f"achievement ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    nso.goto(reverse("credentials:nso_list"))
    assert_accessible(nso, f"issued credentials ({language})")
    nso.goto(reverse("credentials:revoke", args=[credential.uuid]))
    assert_accessible(nso, f"revoke ({language})")
