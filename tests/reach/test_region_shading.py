"""The NSO's coverage map shades each region by its share of schools in a gap, on bundled shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.factories import RegionFactory
from tests.reach.factories import labelled, placed_school
from twinschools.core import maps
from twinschools.network.generation.places import countries
from twinschools.reach.mapping import gap_shade

SHAPES = Path(maps.__file__).resolve().parent.parent / "static" / "maps" / "regions"


def _shape_codes(country: str) -> set[str]:
    path = SHAPES / f"{country}.json"
    if not path.exists():
        return set()
    return {feature["properties"]["code"] for feature in json.loads(path.read_text())["features"]}


def test_a_regions_shade_follows_its_share_of_schools_in_a_gap() -> None:
    assert [gap_shade(gaps, 100) for gaps in (0, 1, 9, 10, 29, 30, 100)] == [
        "none",
        "low",
        "low",
        "medium",
        "medium",
        "high",
        "high",
    ]
    assert gap_shade(0, 0) == "none"


@pytest.mark.django_db
def test_the_coverage_map_carries_each_regions_shade_and_numbers_and_the_url_of_its_shapes(
    world: World,
) -> None:
    ro = world.school_a.country
    cluj = RegionFactory(country=ro, code="RO113", name="Cluj")
    maramures = RegionFactory(country=ro, code="RO114", name="Maramureș")
    labelled(placed_school(ro, 46.77, 23.60, region=cluj, name="Ancora Cluj"))
    placed_school(ro, 46.80, 23.65, region=cluj, name="Aproape de Cluj")
    placed_school(ro, 47.65, 23.58, region=maramures, name="Departe Baia Mare")
    placed_school(ro, 47.66, 23.57, region=maramures, name="Tot Baia Mare")
    response = signed_in(world.people["nso_x"]).get(reverse("reach:country_reach"), {"km": 30})
    [layer] = response.context["map"]["regions"]
    assert layer["url"].endswith("maps/regions/RO.json")
    assert layer["attribution"] == "Regions: Natural Earth"
    shades = layer["shades"]
    assert (shades["RO113"]["shade"], shades["RO114"]["shade"]) == ("none", "high")
    assert shades["RO114"]["name"] == "Maramureș"
    assert shades["RO114"]["lines"] == [
        "eTwinning Schools: 0",
        "Schools reached: 0",
        "Schools in a gap: 2 of 2 (100%)",
    ]
    assert not shades["RO114"]["selected"]
    html = response.content.decode()
    assert 'class="map-region-swatch map-region-high"' in html
    assert "30% or more of the schools in a gap" in html
    assert "100% (2 of 2)" in html  # the region table gives the share in numbers
    assert "style=" not in html


@pytest.mark.django_db
def test_a_chosen_region_is_shaded_with_emphasis_among_the_others(world: World) -> None:
    ro = world.school_a.country
    cluj = RegionFactory(country=ro, code="RO113", name="Cluj")
    placed_school(ro, 46.77, 23.60, region=cluj, name="Școala Cluj")
    response = signed_in(world.people["nso_x"]).get(
        reverse("reach:country_reach"), {"km": 30, "region": cluj.pk}
    )
    [layer] = response.context["map"]["regions"]
    assert layer["shades"]["RO113"]["selected"]
    assert all(not shade["selected"] for code, shade in layer["shades"].items() if code != "RO113")


def test_every_region_of_romania_and_spain_has_a_shape_in_the_bundled_files() -> None:
    for code in ("RO", "ES"):
        regions = {region.code for region in countries()[code].regions}
        assert regions - _shape_codes(code) == set(), code


def test_every_bundled_shape_is_a_region_of_its_country() -> None:
    places = countries()
    covered = 0
    for path in SHAPES.glob("*.json"):
        codes = _shape_codes(path.stem)
        assert codes <= {region.code for region in places[path.stem].regions}, path.stem
        covered += len(codes)
    # 196 of the 338 regions in places.py have a shape (docs/architecture.md lists the countries).
    assert covered >= 196
