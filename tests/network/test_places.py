"""The towns of generated networks sit where they really are, inside their country and region."""

from __future__ import annotations

import math

import pytest

from twinschools.network.generation.bounds import COUNTRY_BOXES
from twinschools.network.generation.places import countries
from twinschools.network.generation.town_points import TOWN_POINTS

KNOWN_TOWNS = {
    ("RO113", "Cluj-Napoca"): (46.77, 23.59),
    ("RO213", "Iași"): (47.16, 27.59),
    ("RO424", "Timișoara"): (45.75, 21.23),
    ("RO321", "București"): (44.43, 26.10),
    ("ES513", "Lleida"): (41.62, 0.62),
    ("ES513", "Solsona"): (41.99, 1.52),
    ("ES511", "L'Hospitalet de Llobregat"): (41.36, 2.10),
    ("ES511", "Barcelona"): (41.39, 2.17),
    ("ES512", "Girona"): (41.98, 2.82),
    ("ES514", "Tarragona"): (41.12, 1.25),
}
# A county (Romania) or a province (Catalonia) is at most about 200 km across.
NEAR_ITS_REGION_KM = {"RO": 100, "ES51": 110}
# NUTS-2 regions elsewhere can be large (Nord-Norge runs 600 km from end to end).
ANYWHERE_IN_ITS_REGION_KM = 450


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def every_town():
    for country in countries().values():
        for region in country.regions:
            for town in region.towns:
                yield country, region, town


def test_every_country_has_a_bounding_box() -> None:
    assert set(countries()) == set(COUNTRY_BOXES)


def test_every_town_lies_inside_its_countrys_bounding_box() -> None:
    outside = [
        f"{country.code} {town.name} ({town.latitude}, {town.longitude})"
        for country, _region, town in every_town()
        if not COUNTRY_BOXES[country.code].holds(town.latitude, town.longitude)
    ]
    assert outside == []


def test_every_town_has_its_own_point_and_no_point_is_left_over() -> None:
    listed = {(region.code, town.name) for _country, region, town in every_town()}
    pointed = {(region, town) for region, towns in TOWN_POINTS.items() for town in towns}
    assert listed == pointed


@pytest.mark.parametrize(("key", "truth"), KNOWN_TOWNS.items(), ids=[town for _r, town in KNOWN_TOWNS])
def test_known_towns_are_within_10_km_of_where_they_really_are(key, truth) -> None:
    region_code, name = key
    region = next(r for c in countries().values() for r in c.regions if r.code == region_code)
    town = next(t for t in region.towns if t.name == name)
    assert distance_km((town.latitude, town.longitude), truth) < 10


def test_towns_lie_in_their_region_not_in_a_far_away_one() -> None:
    # L'Hospitalet once sat near Solsona, 100 km from Barcelona: such a slip fails here.
    misplaced = []
    for country, region, town in every_town():
        limit = next(
            (km for prefix, km in NEAR_ITS_REGION_KM.items() if region.code.startswith(prefix)),
            ANYWHERE_IN_ITS_REGION_KM,
        )
        away = distance_km((town.latitude, town.longitude), (region.latitude, region.longitude))
        if away > limit:
            misplaced.append(f"{country.code} {region.name}: {town.name} {away:.0f} km")
    assert misplaced == []
