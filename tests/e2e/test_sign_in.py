"""Signing in with e-mail and password through allauth's form, and signing out."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.helpers import at
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_a_teacher_signs_in_with_email_and_password_lands_on_the_dashboard_and_signs_out(
    world: World, page: Any
) -> None:
    page.goto(reverse("core:home"))
    page.get_by_role("navigation").get_by_role("link", name="Sign in", exact=True).click()
    expect(page).to_have_url(at(reverse("account_login")))
    page.get_by_label("Email").fill("teacher_a@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Sign In", exact=True).click()

    expect(page).to_have_url(at(reverse("accounts:dashboard")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Teacher A")
    expect(page.get_by_role("region", name=world.school_a.name)).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.goto(reverse("accounts:dashboard"))
    expect(page).to_have_url(at(reverse("account_login"), "next=/dashboard/"))


def test_a_wrong_password_keeps_the_person_signed_out_and_says_why(world: World, page: Any) -> None:
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill("teacher_a@example.org")
    page.get_by_label("Password").fill("not the password")
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Sign In", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text("not correct")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
