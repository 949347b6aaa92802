"""Every map draws the bundled borders and its markers, and opens a marker's popup from the keyboard.

The four maps: the public map of eTwinning Schools, the events calendar, a school's reach
and the NSO's coverage. One live server and one set of records serve all of them.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.events.factories import EventFactory, SessionFactory
from tests.factories import RegionFactory
from tests.reach.factories import came_to_event_of, labelled, mentored_by, placed_school

pytestmark = pytest.mark.browser


def _network(world: World) -> dict[str, Any]:
    """Schools far enough apart that no two markers cluster at the first zoom."""
    ro = world.school_a.country
    world.school_a.latitude, world.school_a.longitude = 46.57, 23.78
    world.school_a.save()
    labelled(world.school_a)
    north = RegionFactory(country=ro, code="RO114", name="Maramureș")  # a code with a bundled shape
    reached = placed_school(ro, 44.43, 26.10, name="Liceul din București")
    came_to_event_of(world.school_a, reached)
    mentored_by(world.school_a, placed_school(ro, 47.65, 23.58, name="Școala Baia Mare", region=north))
    gap = placed_school(ro, 45.75, 21.23, name="Școala din Timișoara", region=north)  # in a coverage gap
    event = SessionFactory(
        event=EventFactory(
            school=world.school_a, title="Ziua porților deschise", latitude=46.77, longitude=23.6
        )
    ).event
    return {"event": event, "reached": reached, "gap": gap, "region": north}


def _maps(world: World, made: dict[str, Any]) -> list[tuple[str, Any, str, str]]:
    """(url, who, marker's name, popup link's target) for each of the four maps."""
    return [
        (
            reverse("evaluation:map") + "?country=RO",
            None,
            world.school_a.name,
            reverse("network:school", args=[world.school_a.pk]),
        ),
        (
            reverse("events:calendar"),
            None,
            "Ziua porților deschise",
            reverse("events:event_detail", args=[made["event"].pk]),
        ),
        (
            reverse("reach:school_reach", args=[world.school_a.pk]),
            world.people["teacher_a"],
            "Liceul din București",
            reverse("network:school", args=[made["reached"].pk]),
        ),
        (
            reverse("reach:country_reach") + f"?km=30&region={made['region'].pk}",
            world.people["nso_x"],
            "Școala din Timișoara",
            reverse("network:school", args=[made["gap"].pk]),
        ),
    ]


def _drawn(page: Any) -> Any:
    """The map once its borders and region shapes (SVG paths in the overlay pane) are in."""
    map_ = page.locator("div.map[data-borders-ready='true'][data-regions-ready='true']")
    expect(map_).to_have_count(1)
    expect(map_.locator(".leaflet-overlay-pane svg path").first).to_be_attached()
    assert map_.locator(".leaflet-overlay-pane svg path").count() > 20  # countries, not one outline
    return map_


def test_every_map_draws_borders_and_markers_and_a_popup_opens_from_the_keyboard(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    made = _network(world)
    for url, who, name, target in _maps(world, made):
        page = new_page(user=who)
        page.goto(url)
        map_ = _drawn(page)
        marker = map_.get_by_role("button", name=name, exact=True)
        expect(marker).to_have_count(1)
        marker.focus()
        marker.press("Enter")
        popup = map_.locator(".leaflet-popup")
        expect(popup).to_be_visible()
        expect(popup).to_contain_text(name)
        link = popup.get_by_role("link", name="Open the school's page").or_(
            popup.get_by_role("link", name="Open the event")
        )
        expect(link).to_be_focused()
        if target:
            expect(link).to_have_attribute("href", target)
        page.keyboard.press("Escape")
        expect(popup).to_have_count(0)
        expect(marker).to_be_focused()
        assert_accessible(page, f"{url} (en)")

    nso = new_page(user=world.people["nso_x"])
    nso.goto(reverse("reach:country_reach"))
    coverage = _drawn(nso)
    cells = coverage.locator(".map-cell")
    expect(cells.first).to_be_visible()
    # Maramureș is shaded under the cells (1 school, in a gap), and takes no keyboard focus.
    assert coverage.locator("path.map-region").count() > 0
    expect(coverage.locator("path.map-region-high")).to_have_count(1)
    expect(coverage.locator("path.map-region[tabindex]")).to_have_count(0)
    coverage.locator("path.map-region-high").dispatch_event("mouseover")
    expect(coverage.locator(".leaflet-tooltip")).to_contain_text("Maramureș")
    expect(coverage.locator(".leaflet-tooltip")).to_contain_text("Schools in a gap: 2 of 2 (100%)")
    coverage.locator("path.map-region-high").dispatch_event("mouseout")
    expect(nso.get_by_role("list", name="Legend of the region shading")).to_contain_text(
        "30% or more of the schools in a gap"
    )
    gap = nso.locator(".map-cell-gap").first
    gap.focus()
    gap.press("Enter")
    expect(nso.locator(".leaflet-popup")).to_contain_text("Region: Maramureș")


def test_the_map_of_every_country_groups_the_schools_into_cells_that_lead_to_the_country(
    world: World, new_page: NewPage, assert_accessible: Any
) -> None:
    _network(world)
    page = new_page()
    page.goto(reverse("evaluation:map"))
    cell = _drawn(page).get_by_role("button", name="1 eTwinning School in Romania")
    assert_accessible(page, "the map of every country (en)")
    cell.focus()
    cell.press("Enter")
    page.get_by_role("link", name="Show the eTwinning Schools of Romania").press("Enter")
    expect(page.get_by_role("table", name="eTwinning Schools in Romania")).to_contain_text(
        world.school_a.name
    )


@pytest.mark.parametrize("language", ["ro", "ca"])
def test_the_map_pages_are_accessible_in_romanian_and_catalan(
    world: World, new_page: NewPage, assert_accessible: Any, language: str
) -> None:
    made = _network(world)
    for url, who, _name, _target in _maps(world, made):
        page = new_page(user=who, language=language)
        page.goto(url)
        _drawn(page)
        assert_accessible(page, f"{url} ({language})")
