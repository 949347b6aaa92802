"""A school's public profile, and the people section only its staff see."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import give_school_a_record
from tests.e2e.helpers import at

pytestmark = pytest.mark.browser


def test_a_visitor_opens_a_school_from_the_directory_and_sees_its_facts_and_projects(
    world: World, page: Any
) -> None:
    give_school_a_record(world)
    page.goto(reverse("network:directory") + "?q=avram+iancu")
    page.locator("#results").get_by_role("link", name=world.school_a.name).click()

    expect(page).to_have_url(at(reverse("network:school", args=[world.school_a.pk])))
    expect(page.get_by_role("heading", level=1)).to_have_text(world.school_a.name)
    facts = page.locator("section[aria-labelledby=facts-title] dl")
    expect(facts).to_contain_text("Turda, Romania")
    expect(facts).to_contain_text("Primary, Lower secondary")
    expect(page.locator("section[aria-labelledby=labels-title]")).to_contain_text("eTwinning School label")
    projects = page.get_by_role("table", name="Projects of this school")
    expect(projects).to_contain_text("Rivers that connect us")
    expect(projects.get_by_role("link", name=world.school_b.name)).to_be_visible()


@pytest.mark.parametrize("role", ["head_a", "teacher_a"])
def test_the_staff_of_the_school_see_its_people_and_classes(
    world: World, new_page: NewPage, role: str
) -> None:
    page = new_page(user=world.people[role])
    page.goto(reverse("network:school", args=[world.school_a.pk]))
    people = page.locator("section[aria-labelledby=people-title]")
    expect(people.get_by_role("heading", level=2)).to_be_visible()
    staff = people.get_by_role("table", name="Staff of this school")
    expect(staff).to_contain_text("Head A")
    expect(staff).to_contain_text("Teacher A")
    expect(people).to_contain_text("7B: 1 pupil")
    # Only the head manages staff and invitations.
    manage = people.get_by_role("link", name="Manage staff and invitations")
    expect(manage).to_have_count(1 if role == "head_a" else 0)


@pytest.mark.parametrize("role", ["anonymous", "teacher_b", "parent_a"])
def test_visitors_and_other_schools_do_not_see_its_people(world: World, new_page: NewPage, role: str) -> None:
    page = new_page(user=world.user(role))
    page.goto(reverse("network:school", args=[world.school_a.pk]))
    expect(page.get_by_role("heading", level=1)).to_have_text(world.school_a.name)
    expect(page.locator("#people-title")).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text("Teacher A")
