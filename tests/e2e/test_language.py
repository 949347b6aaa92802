"""Choosing the language with the header's form, and the browser's own preference.

The Romanian and Catalan catalogues are still being written, so these tests look
at `<html lang>` and the selected option, never at translated wording.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at, html_lang

pytestmark = pytest.mark.browser


def choose_language(page: Any, code: str) -> None:
    form = page.locator("header form.language-form")
    form.locator("select[name=language]").select_option(code)
    with page.expect_navigation():
        form.locator("[type=submit]").click()


def language_cookie(page: Any) -> str | None:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies.get(settings.LANGUAGE_COOKIE_NAME)


def test_the_language_form_switches_to_romanian_then_catalan_and_the_next_pages_remember_it(
    world: World, page: Any
) -> None:
    directory = reverse("network:directory")
    page.goto(directory)
    assert html_lang(page) == "en"
    expect(page.locator("#language-select")).to_have_value("en")

    choose_language(page, "ro")
    expect(page).to_have_url(at(directory))  # back on the page the form was on
    assert html_lang(page) == "ro"
    expect(page.locator("#language-select")).to_have_value("ro")
    assert language_cookie(page) == "ro"

    page.goto(reverse("core:home"))
    assert html_lang(page) == "ro"
    expect(page.locator("#language-select")).to_have_value("ro")

    choose_language(page, "ca")
    expect(page).to_have_url(at(reverse("core:home")))
    assert html_lang(page) == "ca"
    expect(page.locator("#language-select")).to_have_value("ca")
    assert language_cookie(page) == "ca"

    page.goto(reverse("network:school", args=[world.school_a.pk]))
    assert html_lang(page) == "ca"
    expect(page.locator("#language-select option:checked")).to_have_attribute("lang", "ca")


def test_a_first_visit_with_a_catalan_browser_gets_the_site_in_catalan(new_page: NewPage) -> None:
    page = new_page(locale="ca-ES")
    request = page.goto(reverse("core:home")).request
    assert request.all_headers()["accept-language"].startswith("ca")
    assert html_lang(page) == "ca"
    expect(page.locator("#language-select")).to_have_value("ca")
    assert language_cookie(page) is None  # nothing chosen yet: the browser's preference alone


def test_a_chosen_language_wins_over_the_browsers_preference(new_page: NewPage) -> None:
    page = new_page(locale="ca-ES")
    page.goto(reverse("core:home"))
    choose_language(page, "ro")
    page.goto(reverse("network:directory"))
    assert html_lang(page) == "ro"
