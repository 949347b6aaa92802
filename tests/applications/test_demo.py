from __future__ import annotations

import random

from django.utils import timezone

from tests.applications.factories import eligible, open_round
from tests.conftest import World
from twinschools.applications.demo import seed_application
from twinschools.applications.models import Application, PartRevision


def _seed(world: World) -> None:
    people = {"head": world.people["head_a"], "teacher": world.people["teacher_a"]}
    seed_application(school=world.school_a, people=people, rng=random.Random(1), today=timezone.localdate())


def test_the_demo_school_gets_a_lived_in_draft_for_the_open_round(world: World) -> None:
    eligible(open_round(), world.school_a)
    _seed(world)
    application = Application.objects.get()
    authors = set(PartRevision.objects.values_list("author__email", flat=True))
    assert authors == {"head_a@example.org", "teacher_a@example.org"}
    assert application.evidence.exists() and application.comments.exists()


def test_the_demo_seeder_does_nothing_without_an_open_round_the_school_is_eligible_for(world: World) -> None:
    eligible(open_round(), world.school_a, yes=False)
    _seed(world)
    assert not Application.objects.exists()


def test_the_demo_draft_is_written_in_the_schools_language(world: World) -> None:
    eligible(open_round(), world.school_a)  # a Romanian school
    _seed(world)
    application = Application.objects.get()
    texts = [part.text for part in application.parts.exclude(text="")]
    assert texts
    for text in texts:
        assert set("ăâîșț") & set(text), text
    assert application.comments.get().text == "Putem adăuga și decizia despre consiliul elevilor?"
    assert "siguranță online" in application.evidence.get(section__kind="esafety").title
