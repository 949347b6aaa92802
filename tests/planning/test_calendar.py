"""Planning activities through the pages, the agenda by month with its filters, and the demo seeder."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.planning.factories import ActivityFactory
from twinschools.planning import demo
from twinschools.planning.models import Action, CalendarActivity, Goal, Plan, ProgressNote

BUCHAREST = ZoneInfo("Europe/Bucharest")

pytestmark = pytest.mark.django_db


def _form(world: World, **changes: object) -> dict[str, object]:
    return {
        "title": "Lecție comună de geografie",
        "description": "",
        "start_date": "2026-03-02",
        "start_time": "09:00",
        "end_date": "2026-03-02",
        "end_time": "10:30",
        "place": "Sala 12",
        "classes": [world.class_a.pk],
        "co_planners": [world.people["team_a"].pk],
        "approaches": ["collaborative", "flipped"],
        "status": "planned",
        "version": 1,
        **changes,
    }


def test_a_teacher_plans_an_activity_with_a_colleague_and_a_class(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    response = client.post(reverse("planning:add_activity", args=[world.school_a.pk]), _form(world))
    activity = CalendarActivity.objects.get()
    assert response.status_code == 302
    assert set(activity.co_planners.all()) == {world.people["teacher_a"], world.people["team_a"]}
    assert list(activity.classes.all()) == [world.class_a]
    assert sorted(activity.approaches.values_list("code", flat=True)) == ["collaborative", "flipped"]
    assert timezone.localtime(activity.starts_at, BUCHAREST).hour == 9  # the school's zone


def test_a_timed_activity_without_a_time_comes_back_with_the_field_error_and_the_input(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    response = client.post(
        reverse("planning:add_activity", args=[world.school_a.pk]), _form(world, start_time="")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give a time, or tick “All day”." in page
    assert 'value="Lecție comună de geografie"' in page
    assert not CalendarActivity.objects.exists()


def test_an_all_day_activity_needs_no_time(world: World) -> None:
    client = signed_in(world.people["teacher_a"])
    form = _form(world, all_day="on", start_time="", end_time="", end_date="2026-03-03")
    assert client.post(reverse("planning:add_activity", args=[world.school_a.pk]), form).status_code == 302
    activity = CalendarActivity.objects.get()
    assert activity.all_day and timezone.localtime(activity.ends_at, BUCHAREST).date() == datetime.date(
        2026, 3, 3
    )


def test_the_second_save_of_an_activity_shows_the_conflict(world: World) -> None:
    activity = ActivityFactory(
        school=world.school_a, co_planners=[world.people["team_a"], world.people["head_a"]]
    )
    url = reverse("planning:edit_activity", args=[activity.pk])
    assert signed_in(world.people["head_a"]).post(url, _form(world, place="Aula magna")).status_code == 302
    response = signed_in(world.people["team_a"]).post(url, _form(world, place="Curtea școlii"))
    page = response.content.decode()
    assert response.status_code == 409
    assert "Aula magna" in page and "Curtea școlii" in page
    assert CalendarActivity.objects.get().place == "Aula magna"


def test_the_agenda_shows_one_month_and_the_filters_narrow_it(world: World) -> None:
    march = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
    project = factories.ProjectFactory(title="Râurile Europei")
    factories.ProjectSchoolFactory(project=project, school=world.school_a)
    ActivityFactory(
        school=world.school_a, title="Mine in March", starts_at=march, co_planners=[world.people["team_a"]]
    )
    ActivityFactory(
        school=world.school_a,
        title="Project in March",
        starts_at=march,
        project=project,
        classes=[world.class_a],
    )
    ActivityFactory(school=world.school_a, title="In April", starts_at=march + datetime.timedelta(days=30))
    ActivityFactory(school=world.school_b, title="Other school", starts_at=march)
    client = signed_in(world.people["team_a"])
    url = reverse("planning:calendar", args=[world.school_a.pk])

    def titles(query: str) -> set[str]:
        page = client.get(f"{url}?{query}").content.decode()
        return {
            title
            for title in ("Mine in March", "Project in March", "In April", "Other school")
            if title in page
        }

    assert titles("month=2026-03") == {"Mine in March", "Project in March"}
    assert titles("month=2026-04") == {"In April"}
    assert titles("month=2026-03&mine=on") == {"Mine in March"}
    assert titles(f"month=2026-03&project={project.pk}") == {"Project in March"}
    assert titles(f"month=2026-03&class_group={world.class_a.pk}") == {"Project in March"}
    page = client.get(f"{url}?month=2026-03").content.decode()
    assert "month=2026-02" in page and "month=2026-04" in page


def test_the_demo_seeder_gives_the_school_a_lived_in_plan_and_calendar(world: World) -> None:
    people = {
        "head": world.people["head_a"],
        "teacher": world.people["team_a"],
        "pupil": world.people["student_a"],
    }
    demo.seed(school=world.school_a, people=people, rng=random.Random(7), today=datetime.date(2026, 11, 22))
    plan = Plan.objects.get(school=world.school_a)
    assert set(Goal.objects.filter(plan=plan).values_list("commitment", flat=True)) == {1, 2, 3, 5}
    assert 10 <= Action.objects.filter(goal__plan=plan).count() <= 15
    assert len(set(Action.objects.values_list("status", flat=True))) == 5
    assert ProgressNote.objects.exists()
    activities = CalendarActivity.objects.filter(school=world.school_a)
    assert activities.count() == 20
    assert activities.filter(classes=world.class_a).exists()
