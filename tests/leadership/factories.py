"""Factories for the team and its decisions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from tests import factories
from twinschools.accounts.models import Role, User
from twinschools.leadership import services
from twinschools.leadership.models import Process, Proposal, Responsibility, ResponsibilityKind, TeamMember
from twinschools.network.models import School


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    school = factory.SubFactory(factories.SchoolFactory)
    user = factory.SubFactory(factories.UserFactory)


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responsibility

    school = factory.SubFactory(factories.SchoolFactory)
    kind = ResponsibilityKind.COORDINATION
    owner = factory.SubFactory(factories.UserFactory)


def team_teacher(school: School, **fields: Any) -> User:
    """A new teacher of `school` with a seat on its team."""
    user = factories.UserFactory(**fields)
    factories.MembershipFactory(user=user, school=school, role=Role.TEACHER)
    TeamMember.objects.create(school=school, user=user)
    return user


def open_proposal(school: School, proposer: User, **fields: Any) -> Proposal:
    """A proposal opened the way the team opens one (voters fixed, notices sent)."""
    values: dict[str, Any] = {
        "title": "Join the eSafety Label",
        "details": "We apply for the eSafety Label this year.",
        "process": Process.CONSENT,
        "closes_at": timezone.now() + timedelta(days=7),
    }
    values.update(fields)
    return services.open_proposal(school=school, proposer=proposer, **values)


def closed_proposal(school: School, proposer: User, **fields: Any) -> Proposal:
    proposal = open_proposal(school, proposer, **fields)
    return services.close_proposal(proposal=proposal, by=proposer)
