"""The demo school mentors: its offer, two Cluj schools asking, one accepted pair with a meeting."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
from django.db.models import Count
from django.utils import timezone

from twinschools.mentoring.matching import haversine_km
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
from twinschools.network.models import Language, School

GOALS = (
    "Primul nostru proiect eTwinning până în primăvară; un cont TwinSpace pentru fiecare profesor din echipă; "
    "o lecție deschisă despre siguranța online pentru părinți."
)
MEETING_NOTES = "Prima întâlnire online: am prezentat TwinSpace și am ales împreună tema unui proiect despre apele din Cluj."


def _km(a: School, b: School) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return 0.0
    values = (np.array([float(v)]) for v in (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    return float(haversine_km(*values)[0])


def _newcomers(school: School) -> list[School]:
    """Two schools of the same county with the fewest projects: the ones that need a mentor."""
    return list(
        School.objects.filter(region=school.region)
        .exclude(pk=school.pk)
        .annotate(project_total=Count("participations"))
        .order_by("project_total", "id")[:2]
    )


def seed_demo_mentoring(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    romanian = Language.objects.get_or_create(code="ro")[0]
    levels = list(school.levels.all())
    offer = MentorOffer.objects.create(
        school=school, capacity=3, topics=[Topic.ESAFETY, Topic.PROJECT_DESIGN, Topic.TWINSPACE]
    )
    offer.languages.set([romanian])
    offer.levels.set(levels)
    newcomers = _newcomers(school)
    if len(newcomers) < 2:
        return
    asked = [[Topic.TWINSPACE, Topic.ESAFETY], [Topic.PROJECT_DESIGN, Topic.INCLUSION]]
    requests = []
    for newcomer, topics in zip(newcomers, asked, strict=True):
        request = MentoringRequest.objects.create(school=newcomer, topics=topics)
        request.languages.set([romanian])
        request.levels.set(levels)
        requests.append(request)
    run = MatchingRun.objects.create(
        country=school.country, region=school.region, run_by=None, optimal_cost=0, greedy_cost=0, seconds=0.01
    )
    pairs = []
    for request, status in zip(requests, (PairingStatus.ACCEPTED, PairingStatus.PROPOSED), strict=True):
        km = _km(school, request.school)
        pairs.append(
            Pairing(
                run=run,
                offer=offer,
                request=request,
                mentor=school,
                mentee=request.school,
                status=status,
                cost=1 + km,
                distance_km=km,
                shared={
                    "languages": ["ro"],
                    "levels": [level.code for level in levels],
                    "topics": [t for t in request.topics if t in offer.topics],
                },
                mentor_accepted=status == PairingStatus.ACCEPTED,
                mentee_accepted=status == PairingStatus.ACCEPTED,
                decided_at=timezone.make_aware(datetime.combine(today - timedelta(days=40), time(11, 0)))
                if status == PairingStatus.ACCEPTED
                else None,
                goals=GOALS if status == PairingStatus.ACCEPTED else "",
            )
        )
    Pairing.objects.bulk_create(pairs)
    MentoringRequest.objects.filter(pk=requests[0].pk).update(status=RequestStatus.MATCHED)
    total = sum(pair.cost for pair in pairs)
    MatchingRun.objects.filter(pk=run.pk).update(optimal_cost=total, greedy_cost=total)
    Meeting.objects.create(
        pairing=pairs[0],
        on=today - timedelta(days=rng.randint(10, 20)),
        notes=MEETING_NOTES,
        logged_by=people["head"],
    )
