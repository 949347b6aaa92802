from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World


@pytest.mark.parametrize(
    ("role", "sees_it"), [("teacher_a", True), ("head_a", True), ("parent_a", False), ("student_a", False)]
)
def test_the_dashboard_opens_the_workspace_of_each_school_where_the_person_is_staff(
    world: World, role: str, sees_it: bool
) -> None:
    page = signed_in(world.people[role]).get(reverse("accounts:dashboard")).content.decode()
    assert (reverse("mission:overview", args=[world.school_a.pk]) in page) is sees_it
    assert ("Open the workspace" in page) is sees_it


@pytest.mark.parametrize(
    ("role", "link", "read_only"),
    [
        ("teacher_a", True, False),
        ("head_a", True, False),
        ("nso_x", True, True),
        ("admin", True, False),
        ("nso_y", False, False),
        ("teacher_b", False, False),
        ("evaluator_x", False, False),
        ("parent_a", False, False),
        ("student_a", False, False),
    ],
)
def test_the_school_profile_shows_the_workspace_to_those_who_may_read_it(
    world: World, role: str, link: bool, read_only: bool
) -> None:
    page = (
        signed_in(world.people[role])
        .get(reverse("network:school", args=[world.school_a.pk]))
        .content.decode()
    )
    assert (reverse("mission:overview", args=[world.school_a.pk]) in page) is link
    assert ("only the school's staff change it" in page) is read_only


def test_anonymous_visitors_see_no_way_into_the_workspace(world: World) -> None:
    page = Client().get(reverse("network:school", args=[world.school_a.pk])).content.decode()
    assert reverse("mission:overview", args=[world.school_a.pk]) not in page
