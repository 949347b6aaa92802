"""The school's mission workspace in the browser: recording an inclusion measure end to end,
and every mission page checked with axe-core in English, Romanian and Catalan."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.mission.factories import InclusionMeasureFactory
from twinschools.mission.models import InclusionMeasure

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def save(page: Any) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Save the measure").click()


def test_a_teacher_records_an_inclusion_measure_from_the_dashboard_and_sees_it_on_the_overview(
    world: World, new_page: NewPage
) -> None:
    page = new_page(user=world.people["teacher_a"])
    page.goto(reverse("accounts:dashboard"))
    page.get_by_role("link", name="Open the workspace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mission overview")
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Inclusion").click()
    page.get_by_role("link", name="Record an inclusion measure").click()

    page.get_by_label("Target group").select_option(
        label="Newcomers and pupils learning the language of instruction"
    )
    page.get_by_label("Action taken").fill("Romanian club for newly arrived pupils")
    today = datetime.date.today()
    page.get_by_label("From").fill(today.isoformat())
    page.get_by_label("To").fill((today - datetime.timedelta(days=3)).isoformat())
    page.get_by_label("Pupils reached").fill("14")
    page.get_by_label("Families reached").fill("9")
    save(page)

    expect(page.locator("#id_ended_on_error")).to_have_text(
        "The end of the period cannot be before its start."
    )
    expect(page.get_by_label("Action taken")).to_have_value("Romanian club for newly arrived pupils")
    expect(page.get_by_label("Pupils reached")).to_have_value("14")
    page.get_by_label("To").fill((today + datetime.timedelta(days=60)).isoformat())
    save(page)

    expect(page.get_by_role("status")).to_contain_text("The inclusion measure was recorded.")
    totals = page.get_by_role("table", name="Totals per school year")
    expect(totals).to_contain_text("14")
    assert InclusionMeasure.objects.get().recorded_by == world.people["teacher_a"]

    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Mission overview").click()
    commitment = page.locator("#commitment-5")
    expect(commitment).to_contain_text("Inclusion measures: 1")
    expect(commitment).to_contain_text("Reached 14 pupils and 9 families.")
    expect(
        commitment.get_by_role("link", name="Romanian club for newly arrived pupils (Newcomers", exact=False)
    ).to_be_visible()


def test_national_staff_read_the_workspace_from_the_school_profile_without_ways_to_change_it(
    world: World, new_page: NewPage
) -> None:
    InclusionMeasureFactory(school=world.school_a, title="Tablets to borrow at home")
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("network:school", args=[world.school_a.pk]))
    page.get_by_role("link", name="Workspace").click()
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Inclusion").click()
    expect(page.get_by_text("Tablets to borrow at home")).to_be_visible()
    expect(page.get_by_role("link", name="Record an inclusion measure")).to_have_count(0)
    expect(page.get_by_role("link", name="Edit", exact=False)).to_have_count(0)


Open = Callable[[str], Any]  # opens a URL as the head of school A, in the scene's language


def _overview(world: World, open_page: Open) -> Any:
    InclusionMeasureFactory(school=world.school_a, recorded_by=world.people["head_a"])
    return open_page(reverse("mission:overview", args=[world.school_a.pk]))


def _inclusion(world: World, open_page: Open) -> Any:
    for days in (10, 400):
        InclusionMeasureFactory(
            school=world.school_a,
            recorded_by=world.people["head_a"],
            started_on=datetime.date.today() - datetime.timedelta(days=days),
        )
    return open_page(reverse("mission:inclusion", args=[world.school_a.pk]) + "?period=all")


def _inclusion_form_with_errors(world: World, open_page: Open) -> Any:
    page = open_page(reverse("mission:inclusion_new", args=[world.school_a.pk]))
    page.locator("#id_pupils_reached").fill("-2")
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()
    expect(page.locator("#id_pupils_reached_error")).to_be_visible()
    return page


def _innovation(world: World, open_page: Open) -> Any:
    return open_page(reverse("mission:innovation", args=[world.school_a.pk]))


def _learning_organisation(world: World, open_page: Open) -> Any:
    InclusionMeasureFactory(school=world.school_a)
    return open_page(reverse("mission:learning_organisation", args=[world.school_a.pk]))


SCENES: dict[str, Callable[[World, Open], Any]] = {
    "overview": _overview,
    "inclusion-list": _inclusion,
    "inclusion-form-with-errors": _inclusion_form_with_errors,
    "innovation": _innovation,
    "learning-organisation": _learning_organisation,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_the_mission_page_has_no_wcag_21_aa_violation(
    name: str, language: str, world: World, new_page: NewPage, assert_accessible: Callable[..., None]
) -> None:
    def open_page(url: str) -> Any:
        page = new_page(user=world.people["head_a"], language=language)
        response = page.goto(url)
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        return page

    page = SCENES[name](world, open_page)
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, f"{name} in {language}")
