"""The head moves the school to another time zone from the staff page; the zone page has no
WCAG 2.1 AA violation in any language (issue 11 §5)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from twinschools.network.models import School

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "ro", "ca"]


def test_the_head_chooses_the_schools_time_zone_from_the_staff_page(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = new_page(user=world.people["head_a"])
    page.goto(reverse("accounts:team", args=[world.school_a.pk]))
    expect(page.get_by_text("The school's times are in Bucharest time (Europe/Bucharest).")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Change the time zone").click()
    assert_accessible(page, "time zone")
    page.get_by_label("Time zone").select_option("Europe/Chisinau")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the time zone").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text(
        "The school's times are now in Chișinău time."
    )
    assert School.objects.get(pk=world.school_a.pk).time_zone == "Europe/Chisinau"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_time_zone_page_is_accessible(
    language: str, world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = new_page(user=world.people["head_a"], language=language)
    page.goto(reverse("network:school_time_zone", args=[world.school_a.pk]))
    assert_accessible(page, f"time zone {language}")
