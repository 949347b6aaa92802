"""Writes about mentoring: offers, requests, matching runs and the pairs' decisions.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.accounts.models import User
from twinschools.core import audit, jobs
from twinschools.core.models import Job
from twinschools.mentoring import matching
from twinschools.mentoring.models import (
    MatchingRun,
    Meeting,
    MentoringRequest,
    MentorOffer,
    Pairing,
    PairingStatus,
    RequestStatus,
    Topic,
)
from twinschools.network.models import Country, Language, Level, Region, School

MAX_CAPACITY = 20


def _check_topics(topics: Iterable[str]) -> list[str]:
    topics = list(dict.fromkeys(topics))
    if any(topic not in Topic.values for topic in topics):
        raise ValidationError({"topics": [_("Choose topics from the list.")]})
    return topics


def save_offer(
    *,
    actor: User,
    school: School,
    capacity: int,
    languages: Iterable[Language],
    levels: Iterable[Level],
    topics: Iterable[str],
    active: bool = True,
) -> MentorOffer:
    """Create or update the school's offer to mentor other schools."""
    if not 1 <= capacity <= MAX_CAPACITY:
        raise ValidationError(
            {
                "capacity": [
                    ngettext(
                        "A school can mentor between 1 and %(most)d school.",
                        "A school can mentor between 1 and %(most)d schools.",
                        MAX_CAPACITY,
                    )
                    % {"most": MAX_CAPACITY}
                ]
            }
        )
    checked = _check_topics(topics)
    with transaction.atomic():
        offer, _created = MentorOffer.objects.update_or_create(
            school=school, defaults={"capacity": capacity, "topics": checked, "active": active}
        )
        offer.languages.set(list(languages))
        offer.levels.set(list(levels))
        audit.record(actor=actor, action="mentoring.offer.saved", school=school, target=offer)
    return offer


def ask_for_mentor(
    *,
    actor: User,
    school: School,
    languages: Iterable[Language],
    levels: Iterable[Level],
    topics: Iterable[str],
) -> MentoringRequest:
    """Open the school's request for a mentor, or update the one already open."""
    checked = _check_topics(topics)
    with transaction.atomic():
        request = MentoringRequest.objects.filter(school=school, status=RequestStatus.OPEN).first()
        if request is None:
            request = MentoringRequest.objects.create(school=school, topics=checked)
        else:
            request.topics = checked
            request.save(update_fields=["topics"])
        request.languages.set(list(languages))
        request.levels.set(list(levels))
        audit.record(actor=actor, action="mentoring.request.saved", school=school, target=request)
    return request


# Matching -------------------------------------------------------------------


class _Bits:
    """Gives each language or level id a bit, so sets become integers for the matcher."""

    def __init__(self) -> None:
        self.bit: dict[int, int] = {}

    def mask(self, ids: Iterable[int]) -> int:
        value = 0
        for pk in ids:
            value |= 1 << self.bit.setdefault(pk, len(self.bit))
        return value


def _topic_mask(topics: list[str]) -> int:
    return sum(1 << Topic.values.index(topic) for topic in set(topics) if topic in Topic.values)


def _has_place(school: School) -> bool:
    return school.latitude is not None and school.longitude is not None


def _area_filter(country: Country, region: Region | None) -> dict[str, Any]:
    found: dict[str, Any] = {"school__country": country}
    if region is not None:
        found["school__region"] = region
    return found


def _room_left(offers: list[MentorOffer]) -> dict[int, int]:
    taken: dict[int, int] = {}
    for offer_id in Pairing.objects.filter(offer__in=offers, status=PairingStatus.ACCEPTED).values_list(
        "offer_id", flat=True
    ):
        taken[offer_id] = taken.get(offer_id, 0) + 1
    return {offer.pk: offer.capacity - taken.get(offer.pk, 0) for offer in offers}


def _shared(request: MentoringRequest, offer: MentorOffer) -> dict[str, list[str]]:
    return {
        "languages": sorted(
            {lang.code for lang in request.languages.all()} & {lang.code for lang in offer.languages.all()}
        ),
        "levels": sorted(
            {lvl.code for lvl in request.levels.all()} & {lvl.code for lvl in offer.levels.all()}
        ),
        "topics": [topic for topic in request.topics if topic in offer.topics],
    }


