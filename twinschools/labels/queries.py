"""Reads about label rounds, scoped to who asks; objects others may not see raise 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from twinschools.core.authz import roles_of
from twinschools.labels.models import (
    Eligibility,
    EligibilityException,
    FormSection,
    FormStatement,
    FormVersion,
    ReviewRequest,
    ReviewStatus,
    Round,
    RoundStatus,
)
from twinschools.network.models import Country, Region, School

SCHOOLS_PAGE_SIZE = 25


def rounds() -> QuerySet[Round]:
    return Round.objects.select_related("form_version")


def round(pk: int) -> Round:
    return get_object_or_404(rounds(), pk=pk)


def published_rounds() -> QuerySet[Round]:
    return rounds().filter(status=RoundStatus.PUBLISHED)


def public_round(pk: int) -> Round:
    """The public sees a round's rules once it is published; drafts are the admins' business."""
    return get_object_or_404(published_rounds(), pk=pk)


def form_versions() -> QuerySet[FormVersion]:
    return FormVersion.objects.all()


def form_version(pk: int) -> FormVersion:
    statements = Prefetch("statements", queryset=FormStatement.objects.order_by("order"))
    sections = Prefetch(
        "sections", queryset=FormSection.objects.order_by("order").prefetch_related(statements)
    )
    return get_object_or_404(FormVersion.objects.prefetch_related(sections), pk=pk)


def school(pk: int) -> School:
    return get_object_or_404(School.objects.select_related("country", "region"), pk=pk)


def review(pk: int) -> ReviewRequest:
    return get_object_or_404(
        ReviewRequest.objects.select_related("round", "school__country", "requested_by"), pk=pk
    )


def nso_countries(user: Any) -> list[Country]:
    """The countries whose label results this person handles as NSO staff."""
    ids = roles_of(user).nso_countries if user.is_authenticated else frozenset()
    return list(Country.objects.filter(pk__in=ids)) if ids else []


def country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


# The school's page ------------------------------------------------------------


@dataclass
class SchoolRound:
    round: Round
    result: Eligibility | None
    exception: EligibilityException | None
    reviews: list[ReviewRequest]

    @property
    def open_review(self) -> ReviewRequest | None:
        return next((item for item in self.reviews if item.status == ReviewStatus.OPEN), None)


def school_rounds(school: School) -> list[SchoolRound]:
    """Every published round with this school's result, its exception and its review requests (4 queries)."""
    rounds = list(published_rounds())
    # By (round, school) pairs, so the unique index answers (there is no index by school).
    results = {
        item.round_id: item
        for item in Eligibility.objects.filter(round__in=[r.pk for r in rounds], school=school)
    }
    exceptions = {
        item.round_id: item
        for item in EligibilityException.objects.filter(school=school).select_related("granted_by")
    }
    reviews: dict[int, list[ReviewRequest]] = {}
    for item in ReviewRequest.objects.filter(school=school).select_related("requested_by"):
        reviews.setdefault(item.round_id, []).append(item)
    return [
        SchoolRound(item, results.get(item.pk), exceptions.get(item.pk), reviews.get(item.pk, []))
        for item in rounds
    ]


# The NSO's page ---------------------------------------------------------------


@dataclass
class RegionCount:
    name: str
    checked: int
    eligible: int


def region_counts(round: Round, country: Country) -> list[RegionCount]:
    rows = (
        Eligibility.objects.filter(round=round, school__country=country)
        .values("school__region__name")
        .annotate(checked=Count("pk"), eligible=Count("pk", filter=Q(eligible=True)))
        .order_by("school__region__name")
    )
    return [RegionCount(row["school__region__name"] or "—", row["checked"], row["eligible"]) for row in rows]


def regions(country: Country) -> QuerySet[Region]:
    return Region.objects.filter(country=country).order_by("name")


def open_reviews(round: Round, country: Country) -> QuerySet[ReviewRequest]:
    return ReviewRequest.objects.filter(
        round=round, school__country=country, status=ReviewStatus.OPEN
    ).select_related("school", "requested_by", "round")


def exceptions_log(round: Round, country: Country) -> QuerySet[EligibilityException]:
    return EligibilityException.objects.filter(round=round, school__country=country).select_related(
        "school", "granted_by"
    )


def results_page(
    round: Round, country: Country, *, region: Region | None, result: str, page_number: str | int | None
) -> Page:
    """A page of the country's schools with their result, filtered by region and verdict."""
    found = (
        Eligibility.objects.filter(round=round, school__country=country)
        .select_related("school__region")
        .order_by("school__name", "school_id")
    )
    if region is not None:
        found = found.filter(school__region=region)
    if result == "eligible":
        found = found.filter(eligible=True)
    elif result == "not-eligible":
        found = found.filter(eligible=False)
    elif result == "exception":
        found = found.filter(eligible=True, meets_rules=False)
    return Paginator(found, SCHOOLS_PAGE_SIZE).get_page(page_number)


def nso_round(country: Country, pk: str | None) -> Round | None:
    """The round the NSO looks at: the one asked for, else the latest published."""
    choices = published_rounds()
    if pk:
        try:
            return choices.get(pk=int(pk))
        except (ValueError, Round.DoesNotExist):
            raise Http404 from None
    return choices.first()
