"""Multi-factor sign-in in the browser: an NSO member without a second step is sent to enrol
first, enrols an authenticator app from the secret the page shows, signs out and signs in
again with a code; each page on the way is axe-clean (en, ro, ca in test_accessibility.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.accounts.test_mfa import totp_code
from tests.conftest import World
from tests.e2e.helpers import add_passkey, at, with_virtual_authenticator
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def required(settings: Any) -> None:
    """The production policy; the live server runs in this process, so it sees the setting."""
    settings.MFA_REQUIRED_ROLES = frozenset({"admin", "nso", "evaluator"})


def sign_in_with_password(page: Any, email: str) -> None:
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Sign In", exact=True).click()


def code_with_time_to_spare(secret: str) -> str:
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.2)
    return totp_code(secret)


@pytest.mark.usefixtures("required")
def test_an_nso_member_without_a_second_step_is_sent_to_enrol_before_anything_else(
    world: World, page: Any, assert_accessible: Callable[..., None]
) -> None:
    sign_in_with_password(page, "nso_x@example.org")
    expect(page).to_have_url(at(reverse("mfa_index")))
    expect(page.get_by_role("main")).to_contain_text("Your roles ask for a second step at sign-in")
    assert_accessible(page, "two-step page, enrolment required")
    page.goto(reverse("network:import"))
    expect(page).to_have_url(at(reverse("mfa_index")))


@pytest.mark.usefixtures("required")
def test_a_person_enrols_an_authenticator_app_signs_out_and_signs_in_with_a_code(
    world: World, page: Any, assert_accessible: Callable[..., None]
) -> None:
    sign_in_with_password(page, "evaluator_x@example.org")
    expect(page).to_have_url(at(reverse("mfa_index")))
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name="Set up an authenticator app").click()
    # Changing one's second step asks for the password again.
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(at(reverse("mfa_activate_totp")))
    assert_accessible(page, "activate the authenticator app")
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) == 32
    page.get_by_label("Authenticator code").fill(code_with_time_to_spare(secret))
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Activate").click()
    # Recovery codes are shown next, to keep somewhere safe.
    expect(page).to_have_url(at(reverse("mfa_view_recovery_codes")))
    assert_accessible(page, "recovery codes")
    page.goto(reverse("accounts:dashboard"))
    expect(page).to_have_url(at(reverse("accounts:dashboard")))

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    sign_in_with_password(page, "evaluator_x@example.org")
    expect(page).to_have_url(at(reverse("mfa_authenticate")))
    assert_accessible(page, "the code step of sign-in")
    page.goto(reverse("accounts:dashboard"))  # not signed in until the code is given
    expect(page).to_have_url(at(reverse("mfa_authenticate")))
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    # A fresh step: the code of the enrolment counts once per step.
    time.sleep(30 - time.time() % 30 + 0.2)
    page.get_by_role("textbox", name="Code").fill(totp_code(secret))
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(at(reverse("accounts:dashboard")))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


@pytest.fixture
def passkey_site(settings: Any, live_server: Any) -> None:
    """The passkey's relying party is the site's host (accounts/mfa.py): the live server's
    http://localhost:<port>, a secure context for WebAuthn (an IP address is no valid RP ID)."""
    settings.SITE_URL = live_server.url
    assert live_server.url.startswith("http://localhost:")


def sign_in_with_a_passkey(page: Any) -> None:
    page.goto(reverse("account_login"))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in with a passkey").click()


def sign_out(page: Any) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


@pytest.mark.usefixtures("passkey_site")
def test_a_teacher_adds_a_passkey_signs_out_and_signs_in_with_it_alone(
    world: World, page: Any, assert_accessible: Callable[..., None]
) -> None:
    errors = with_virtual_authenticator(page)
    teacher = world.people["teacher_a"]
    sign_in_with_password(page, "teacher_a@example.org")
    add_passkey(page, PASSWORD)
    # The first key comes with recovery codes, to keep somewhere safe.
    expect(page).to_have_url(at(reverse("mfa_view_recovery_codes")))
    key = teacher.authenticator_set.get(type="webauthn")
    assert key.wrap().is_passwordless, "the key must be discoverable (resident) to sign in alone"
    page.goto(reverse("mfa_list_webauthn"))
    expect(page.get_by_role("main")).to_contain_text("Virtual passkey")
    assert_accessible(page, "security keys, with a passkey")

    sign_out(page)
    page.goto(reverse("account_login"))
    assert_accessible(page, "sign-in page with the passkey button")
    sign_in_with_a_passkey(page)
    # No password typed: the passkey alone signed the teacher in.
    expect(page).to_have_url(at(reverse("accounts:dashboard")))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert errors == [], "\n".join(errors)


@pytest.mark.usefixtures("required", "passkey_site")
def test_a_passkey_sign_in_counts_as_both_steps_for_an_nso_member(world: World, page: Any) -> None:
    """allauth counts a passkey (something one has, unlocked by something one is or knows) as
    multi-factor: no code step follows it, even where the second step is required."""
    errors = with_virtual_authenticator(page)
    sign_in_with_password(page, "nso_x@example.org")
    expect(page).to_have_url(at(reverse("mfa_index")))  # must enrol before anything else
    add_passkey(page, PASSWORD)
    expect(page).to_have_url(at(reverse("mfa_view_recovery_codes")))
    page.goto(reverse("accounts:dashboard"))
    expect(page).to_have_url(at(reverse("accounts:dashboard")))

    # With the password, the key is the second step.
    sign_out(page)
    sign_in_with_password(page, "nso_x@example.org")
    expect(page).to_have_url(at(reverse("mfa_authenticate")))
    with page.expect_navigation():
        page.get_by_role("button", name="Use a security key").click()
    expect(page).to_have_url(at(reverse("accounts:dashboard")))

    # Without it, the passkey is both: no code step.
    sign_out(page)
    sign_in_with_a_passkey(page)
    expect(page).to_have_url(at(reverse("accounts:dashboard")))
    page.goto(reverse("network:import"))  # a page the enrolment step would otherwise hold back
    expect(page).to_have_url(at(reverse("network:import")))
    assert errors == [], "\n".join(errors)
