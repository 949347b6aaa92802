from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.conftest import World
from tests.mission.factories import InclusionMeasureFactory, group, item, records_provider
from twinschools.mission.periods import school_year_of
from twinschools.mission.registry import REGISTRY, sections_for


@pytest.fixture
def only_our_providers():
    """The overview with the mission app's own provider only, whatever other apps registered."""
    saved = list(REGISTRY.providers)
    REGISTRY.providers[:] = [
        provider for provider in saved if provider.__module__.startswith("twinschools.mission")
    ]
    yield
    REGISTRY.providers[:] = saved


def overview(world: World, role: str = "head_a", **params: str):
    return signed_in(world.people[role]).get(reverse("mission:overview", args=[world.school_a.pk]), params)


def summary(response, number: int):
    return next(item for item in response.context["commitments"] if item.commitment.number == number)


def test_with_no_records_every_commitment_says_what_is_missing_and_where_to_start(
    world: World, only_our_providers: None
) -> None:
    response = overview(world)
    page = response.content.decode()
    assert page.count("Nothing was recorded for this commitment in this period.") == 4
    assert page.count("Nothing is planned for this commitment yet.") == 4
    # Commitment 5 starts at the inclusion measures, the section registered for it.
    assert summary(response, 5).start_url == reverse("mission:inclusion", args=[world.school_a.pk])
    assert "Start here." in page


def test_commitment_4_keeps_its_place_until_the_outreach_tools_arrive(
    world: World, only_our_providers: None
) -> None:
    page = overview(world).content.decode()
    assert (
        "Open days, information sessions and mentoring of other schools arrive with the outreach tools."
        in page
    )
    with records_provider(group(4, 2, label="Open days held")):
        response = overview(world)
    assert not summary(response, 4).awaits_outreach
    assert "Open days held: 2" in response.content.decode()


def test_some_records_show_counts_that_link_and_the_latest_items_with_dates(
    world: World, only_our_providers: None
) -> None:
    InclusionMeasureFactory(
        school=world.school_a, title="Romanian club", pupils_reached=14, families_reached=9
    )
    InclusionMeasureFactory(school=world.school_b, title="Another school's club")
    latest = (item("Decision on the eSafety day", 2), item("Consent on the new timetable", 10))
    with records_provider(group(1, 2, label="Decisions taken", latest=latest)):
        response = overview(world)
    page = response.content.decode()
    assert 'href="/test/1/done/"' in page and "Decisions taken: 2" in page
    assert [record.title for record in summary(response, 1).latest] == [
        "Decision on the eSafety day",
        "Consent on the new timetable",
    ]
    inclusion = summary(response, 5)
    assert (inclusion.done_count, inclusion.done[0].summary) == (1, "Reached 14 pupils and 9 families.")
    assert "Romanian club" in page and "Another school&#x27;s club" not in page
    assert "Nothing was recorded for this commitment in this period." in page  # commitments 2 and 3


def test_planned_only_says_nothing_was_done_and_lists_the_plan(
    world: World, only_our_providers: None
) -> None:
    later = item("Parents' evening", -30)
    with records_provider(group(2, 3, planned=True, label="Actions planned", latest=(later,))):
        response = overview(world)
    collaboration = summary(response, 2)
    assert (collaboration.done_count, collaboration.planned_count) == (0, 3)
    page = response.content.decode()
    assert "Actions planned: 3" in page and "Parents&#x27; evening" in page
    # Where nothing is planned, the way to plan leads to the action plan's section, if one is registered.
    plan = [
        url for section, url in sections_for(world.people["head_a"], world.school_a) if section.key == "plan"
    ]
    assert summary(response, 1).plan_url == (plan[0] if plan else None)
    assert summary(response, 2).plan_url == (plan[0] if plan else "/test/2/planned/")


def test_a_future_inclusion_measure_counts_as_planned(world: World, only_our_providers: None) -> None:
    today = timezone.localdate()
    InclusionMeasureFactory(school=world.school_a, started_on=today + datetime.timedelta(days=20))
    inclusion = summary(overview(world), 5)
    assert (inclusion.done_count, inclusion.planned_count) == (0, 1)


def test_only_those_who_can_act_get_the_links_to_start(world: World, only_our_providers: None) -> None:
    page = overview(world, "nso_x").content.decode()
    assert "Nothing was recorded for this commitment in this period." in page
    assert "Start here." not in page and "Plan the next steps." not in page


def test_a_school_year_is_passed_to_the_providers_as_its_first_and_last_day(
    world: World, only_our_providers: None
) -> None:
    year = school_year_of(timezone.localdate()) - 1
    with records_provider() as calls:
        response = overview(world, period=f"{year}-{year + 1}")
    assert response.status_code == 200
    assert (calls[0]["since"], calls[0]["until"]) == (
        datetime.date(year, 9, 1),
        datetime.date(year + 1, 8, 31),
    )


@pytest.mark.parametrize("value", ["1999-2000", "nonsense", "2024-2026"])
def test_an_unknown_period_is_refused_on_the_field_and_the_last_12_months_are_shown(
    world: World, only_our_providers: None, value: str
) -> None:
    response = overview(world, period=value)
    assert response.status_code == 400
    assert response.context["period"].key == "last-12-months"
    assert "Choose one of the periods in the list." in response.content.decode()


def test_the_last_12_months_are_the_default(world: World, only_our_providers: None) -> None:
    with records_provider() as calls:
        overview(world)
    assert calls[0]["since"] == timezone.localdate() - datetime.timedelta(days=365)
    assert calls[0]["until"] is None


@pytest.mark.parametrize("count", [1, 30])
def test_the_overview_costs_the_same_queries_for_one_record_as_for_thirty(
    world: World, only_our_providers: None, count: int, django_assert_num_queries
) -> None:
    today = timezone.localdate()
    for number in range(count):
        InclusionMeasureFactory(school=world.school_a, started_on=today - datetime.timedelta(days=number + 1))
        InclusionMeasureFactory(school=world.school_a, started_on=today + datetime.timedelta(days=number + 1))
    latest = tuple(item(f"Record {number}", number) for number in range(count))
    client = signed_in(world.people["head_a"])
    groups = (group(1, count, latest=latest), group(2, count, planned=True, latest=latest))
    # Session, user, school, roles (2); the inclusion provider: counts, latest done, next planned;
    # the charts: every activity source in one UNION query, the action plan's progress in one.
    with records_provider(*groups), django_assert_num_queries(10):
        response = client.get(reverse("mission:overview", args=[world.school_a.pk]))
    assert summary(response, 5).planned_count == count
