"""Student agency: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.authz import Case, only
from tests.conftest import World
from twinschools.agency.models import InitiativeStatus

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}


def _team(w: World) -> str:
    team = StudentTeamFactory(school=w.school_a, coordinators=[w.people["teacher_a"]], members=[w.pupil_a])
    return reverse("agency:team_edit", args=[team.pk])


def _initiative(w: World, status: str = InitiativeStatus.PROPOSED) -> int:
    return InitiativeFactory(proposed_by=w.pupil_a.user, status=status).pk


def _suggestion(w: World) -> int:
    return SuggestionFactory(author=w.pupil_a.user).pk


def _students_page(w: World) -> str:
    """School A's student agency page, with Zorella on a team and her initiatives in every state."""
    _team(w)
    for status in (InitiativeStatus.PROPOSED, InitiativeStatus.APPROVED, InitiativeStatus.HELD):
        _initiative(w, status)
    return reverse("agency:school_students", args=[w.school_a.pk])


CASES = [
    Case(
        "agency:school_students",
        _students_page,
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    Case(
        "agency:team_create",
        lambda w: reverse("agency:team_create", args=[w.school_a.pk]),
        only(STAFF_A, others=404),
    ),
    Case("agency:team_edit", _team, only(STAFF_A, others=404)),
    Case(
        "agency:moderate_initiative",
        lambda w: reverse("agency:moderate_initiative", args=[_initiative(w)]),
        only(STAFF_A, others=404),
    ),
    Case(
        "agency:record_held",
        lambda w: reverse("agency:record_held", args=[_initiative(w, InitiativeStatus.APPROVED)]),
        only({**STAFF_A, "student_a": 200}, others=404),
    ),
    Case(
        "agency:moderate_suggestion",
        lambda w: reverse("agency:moderate_suggestion", args=[_suggestion(w)]),
        only(STAFF_A, others=404),
    ),
    # Platform admins pass every permission, but have no pupil's page: 404.
    Case(
        "agency:student_home",
        lambda w: reverse("agency:student_home"),
        only({"student_a": 200, "admin": 404}, others=403),
    ),
    Case(
        "agency:propose_initiative",
        lambda w: reverse("agency:propose_initiative"),
        only({"student_a": 200, "admin": 404}, others=403),
    ),
    Case(
        "agency:edit_initiative",
        lambda w: reverse("agency:edit_initiative", args=[_initiative(w, InitiativeStatus.CHANGES)]),
        only({"student_a": 200}, others=404),
    ),
    Case(
        "agency:suggest",
        lambda w: reverse("agency:suggest", args=[w.school_a.pk]),
        only({"student_a": 200, "parent_a": 200, "admin": 200}, others=404),
    ),
    Case(
        "agency:parent_home",
        lambda w: reverse("agency:parent_home"),
        only({"parent_a": 200, "admin": 200}, others=403),
    ),
]
