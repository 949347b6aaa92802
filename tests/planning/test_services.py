"""The plan's services: versions refuse concurrent saves, every change is remembered, bad input is refused."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.conftest import World
from tests.planning.factories import ActionFactory, ActivityFactory, GoalFactory, PlanFactory
from twinschools.core.models import AuditEvent
from twinschools.planning import services
from twinschools.planning.models import Action, ActionStatus, PlanChange

pytestmark = pytest.mark.django_db


def _edit(action: Action, by: object, version: int, **changes: object) -> Action:
    values = {
        "title": action.title,
        "owners": list(action.owners.all()),
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        **changes,
    }
    return services.update_action(action=action, by=by, expected_version=version, **values)


def test_a_save_based_on_the_current_version_is_kept_and_bumps_the_version(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    saved = _edit(action, world.people["team_a"], 1, status=ActionStatus.IN_PROGRESS)
    assert (saved.version, saved.status, saved.updated_by) == (2, "in-progress", world.people["team_a"])


def test_a_save_based_on_an_older_version_is_refused_and_names_the_newer_one(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    _edit(action, world.people["head_a"], 1, title="Head's title")
    with pytest.raises(services.EditConflict) as refused:
        _edit(action, world.people["team_a"], 1, title="Team's title")
    assert refused.value.current.title == "Head's title"
    assert refused.value.current.updated_by == world.people["head_a"]
    assert Action.objects.get(pk=action.pk).title == "Head's title"


def test_saving_again_on_top_of_the_newer_version_succeeds(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    _edit(action, world.people["head_a"], 1, title="Head's title")
    saved = _edit(action, world.people["team_a"], 2, title="Team's title")
    assert (saved.title, saved.version) == ("Team's title", 3)


def test_every_change_is_recorded_field_by_field_with_machine_values(world: World) -> None:
    goal = GoalFactory(plan__school=world.school_a)
    action = services.add_action(
        goal=goal,
        by=world.people["team_a"],
        title="Ateliere de co-planificare",
        owners=[world.people["team_a"]],
        starts_on=datetime.date(2025, 10, 1),
        ends_on=datetime.date(2025, 11, 1),
    )
    _edit(action, world.people["head_a"], 1, status=ActionStatus.DONE, owners=[world.people["head_a"]])
    services.add_note(action=action, by=world.people["head_a"], text="Gata.")
    services.delete_action(action=action, by=world.people["head_a"])
    created, updated, noted, deleted = PlanChange.objects.order_by("id")
    assert (created.operation, created.actor) == ("created", world.people["team_a"])
    assert {"field": "status", "before": "planned", "after": "done"} in updated.fields
    assert {
        "field": "owners",
        "before": [world.people["team_a"].pk],
        "after": [world.people["head_a"].pk],
    } in updated.fields
    assert sorted(field["field"] for field in updated.fields) == ["owners", "status"]
    assert (noted.kind, noted.fields[0]["after"]) == ("note", "Gata.")
    assert (deleted.operation, deleted.action_id_ref) == ("deleted", action.pk)
    assert AuditEvent.objects.filter(action__startswith="planning.action.").count() == 3


def test_saving_without_changes_adds_nothing_to_the_history(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a, owners=[world.people["team_a"]])
    _edit(action, world.people["team_a"], 1)
    assert not PlanChange.objects.exists()


def test_an_action_that_ends_before_it_starts_is_refused(world: World) -> None:
    goal = GoalFactory(plan__school=world.school_a)
    with pytest.raises(ValidationError) as refused:
        services.add_action(
            goal=goal,
            by=world.people["team_a"],
            title="Backwards",
            owners=[world.people["team_a"]],
            starts_on=datetime.date(2025, 10, 1),
            ends_on=datetime.date(2025, 9, 1),
        )
    assert "ends_on" in refused.value.message_dict


def test_owners_from_another_school_are_refused(world: World) -> None:
    goal = GoalFactory(plan__school=world.school_a)
    with pytest.raises(ValidationError) as refused:
        services.add_action(
            goal=goal,
            by=world.people["team_a"],
            title="Borrowed owner",
            owners=[world.people["teacher_b"]],
            starts_on=datetime.date(2025, 10, 1),
            ends_on=datetime.date(2025, 11, 1),
        )
    assert "owners" in refused.value.message_dict
    assert not Action.objects.exists()


def test_a_pupil_cannot_own_an_action(world: World) -> None:
    goal = GoalFactory(plan__school=world.school_a)
    with pytest.raises(ValidationError):
        services.add_action(
            goal=goal,
            by=world.people["team_a"],
            title="Pupil owner",
            owners=[world.people["student_a"]],
            starts_on=datetime.date(2025, 10, 1),
            ends_on=datetime.date(2025, 11, 1),
        )


def test_a_goal_with_actions_cannot_be_deleted(world: World) -> None:
    action = ActionFactory(goal__plan__school=world.school_a)
    with pytest.raises(ValidationError):
        services.delete_goal(goal=action.goal, by=world.people["head_a"])


def test_a_plan_whose_period_ends_before_it_starts_is_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        services.create_plan(
            school=world.school_a,
            by=world.people["head_a"],
            title="Backwards",
            starts_on=datetime.date(2027, 9, 1),
            ends_on=datetime.date(2025, 9, 1),
        )


def test_the_creator_of_an_activity_is_always_among_its_co_planners(world: World) -> None:
    start = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
    activity = services.create_activity(
        school=world.school_a,
        by=world.people["teacher_a"],
        title="Lecție comună",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        co_planners=[world.people["team_a"]],
        classes=[world.class_a],
    )
    assert set(activity.co_planners.all()) == {world.people["teacher_a"], world.people["team_a"]}


def test_an_activity_with_a_class_or_a_project_of_another_school_is_refused(world: World) -> None:
    start = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
    other_class = factories.ClassGroupFactory(school=world.school_b)
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            school=world.school_a,
            by=world.people["teacher_a"],
            title="Wrong class",
            starts_at=start,
            ends_at=start,
            classes=[other_class],
        )
    assert "classes" in refused.value.message_dict
    project = factories.ProjectFactory()
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            school=world.school_a,
            by=world.people["teacher_a"],
            title="Wrong project",
            starts_at=start,
            ends_at=start,
            project=project,
        )
    assert "project" in refused.value.message_dict


def test_an_activity_edit_based_on_an_older_version_is_refused(world: World) -> None:
    activity = ActivityFactory(school=world.school_a, co_planners=[world.people["team_a"]])
    values = {
        "title": "New",
        "starts_at": activity.starts_at,
        "ends_at": activity.ends_at,
        "co_planners": [world.people["team_a"]],
    }
    services.update_activity(activity=activity, by=world.people["team_a"], expected_version=1, **values)
    with pytest.raises(services.EditConflict):
        services.update_activity(activity=activity, by=world.people["team_a"], expected_version=1, **values)


def test_resetting_a_feed_changes_its_secret(world: World) -> None:
    first = services.feed_token(user=world.people["team_a"], school=world.school_a)
    assert services.feed_token(user=world.people["team_a"], school=world.school_a) == first
    second = services.reset_feed_token(user=world.people["team_a"], school=world.school_a)
    assert second.token != first.token


def test_plans_are_kept_and_the_newest_is_current(world: World) -> None:
    from twinschools.planning import queries

    old = PlanFactory(
        school=world.school_a, starts_on=datetime.date(2023, 9, 1), ends_on=datetime.date(2025, 8, 31)
    )
    new = PlanFactory(school=world.school_a)
    assert queries.plans_of(world.school_a) == [new, old]
