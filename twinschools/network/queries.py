"""Reads of the network registry. Public facts only: nothing here returns people
of a school; those come from accounts.queries, scoped to the viewer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Collate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twinschools.core.text import search_terms
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


def _current_label(year: int) -> QuerySet[SchoolLabel]:
    return SchoolLabel.objects.filter(school=OuterRef("pk"), first_year__lte=year, last_year__gte=year)


def directory(filters: DirectoryFilters) -> QuerySet[School]:
    """Schools matching the public directory's search, with what a result row shows."""
    year = timezone.localdate().year
    schools = School.objects.select_related("country", "region").prefetch_related("levels")
    terms = search_terms(filters.query)
    for term in terms:
        schools = schools.filter(search_text__contains=term)
    if filters.country:
        schools = schools.filter(country__code=filters.country)
    if filters.region:
        schools = schools.filter(region_id=filters.region)
    if filters.level:
        schools = schools.filter(levels__code=filters.level)
    if filters.language:
        schools = schools.filter(languages__code=filters.language)
    if filters.label == LabelStatus.CURRENT:
        schools = schools.filter(Exists(_current_label(year)))
    elif filters.label == LabelStatus.FORMER:
        schools = schools.filter(
            Exists(SchoolLabel.objects.filter(school=OuterRef("pk"))), ~Exists(_current_label(year))
        )
    elif filters.label == LabelStatus.NEVER:
        schools = schools.exclude(Exists(SchoolLabel.objects.filter(school=OuterRef("pk"))))
    schools = schools.annotate(has_current_label=Exists(_current_label(year)))
    if (terms or filters.level or filters.language) and connection.vendor == "postgresql":
        # Matches cluster alphabetically ("scoala...", "szkola..."), so walking the
        # search_text btree until 20 rows match reads most of it. Ordering by an
        # expression the btree cannot serve makes PostgreSQL find the matches with the
        # trigram index (or the filters' indexes) and sort only those.
        return schools.order_by(Collate("search_text", "C"), "id")
    return schools.order_by("search_text", "id")


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
