"""Small helpers shared by the browser tests."""

from __future__ import annotations

import re
from typing import Any


def at(path: str, query: str | None = None) -> re.Pattern[str]:
    """A URL pattern for `expect(page).to_have_url`: this path on the live server, with this query."""
    tail = re.escape(f"?{query}") if query is not None else ""
    return re.compile(rf"^https?://[^/]+{re.escape(path)}{tail}$")


def html_lang(page: Any) -> str | None:
    return page.locator("html").get_attribute("lang")


GO_BACK = re.compile(r"^(Cancel|Go back)$")


def confirm(page: Any, button: str, confirm_with: str | None = None) -> None:
    """Click a button whose form asks first (data-confirm), then confirm in the dialog."""
    page.get_by_role("main").get_by_role("button", name=button, exact=True).click()
    dialog = page.get_by_role("dialog")
    with page.expect_navigation():
        dialog.get_by_role("button", name=confirm_with or "Confirm", exact=True).click()


# Chromium's virtual authenticator (DevTools' WebAuthn domain) stands in for a phone or a key.
VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,  # discoverable credentials: what signing in without a name needs
    "hasUserVerification": True,
    "isUserVerified": True,
    "automaticPresenceSimulation": True,
}


def with_virtual_authenticator(page: Any) -> list[str]:
    """Give the page's browser a passkey holder; the list returned fills with the browser's
    errors (console and uncaught), so a failed WebAuthn ceremony says why."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})
    errors: list[str] = []
    page.on(
        "console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}")
    )
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return errors


def add_passkey(page: Any, password: str, name: str = "Virtual passkey") -> None:
    """From the sign-in security page (allauth's two-step page), in any language: confirm the
    password, then add a passwordless key, which allauth asks to be discoverable (a passkey)."""
    from django.urls import reverse

    page.goto(reverse("mfa_index"))
    with page.expect_navigation():
        page.locator(f"main a[href='{reverse('mfa_add_webauthn')}']").click()
    if "/reauthenticate/" in page.url:
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.locator("main form [type=submit]").first.click()
    page.fill("#id_name", name)
    page.check("#id_passwordless")
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
