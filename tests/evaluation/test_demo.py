from __future__ import annotations

import random

from django.utils import timezone

from tests import factories as base
from tests.conftest import World
from twinschools.accounts.models import CountryRole
from twinschools.applications.models import Application, Status
from twinschools.credentials.models import IssuedCredential
from twinschools.evaluation import services
from twinschools.evaluation.demo import seed_evaluation
from twinschools.evaluation.models import Assignment, AssignmentKind, LabelAward
from twinschools.evaluation.stages import Stage
from twinschools.labels.models import Round


def _demo_people(world: World) -> None:
    romania = world.school_a.country
    CountryRole.objects.filter(role="evaluator").delete()  # only the demo's evaluators
    for name in ("evaluator.ro", "evaluator2.ro", "evaluator3.ro"):
        base.CountryRoleFactory(
            user=base.UserFactory(email=f"{name}@demo.twinschools.eu"), country=romania, role="evaluator"
        )
    nso = base.UserFactory(email="nso.ro@demo.twinschools.eu")
    base.CountryRoleFactory(user=nso, country=romania, role="nso")
    for _number in range(3):
        base.SchoolFactory(country=romania)


def test_the_demo_has_an_application_in_every_stage_of_the_evaluation(world: World) -> None:
    _demo_people(world)
    Round.objects.update(status="published")
    people = {"head": world.people["head_a"]}
    for _time in range(2):  # a second run changes nothing
        seed_evaluation(
            school=world.school_a, people=people, rng=random.Random(1), today=timezone.localdate()
        )
    awards = LabelAward.objects.order_by("pk")
    assert [award.revoked_at is None for award in awards] == [True, False]
    kept, revoked = awards
    assert IssuedCredential.objects.get(source_label=services.award_source(kept)).revoked_at is None
    assert IssuedCredential.objects.get(source_label=services.award_source(revoked)).revoked_at is not None
    in_evaluation, waiting = Application.objects.filter(status=Status.SUBMITTED).order_by("pk")
    progress = services.load_progress(in_evaluation)
    assert progress.disagreement and progress.stage == Stage.SECOND_OPINION
    third = Assignment.objects.get(evaluation__application=in_evaluation, kind=AssignmentKind.SECOND_OPINION)
    assert third.evaluator.email == "evaluator.ro@demo.twinschools.eu" and third.assigned_by is None
    assert services.load_progress(waiting).stage == Stage.TO_ASSIGN


def test_the_demo_seeder_does_nothing_without_the_demo_accounts(world: World) -> None:
    seed_evaluation(school=world.school_a, people={}, rng=random.Random(1), today=timezone.localdate())
    assert not Application.objects.exists()
