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


def pairing_of(mentor_school, mentee_school, status: str = "proposed"):
    """A pair as the matcher would propose it (tests build it directly, without a run by hand)."""
    from twinschools.mentoring.models import MatchingRun, Pairing

    offer = MentorOffer.objects.get_or_create(school=mentor_school, defaults={"capacity": 2})[0]
    request = MentoringRequestFactory(
        school=mentee_school, status="matched" if status != "proposed" else "open"
    )
    run = MatchingRun.objects.create(
        country=mentor_school.country, optimal_cost=10, greedy_cost=12, seconds=0.01
    )
    return Pairing.objects.create(
        run=run,
        offer=offer,
        request=request,
        mentor=mentor_school,
        mentee=mentee_school,
        status=status,
        cost=10,
        distance_km=9,
        shared={"languages": ["ro"], "levels": ["primary"], "topics": ["esafety"]},
    )
