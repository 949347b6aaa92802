"""Factories of the practice library."""

from __future__ import annotations

import factory

from tests.factories import SchoolFactory, UserFactory
from twinschools.practices.models import Comment, Practice, Tried, Visibility
from twinschools.practices.services import search_text_for


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
    search_text = factory.LazyAttribute(
        lambda p: search_text_for(
            title=p.title,
            summary=p.summary,
            description=p.description,
            subjects=p.subjects.split(),
            levels=(),
        )
    )

    @factory.post_generation
    def approaches(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.approaches.set(extracted)
            # The searchable text names the approaches, as the services write it.
            self.search_text = search_text_for(
                title=self.title,
                summary=self.summary,
                description=self.description,
                subjects=self.subjects.split(),
                levels=list(self.levels.values_list("code", flat=True)),
                approaches=extracted,
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
