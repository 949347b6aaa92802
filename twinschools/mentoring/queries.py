"""Reads about mentoring, scoped to a school, a pair or the NSO's countries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from twinschools.accounts.models import STAFF_ROLES
from twinschools.accounts.queries import current_memberships
from twinschools.core.authz import roles_of
from twinschools.mentoring.models import MatchingRun, MentoringRequest, MentorOffer, Pairing, RequestStatus
from twinschools.network.models import Country, QualityLabel, Region, School


def pairings() -> QuerySet[Pairing]:
    return Pairing.objects.select_related("mentor__country", "mentee__country", "decided_by")


def pairing(pk: int) -> Pairing:
    return get_object_or_404(pairings(), pk=pk)


@dataclass(frozen=True)
class SchoolPage:
    offer: MentorOffer | None
    request: MentoringRequest | None
    pairs: list[Pairing]


def school_page(school: School) -> SchoolPage:
    offer = MentorOffer.objects.filter(school=school).prefetch_related("languages", "levels").first()
    request = (
        MentoringRequest.objects.filter(school=school, status=RequestStatus.OPEN)
        .prefetch_related("languages", "levels")
        .first()
    )
    pairs = list(pairings().filter(Q(mentor=school) | Q(mentee=school)))
    return SchoolPage(offer=offer, request=request, pairs=pairs)


def nso_countries(user: Any) -> QuerySet[Country]:
    return Country.objects.filter(pk__in=roles_of(user).nso_countries).prefetch_related("regions")


def regions_of(countries: QuerySet[Country]) -> QuerySet[Region]:
    return Region.objects.filter(country__in=countries).select_related("country").order_by("name")


def latest_runs(countries: QuerySet[Country]) -> list[MatchingRun]:
    """The latest run per country, with its pairs, for the NSO page."""
    runs = []
    for country in countries:
        run = (
            MatchingRun.objects.filter(country=country)
            .select_related("country", "region")
            .prefetch_related(Prefetch("pairings", queryset=pairings().order_by("mentee__name")))
            .first()
        )
        if run is not None:
            runs.append(run)
    return runs


@dataclass(frozen=True)
class Progress:
    teachers: int
    first_project: Any
    first_label: Any


def progress(school: School) -> Progress:
    """How far the mentee school has come: its teachers, first project and first quality label."""
    first_project = (
        school.participations.select_related("project").order_by("project__started_on", "pk").first()
    )
    first_label = (
        QualityLabel.objects.filter(school=school)
        .select_related("project")
        .order_by("granted_on", "pk")
        .first()
    )
    teachers = current_memberships().filter(school=school, role__in=STAFF_ROLES).count()
    return Progress(
        teachers=teachers,
        first_project=first_project.project if first_project else None,
        first_label=first_label,
    )
