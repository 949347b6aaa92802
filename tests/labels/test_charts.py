"""The NSO's eligibility page draws eligible and not eligible schools per region."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.chart_html import table
from tests.clients import signed_in
from tests.conftest import World
from tests.factories import RegionFactory, SchoolFactory
from tests.labels.helpers import TODAY, eligible_school, round_named
from twinschools.labels import services

pytestmark = pytest.mark.django_db


def test_the_eligibility_page_draws_eligible_and_not_eligible_per_region_with_its_table(world: World) -> None:
    setup = eligible_school()
    ro = world.school_a.country
    north = RegionFactory(country=ro, name="Nord-Vest")
    setup.school.region = north
    setup.school.save(update_fields=["region"])
    SchoolFactory.create_batch(2, country=ro, region=north)
    round = round_named("2026-2027")
    services.run_eligibility(round=round, run_by=None, today=TODAY)
    html = signed_in(world.people["nso_x"]).get(reverse("labels:nso", args=["ro"]), {"round": round.pk})
    rows = table(html.content.decode(), "chart-eligibility")
    assert rows[0] == ["Region", "Eligible", "Not eligible", "Total"]
    assert ["Nord-Vest", "1", "2", "3"] in rows
