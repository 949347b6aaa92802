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
