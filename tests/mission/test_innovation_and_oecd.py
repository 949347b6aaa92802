from __future__ import annotations

import pytest
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.mission.factories import InclusionMeasureFactory, approach_provider, group, item, records_provider
from twinschools.mission.registry import REGISTRY, ApproachUse


@pytest.fixture
def no_other_apps():
    """Only the mission app's own providers, whatever other apps registered."""
    saved = list(REGISTRY.providers)
    REGISTRY.providers[:] = [p for p in saved if p.__module__.startswith("twinschools.mission")]
    yield
    REGISTRY.providers[:] = saved


def use(code: str, kind: str, count: int, *latest) -> ApproachUse:
    return ApproachUse(code=code, kind=kind, count=count, url=f"/test/{kind}/{code}/", latest=tuple(latest))


def innovation(world: World, role: str = "teacher_a", **params: str):
    return signed_in(world.people[role]).get(reverse("mission:innovation", args=[world.school_a.pk]), params)


def oecd(world: World, role: str = "teacher_a", **params: str):
    url = reverse("mission:learning_organisation", args=[world.school_a.pk])
    return signed_in(world.people[role]).get(url, params)


def test_without_approaches_the_innovation_record_says_how_to_fill_it(
    world: World, no_other_apps: None
) -> None:
    page = innovation(world).content.decode()
    assert "No activity or practice of this period names a pedagogical approach yet." in page
    assert "Tag practices and planned activities with the approaches they use" in page
    assert "Nothing in this period uses “Flexible time” yet." in page


def test_the_innovation_record_counts_approaches_per_kind_of_record_with_links(
    world: World, no_other_apps: None
) -> None:
    uses = (
        use("flipped", "Practices", 3),
        use("flipped", "Planned activities", 1),
        use(
            "flexible-time", "Planned activities", 2, item("Project week in May", 5), item("Long lesson", 40)
        ),
    )
    with approach_provider(*uses):
        response = innovation(world)
    record = response.context["record"]
    assert record.kinds == ["Practices", "Planned activities"]
    assert [(row.label, row.total) for row in record.rows] == [("Flexible time", 2), ("Flipped classroom", 4)]
    page = response.content.decode()
    assert 'href="/test/Practices/flipped/">3</a>' in page
    assert "Project week in May" in page and "Long lesson" in page
    assert "Nothing in this period uses “Flexible learning spaces” yet." in page
    assert "Flexible learning spaces" in record.unused


def test_every_oecd_dimension_without_evidence_is_flagged(world: World, no_other_apps: None) -> None:
    response = oecd(world, "nso_x")
    assert [d.has_evidence for d in response.context["dimensions"]] == [False] * 7
    assert response.content.decode().count("No evidence yet") == 7


def test_records_are_mapped_onto_their_dimensions_with_inclusion_on_1_and_approaches_on_4(
    world: World, no_other_apps: None
) -> None:
    InclusionMeasureFactory(school=world.school_a)
    with (
        records_provider(
            group(2, 5, label="Co-planned activities", oecd=(3,)), group(2, 7, planned=True, oecd=(5,))
        ),
        approach_provider(use("project-based", "Practices", 2)),
    ):
        response = oecd(world)
    evidence = {d.dimension.number: d for d in response.context["dimensions"]}
    assert [g.label for g in evidence[1].groups] == ["Inclusion measures"]
    assert [g.label for g in evidence[3].groups] == ["Co-planned activities"]
    assert evidence[4].approaches == 2
    assert not evidence[5].has_evidence  # a plan is not yet evidence
    page = response.content.decode()
    assert "Co-planned activities: 5" in page
    assert reverse("mission:innovation", args=[world.school_a.pk]) + "?period=last-12-months" in page
    assert page.count("No evidence yet") == 4


@pytest.mark.parametrize("name", ["mission:innovation", "mission:learning_organisation"])
def test_an_unknown_period_is_refused_on_the_field(world: World, no_other_apps: None, name: str) -> None:
    response = signed_in(world.people["head_a"]).get(reverse(name, args=[world.school_a.pk]), {"period": "x"})
    assert response.status_code == 400
    assert response.context["period"].key == "last-12-months"


@pytest.mark.parametrize("count", [1, 30])
def test_the_innovation_and_oecd_pages_cost_the_same_queries_for_one_record_as_for_thirty(
    world: World, no_other_apps: None, count: int, django_assert_num_queries
) -> None:
    for _ in range(count):
        InclusionMeasureFactory(school=world.school_a)
    uses = [use(code, "Practices", count, item(f"Practice {code}")) for code in ("flipped", "flexible-time")]
    client = signed_in(world.people["head_a"])
    with records_provider(group(3, count, oecd=(2, 7))), approach_provider(*uses):
        # Session, user, school, roles (2).
        with django_assert_num_queries(5):
            client.get(reverse("mission:innovation", args=[world.school_a.pk]))
        # ... and the inclusion provider: counts, latest done, next planned.
        with django_assert_num_queries(8):
            client.get(reverse("mission:learning_organisation", args=[world.school_a.pk]))
