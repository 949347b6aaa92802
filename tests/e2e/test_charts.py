"""The charts in the browser: the mission overview and the NSO's eligibility page in Romanian
and Catalan, on a laptop and on a phone: axe finds nothing and nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from tests.e2e.conftest import NewPage
from tests.factories import RegionFactory, SchoolFactory
from tests.labels.helpers import TODAY, eligible_school, round_named
from tests.mission.factories import InclusionMeasureFactory
from tests.planning.factories import ActionFactory, GoalFactory, PlanFactory
from twinschools.labels import services as label_services
from twinschools.planning.models import ActionStatus

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)


def _overview(world: World) -> tuple[Any, str]:
    today = timezone.localdate()
    InclusionMeasureFactory(school=world.school_a, recorded_by=world.people["head_a"], started_on=today)
    plan = PlanFactory(school=world.school_a)
    for commitment, status in (
        (1, ActionStatus.DONE),
        (1, ActionStatus.PLANNED),
        (3, ActionStatus.IN_PROGRESS),
    ):
        ActionFactory(goal=GoalFactory(plan=plan, commitment=commitment), status=status, done_on=today)
    return world.people["head_a"], reverse("mission:overview", args=[world.school_a.pk])


def _eligibility(world: World) -> tuple[Any, str]:
    setup = eligible_school()
    region = RegionFactory(country=world.school_a.country, name="Nord-Vest")
    setup.school.region = region
    setup.school.save(update_fields=["region"])
    SchoolFactory.create_batch(2, country=world.school_a.country, region=region)
    round = round_named("2026-2027")
    label_services.run_eligibility(round=round, run_by=None, today=TODAY)
    return world.people["nso_x"], reverse("labels:nso", args=["ro"]) + f"?round={round.pk}"


SCENES: dict[str, Callable[[World], tuple[Any, str]]] = {
    "mission-overview": _overview,
    "eligibility": _eligibility,
}


@pytest.mark.parametrize("language", ["ro", "ca"])
@pytest.mark.parametrize("name", list(SCENES))
def test_the_charts_read_on_a_laptop_and_a_phone_with_no_wcag_violation(
    name: str, language: str, world: World, new_page: NewPage, assert_accessible: Callable[..., None]
) -> None:
    user, url = SCENES[name](world)
    for width in WIDTHS:
        page = new_page(user=user, language=language, viewport={"width": width, "height": 900})
        response = page.goto(url)
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        assert page.locator("html").get_attribute("lang") == language
        charts = page.locator("figure.chart svg[role=img]")
        assert charts.count() >= 1
        # The data table opens and shows its numbers.
        page.locator("figure.chart details summary").first.click()
        assert page.locator("figure.chart details table").first.is_visible()
        assert_accessible(page, f"{name} in {language} at {width} px")
        scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1], f"{name} in {language} scrolls sideways at {width} px: {scroll}"
