"""The NSO's coverage page draws, per region, the schools reached and those in a gap."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.chart_html import table
from tests.clients import signed_in
from tests.conftest import World
from tests.reach.factories import came_to_event_of
from tests.reach.test_reach import _anchored_country
from twinschools.network.models import School

pytestmark = pytest.mark.django_db


def test_the_coverage_page_draws_schools_reached_and_in_a_gap_per_region_with_its_table(world: World) -> None:
    _anchored_country(world)
    came_to_event_of(School.objects.get(name="Ancora"), School.objects.get(name="Aproape de Cluj"))
    response = signed_in(world.people["nso_x"]).get(reverse("reach:country_reach"), {"km": 30})
    rows = table(response.content.decode(), "chart-coverage")
    assert rows[0] == ["Region", "Schools reached", "Schools in a gap"]
    assert ["Nord", "1", "1"] in rows
    assert ["Sud", "0", "0"] in rows
