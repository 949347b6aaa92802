from __future__ import annotations

import random

from django.utils import timezone

from tests import factories as base
from tests.conftest import World
from twinschools.applications.models import Application, Status
from twinschools.evaluation.demo import seed_evaluation
from twinschools.evaluation.models import Assignment, LabelAward
from twinschools.labels.models import Round


def test_the_demo_has_an_awarded_earlier_application_and_one_waiting_with_the_demo_evaluator(
    world: World,
) -> None:
    romania = world.school_a.country
    evaluator = base.UserFactory(email="evaluator.ro@demo.twinschools.eu")
    base.CountryRoleFactory(user=evaluator, country=romania, role="evaluator")
    nso = base.UserFactory(email="nso.ro@demo.twinschools.eu")
    base.CountryRoleFactory(user=nso, country=romania, role="nso")
    base.SchoolFactory(country=romania)
    Round.objects.update(status="published")
    people = {"head": world.people["head_a"]}
    for _time in range(2):  # a second run changes nothing
        seed_evaluation(
            school=world.school_a, people=people, rng=random.Random(1), today=timezone.localdate()
        )
    award = LabelAward.objects.get()
    assert award.application.status == Status.AWARDED and award.school.country == romania
    waiting = Application.objects.get(status=Status.SUBMITTED)
    assert Assignment.objects.filter(evaluation__application=waiting, evaluator=evaluator).count() == 1


def test_the_demo_seeder_does_nothing_without_the_demo_accounts(world: World) -> None:
    seed_evaluation(school=world.school_a, people={}, rng=random.Random(1), today=timezone.localdate())
    assert not Application.objects.exists()
