"""Which school an object belongs to, as the permission predicates see it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from twinschools.accounts.rules import is_nso_for, is_staff_of

pytestmark = pytest.mark.django_db


def test_an_object_without_a_school_never_borrows_its_own_pk_as_a_school(world):
    # Before: an object without school_id was taken for the school with its pk.
    stray = SimpleNamespace(pk=world.school_a.pk)
    assert not is_staff_of(world.people["teacher_a"], stray)


def test_an_object_that_names_its_owning_school_is_checked_against_it(world):
    owned = SimpleNamespace(
        pk=world.school_b.pk,
        school_id=world.school_b.pk,
        owning_school_id=world.school_a.pk,
        owning_school=world.school_a,
    )
    assert is_staff_of(world.people["teacher_a"], owned)
    assert not is_staff_of(world.people["teacher_b"], owned)
    assert is_nso_for(world.people["nso_x"], owned) and not is_nso_for(world.people["nso_y"], owned)
