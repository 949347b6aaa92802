"""Searching the directory: without diacritics, live with HTMX, and without JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import school_in_lleida

pytestmark = pytest.mark.browser

SCHOOL_A = "Școala Gimnazială „Avram Iancu”"
SCHOOL_B = "Liceul Teoretic Bistrița"
LLEIDA = "Institut Màrius Torres"


def type_search(page: Any, words: str) -> None:
    """Type into the search box and wait for HTMX's debounced request to be answered."""

    def is_live_search(response: Any) -> bool:
        request = response.request
        return request.headers.get("hx-request") == "true" and f"q={words}" in request.url

    with page.expect_response(is_live_search) as answer:
        page.get_by_label("Name or town").fill(words)
    assert answer.value.ok


def assert_on_directory_with(page: Any, q: str) -> None:
    """The address is the directory's, searching for `q` (whatever the other filters say)."""
    path = re.escape(reverse("network:directory"))
    expect(page).to_have_url(re.compile(rf"^https?://[^/]+{path}\?(.*&)?q={re.escape(q)}(&|$)"))


def school_links(page: Any) -> Any:
    return page.locator("#results").get_by_role("link")


def test_typing_without_diacritics_finds_schools_live_without_reloading_the_page(
    world: World, page: Any
) -> None:
    school_in_lleida()
    page.goto(reverse("network:directory"))
    expect(school_links(page)).to_have_text([LLEIDA, SCHOOL_B, SCHOOL_A])
    # A full page load would forget this; HTMX only swaps the results region.
    page.evaluate("window.sameDocument = true")

    type_search(page, "scoala")
    expect(school_links(page)).to_have_text([SCHOOL_A])
    assert_on_directory_with(page, q="scoala")  # hx-push-url keeps the address shareable

    type_search(page, "lleida")
    expect(school_links(page)).to_have_text([LLEIDA])
    expect(page.locator("#results")).to_contain_text("Lleida, Spain")

    assert page.evaluate("window.sameDocument") is True
    assert page.locator("form[role=search]").count() == 1  # no page nested inside the results


def test_a_search_with_no_match_says_so(world: World, page: Any) -> None:
    page.goto(reverse("network:directory"))
    type_search(page, "zzzz")
    expect(school_links(page)).to_have_count(0)
    expect(page.locator("#results")).to_contain_text("No school matches your search")


def test_the_search_form_works_without_javascript(world: World, new_page: NewPage) -> None:
    school_in_lleida()
    page = new_page(java_script_enabled=False)
    page.goto(reverse("network:directory"))
    page.get_by_label("Name or town").fill("lleida")
    with page.expect_navigation():
        page.get_by_role("search").get_by_role("button", name="Search").click()
    assert_on_directory_with(page, q="lleida")
    expect(school_links(page)).to_have_text([LLEIDA])

    page.get_by_label("Name or town").fill("SCOALA gimnaziala")
    with page.expect_navigation():
        page.get_by_label("Name or town").press("Enter")
    expect(school_links(page)).to_have_text([SCHOOL_A])
