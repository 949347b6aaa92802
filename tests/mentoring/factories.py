import factory

from tests.factories import SchoolFactory
from twinschools.mentoring.models import MentoringRequest, MentorOffer


class PlacedSchoolFactory(SchoolFactory):
    """A school with coordinates around Cluj, so it can be matched."""

    latitude = factory.Sequence(lambda n: 46.77 + (n % 50) * 0.01)
    longitude = 23.6


class MentorOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorOffer

    school = factory.SubFactory(PlacedSchoolFactory)
    capacity = 2
    topics = ["esafety"]


class MentoringRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringRequest

    school = factory.SubFactory(PlacedSchoolFactory)
    topics = ["esafety"]
