"""The dashboard a signed-in teacher lands on."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import give_school_a_record

pytestmark = pytest.mark.browser


def test_a_teacher_sees_their_schools_projects_quality_labels_and_activities(
    world: World, new_page: NewPage
) -> None:
    give_school_a_record(world)
    page = new_page(user=world.people["teacher_a"])
    page.goto(reverse("accounts:dashboard"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Teacher A")
    schools = page.get_by_role("region", name="My schools")
    expect(schools.get_by_role("link", name=world.school_a.name)).to_be_visible()
    expect(schools).to_contain_text("Teacher")
    projects = page.get_by_role("region", name="My projects")
    expect(projects).to_contain_text("1 project.")
    expect(projects).to_contain_text("Rivers that connect us")
    labels = page.get_by_role("region", name="My quality labels")
    expect(labels).to_contain_text("National Quality Label for “Rivers that connect us”")
    activities = page.get_by_role("region", name="My recorded activities")
    expect(activities.get_by_role("table")).to_contain_text("Peer learning visit to Cluj")
    # A teacher is not a head: no link to manage the staff.
    expect(page.get_by_role("link", name="Staff and invitations")).to_have_count(0)


def test_the_head_sees_the_link_to_the_staff_page(world: World, new_page: NewPage) -> None:
    page = new_page(user=world.people["head_a"])
    page.goto(reverse("accounts:dashboard"))
    schools = page.get_by_role("region", name="My schools")
    schools.get_by_role("link", name="Staff and invitations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Staff of {world.school_a.name}")
