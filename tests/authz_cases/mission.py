"""The mission app's pages: the overview, inclusion, innovation and the OECD view.

Staff of school A read and record; NSO staff of country X read only; everyone
else (school B, country Y, evaluators, pupils, parents) gets 404.
"""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only
from tests.mission.factories import InclusionMeasureFactory

READERS = {"teacher_a": 200, "team_a": 200, "head_a": 200, "nso_x": 200, "admin": 200}
WRITERS = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}


def _school_page(name: str) -> Case:
    return Case(
        f"mission:{name}",
        lambda w: reverse(f"mission:{name}", args=[w.school_a.pk]),
        only(READERS, others=404),
    )


def _measure_of_team_a(w):  # recorded by team A: the recorder, the head and admins change it
    return InclusionMeasureFactory(school=w.school_a, recorded_by=w.people["team_a"])


CASES = [
    _school_page("overview"),
    _school_page("inclusion"),
    _school_page("innovation"),
    _school_page("learning_organisation"),
    Case(
        "mission:inclusion_new",
        lambda w: reverse("mission:inclusion_new", args=[w.school_a.pk]),
        only(WRITERS, others=404),
    ),
    Case(
        "mission:inclusion_edit",
        lambda w: reverse("mission:inclusion_edit", args=[_measure_of_team_a(w).pk]),
        only({"team_a": 200, "head_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "mission:inclusion_delete",
        lambda w: reverse("mission:inclusion_delete", args=[_measure_of_team_a(w).pk]),
        only({"team_a": 302, "head_a": 302, "admin": 302}, others=404),
        method="post",
    ),
]
