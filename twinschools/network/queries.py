"""Reads of the network registry. Public facts only: nothing here returns people
of a school; those come from accounts.queries, scoped to the viewer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Collate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.core.text import search_patterns
from twinschools.network.models import (
    Country,
    Language,
    Level,
    ProjectSchool,
    QualityLabel,
    QualityLabelKind,
    Region,
    School,
    SchoolLabel,
)


class LabelStatus:
    CURRENT = "current"
    FORMER = "former"
    NEVER = "never"


@dataclass(frozen=True)
class DirectoryFilters:
    query: str = ""
    country: str = ""
    region: int | None = None
    level: str = ""
    language: str = ""
    label: str = ""


def held_labels(year: int | None = None) -> QuerySet[SchoolLabel]:
    """The eTwinning School labels held in a year (this one by default).

    The one definition of "a current eTwinning School": the profile, the directory, the public
    map, the regional figures and the homes all read it. A withdrawn label has no row here
    (evaluation.services.withdraw_label removes it as it revokes the credential), so they agree.
    """
    year = timezone.localdate().year if year is None else year
    return SchoolLabel.objects.filter(first_year__lte=year, last_year__gte=year)


def holds_label(year: int, prefix: str = "") -> Q:
    """The same rule as a filter through a relation (`prefix` such as "schools__")."""
    return Q(**{f"{prefix}labels__first_year__lte": year, f"{prefix}labels__last_year__gte": year})


def _current_label(year: int) -> QuerySet[SchoolLabel]:
    return held_labels(year).filter(school=OuterRef("pk"))


def directory(filters: DirectoryFilters) -> QuerySet[School]:
    """Schools matching the public directory's search, with what a result row shows."""
    year = timezone.localdate().year
    schools = School.objects.select_related("country", "region").prefetch_related("levels")
    for pattern in search_patterns(filters.query):
        schools = schools.filter(search_text__contains=pattern)
    if filters.country:
        # A subquery, not a join: PostgreSQL then knows the country id when it plans,
        # and walks the (country, search_text) index in name order.
        country_id = Country.objects.filter(code=filters.country).values("id")[:1]
        schools = schools.filter(country_id=Subquery(country_id))
    if filters.region:
        schools = schools.filter(region_id=filters.region)
    if filters.level:
        schools = schools.filter(levels=Subquery(Level.objects.filter(code=filters.level).values("id")[:1]))
    if filters.language:
        language = Language.objects.filter(code=filters.language).values("id")[:1]
        schools = schools.filter(languages=Subquery(language))
    if filters.label == LabelStatus.CURRENT:
        schools = schools.filter(Exists(_current_label(year)))
    elif filters.label == LabelStatus.FORMER:
        schools = schools.filter(
            Exists(SchoolLabel.objects.filter(school=OuterRef("pk"))), ~Exists(_current_label(year))
        )
    elif filters.label == LabelStatus.NEVER:
        schools = schools.exclude(Exists(SchoolLabel.objects.filter(school=OuterRef("pk"))))
    return schools.annotate(has_current_label=Exists(_current_label(year)))


# Past this many matches the directory says "more than 20,000" instead of counting
# on: an exact count of 250,000 schools costs more than the page and helps nobody.
DIRECTORY_COUNT_CAP = 20_000


class CappedPaginator(Paginator):
    """A paginator told its (possibly capped) count instead of counting itself."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, count: int, cap: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count
        self.cap = cap

    @cached_property
    def count(self) -> int:
        if not self.is_capped:
            return self._known_count
        # Enough whole pages to hold what was counted, so no page is cut short.
        return -(-self._known_count // self.per_page) * self.per_page

    @property
    def is_capped(self) -> bool:
        return self._known_count > self.cap


def directory_page(filters: DirectoryFilters, page_number: str | int | None) -> Page[School]:
    """One page of the directory, sorted by name, counted up to DIRECTORY_COUNT_CAP."""
    schools = directory(filters)
    count = schools.order_by().values("pk")[: DIRECTORY_COUNT_CAP + 1].count()
    paginator = CappedPaginator(
        schools.order_by(*_name_order(count)),
        settings.DIRECTORY_PAGE_SIZE,
        count=count,
        cap=DIRECTORY_COUNT_CAP,
    )
    return paginator.get_page(page_number)


def _name_order(match_count: int) -> tuple[Any, ...]:
    """The cheaper of two plans for sorting by name, chosen by how many schools match.

    Walking the name index and keeping the rows that match is fast when matches are
    everywhere (more than the cap), but slow when they cluster: "scoala..." or the
    Romanian-language schools sit in a few stretches of the alphabet, and the walk reads
    most of the index before it finds 20. Below the cap PostgreSQL should find the
    matches first (trigram or filter indexes) and sort only them; ordering by an
    expression the name index cannot serve makes it do so. SQLite has one plan anyway.
    """
    if match_count <= DIRECTORY_COUNT_CAP and connection.vendor == "postgresql":
        return (Collate("search_text", "C"), "id")
    return ("search_text", "id")


def countries() -> QuerySet[Country]:
    return Country.objects.all()


def regions_of(country_code: str) -> QuerySet[Region]:
    return Region.objects.filter(country__code=country_code).order_by("name")


def levels() -> QuerySet[Level]:
    return Level.objects.all()


def languages() -> QuerySet[Language]:
    return Language.objects.all()


PROFILE_PROJECTS_SHOWN = 30


def school_profile(school_id: int) -> School:
    """A school's public facts; 404 when there is no such school."""
    year = timezone.localdate().year
    school = get_object_or_404(
        School.objects.select_related("country", "region")
        .prefetch_related("levels", "languages", "labels")
        .annotate(
            project_count=Count("participations", distinct=True),
            has_current_label=Exists(_current_label(year)),
        ),
        pk=school_id,
    )
    return school


def projects_of_school(school: School) -> list[ProjectSchool]:
    """The school's latest projects, with every partner school, in two queries."""
    return list(
        ProjectSchool.objects.filter(school=school)
        .select_related("project")
        .prefetch_related(
            Prefetch(
                "project__participations",
                queryset=ProjectSchool.objects.select_related("school__country").order_by(
                    "-is_founder", "school__name"
                ),
            )
        )
        .order_by("-project__started_on", "project_id")[:PROFILE_PROJECTS_SHOWN]
    )


def quality_label_counts(school: School) -> dict[str, int]:
    rows = (
        QualityLabel.objects.filter(school=school)
        .values("kind")
        .annotate(total=Count("id"))
        .values_list("kind", "total")
    )
    counts = {kind: 0 for kind in QualityLabelKind.values}
    counts.update(dict(rows))
    return counts
