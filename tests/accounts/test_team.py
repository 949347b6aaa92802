"""The head's staff page lists each person once, with every role they hold at the school."""

from __future__ import annotations

from django.urls import reverse

from tests import factories
from tests.clients import signed_in
from tests.conftest import World


def test_a_head_who_also_teaches_is_listed_once_with_both_roles(world: World) -> None:
    head = world.people["head_a"]
    factories.MembershipFactory(school=world.school_a, user=head, role="teacher")
    response = signed_in(head).get(reverse("accounts:team", args=[world.school_a.pk]))
    people = response.context["staff"]
    mine = [person for person in people if person.user == head]
    assert len(mine) == 1
    assert sorted(m.role for m in mine[0].memberships) == ["head", "teacher"]
    assert people[0].user == head  # heads first
    assert response.content.decode().count(head.email) == 1
