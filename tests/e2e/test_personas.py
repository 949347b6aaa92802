"""Each persona reaches each of its main tasks from its home page by clicking, never by typing an address.

The walk starts on the person's home page (where signing in lands), follows the links a person
would follow (the navigation, the home page's cards and lists, the workspace's side navigation)
and checks that each task's page opens with its heading. Only the home page's address is typed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage

pytestmark = pytest.mark.browser


def start_at_home(new_page: NewPage, user: Any, language: str = "en") -> Any:
    page = new_page(user=user, language=language)
    page.goto(reverse("accounts:dashboard"))
    return page


def follow(page: Any, link: str | re.Pattern[str], *, within: str = "main") -> None:
    """Click the first visible link of that name, and wait for the page it opens."""
    with page.expect_navigation():
        page.locator(within).get_by_role("link", name=link).first.click()
    assert page.locator("h1").count() == 1, f"{page.url} has no single heading"


def back_home(page: Any) -> None:
    """The header's link to the person's home page, whatever the language."""
    with page.expect_navigation():
        page.locator(f'.site-header a[href="{reverse("accounts:dashboard")}"]').click()


def expect_heading(page: Any, text: str | re.Pattern[str]) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def test_the_head_reaches_the_workspace_decisions_staff_and_label_from_the_home_page(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = start_at_home(new_page, world.people["head_a"], "ro")
    assert_accessible(page, "the head's home page in Romanian")
    follow(page, "Deschideți spațiul de lucru")
    follow(page, "Propuneri și decizii", within=".workspace-nav")
    expect_heading(page, "Propuneri și decizii")
    follow(page, "Eticheta Școală eTwinning", within=".workspace-nav")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    back_home(page)
    follow(page, "Personal și invitații")
    expect_heading(page, world.school_a.name)


def test_a_teacher_reaches_the_action_plan_events_and_practices_from_the_home_page(
    world: World, new_page: NewPage
) -> None:
    page = start_at_home(new_page, world.people["teacher_a"])
    follow(page, "Open the workspace")
    for section in ("Action plan", "Outreach events", "Practice library"):
        follow(page, section, within=".workspace-nav")
        expect(page.locator(".workspace-nav [aria-current=page]")).to_have_text(section)


def test_a_parent_and_a_pupil_reach_their_own_pages_from_their_home_page(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    parent = start_at_home(new_page, world.people["parent_a"], "ca")
    assert_accessible(parent, "the parent's home page in Catalan")
    follow(parent, re.compile("els vostres fills|fills", re.IGNORECASE))
    expect(parent.get_by_role("heading", level=1)).to_be_visible()
    pupil = start_at_home(new_page, world.people["student_a"])
    follow(pupil, "Open my student page")
    expect(pupil.get_by_role("heading", level=1)).to_be_visible()


NSO_TASKS = (
    ("Label eligibility and review requests in Romania", "eligibility"),
    ("Evaluate the label applications", "evaluation"),
    ("Label credentials issued", "credentials"),
    ("Match mentor schools", "matching"),
    ("Regional reach and coverage gaps", "reach"),
    ("Import the national registry", "import"),
    ("Our organisation: name, address, logo and signatory", "profile"),
)


def test_the_nso_reaches_every_national_task_from_its_home_page(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    page = start_at_home(new_page, world.people["nso_x"], "ro")
    assert_accessible(page, "the NSO's home page in Romanian")
    page = start_at_home(new_page, world.people["nso_x"])
    for link, _task in NSO_TASKS:
        follow(page, link)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        back_home(page)
    # Evaluators are appointed from the evaluation pages.
    follow(page, "Evaluate the label applications")
    follow(page, re.compile("evaluators", re.IGNORECASE))
    expect_heading(page, re.compile("Evaluators", re.IGNORECASE))


def test_the_evaluator_and_the_admin_reach_their_work_from_their_home_page(
    world: World, new_page: NewPage
) -> None:
    evaluator = start_at_home(new_page, world.people["evaluator_x"])
    follow(evaluator, "My evaluation assignments")
    expect(evaluator.get_by_role("heading", level=1)).to_be_visible()
    admin = start_at_home(new_page, world.people["admin"])
    follow(admin, "Configure the label rounds")
    expect(admin.get_by_role("heading", level=1)).to_be_visible()
