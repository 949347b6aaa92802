"""Who may reach the team, responsibilities and decision pages of school A."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import Case, only
from tests.conftest import World
from tests.leadership.factories import ResponsibilityFactory, closed_proposal, open_proposal, team_teacher
from twinschools.leadership.models import TeamMember

VIEWERS = {"teacher_a": 200, "team_a": 200, "head_a": 200, "nso_x": 200, "admin": 200}
LEADERS = ("head_a", "admin")
TEAM = ("team_a", "head_a")
# Platform admins hold every permission; the services still refuse them a vote or a proposal.
TEAM_AND_ADMIN = (*TEAM, "admin")


def _seat(w: World) -> int:
    return TeamMember.objects.get(user=team_teacher(w.school_a)).pk


def _responsibility(w: World) -> int:
    return ResponsibilityFactory(school=w.school_a, owner=w.people["team_a"]).pk


def _proposal(w: World) -> int:
    return open_proposal(w.school_a, w.people["team_a"]).pk


def _closed(w: World) -> int:
    return closed_proposal(w.school_a, w.people["team_a"]).pk


def _statuses(roles: tuple[str, ...], status: int) -> dict[str, int]:
    return dict.fromkeys(roles, status)


CASES = [
    Case(
        "leadership:team",
        lambda w: reverse("leadership:team", args=[w.school_a.pk]),
        only(VIEWERS, others=404),
    ),
    Case(
        "leadership:add_member",
        lambda w: reverse("leadership:add_member", args=[w.school_a.pk]),
        only(_statuses(LEADERS, 400), others=404),
        method="post",
    ),
    Case(
        "leadership:remove_member",
        lambda w: reverse("leadership:remove_member", args=[_seat(w)]),
        only(_statuses(LEADERS, 302), others=404),
        method="post",
    ),
    Case(
        "leadership:delegate",
        lambda w: reverse("leadership:delegate", args=[_seat(w)]),
        only(_statuses(LEADERS, 302), others=404),
        method="post",
    ),
    Case(
        "leadership:new_responsibility",
        lambda w: reverse("leadership:new_responsibility", args=[w.school_a.pk]),
        only(_statuses(LEADERS, 200), others=404),
    ),
    Case(
        "leadership:edit_responsibility",
        lambda w: reverse("leadership:edit_responsibility", args=[_responsibility(w)]),
        only(_statuses(LEADERS, 200), others=404),
    ),
    Case(
        "leadership:delete_responsibility",
        lambda w: reverse("leadership:delete_responsibility", args=[_responsibility(w)]),
        only(_statuses(LEADERS, 302), others=404),
        method="post",
    ),
    Case(
        "leadership:decisions",
        lambda w: reverse("leadership:decisions", args=[w.school_a.pk]),
        only(VIEWERS, others=404),
    ),
    Case(
        "leadership:new_proposal",
        lambda w: reverse("leadership:new_proposal", args=[w.school_a.pk]),
        only(_statuses(TEAM_AND_ADMIN, 200), others=404),
    ),
    Case(
        "leadership:proposal",
        lambda w: reverse("leadership:proposal", args=[_proposal(w)]),
        only(VIEWERS, others=404),
    ),
    Case(
        "leadership:take_position",
        lambda w: reverse("leadership:take_position", args=[_proposal(w)]),
        only(_statuses(TEAM_AND_ADMIN, 400), others=404),
        method="post",
    ),
    Case(
        "leadership:close_proposal",
        lambda w: reverse("leadership:close_proposal", args=[_proposal(w)]),
        only(_statuses(TEAM_AND_ADMIN, 302), others=404),
        method="post",
    ),
    Case(
        "leadership:withdraw_proposal",
        lambda w: reverse("leadership:withdraw_proposal", args=[_proposal(w)]),
        only(_statuses(TEAM_AND_ADMIN, 302), others=404),
        method="post",
    ),
    Case(
        "leadership:record_outcome",
        lambda w: reverse("leadership:record_outcome", args=[_closed(w)]),
        only(_statuses(TEAM_AND_ADMIN, 200), others=404),
    ),
]
