"""Mentoring between schools: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only
from tests.conftest import World
from tests.mentoring.factories import PlacedSchoolFactory, pairing_of

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}


def _pair(w: World) -> str:
    pair = pairing_of(w.school_a, PlacedSchoolFactory(country=w.school_a.country))
    return reverse("mentoring:pair_detail", args=[pair.pk])


CASES = [
    Case(
        "mentoring:school_mentoring",
        lambda w: reverse("mentoring:school_mentoring", args=[w.school_a.pk]),
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    # Platform admins pass every capability; they see no country of their own.
    Case(
        "mentoring:nso_matching",
        lambda w: reverse("mentoring:nso_matching"),
        only({"nso_x": 200, "nso_y": 200, "admin": 200}, others=403),
    ),
    Case("mentoring:pair_detail", _pair, only({**STAFF_A, "nso_x": 200}, others=404)),
]
