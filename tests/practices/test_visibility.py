"""Who reads a practice, by how it is shared: the visibility matrix."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.clients import signed_in
from tests.conftest import World
from tests.practices.factories import PracticeFactory
from twinschools.practices import queries
from twinschools.practices.models import Visibility

READERS = {
    Visibility.SCHOOL: {"teacher_a", "team_a", "head_a", "nso_x", "admin"},
    Visibility.NETWORK: {
        "student_a",
        "parent_a",
        "teacher_a",
        "team_a",
        "head_a",
        "teacher_b",
        "nso_x",
        "evaluator_x",
        "nso_y",
        "evaluator_y",
        "admin",
    },
    Visibility.PUBLIC: {
        "anonymous",
        "student_a",
        "parent_a",
        "teacher_a",
        "team_a",
        "head_a",
        "teacher_b",
        "nso_x",
        "evaluator_x",
        "nso_y",
        "evaluator_y",
        "admin",
    },
}
ROLES = ("anonymous", "student_a", "parent_a", "teacher_a", "head_a", "teacher_b", "nso_x", "nso_y", "admin")


def client_for(world: World, role: str) -> Client:
    user = world.user(role)
    return signed_in(user) if user else Client()


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("role", ROLES)
def test_a_practice_is_read_exactly_by_those_it_is_shared_with(
    world: World, visibility: str, role: str
) -> None:
    practice = PracticeFactory(school=world.school_a, author=world.people["teacher_a"], visibility=visibility)
    client = client_for(world, role)

    page = client.get(reverse("practices:detail", args=[practice.pk]))
    library = client.get(reverse("practices:library"))

    reads = role in READERS[visibility]
    assert (page.status_code == 200) == reads, role
    assert (practice in library.context["page"].object_list) == reads, role


def test_anonymous_visitors_are_asked_to_sign_in_for_a_network_practice(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.NETWORK)
    response = Client().get(reverse("practices:detail", args=[practice.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_schools_own_library_lists_its_practices_whatever_their_visibility(world: World) -> None:
    kept = PracticeFactory(school=world.school_a, visibility=Visibility.SCHOOL)
    public = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC)
    PracticeFactory(school=world.school_b, visibility=Visibility.PUBLIC)
    response = signed_in(world.people["nso_x"]).get(
        reverse("practices:school_library", args=[world.school_a.pk])
    )
    assert list(response.context["page"].object_list) == [public, kept]


def test_national_staff_read_their_countrys_school_practices_but_not_another_countrys(world: World) -> None:
    kept = PracticeFactory(school=world.school_a, visibility=Visibility.SCHOOL)
    assert kept in queries.visible_to(world.people["nso_x"])
    assert kept not in queries.visible_to(world.people["nso_y"])


def test_national_staff_and_pupils_cannot_respond_to_a_practice(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC)
    for role in ("nso_x", "student_a", "parent_a", "evaluator_x"):
        response = signed_in(world.people[role]).post(
            reverse("practices:comment", args=[practice.pk]), {"body": "Hello"}
        )
        assert response.status_code == 404, role
    assert practice.comments.count() == 0


def test_no_pupil_appears_on_the_public_library_or_practice_page(world: World) -> None:
    practice = PracticeFactory(school=world.school_a, visibility=Visibility.PUBLIC, title="Water in our town")
    pages = [
        Client().get(reverse("practices:library")).content.decode(),
        Client().get(reverse("practices:detail", args=[practice.pk])).content.decode(),
    ]
    for page in pages:
        assert "Zorella" not in page
        assert "SEVENB" not in page
