"""The mission overview's leadership records, and the demo school's lived-in team."""

from __future__ import annotations

import random
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.conftest import World
from tests.leadership.factories import ResponsibilityFactory, closed_proposal, open_proposal
from twinschools.accounts.models import Role
from twinschools.leadership import demo
from twinschools.leadership.models import Outcome, Proposal, Responsibility, Status, TeamMember
from twinschools.leadership.records import PROVIDER
from twinschools.mission.periods import between
from twinschools.mission.registry import REGISTRY


def test_the_overview_counts_decisions_open_proposals_responsibilities_and_the_team(world: World) -> None:
    school = world.school_a
    closed_proposal(school, world.people["team_a"], title="Decided")
    open_proposal(school, world.people["team_a"], title="Still open")
    ResponsibilityFactory(school=school, owner=world.people["team_a"])
    groups = {
        group.key: group
        for group in PROVIDER.records(
            school=school, period=between(timezone.localdate() - timedelta(days=30))
        )
    }
    assert {key: group.count for key, group in groups.items()} == {
        "leadership.decisions": 1,
        "leadership.open_proposals": 1,
        "leadership.responsibilities": 1,
        "leadership.team": 2,
    }
    assert all(group.commitment == 1 for group in groups.values())
    assert groups["leadership.decisions"].oecd == (1, 7)
    assert (
        groups["leadership.decisions"].url
        == reverse("leadership:decisions", args=[school.pk]) + "?filter=decided"
    )
    assert [item.title for item in groups["leadership.decisions"].latest] == ["Decided"]


def test_decisions_before_the_period_are_not_counted(world: World) -> None:
    closed_proposal(world.school_a, world.people["team_a"])
    Proposal.objects.update(closed_at=timezone.now() - timedelta(days=400))
    groups = PROVIDER.records(
        school=world.school_a, period=between(timezone.localdate() - timedelta(days=30))
    )
    assert groups[0].count == 0


def test_leadership_registers_its_sections_and_its_records() -> None:
    keys = [(section.key, section.order) for section in REGISTRY.sections]
    assert ("team", 20) in keys and ("decisions", 30) in keys
    assert PROVIDER in REGISTRY.providers


def test_the_demo_school_gets_a_team_responsibilities_two_decisions_and_an_open_proposal(db: None) -> None:
    school, catalan_school = factories.SchoolFactory(), factories.SchoolFactory()
    people = {role: factories.UserFactory() for role in ("head", "teacher", "parent", "pupil", "profesora")}
    factories.MembershipFactory(user=people["head"], school=school, role=Role.HEAD)
    factories.MembershipFactory(user=people["teacher"], school=school, role=Role.TEACHER)
    factories.MembershipFactory(user=people["profesora"], school=catalan_school, role=Role.TEACHER)
    people["catalan_school"] = catalan_school
    today = timezone.localdate()
    demo.seed(school=school, people=people, rng=random.Random(1), today=today)
    assert TeamMember.objects.filter(school=school).count() == 2
    assert Responsibility.objects.filter(school=school).count() == 5
    assert Proposal.objects.filter(school=school, status=Status.CLOSED).count() == 2
    assert Proposal.objects.filter(school=school, status=Status.OPEN).count() == 1
    soon = Outcome.objects.filter(school=school, review_on__lte=today + timedelta(days=7))
    assert soon.count() == 1
    assert Proposal.objects.filter(school=catalan_school).count() == 1
