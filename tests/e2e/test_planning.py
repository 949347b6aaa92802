"""The action plan co-edited in two browser contexts, with the conflict shown; axe on every planning page in en, ro, ca."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.e2e.helpers import at
from tests.planning.factories import ActionFactory, ActivityFactory, GoalFactory, NoteFactory
from twinschools.planning import services
from twinschools.planning.models import Action

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def submit(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def _action_of_school_a(world: World) -> Action:
    goal = GoalFactory(plan__school=world.school_a, commitment=2, title="Planificăm împreună")
    return ActionFactory(goal=goal, title="Ateliere de co-planificare", owners=[world.people["team_a"]])


def test_two_teachers_edit_the_same_action_and_the_second_save_shows_the_first_ones_change(
    world: World, new_page: NewPage
) -> None:
    action = _action_of_school_a(world)
    edit_url = reverse("planning:edit_action", args=[action.pk])
    team = new_page(user=world.people["team_a"])
    head = new_page(user=world.people["head_a"])
    team.goto(edit_url)
    head.goto(edit_url)

    head.get_by_label("Resources").fill("Proiectorul din sala 12")
    submit(head, "Save the action")
    expect(head).to_have_url(at(reverse("planning:action", args=[action.pk])))
    expect(head.get_by_role("status")).to_contain_text("The action was saved.")

    team.get_by_label("Resources").fill("Laptopurile școlii")
    team.get_by_label("Status").select_option("in-progress")
    submit(team, "Save the action")
    alert = team.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("Your changes were not saved")
    expect(alert).to_contain_text("Head A saved a newer version")
    row = alert.get_by_role("row").filter(has_text="Resources")
    expect(row).to_contain_text("Proiectorul din sala 12")
    expect(row).to_contain_text("Laptopurile școlii")
    expect(team.get_by_label("Resources")).to_have_value("Laptopurile școlii")
    assert Action.objects.get(pk=action.pk).resources == "Proiectorul din sala 12"

    submit(team, "Save my version on top")
    expect(team).to_have_url(at(reverse("planning:action", args=[action.pk])))
    expect(team.get_by_role("main")).to_contain_text("Laptopurile școlii")
    saved = Action.objects.get(pk=action.pk)
    assert (saved.resources, saved.status, saved.version) == ("Laptopurile școlii", "in-progress", 3)

    team.get_by_role("link", name="Change history").click()
    history = team.get_by_role("main")
    expect(history).to_contain_text("Head A")
    expect(history).to_contain_text("Team A")
    expect(history).to_contain_text("In progress")


def _conflict_page(world: World, page: Any, action: Action) -> None:
    """Open the edit form, let the head save meanwhile, then save: the page shows the conflict."""
    page.goto(reverse("planning:edit_action", args=[action.pk]))
    services.update_action(
        action=action,
        by=world.people["head_a"],
        expected_version=action.version,
        title=action.title,
        owners=[world.people["team_a"]],
        starts_on=action.starts_on,
        ends_on=action.ends_on,
        description=action.description,
        success_criteria=action.success_criteria,
        status=action.status,
        resources="Proiectorul din sala 12",
    )
    action.refresh_from_db()
    page.locator("#id_resources").fill("Laptopurile școlii")
    with page.expect_navigation():
        page.locator("main form.action-form [type=submit]").click()
    expect(page.locator(".conflict")).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_action_history_and_calendar_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Callable[..., None], language: str
) -> None:
    school = world.school_a
    action = _action_of_school_a(world)
    NoteFactory(action=action, text="Prima etapă încheiată.")
    activity = ActivityFactory(
        school=school, co_planners=[world.people["team_a"], world.people["head_a"]], classes=[world.class_a]
    )
    activity.approaches.set(["collaborative", "flipped"])
    plan = action.goal.plan
    page = new_page(user=world.people["team_a"], language=language)
    for url in (
        reverse("planning:plan", args=[school.pk]),
        reverse("planning:add_goal", args=[plan.pk]),
        reverse("planning:action", args=[action.pk]),
        reverse("planning:edit_action", args=[action.pk]),
        reverse("planning:add_action", args=[action.goal_id]),
        reverse("planning:plan_print", args=[plan.pk]),
        reverse("planning:calendar", args=[school.pk]),
        reverse("planning:add_activity", args=[school.pk]),
        reverse("planning:activity", args=[activity.pk]),
        reverse("planning:edit_activity", args=[activity.pk]),
        reverse("planning:feeds", args=[school.pk]),
    ):
        response = page.goto(url)
        assert response is not None and response.ok, url
        assert_accessible(page, f"{url} in {language}")

    _conflict_page(world, page, action)
    assert_accessible(page, f"action edit with a conflict in {language}")

    for url in (
        reverse("planning:plan_history", args=[plan.pk]),
        reverse("planning:action_history", args=[action.pk]),
    ):
        page.goto(url)
        assert_accessible(page, f"{url} in {language}")

    page.goto(reverse("planning:add_activity", args=[school.pk]))
    with page.expect_navigation():
        page.locator("main form.activity-form [type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page, f"activity form with errors in {language}")


def test_the_agenda_moves_between_months_and_filters_in_place(world: World, new_page: NewPage) -> None:
    march = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
    ActivityFactory(
        school=world.school_a, title="Lecție în martie", starts_at=march, co_planners=[world.people["head_a"]]
    )
    ActivityFactory(
        school=world.school_a,
        title="Lecție în aprilie",
        starts_at=march + datetime.timedelta(days=30),
        co_planners=[world.people["team_a"]],
    )
    page = new_page(user=world.people["team_a"])
    url = reverse("planning:calendar", args=[world.school_a.pk])
    page.goto(f"{url}?month=2026-03")
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("Lecție în martie")
    page.get_by_role("link", name="Next month").click()
    expect(agenda.get_by_role("heading", level=2)).to_have_text("April 2026")
    expect(agenda).to_contain_text("Lecție în aprilie")
    expect(page).to_have_url(re.compile(r"month=2026-04"))
    expect(page.get_by_label("Month", exact=True)).to_have_value("2026-04")
    page.get_by_role("link", name="Previous month").click()
    expect(agenda).to_contain_text("Lecție în martie")
    page.get_by_label("Only activities I co-plan").check()
    expect(agenda).to_contain_text("No activity in this period.")
