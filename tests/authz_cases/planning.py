"""Who may reach the action plan and the calendar of school A.

Staff of school A, NSO staff of its country and admins read; the eTwinning team
(the head included) and admins change the plan; any member of staff plans an
activity and its co-planners change it. Calendar feeds are public addresses
whose secret token stands for the person.
"""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from tests.planning.factories import ActionFactory, ActivityFactory, GoalFactory, PlanFactory
from twinschools.planning import services

VIEWERS = {"teacher_a": 200, "team_a": 200, "head_a": 200, "nso_x": 200, "admin": 200}
EDITORS = ("team_a", "head_a", "admin")
STAFF_AND_ADMIN = ("teacher_a", "team_a", "head_a", "admin")


def _editors(status: int) -> dict[str, int]:
    return only(dict.fromkeys(EDITORS, status), others=404)


def _plan(w: World) -> int:
    return PlanFactory(school=w.school_a).pk


def _goal(w: World) -> int:
    return GoalFactory(plan__school=w.school_a).pk


def _action(w: World) -> int:
    return ActionFactory(goal__plan__school=w.school_a, owners=[w.people["team_a"]]).pk


def _activity(w: World) -> int:
    return ActivityFactory(school=w.school_a, co_planners=[w.people["team_a"]], classes=[w.class_a]).pk


def _feed(w: World) -> str:
    return services.feed_token(user=w.people["team_a"], school=w.school_a).token


def _url(name: str, key: object) -> str:
    return reverse(f"planning:{name}", args=[key])


CASES = [
    Case("planning:plan", lambda w: _url("plan", w.school_a.pk), only(VIEWERS, others=404)),
    Case("planning:create_plan", lambda w: _url("create_plan", w.school_a.pk), _editors(400), method="post"),
    Case("planning:plan_detail", lambda w: _url("plan_detail", _plan(w)), only(VIEWERS, others=404)),
    Case("planning:plan_history", lambda w: _url("plan_history", _plan(w)), only(VIEWERS, others=404)),
    Case("planning:plan_print", lambda w: _url("plan_print", _plan(w)), only(VIEWERS, others=404)),
    Case("planning:plan_pdf", lambda w: _url("plan_pdf", _plan(w)), only(VIEWERS, others=404)),
    Case("planning:add_goal", lambda w: _url("add_goal", _plan(w)), _editors(200)),
    Case("planning:edit_goal", lambda w: _url("edit_goal", _goal(w)), _editors(200)),
    Case("planning:delete_goal", lambda w: _url("delete_goal", _goal(w)), _editors(302), method="post"),
    Case("planning:add_action", lambda w: _url("add_action", _goal(w)), _editors(200)),
    Case("planning:action", lambda w: _url("action", _action(w)), only(VIEWERS, others=404)),
    Case("planning:edit_action", lambda w: _url("edit_action", _action(w)), _editors(200)),
    Case("planning:delete_action", lambda w: _url("delete_action", _action(w)), _editors(302), method="post"),
    Case("planning:add_note", lambda w: _url("add_note", _action(w)), _editors(400), method="post"),
    Case("planning:action_history", lambda w: _url("action_history", _action(w)), only(VIEWERS, others=404)),
    Case("planning:calendar", lambda w: _url("calendar", w.school_a.pk), only(VIEWERS, others=404)),
    Case(
        "planning:add_activity",
        lambda w: _url("add_activity", w.school_a.pk),
        only(dict.fromkeys(STAFF_AND_ADMIN, 200), others=404),
    ),
    Case("planning:activity", lambda w: _url("activity", _activity(w)), only(VIEWERS, others=404)),
    # Only the co-planners (here team A) change an activity; the head reads it.
    Case(
        "planning:edit_activity",
        lambda w: _url("edit_activity", _activity(w)),
        only({"team_a": 200, "admin": 200}, others=404),
    ),
    Case("planning:feeds", lambda w: _url("feeds", w.school_a.pk), only(VIEWERS, others=404)),
    Case(
        "planning:reset_feed",
        lambda w: _url("reset_feed", w.school_a.pk),
        only(dict.fromkeys(VIEWERS, 302), others=404),
        method="post",
    ),
    Case("planning:feed", lambda w: _url("feed", _feed(w)), ANYONE),
]
