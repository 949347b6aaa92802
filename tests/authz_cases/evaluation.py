"""National evaluation: who may open each page (see tests/authz.py).

School A (country X) has a submitted application; evaluator X is assigned to it
and declared no conflict. Evaluator Y and NSO Y see nothing of it.
"""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from tests.evaluation.factories import review, submitted
from twinschools.accounts.models import CountryRole
from twinschools.applications.models import Application
from twinschools.evaluation import services
from twinschools.evaluation.models import Assignment, Outcome

NSO_X = {"nso_x": 200, "admin": 200}
SCHOOL_READERS = {"teacher_a": 200, "team_a": 200, "head_a": 200, **NSO_X}


def _application(w: World) -> Application:
    found = Application.objects.filter(school=w.school_a).first()
    return found or submitted(w.school_a, w.people["head_a"])


def _assignment(w: World) -> Assignment:
    app = _application(w)
    found = Assignment.objects.filter(evaluation__application=app, evaluator=w.people["evaluator_x"]).first()
    if found is None:
        found = services.assign(application=app, evaluator=w.people["evaluator_x"], by=w.people["nso_x"])
        services.declare(assignment=found, by=w.people["evaluator_x"], no_conflict=True)
    return found


def _awarded(w: World) -> Application:
    from tests.evaluation.factories import evaluator

    app = _application(w)
    other = evaluator(w.school_a.country, "second@eval.ro")
    _assignment(w)
    services.assign(application=app, evaluator=other, by=w.people["nso_x"])
    review(app, w.people["evaluator_x"], 5, 5, 5)
    review(app, other, 5, 5, 5)
    services.decide(application=app, outcome=Outcome.AWARDED, by=w.people["nso_x"])
    return app


def _review_pk(w: World) -> int:
    assignment = _assignment(w)
    return review(_application(w), w.people["evaluator_x"], 3, 3, 3).pk if assignment else 0


def _spare_evaluator_role(w: World) -> int:
    """An evaluator of country X nobody else's case needs, so deactivating it changes nothing else."""
    from tests.evaluation.factories import evaluator

    found = CountryRole.objects.filter(user__email="spare@eval.ro", role="evaluator").first()
    if found is None:
        evaluator(w.school_a.country, "spare@eval.ro")
        found = CountryRole.objects.get(user__email="spare@eval.ro", role="evaluator")
    return found.pk


def _url(name: str, pk: int) -> str:
    return reverse(name, args=[pk])


CASES = [
    Case(
        "evaluation:nso_list",
        lambda w: reverse("evaluation:nso_list"),
        only({"nso_x": 200, "nso_y": 200, "admin": 200}, others=403),
    ),
    Case(
        "evaluation:decide_batch",
        lambda w: reverse("evaluation:decide_batch"),
        only({"nso_x": 400, "nso_y": 400, "admin": 400}, others=403),
        method="post",
    ),
    Case(
        "evaluation:application",
        lambda w: _url("evaluation:application", _application(w).pk),
        only(NSO_X, others=404),
    ),
    Case(
        "evaluation:assign",
        lambda w: _url("evaluation:assign", _application(w).pk),
        only({"nso_x": 400, "admin": 400}, others=404),
        method="post",
    ),
    Case(
        "evaluation:moderate",
        lambda w: _url("evaluation:moderate", _application(w).pk),
        only(NSO_X, others=404),
    ),
    Case(
        "evaluation:decide",
        lambda w: _url("evaluation:decide", _application(w).pk),
        only({"nso_x": 400, "admin": 400}, others=404),
        method="post",
    ),
    Case(
        "evaluation:withdraw",
        lambda w: _url("evaluation:withdraw", _awarded(w).award.pk),
        only(NSO_X, others=404),
    ),
    Case(
        "evaluation:withdraw (empty post)",
        lambda w: _url("evaluation:withdraw", _awarded(w).award.pk),
        only({"nso_x": 400, "admin": 400}, others=404),
        method="post",
    ),
    Case(
        "evaluation:reopen",
        lambda w: _url("evaluation:reopen", _review_pk(w)),
        only({"nso_x": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "evaluation:settings",
        lambda w: reverse("evaluation:settings", args=["RO"]) + f"?round={_application(w).round_id}",
        only(NSO_X, others=404),
    ),
    Case(
        "evaluation:evaluators",
        lambda w: reverse("evaluation:evaluators", args=["RO"]),
        only(NSO_X, others=404),
    ),
    Case(
        "evaluation:deactivate_evaluator",
        lambda w: _url("evaluation:deactivate_evaluator", _spare_evaluator_role(w)),
        only({"nso_x": 302, "admin": 302}, others=404),
        method="post",
    ),
    Case(
        "evaluation:assignments",
        lambda w: reverse("evaluation:assignments"),
        only({"evaluator_x": 200, "evaluator_y": 200, "admin": 200}, others=403),
    ),
    Case(
        "evaluation:review",
        lambda w: _url("evaluation:review", _assignment(w).pk),
        only({"evaluator_x": 200}, others=404),
    ),
    Case(
        "evaluation:declare",
        lambda w: _url("evaluation:declare", _assignment(w).pk),
        only({"evaluator_x": 302}, others=404),
        method="post",
    ),
    Case(
        "evaluation:result",
        lambda w: _url("evaluation:result", _application(w).pk),
        only(SCHOOL_READERS, others=404),
    ),
    Case(
        "evaluation:certificate",
        lambda w: _url("evaluation:certificate", _awarded(w).pk),
        only(SCHOOL_READERS, others=404),
    ),
    Case("evaluation:rubric", lambda w: _url("evaluation:rubric", _application(w).round_id), ANYONE),
    Case("evaluation:map", lambda w: reverse("evaluation:map"), ANYONE),
]
