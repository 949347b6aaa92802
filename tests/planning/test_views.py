"""The plan and calendar pages: conflicts shown with both versions, bad input kept, fixed query counts."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.planning.factories import ActionFactory, ActivityFactory, GoalFactory, NoteFactory, PlanFactory
from twinschools.mission.periods import between
from twinschools.network.models import Language
from twinschools.planning import printing, queries, records
from twinschools.planning.models import Action

pytestmark = pytest.mark.django_db


def _post_action(client: object, action: Action, version: int, **changes: object) -> object:
    data = {
        "title": action.title,
        "description": "",
        "owners": [owner.pk for owner in action.owners.all()],
        "starts_on": "2025-10-01",
        "ends_on": "2025-12-20",
        "resources": "",
        "success_criteria": "",
        "status": "planned",
        "version": version,
        **changes,
    }
    return client.post(reverse("planning:edit_action", args=[action.pk]), data)  # type: ignore[attr-defined]


def test_the_second_save_shows_who_changed_the_action_their_values_and_keeps_mine(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    head, team = signed_in(world.people["head_a"]), signed_in(world.people["team_a"])
    assert _post_action(head, action, 1, resources="Proiectorul din sala 12").status_code == 302
    response = _post_action(team, action, 1, resources="Laptopurile școlii")
    page = response.content.decode()
    assert response.status_code == 409
    assert "Your changes were not saved" in page
    assert "Head A saved a newer version" in page
    assert "Proiectorul din sala 12" in page  # their value
    assert "Laptopurile școlii" in page  # my input, in the table and kept in the form
    assert 'name="version" value="2"' in page
    assert Action.objects.get(pk=action.pk).resources == "Proiectorul din sala 12"


def test_saving_again_from_the_conflict_page_puts_my_version_on_top(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    _post_action(signed_in(world.people["head_a"]), action, 1, resources="Theirs")
    response = _post_action(signed_in(world.people["team_a"]), action, 2, resources="Mine")
    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).resources == "Mine"


def test_bad_input_comes_back_with_field_errors_in_the_users_language_and_nothing_lost(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    client = signed_in(world.people["team_a"])
    client.cookies["django_language"] = "ro"
    response = _post_action(client, action, 1, ends_on="2025-09-01", resources="Ce am scris eu")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ce am scris eu" in page
    assert "Sfârșitul nu poate fi înaintea începutului." in page


def test_the_plan_page_lists_every_commitment_and_says_which_have_no_goal(world: World) -> None:
    GoalFactory(plan__school=world.school_a, commitment=1, title="Echipa conduce împreună")
    page = (
        signed_in(world.people["teacher_a"])
        .get(reverse("planning:plan", args=[world.school_a.pk]))
        .content.decode()
    )
    assert "Echipa conduce împreună" in page
    assert page.count("No goal for this commitment yet.") == 4
    assert "Add a goal" not in page  # teacher A is not on the team


def test_nso_staff_read_the_plan_without_any_edit_link(world: World) -> None:
    ActionFactory(goal__plan__school=world.school_a)
    page = (
        signed_in(world.people["nso_x"])
        .get(reverse("planning:plan", args=[world.school_a.pk]))
        .content.decode()
    )
    assert "Edit the goal" not in page and "Start a new action plan" not in page


@pytest.mark.parametrize("actions", [1, 12])
def test_the_plan_page_costs_the_same_queries_with_one_action_or_many(
    world: World, django_assert_num_queries: object, actions: int
) -> None:
    plan = PlanFactory(school=world.school_a)
    for index in range(actions):
        action = ActionFactory(
            goal__plan=plan, goal__commitment=index % 5 + 1, owners=[world.people["team_a"]]
        )
        NoteFactory(action=action)
    client = signed_in(world.people["team_a"])
    url = reverse("planning:plan", args=[world.school_a.pk])
    client.get(url)
    with django_assert_num_queries(9):  # type: ignore[operator]
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("activities", [1, 15])
def test_the_calendar_costs_the_same_queries_with_one_activity_or_many(
    world: World, django_assert_num_queries: object, activities: int
) -> None:
    for _index in range(activities):
        ActivityFactory(
            school=world.school_a,
            co_planners=[world.people["team_a"], world.people["head_a"]],
            classes=[world.class_a],
        )
    client = signed_in(world.people["team_a"])
    url = reverse("planning:calendar", args=[world.school_a.pk])
    client.get(url)
    with django_assert_num_queries(11):  # type: ignore[operator]
        page = client.get(url).content.decode()
    assert page.count("Co-planned by 2 teachers") == activities


def test_the_plan_history_names_who_changed_what_in_the_readers_language(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    _post_action(signed_in(world.people["head_a"]), action, 1, status="done")
    client = signed_in(world.people["teacher_a"])
    client.cookies["django_language"] = "ca"
    page = client.get(reverse("planning:action_history", args=[action.pk])).content.decode()
    assert "Head A" in page
    assert "Estat" in page and "Previst" in page and "Fet" in page


def test_the_filter_by_status_shows_only_those_actions(world: World) -> None:
    plan = PlanFactory(school=world.school_a)
    ActionFactory(goal__plan=plan, title="Finished one", status="done")
    ActionFactory(goal__plan=plan, title="Open one")
    page = signed_in(world.people["head_a"]).get(
        reverse("planning:plan", args=[world.school_a.pk]) + "?status=done"
    )
    assert "Finished one" in page.content.decode() and "Open one" not in page.content.decode()


def test_the_pdf_is_a_pdf_named_after_the_school_and_the_period(world: World) -> None:
    plan = PlanFactory(school=world.school_a)
    response = signed_in(world.people["head_a"]).get(reverse("planning:plan_pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "scoala-gimnaziala-avram-iancu-2025-2027.pdf" in response["Content-Disposition"]


def test_the_printed_plan_is_in_the_schools_language_unless_another_is_asked_for(world: World) -> None:
    world.school_a.languages.set([Language.objects.get_or_create(code="ro")[0]])
    plan = PlanFactory(school=world.school_a)
    GoalFactory(plan=plan, commitment=3)
    client = signed_in(world.people["head_a"])
    page = client.get(reverse("planning:plan_print", args=[plan.pk])).content.decode()
    assert '<html lang="ro">' in page and "Angajamentul 3" in page
    page = client.get(reverse("planning:plan_print", args=[plan.pk]) + "?lang=ca").content.decode()
    assert '<html lang="ca">' in page and "Compromís 3" in page


def test_the_school_language_is_the_first_site_language_it_teaches_in_else_the_viewers(world: World) -> None:
    assert queries.plan_language(world.school_a, requested=None, fallback="ca") == "ca"
    world.school_a.languages.set(
        [Language.objects.get_or_create(code=code)[0] for code in ("fr", "ca", "ro")]
    )
    assert queries.plan_language(world.school_a, requested=None, fallback="en") == "ro"
    assert queries.plan_language(world.school_a, requested="en", fallback="ca") == "en"
    assert queries.plan_language(world.school_a, requested="xx", fallback="en") == "ro"


def test_the_overview_gets_co_planned_activities_held_done_actions_and_what_is_planned(world: World) -> None:
    since = timezone.localdate() - datetime.timedelta(days=30)
    yesterday, next_week = (
        timezone.now() - datetime.timedelta(days=1),
        timezone.now() + datetime.timedelta(days=7),
    )
    together = [world.people["team_a"], world.people["head_a"]]
    ActivityFactory(school=world.school_a, status="held", starts_at=yesterday, co_planners=together)
    ActivityFactory(
        school=world.school_a, status="held", starts_at=next_week, co_planners=together
    )  # not yet
    ActivityFactory(
        school=world.school_a, status="held", starts_at=yesterday, co_planners=[world.people["team_a"]]
    )
    plan = PlanFactory(school=world.school_a)
    ActionFactory(goal__plan=plan, goal__commitment=3, title="Next due", ends_on=datetime.date(2026, 1, 1))
    ActionFactory(goal__plan=plan, goal__commitment=3, ends_on=datetime.date(2026, 6, 1))
    ActionFactory(goal__plan=plan, status="done", done_on=timezone.localdate())
    groups = {
        group.key: group for group in records.PROVIDER.records(school=world.school_a, period=between(since))
    }
    assert groups["planning.coplanned_activities"].count == 1
    assert groups["planning.actions_done"].count == 1
    planned = groups["planning.planned_actions.3"]
    assert (planned.planned, planned.count, planned.latest[0].title) == (True, 2, "Next due")
    assert groups["planning.planned_actions.4"].count == 0


def test_approach_usage_counts_the_planned_activities_per_approach(world: World) -> None:
    activity = ActivityFactory(school=world.school_a, starts_at=timezone.now() - datetime.timedelta(hours=1))
    ActivityFactory(
        school=world.school_a, starts_at=timezone.now() + datetime.timedelta(days=3)
    ).approaches.set(["flipped"])  # Not held yet: neither counted nor on the page the count links to.
    activity.approaches.set(["flipped", "steam"])
    uses = records.PROVIDER.approach_usage(
        school=world.school_a, period=between(timezone.localdate() - datetime.timedelta(days=1))
    )
    assert sorted((use.code, use.count) for use in uses) == [("flipped", 1), ("steam", 1)]
    assert uses[0].latest[0].title == activity.title
    page = signed_in(world.people["head_a"]).get(uses[0].url).content.decode()
    assert activity.title in page


def test_the_number_of_activities_held_links_to_those_activities(world: World) -> None:
    since = timezone.localdate() - datetime.timedelta(days=60)
    held = ActivityFactory(
        school=world.school_a,
        title="Held together",
        status="held",
        starts_at=timezone.now() - datetime.timedelta(days=40),
        co_planners=[world.people["team_a"], world.people["head_a"]],
    )
    ActivityFactory(school=world.school_a, title="Still planned", starts_at=held.starts_at)
    ActivityFactory(
        school=world.school_a,
        title="Held alone",
        status="held",
        starts_at=held.starts_at,
        co_planners=[world.people["team_a"]],
    )
    group = next(
        group
        for group in records.PROVIDER.records(school=world.school_a, period=between(since))
        if group.key.endswith("activities")
    )
    page = signed_in(world.people["head_a"]).get(group.url).content.decode()
    assert "Held together" in page and "Still planned" not in page and "Held alone" not in page


def test_the_html_behind_the_pdf_carries_the_translated_headings(world: World) -> None:
    plan = PlanFactory(school=world.school_a)
    GoalFactory(plan=plan, commitment=2, title="Planificăm împreună")
    romanian = printing.plan_html(plan, language="ro")
    assert '<html lang="ro">' in romanian
    assert "Angajamentul 2: Colaborare" in romanian and "Obiectiv: Planificăm împreună" in romanian
    catalan = printing.plan_html(plan, language="ca")
    assert "Compromís 2:" in catalan and "Objectiu: Planificăm împreună" in catalan


def test_the_pdf_of_a_catalan_school_is_made_in_catalan(world: World) -> None:
    world.school_a.languages.set([Language.objects.get_or_create(code="ca")[0]])
    plan = PlanFactory(school=world.school_a)
    client = signed_in(world.people["head_a"])
    response = client.get(reverse("planning:plan_pdf", args=[plan.pk]))
    assert response.content.startswith(b"%PDF")
    assert queries.plan_language(world.school_a, requested=None, fallback="en") == "ca"


def test_the_second_save_of_a_goal_shows_the_conflict_and_keeps_my_input(world: World) -> None:
    goal = GoalFactory(plan__school=world.school_a, title="Original")
    url = reverse("planning:edit_goal", args=[goal.pk])
    form = {"commitment": 2, "description": "", "version": 1}
    assert signed_in(world.people["head_a"]).post(url, {**form, "title": "Head's goal"}).status_code == 302
    response = signed_in(world.people["team_a"]).post(url, {**form, "title": "Team's goal"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Head&#x27;s goal" in page and 'value="Team&#x27;s goal"' in page


@pytest.mark.parametrize("edits", [1, 10])
def test_the_plan_history_costs_the_same_queries_with_one_change_or_many(
    world: World, django_assert_num_queries: object, edits: int
) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    head = signed_in(world.people["head_a"])
    for version in range(1, edits + 1):
        owner = world.people["head_a"] if version % 2 else world.people["team_a"]
        _post_action(head, action, version, resources=f"Version {version}", owners=[owner.pk])
    client = signed_in(world.people["teacher_a"])
    # The action's page loads the action with its owners and notes: two queries more.
    for url, queries_made in (
        (reverse("planning:plan_history", args=[action.goal.plan_id]), 7),
        (reverse("planning:action_history", args=[action.pk]), 9),
    ):
        client.get(url)
        with django_assert_num_queries(queries_made):  # type: ignore[operator]
            page = client.get(url).content.decode()
        assert page.count("Version ") >= edits


@pytest.mark.parametrize("notes", [1, 10])
def test_the_action_page_costs_the_same_queries_with_one_note_or_many(
    world: World, django_assert_num_queries: object, notes: int
) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    for _index in range(notes):
        NoteFactory(action=action, author=world.people["head_a"])
    client = signed_in(world.people["team_a"])
    url = reverse("planning:action", args=[action.pk])
    client.get(url)
    with django_assert_num_queries(7):  # type: ignore[operator]
        assert client.get(url).status_code == 200
