"""The home page each person lands on: what needs them now, and the way to it by clicking."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.applications.factories import eligible, open_round
from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.data import give_school_a_record
from tests.e2e.helpers import at
from tests.evaluation.factories import submitted
from twinschools.evaluation import services as evaluation

pytestmark = pytest.mark.browser


def test_a_teacher_sees_what_needs_them_then_their_projects_quality_labels_and_activities(
    world: World, new_page: NewPage
) -> None:
    give_school_a_record(world)
    page = new_page(user=world.people["teacher_a"])
    page.goto(reverse("accounts:dashboard"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Teacher A")
    expect(page.get_by_role("heading", name="What needs you now")).to_be_visible()
    school = page.get_by_role("region", name=world.school_a.name)
    expect(school).to_contain_text("Teacher")
    expect(school.get_by_role("link", name="Open the workspace")).to_be_visible()
    projects = page.get_by_role("region", name="My projects")
    expect(projects).to_contain_text("1 project.")
    expect(projects).to_contain_text("Rivers that connect us")
    labels = page.get_by_role("region", name="My quality labels")
    expect(labels).to_contain_text("National Quality Label for “Rivers that connect us”")
    activities = page.get_by_role("region", name="My recorded activities")
    expect(activities.get_by_role("table")).to_contain_text("Peer learning visit to Cluj")
    # A teacher is not a head: no link to manage the staff.
    expect(page.get_by_role("link", name="Staff and invitations")).to_have_count(0)


def test_the_head_starts_the_label_application_and_reaches_the_staff_page_from_the_home_page(
    world: World, new_page: NewPage
) -> None:
    eligible(open_round(), world.school_a)
    page = new_page(user=world.people["head_a"])
    page.goto(reverse("accounts:dashboard"))
    school = page.get_by_role("region", name=world.school_a.name)
    expect(school.get_by_role("link", name="Invitations not accepted yet")).to_be_visible()
    school.get_by_role("link", name="Label applications you can start").click()
    expect(page).to_have_url(at(reverse("applications:school", args=[world.school_a.pk])))
    page.goto(reverse("accounts:dashboard"))
    page.get_by_role("region", name=world.school_a.name).get_by_role(
        "link", name="Staff and invitations"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Staff of {world.school_a.name}")


def test_the_nso_follows_its_funnel_to_the_eligible_schools_and_is_never_told_to_ask_for_an_invitation(
    world: World, new_page: NewPage
) -> None:
    eligible(open_round(), world.school_a)
    page = new_page(user=world.people["nso_x"])
    page.goto(reverse("accounts:dashboard"))
    expect(page.get_by_text("Ask your head of school for an invitation")).to_have_count(0)
    panel = page.get_by_role("region", name="National support organisation, Romania")
    panel.get_by_role("link", name="1 Eligible").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Label eligibility in Romania")


def test_the_evaluator_opens_an_assignment_from_the_home_page(world: World, new_page: NewPage) -> None:
    app = submitted(world.school_a, world.people["head_a"])
    evaluation.assign(application=app, evaluator=world.people["evaluator_x"], by=world.people["nso_x"])
    page = new_page(user=world.people["evaluator_x"])
    page.goto(reverse("accounts:dashboard"))
    panel = page.get_by_role("region", name="Evaluation")
    expect(panel).to_contain_text("0 of 3 criteria scored")
    panel.get_by_role("link", name=world.school_a.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review of {world.school_a.name}")
