"""factory_boy factories for student agency: plain, with no surprising side effects."""

from __future__ import annotations

import datetime

import factory

from tests.factories import SchoolFactory, StudentFactory
from twinschools.agency.models import Audience, Initiative, InitiativeStatus, StudentTeam, Suggestion


class StudentTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudentTeam
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Ambasadorii {n}")
    description = "Pupils who show eTwinning to the school."

    @factory.post_generation
    def coordinators(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.coordinators.set(extracted)

    @factory.post_generation
    def members(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.members.set(extracted)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    school = factory.LazyAttribute(lambda o: o.proposed_by.student.class_group.school)
    proposed_by = factory.LazyFunction(lambda: StudentFactory().user)
    title = factory.Sequence(lambda n: f"Demonstration number {n}")
    plan = "We show our TwinSpace to the teachers' council."
    audiences = factory.LazyFunction(lambda: [Audience.TEACHERS.value])
    planned_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    status = InitiativeStatus.PROPOSED


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suggestion

    school = factory.LazyAttribute(lambda o: o.author.student.class_group.school)
    author = factory.LazyFunction(lambda: StudentFactory().user)
    text = factory.Sequence(lambda n: f"Could we have lessons outside, idea {n}?")
