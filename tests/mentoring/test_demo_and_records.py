import random

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import World
from tests.mentoring.factories import PlacedSchoolFactory, pairing_of
from twinschools.accounts.models import Role
from twinschools.mentoring.demo import seed_demo_mentoring
from twinschools.mentoring.models import Meeting, MentoringRequest, MentorOffer, Pairing, PairingStatus
from twinschools.mentoring.records import PROVIDER
from twinschools.mentoring.services import decide
from twinschools.mission.periods import between

pytestmark = pytest.mark.django_db


def test_the_demo_school_offers_mentoring_two_county_schools_ask_and_one_pair_has_met() -> None:
    school = PlacedSchoolFactory()
    PlacedSchoolFactory(region=school.region), PlacedSchoolFactory(region=school.region)
    people = {role: factories.UserFactory() for role in ("head", "teacher", "parent", "pupil", "profesora")}
    factories.MembershipFactory(user=people["head"], school=school, role=Role.HEAD)
    seed_demo_mentoring(school=school, people=people, rng=random.Random(1), today=timezone.localdate())
    assert MentorOffer.objects.get().school == school
    assert MentoringRequest.objects.exclude(school=school).count() == 2
    accepted = Pairing.objects.get(status=PairingStatus.ACCEPTED)
    assert Meeting.objects.get().pairing == accepted
    assert Pairing.objects.filter(status=PairingStatus.PROPOSED).count() == 1


def test_accepted_pairs_count_for_commitment_four_of_both_schools(world: World) -> None:
    mentee = PlacedSchoolFactory(country=world.school_a.country)
    pair = pairing_of(world.school_a, mentee)
    decide(actor=world.people["nso_x"], pairing=pair, decision="accept", as_nso=True)
    since = timezone.localdate().replace(month=1, day=1)
    for school in (world.school_a, mentee):
        (group,) = PROVIDER.records(school=school, period=between(since))
        assert (group.commitment, group.count, group.oecd) == (4, 1, (6,))
