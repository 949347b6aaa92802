"""A submitted application of school A with a small rubric, and evaluators of country X."""

from __future__ import annotations

from typing import Any

from tests import factories as base
from tests.applications.factories import application_of, fill
from twinschools.applications import services as applications
from twinschools.applications.models import Application
from twinschools.evaluation import services
from twinschools.evaluation.models import Criterion, Rubric
from twinschools.evaluation.services import Given

LEVELS = [{"en": f"Level {n} means this.", "ro": f"Nivelul {n}.", "ca": f"Nivell {n}."} for n in range(6)]


def rubric_for(form_version: Any) -> list[Criterion]:
    rubric, _created = Rubric.objects.get_or_create(
        form_version=form_version, defaults={"introduction": {"en": "Intro."}}
    )
    return [
        Criterion.objects.get_or_create(
            rubric=rubric,
            code=code,
            defaults={
                "order": order,
                "section_kind": kind,
                "name": {"en": name, "ro": f"{name} ro", "ca": f"{name} ca"},
                "levels": LEVELS,
                "weight": 1,
            },
        )[0]
        for order, (code, kind, name) in enumerate(
            [
                ("esafety", "esafety", "eSafety lived"),
                ("leadership", "commitment-1", "Shared leadership"),
                ("plan", "", "Two-year plan"),
            ],
            start=1,
        )
    ]


def submitted(school: Any, head: Any, *, round: Any = None, **round_fields: Any) -> Application:
    if round is None and round_fields:
        from tests.applications.factories import open_round

        round = open_round(**round_fields)
    app = application_of(school, head, round=round)
    fill(app, head)
    applications.sign_and_submit(application=app, by=head, declaration=True)
    app.refresh_from_db()
    rubric_for(app.round.form_version)
    return app


def evaluator(country: Any, email: str, name: str = "") -> Any:
    person = base.UserFactory(email=email, full_name=name or email.split("@")[0])
    base.CountryRoleFactory(user=person, country=country, role="evaluator")
    return person


def scores(app: Application, *values: int | None, comment: str = "Clear evidence.") -> dict[int, Given]:
    criteria = services.criteria_of(app)
    return {c.pk: Given(v, True, f"{comment} ({c.code})") for c, v in zip(criteria, values, strict=True)}


def review(app: Application, person: Any, *values: int | None, notes: str = "", submit: bool = True) -> Any:
    from twinschools.evaluation.models import Assignment

    assignment = Assignment.objects.get(evaluation__application=app, evaluator=person)
    if assignment.no_conflict_declared_at is None:
        services.declare(assignment=assignment, by=person, no_conflict=True)
    return services.save_review(
        assignment=assignment, by=person, given=scores(app, *values), private_notes=notes, submit=submit
    )
