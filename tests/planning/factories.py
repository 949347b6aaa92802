"""Factories for the action plan and the calendar: plain rows, versions start at 1."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from tests.factories import SchoolFactory
from twinschools.planning.models import Action, CalendarActivity, Goal, Plan, ProgressNote


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    school = factory.SubFactory(SchoolFactory)
    title = "Planul de acțiune eTwinning"
    starts_on = datetime.date(2025, 9, 1)
    ends_on = datetime.date(2027, 8, 31)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    school = factory.SelfAttribute("plan.school")
    commitment = 2
    title = factory.Sequence(lambda n: f"Goal {n}")
    updated_at = factory.LazyFunction(timezone.now)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    goal = factory.SubFactory(GoalFactory)
    school = factory.SelfAttribute("goal.school")
    title = factory.Sequence(lambda n: f"Action {n}")
    starts_on = datetime.date(2025, 10, 1)
    ends_on = datetime.date(2025, 12, 20)
    updated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def owners(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.owners.set(extracted)


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressNote

    action = factory.SubFactory(ActionFactory)
    school = factory.SelfAttribute("action.school")
    written_on = datetime.date(2025, 11, 5)
    text = "Prima etapă încheiată."


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarActivity
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda activity: activity.starts_at + datetime.timedelta(hours=2))
    updated_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def co_planners(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.co_planners.set(extracted)

    @factory.post_generation
    def classes(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.classes.set(extracted)