MATCHING_JOB = "mentoring.matching"


def check_matching_area(*, country: Country, region: Region | None) -> None:
    if region is not None and region.country_id != country.pk:
        raise ValidationError({"region": [_("Choose a region of your country.")]})


def request_matching_run(*, actor: User, country: Country, region: Region | None = None) -> Job:
    """Starts the matching as a background job (a large country takes a while); returns it."""
    check_matching_area(country=country, region=region)
    return jobs.start(
        kind=MATCHING_JOB,
        owner=actor,
        country=country,
        params={"country_id": country.pk, "region_id": region.pk if region else None},
    )


def matching_job(job: Job, progress: jobs.Progress) -> dict[str, Any]:
    """The worker's side: loading, solving, saving; a cancel between steps keeps nothing."""
    country = Country.objects.get(pk=job.params["country_id"])
    region = (
        Region.objects.filter(pk=job.params.get("region_id")).first() if job.params.get("region_id") else None
    )
    run = run_matching(actor=job.owner, country=country, region=region, progress=progress)
    return {"run_id": run.pk, "pairs": run.pairings.count()}


@transaction.atomic
def run_matching(
    *,
    actor: User,
    country: Country,
    region: Region | None = None,
    progress: jobs.Progress | None = None,
) -> MatchingRun:
    """Propose mentors to every open request of the country (or region), replacing older proposals.

    Run as a job (`progress`: three steps), a cancel request rolls everything back.
    """

    def step(done: int) -> None:
        if progress is not None:
            progress.advance(done, 3)
            progress.check_cancelled()

    check_matching_area(country=country, region=region)
    area = _area_filter(country, region)
    prefetch = ("languages", "levels")
    requests = [
        r
        for r in MentoringRequest.objects.filter(status=RequestStatus.OPEN, **area)
        .select_related("school")
        .prefetch_related(*prefetch)
        if _has_place(r.school)
    ]
    Pairing.objects.filter(request__in=requests, status=PairingStatus.PROPOSED).delete()
    offers_all = [
        o
        for o in MentorOffer.objects.filter(active=True, **area)
        .select_related("school")
        .prefetch_related(*prefetch)
        if _has_place(o.school)
    ]
    room = _room_left(offers_all)
    offers = [offer for offer in offers_all if room[offer.pk] > 0]
    languages, levels = _Bits(), _Bits()

    def party(item: MentorOffer | MentoringRequest, capacity: int = 1) -> matching.Party:
        return matching.Party(
            key=item.school_id,
            latitude=float(item.school.latitude or 0.0),
            longitude=float(item.school.longitude or 0.0),
            languages=languages.mask(lang.pk for lang in item.languages.all()),
            levels=levels.mask(lvl.pk for lvl in item.levels.all()),
            topics=_topic_mask(item.topics),
            capacity=capacity,
        )

    mentees = [party(r) for r in requests]
    mentors = [party(o, room[o.pk]) for o in offers]
    step(1)
    started = time.perf_counter()
    best = matching.optimal(mentees, mentors)
    seconds = time.perf_counter() - started
    baseline = matching.greedy(mentees, mentors)
    step(2)
    run = MatchingRun.objects.create(
        country=country,
        region=region,
        run_by=actor,
        optimal_cost=best.cost,
        greedy_cost=baseline.cost,
        seconds=seconds,
    )
    Pairing.objects.bulk_create(
        _pairing(run, requests[i], offers[j], mentees[i], mentors[j])
        for i, j in enumerate(best.mentor_of)
        if j >= 0
    )
    audit.record(
        actor=actor,
        action="mentoring.matching_run.completed",
        target=run,
        data={"country": country.pk, "region": region.pk if region else None, "requests": len(requests)},
    )
    step(3)
    return run


def _pairing(
    run: MatchingRun,
    request: MentoringRequest,
    offer: MentorOffer,
    mentee: matching.Party,
    mentor: matching.Party,
) -> Pairing:
    km = float(
        matching.haversine_km(
            *(
                matching.np.array([v])
                for v in (mentee.latitude, mentee.longitude, mentor.latitude, mentor.longitude)
            )
        )[0]
    )
    shared = _shared(request, offer)
    cost = float(
        matching.pair_cost(
            matching.np.array([km]),
            tuple(matching.np.array([v]) for v in (mentee.languages, mentee.levels, mentee.topics)),
            tuple(matching.np.array([v]) for v in (mentor.languages, mentor.levels, mentor.topics)),
        )[0]
    )
    return Pairing(
        run=run,
        offer=offer,
        request=request,
        mentor=offer.school,
        mentee=request.school,
        cost=cost,
        distance_km=km,
        shared=shared,
    )


