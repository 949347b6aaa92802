"""Factories of the practice library."""

from __future__ import annotations

import factory

from tests.factories import SchoolFactory, UserFactory
from twinschools.network.models import Level
from twinschools.practices.models import Comment, Practice, Tried, Visibility
from twinschools.practices.search import search_text_for


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Practice {n}")
    summary = "Pupils work in small groups with a partner class."
    description = "How we prepare it, how it runs and what we would change."
    language = "en"
    visibility = Visibility.NETWORK
    age_min = 10
    age_max = 14
    subjects = "science"

    @factory.post_generation
    def approaches(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.approaches.set(extracted)

    @factory.post_generation
    def levels(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.levels.set(Level.objects.filter(code__in=extracted))

    @factory.post_generation
    def searchable(self, create: bool, extracted: object, **kwargs: object) -> None:
        """The searchable text as the services write it, with the approaches and levels above."""
        if create:
            self.search_text = search_text_for(
                title=self.title,
                summary=self.summary,
                description=self.description,
                subjects=self.subjects.split(),
                levels=list(self.levels.values_list("code", flat=True)),
                approaches=list(self.approaches.values_list("code", flat=True)),
                language=self.language,
            )
            self.save(update_fields=["search_text"])


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    practice = factory.SubFactory(PracticeFactory)
    author = factory.SubFactory(UserFactory)
    body = "We tried it with our class."


class TriedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tried

    practice = factory.SubFactory(PracticeFactory)
    user = factory.SubFactory(UserFactory)
