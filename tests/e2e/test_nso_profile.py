"""The NSO reaches its profile from its credentials page and names who signs; the profile
page and the visitor's pass have no WCAG 2.1 AA violation in any language."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.network.models import NationalSupportOrganisation

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ro", "ca"]


def test_the_nso_opens_its_profile_from_its_credentials_page_and_names_who_signs(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("credentials:nso_list"))
    with page.expect_navigation():
        page.get_by_role("link", name="Your organisation as printed on certificates and credentials").click()
    assert_accessible(page, "nso profile")
    page.get_by_label("Name of the person who signs").fill("Ioana Țurcanu")
    page.get_by_label("Title of the person who signs").fill("Directoare")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text(
        "The profile is saved"
    )
    assert NationalSupportOrganisation.objects.get(country__code="RO").signatory_name == "Ioana Țurcanu"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profile_page_and_the_pass_are_accessible(
    language: str, world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = new_page(user=world.people["nso_x"], language=language)
    page.goto(reverse("network:nso_profile", args=["ro"]))
    assert_accessible(page, f"nso profile in {language}")
    event = EventFactory(school=world.school_a, title="Ziua porților deschise")
    SessionFactory(event=event)
    person = RegistrationFactory(event=event, name="Ana Ștefănescu")
    visitor = new_page(language=language)
    visitor.goto(reverse("events:pass", args=[person.token]))
    expect(visitor.get_by_role("img", name="Ana Ștefănescu")).to_be_visible()
    assert_accessible(visitor, f"pass in {language}")
