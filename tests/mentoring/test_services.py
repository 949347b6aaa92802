import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import RegionFactory
from tests.mentoring.factories import MentoringRequestFactory, MentorOfferFactory, PlacedSchoolFactory
from twinschools.core.models import AuditEvent
from twinschools.mentoring import services
from twinschools.mentoring.explanations import explain
from twinschools.mentoring.models import MentoringRequest, Pairing, PairingStatus, RequestStatus
from twinschools.network.models import Language, Level

pytestmark = pytest.mark.django_db


def romanian() -> Language:
    return Language.objects.get_or_create(code="ro")[0]


def test_a_school_offers_mentoring_with_languages_levels_and_topics(world):
    offer = services.save_offer(
        actor=world.people["head_a"],
        school=world.school_a,
        capacity=3,
        languages=[romanian()],
        levels=Level.objects.filter(code="primary"),
        topics=["esafety", "label"],
    )
    assert offer.capacity == 3 and offer.topics == ["esafety", "label"]
    assert [lang.code for lang in offer.languages.all()] == ["ro"]
    assert AuditEvent.objects.filter(action="mentoring.offer.saved").exists()


def test_an_offer_beyond_the_capacity_limit_is_refused_in_the_users_language(world):
    with translation.override("ro"), pytest.raises(ValidationError) as refused:
        services.save_offer(
            actor=world.people["head_a"],
            school=world.school_a,
            capacity=0,
            languages=[],
            levels=[],
            topics=[],
        )
    assert "capacity" in refused.value.message_dict


def test_an_unknown_topic_is_refused(world):
    with pytest.raises(ValidationError):
        services.ask_for_mentor(
            actor=world.people["head_a"], school=world.school_a, languages=[], levels=[], topics=["astrology"]
        )


def test_asking_twice_updates_the_open_request(world):
    for topics in (["esafety"], ["inclusion"]):
        services.ask_for_mentor(
            actor=world.people["head_a"], school=world.school_a, languages=[], levels=[], topics=topics
        )
    assert list(MentoringRequest.objects.values_list("topics", flat=True)) == [["inclusion"]]


def test_matching_a_region_proposes_pairs_with_explanations_and_the_greedy_cost(world):
    region = RegionFactory()
    offer = MentorOfferFactory(school=PlacedSchoolFactory(region=region))
    offer.languages.set([romanian()])
    offer.levels.set(Level.objects.filter(code="primary"))
    request = MentoringRequestFactory(school=PlacedSchoolFactory(region=region))
    request.languages.set([romanian()])
    request.levels.set(Level.objects.filter(code="primary"))
    elsewhere = MentoringRequestFactory()  # another region: not matched
    run = services.run_matching(actor=world.people["nso_x"], country=region.country, region=region)
    pairing = Pairing.objects.get()
    assert (pairing.mentor, pairing.mentee, pairing.run) == (offer.school, request.school, run)
    assert run.optimal_cost <= run.greedy_cost
    assert not elsewhere.pairings.exists()
    with translation.override("en"):
        sentences = explain(pairing)
    assert sentences[1:] == [
        "Both teach in Romanian.",
        "Both teach at these levels: Primary.",
        "Topic asked for and offered: eSafety.",
    ]
    assert sentences[0].endswith("km apart.")


def test_running_the_matching_again_replaces_the_proposals_still_waiting(world):
    MentorOfferFactory()
    MentoringRequestFactory()
    for _ in range(2):
        services.run_matching(actor=world.people["nso_x"], country=world.school_a.country)
    assert Pairing.objects.count() == 1


def test_a_pair_is_accepted_once_both_schools_accept(world):
    offer, request = MentorOfferFactory(), MentoringRequestFactory()
    services.run_matching(actor=world.people["nso_x"], country=offer.school.country)
    pairing = Pairing.objects.get()
    pairing = services.decide(
        actor=world.people["head_a"], pairing=pairing, decision="accept", as_nso=False, school=offer.school
    )
    assert pairing.status == PairingStatus.PROPOSED
    pairing = services.decide(
        actor=world.people["head_a"], pairing=pairing, decision="accept", as_nso=False, school=request.school
    )
    assert pairing.status == PairingStatus.ACCEPTED
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED


def test_the_nso_declines_a_pair_at_once_and_a_decided_pair_cannot_be_decided_again(world):
    MentorOfferFactory(), MentoringRequestFactory()
    services.run_matching(actor=world.people["nso_x"], country=world.school_a.country)
    pairing = services.decide(
        actor=world.people["nso_x"], pairing=Pairing.objects.get(), decision="decline", as_nso=True
    )
    assert pairing.status == PairingStatus.DECLINED and pairing.decided_by == world.people["nso_x"]
    with pytest.raises(ValidationError):
        services.decide(actor=world.people["nso_x"], pairing=pairing, decision="accept", as_nso=True)


def test_a_third_school_cannot_decide_a_pair(world):
    MentorOfferFactory(), MentoringRequestFactory()
    services.run_matching(actor=world.people["nso_x"], country=world.school_a.country)
    with pytest.raises(ValidationError):
        services.decide(
            actor=world.people["head_a"],
            pairing=Pairing.objects.get(),
            decision="accept",
            as_nso=False,
            school=world.school_a,
        )
