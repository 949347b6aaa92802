"""A school sees whom its outreach reached on a map; the NSO finds the coverage gaps."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.factories import RegionFactory
from tests.reach.factories import came_to_event_of, labelled, mentored_by, placed_school

pytestmark = pytest.mark.browser


def _outreach(world: World) -> None:
    ro = world.school_a.country
    world.school_a.latitude, world.school_a.longitude = 46.57, 23.78
    world.school_a.save()
    labelled(world.school_a)
    region = RegionFactory(country=ro, name="Maramureș")
    came_to_event_of(world.school_a, placed_school(ro, 46.77, 23.59, name="Liceul din Cluj"))
    mentored_by(world.school_a, placed_school(ro, 47.65, 23.58, name="Școala Baia Mare", region=region))


def test_the_school_sees_its_reach_and_the_nso_narrows_the_gaps_by_distance(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    _outreach(world)
    teacher = new_page(user=world.people["teacher_a"])
    teacher.goto(reverse("reach:school_reach", args=[world.school_a.pk]))
    expect(
        teacher.get_by_role("region", name="Map of this school and the schools it reached")
    ).to_be_visible()
    expect(teacher.get_by_role("table", name="Schools reached")).to_contain_text("Școala Baia Mare")

    nso = new_page(user=world.people["nso_x"])
    nso.goto(reverse("reach:country_reach"))
    expect(nso.get_by_role("status")).to_contain_text("farther than 30 km")
    expect(nso.get_by_role("table", name="Schools in a coverage gap")).to_contain_text("Școala Baia Mare")
    nso.get_by_label("Distance to the nearest eTwinning School or mentor school (km)").fill("200")
    with nso.expect_navigation():
        nso.get_by_role("button", name="Show").click()
    expect(nso.get_by_role("status")).to_contain_text("0 schools are farther than 200 km")


@pytest.mark.parametrize("language", ["en", "ro", "ca"])
def test_the_reach_pages_are_accessible(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    _outreach(world)
    teacher = new_page(user=world.people["teacher_a"], language=language)
    url = reverse("reach:school_reach", args=[world.school_a.pk])
    teacher.goto(url)
    assert_accessible(teacher, f"{url} ({language})")
    nso = new_page(user=world.people["nso_x"], language=language)
    url = reverse("reach:country_reach")
    nso.goto(url)
    assert_accessible(nso, f"{url} ({language})")
