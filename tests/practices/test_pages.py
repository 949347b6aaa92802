"""Query counts of both libraries: one practice or many, the same number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory, TriedFactory
from twinschools.practices.models import Visibility


def fill(world: World, count: int) -> None:
    for number in range(count):
        school = factories.SchoolFactory() if number % 2 else world.school_a
        practice = PracticeFactory(
            school=school, visibility=Visibility.PUBLIC, approaches=["flipped", "game-based"]
        )
        TriedFactory(practice=practice, user=world.people["teacher_b"])
        PracticeFactory(school=school, visibility=Visibility.NETWORK, adapted_from=practice)


def count_queries(django_assert_num_queries: Any, client: Client, url: str, expected: int) -> None:
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("items", [1, 15])
def test_the_network_library_costs_the_same_queries_for_one_practice_or_many(
    world: World, django_assert_num_queries: Any, items: int
) -> None:
    fill(world, items)
    url = reverse("practices:library") + "?q=practice&age=12"
    # On PostgreSQL the count and the page each run in a block that steers the planner
    # (savepoint, two SET LOCAL, release): statements, not reads that grow with the items.
    steering = 8 if connection.vendor == "postgresql" else 0
    # session, user, roles (2), countries with practices, count, page, approaches
    count_queries(django_assert_num_queries, signed_in(world.people["teacher_b"]), url, 8 + steering)
    # anonymous: countries with practices, count, page, approaches
    count_queries(django_assert_num_queries, Client(), url, 4 + steering)


@pytest.mark.parametrize("items", [1, 15])
def test_the_school_library_costs_the_same_queries_for_one_practice_or_many(
    world: World, django_assert_num_queries: Any, items: int
) -> None:
    fill(world, items)
    url = reverse("practices:school_library", args=[world.school_a.pk])
    # session, user, roles (2), school, count, page, approaches
    count_queries(django_assert_num_queries, signed_in(world.people["head_a"]), url, 8)


def test_the_practice_page_costs_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: Any
) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC, approaches=["flipped"])
    for _ in range(3):
        TriedFactory(practice=practice)
        PracticeFactory(adapted_from=practice, visibility=Visibility.PUBLIC)
    # practice, its approaches, levels, links and files, adaptations, comments, tried marks
    with django_assert_num_queries(8):
        response = Client().get(reverse("practices:detail", args=[practice.pk]))
    assert response.status_code == 200
