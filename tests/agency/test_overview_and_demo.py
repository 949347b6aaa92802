"""What student agency gives the mission overview, and the demo school's student agency."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from tests import factories
from tests.agency.factories import InitiativeFactory, StudentTeamFactory, SuggestionFactory
from tests.conftest import World
from twinschools.agency.demo import seed_demo_agency
from twinschools.agency.models import Initiative, InitiativeStatus, StudentTeam, Suggestion, SuggestionStatus
from twinschools.agency.records import PROVIDER
from twinschools.mission.periods import between
from twinschools.mission.registry import REGISTRY


def test_the_overview_counts_initiatives_held_with_their_reach_ambassadors_and_answered_suggestions(
    world: World,
) -> None:
    today = timezone.localdate()
    StudentTeamFactory(
        school=world.school_a, members=[world.pupil_a, factories.StudentFactory(class_group=world.class_a)]
    )
    InitiativeFactory(
        proposed_by=world.pupil_a.user,
        status=InitiativeStatus.HELD,
        held_on=today,
        teachers_reached=12,
        parents_reached=30,
        others_reached=3,
    )
    InitiativeFactory(
        proposed_by=world.pupil_a.user,
        status=InitiativeStatus.HELD,
        held_on=today - datetime.timedelta(days=900),
        teachers_reached=100,
    )
    SuggestionFactory(
        author=world.pupil_a.user,
        status=SuggestionStatus.PUBLISHED,
        response="Yes",
        responded_at=timezone.now(),
    )
    SuggestionFactory(author=world.pupil_a.user)
    groups = {
        group.key: group
        for group in PROVIDER.records(
            school=world.school_a, period=between(today - datetime.timedelta(days=365))
        )
    }
    held = groups["agency.initiatives_held"]
    assert (held.commitment, held.count, held.oecd) == (3, 1, (6,))
    assert "reaching 45 people (teachers: 12, parents: 30, others: 3)" in held.label
    assert (groups["agency.ambassadors"].count, groups["agency.ambassadors"].oecd) == (2, (7,))
    assert (groups["agency.suggestions_answered"].count, groups["agency.suggestions_answered"].oecd) == (
        1,
        (1,),
    )
    assert held.url.startswith(f"/schools/{world.school_a.pk}/workspace/students/")


def test_student_agency_joins_the_workspace_navigation_and_the_overview(db: None) -> None:
    assert "students" in {section.key for section in REGISTRY.sections}
    assert PROVIDER in REGISTRY.providers


def test_the_demo_school_gets_an_ambassador_team_initiatives_and_suggestions(world: World) -> None:
    demo_class = factories.ClassGroupFactory(school=world.school_a, name="7B", code="DEMO7B")
    pupils = [
        factories.StudentFactory(class_group=demo_class, user__display_name=name)
        for name in ("Ana", "Bogdan", "Ioana", "Matei", "Sofia", "Luca")
    ]
    people = {
        "head": world.people["head_a"],
        "teacher": world.people["teacher_a"],
        "parent": world.people["parent_a"],
        "pupil": pupils[0].user,
    }
    seed_demo_agency(school=world.school_a, people=people, rng=random.Random(1), today=timezone.localdate())
    team = StudentTeam.objects.get(school=world.school_a)
    assert team.name == "Ambasadorii eTwinning"
    assert team.members.count() == 4 and team.members.filter(user__display_name="Ana").exists()
    statuses = sorted(Initiative.objects.filter(school=world.school_a).values_list("status", flat=True))
    assert statuses == ["approved", "held", "held", "proposed"]
    assert Initiative.objects.get(status="proposed").proposed_by == pupils[0].user
    suggestions = Suggestion.objects.filter(school=world.school_a)
    assert suggestions.count() == 5
    assert suggestions.exclude(response="").count() == 3


def test_held_initiatives_are_offered_as_evidence_of_commitment_three_without_pupils_names(world) -> None:
    import datetime

    from tests.agency.factories import InitiativeFactory
    from twinschools.agency.models import InitiativeStatus
    from twinschools.mission.registry import evidence_for

    today = datetime.date.today()
    held = InitiativeFactory(
        school=world.school_a, proposed_by=world.people["student_a"], title="Ziua eTwinning pentru părinți",
        status=InitiativeStatus.HELD, held_on=today - datetime.timedelta(days=30),
    )  # fmt: skip
    InitiativeFactory(school=world.school_a, title="Încă o propunere", status=InitiativeStatus.PROPOSED)
    offered = [
        c
        for c in evidence_for(school=world.school_a, since=today - datetime.timedelta(days=730))
        if c.commitment == 3
    ]
    assert [(c.key, c.title) for c in offered] == [
        (f"agency.initiative:{held.pk}", "Ziua eTwinning pentru părinți")
    ]
    assert "Zorella" not in repr(offered)
