"""The NSO's evaluation page draws how many applications stand at each stage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.chart_html import table
from tests.conftest import World
from tests.evaluation.factories import evaluator
from tests.evaluation.test_views import _applications, _client
from twinschools.evaluation import services

pytestmark = pytest.mark.django_db


def test_the_evaluation_page_draws_the_applications_per_stage_with_its_table(world: World) -> None:
    first, _second, _third = _applications(world, 3)
    second = evaluator(world.school_a.country, "evaluator2@example.org")
    for person in (world.people["evaluator_x"], second):
        services.assign(application=first, evaluator=person, by=world.people["nso_x"])
    response = _client(world.people["nso_x"]).get(reverse("evaluation:nso_list"), {"stage": "in_review"})
    rows = table(response.content.decode(), "chart-evaluation")
    assert rows[0] == ["Stage", "Applications"]
    # The chart counts the whole round, whatever stage the list is filtered on.
    assert ["Evaluators to assign", "2"] in rows
    assert ["In review", "1"] in rows
    assert ["To moderate", "0"] in rows
    assert len(response.context["page"].rows) == 1