# Decisions ------------------------------------------------------------------

ACCEPT, DECLINE = "accept", "decline"


def decide(
    *, actor: User, pairing: Pairing, decision: str, as_nso: bool, school: School | None = None
) -> Pairing:
    """The NSO decides a proposed pair at once; otherwise it is accepted once both schools accept."""
    if decision not in (ACCEPT, DECLINE):
        raise ValidationError(_("Choose to accept or decline the pair."))
    with transaction.atomic():
        pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if pairing.status != PairingStatus.PROPOSED:
            raise ValidationError(_("This pair has already been decided."))
        if not as_nso:
            _school_side(pairing, school, decision)
        if as_nso or decision == DECLINE or (pairing.mentor_accepted and pairing.mentee_accepted):
            pairing.status = PairingStatus.ACCEPTED if decision == ACCEPT else PairingStatus.DECLINED
            pairing.decided_by, pairing.decided_at = actor, timezone.now()
        pairing.save()
        if pairing.status == PairingStatus.ACCEPTED:
            MentoringRequest.objects.filter(pk=pairing.request_id).update(status=RequestStatus.MATCHED)
        audit.record(
            actor=actor,
            action=f"mentoring.pairing.{decision}",
            school=school,
            target=pairing,
            data={"status": pairing.status},
        )
    return pairing


def _school_side(pairing: Pairing, school: School | None, decision: str) -> None:
    if school is None or school.pk not in (pairing.mentor_id, pairing.mentee_id):
        raise ValidationError(_("Only the two schools of the pair can decide it."))
    if school.pk == pairing.mentor_id:
        pairing.mentor_accepted = decision == ACCEPT
    else:
        pairing.mentee_accepted = decision == ACCEPT


# Running the programme ------------------------------------------------------


def _check_running(pairing: Pairing) -> None:
    if pairing.status != PairingStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted pair can do this."))


def set_goals(*, actor: User, pairing: Pairing, goals: str) -> Pairing:
    """Record the goals the two schools agreed."""
    _check_running(pairing)
    if not goals.strip():
        raise ValidationError({"goals": [_("Write the goals you agreed.")]})
    with transaction.atomic():
        pairing.goals = goals.strip()
        pairing.save(update_fields=["goals"])
        audit.record(actor=actor, action="mentoring.pairing.goals_set", school=pairing.mentee, target=pairing)
    return pairing


def log_meeting(*, actor: User, pairing: Pairing, on: date, notes: str) -> Meeting:
    """Log a meeting of the pair; meetings are never in the future."""
    _check_running(pairing)
    if on > timezone.localdate():
        raise ValidationError({"on": [_("Log meetings that took place, not future ones.")]})
    with transaction.atomic():
        meeting = Meeting.objects.create(pairing=pairing, on=on, notes=notes.strip(), logged_by=actor)
        audit.record(
            actor=actor,
            action="mentoring.meeting.logged",
            school=pairing.mentee,
            target=meeting,
        )
    return meeting


def give_feedback(*, actor: User, pairing: Pairing, school: School, feedback: str) -> Pairing:
    """One school's closing feedback; the pair closes once both schools gave theirs."""
    _check_running(pairing)
    if not feedback.strip():
        raise ValidationError({"feedback": [_("Write a few words of feedback.")]})
    with transaction.atomic():
        pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if school.pk == pairing.mentor_id:
            pairing.mentor_feedback = feedback.strip()
        elif school.pk == pairing.mentee_id:
            pairing.mentee_feedback = feedback.strip()
        else:
            raise ValidationError(_("Only the two schools of the pair can give feedback."))
        if pairing.mentor_feedback and pairing.mentee_feedback:
            pairing.status = PairingStatus.CLOSED
        pairing.save()
        audit.record(actor=actor, action="mentoring.pairing.feedback_given", school=school, target=pairing)
    return pairing
