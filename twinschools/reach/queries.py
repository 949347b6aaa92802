"""Reads for regional reach: a school's reached schools, and a country's coverage and gaps.

The gaps are one set-based query over the whole country: for each school with coordinates,
an EXISTS subquery looks for an anchor (a current eTwinning School or an active mentor
school) inside a bounding box first, then by the haversine distance. Django's math
functions run as SQL on PostgreSQL and are registered as SQL functions on SQLite, so the
same query serves both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Exists, F, FloatField, OuterRef, Q, QuerySet
from django.db.models.functions import ASin, Cast, Cos, Radians, Round, Sin, Sqrt

from twinschools.core.authz import roles_of
from twinschools.events.models import Registration, RegistrationStatus
from twinschools.mentoring.models import MentorOffer, Pairing, PairingStatus
from twinschools.network.models import Country, Region, School

EARTH_KM = 6371.0
KM_PER_DEGREE = 111.32
REACHED_PAIRS = (PairingStatus.ACCEPTED, PairingStatus.CLOSED)
TEACHING_ROLES = ("teacher", "head")


# A school's reach ---------------------------------------------------------------


@dataclass
class ReachedSchool:
    name: str
    town: str = ""
    latitude: float | None = None
    longitude: float | None = None
    people: int = 0
    teachers: int = 0
    through_events: bool = False
    through_mentoring: bool = False
    in_registry: bool = True


@dataclass
class Reach:
    schools: list[ReachedSchool] = field(default_factory=list)

    @property
    def school_count(self) -> int:
        return len(self.schools)

    @property
    def teacher_count(self) -> int:
        return sum(item.teachers for item in self.schools)

    @property
    def placed(self) -> list[ReachedSchool]:
        return [item for item in self.schools if item.latitude is not None and item.longitude is not None]


def _reached_registrations(school: School) -> QuerySet[Registration]:
    """People of other schools who came (confirmed a seat or attended a session)."""
    came = Q(status=RegistrationStatus.CONFIRMED) | Q(attended__isnull=False)
    return Registration.objects.filter(came, event__school=school).exclude(school=school)


def _event_rows(school: School) -> Iterable[Mapping[str, Any]]:
    return (
        _reached_registrations(school)
        .values("school_id", "school__name", "school__town", "school__latitude", "school__longitude")
        .annotate(
            typed=F("school_name"),
            people=Count("email", distinct=True),
            teachers=Count("email", distinct=True, filter=Q(role__in=TEACHING_ROLES)),
        )
        .order_by()
    )


def _mentee_rows(school: School) -> Iterable[Mapping[str, Any]]:
    return (
        Pairing.objects.filter(mentor=school, status__in=REACHED_PAIRS)
        .values("mentee_id", "mentee__name", "mentee__town", "mentee__latitude", "mentee__longitude")
        .distinct()
        .order_by()
    )


def school_reach(school: School) -> Reach:
    """The schools (registry or typed by name) this school's events and mentoring reached."""
    found: dict[Any, ReachedSchool] = {}
    for row in _event_rows(school):
        key = row["school_id"] or ("typed", row["typed"].strip().casefold())
        if row["school_id"] is None and not row["typed"].strip():
            continue
        item = found.setdefault(
            key,
            ReachedSchool(
                name=row["school__name"] or row["typed"].strip(),
                town=row["school__town"] or "",
                latitude=row["school__latitude"],
                longitude=row["school__longitude"],
                in_registry=row["school_id"] is not None,
            ),
        )
        item.people += row["people"]
        item.teachers += row["teachers"]
        item.through_events = True
    for row in _mentee_rows(school):
        item = found.setdefault(
            row["mentee_id"],
            ReachedSchool(
                name=row["mentee__name"],
                town=row["mentee__town"],
                latitude=row["mentee__latitude"],
                longitude=row["mentee__longitude"],
            ),
        )
        item.through_mentoring = True
    return Reach(schools=sorted(found.values(), key=lambda item: item.name.casefold()))


def reached_count(school: School, since: date) -> int:
    """Registry schools reached since a date (for the mission overview), in one query."""
    by_events = _reached_registrations(school).filter(created_at__date__gte=since).values("school_id")
    by_mentoring = Pairing.objects.filter(
        mentor=school, status__in=REACHED_PAIRS, decided_at__date__gte=since
    ).values("mentee_id")
    return School.objects.filter(Q(pk__in=by_events) | Q(pk__in=by_mentoring)).count()


# A country's coverage ------------------------------------------------------------


def countries_for(user: Any) -> QuerySet[Country]:
    """The NSO's own countries; platform admins see every country."""
    if roles_of(user).is_admin:
        return Country.objects.all()
    return Country.objects.filter(pk__in=roles_of(user).nso_countries)


def regions_of(countries: QuerySet[Country]) -> QuerySet[Region]:
    return Region.objects.filter(country__in=countries).select_related("country").order_by("name")


def _current_label(year: int, prefix: str = "") -> Q:
    return Q(**{f"{prefix}labels__first_year__lte": year, f"{prefix}labels__last_year__gte": year})


def anchors(countries: QuerySet[Country], year: int) -> QuerySet[School]:
    """Schools that anchor the network: current eTwinning Schools and active mentor schools."""
    mentors = MentorOffer.objects.filter(active=True).values("school_id")
    return School.objects.filter(
        country__in=countries, latitude__isnull=False, longitude__isnull=False
    ).filter(_current_label(year) | Q(pk__in=mentors))


def reached_schools(countries: QuerySet[Country]) -> QuerySet[School]:
    """Schools of these countries that some other school's events or mentoring reached."""
    came = Q(status=RegistrationStatus.CONFIRMED) | Q(attended__isnull=False)
    by_events = Registration.objects.filter(came, school__isnull=False).exclude(school=F("event__school"))
    by_mentoring = Pairing.objects.filter(status__in=REACHED_PAIRS).values("mentee_id")
    return School.objects.filter(country__in=countries).filter(
        Q(pk__in=by_events.values("school_id")) | Q(pk__in=by_mentoring)
    )


def _anchor_within(km: float, year: int) -> Exists:
    """EXISTS an anchor within `km` of the outer school: bounding box, then haversine."""
    lat_span = km / KM_PER_DEGREE
    # at 71°N (the north of Europe) a degree of longitude is a third of one at the equator
    lon_span = km / (KM_PER_DEGREE * math.cos(math.radians(72)))
    # the casts give the outer columns a type, which arithmetic on OuterRef needs
    outer_lat = Cast(OuterRef("latitude"), FloatField())
    outer_lon = Cast(OuterRef("longitude"), FloatField())
    half_dlat = (Radians(F("latitude")) - Radians(outer_lat)) / 2
    half_dlon = (Radians(F("longitude")) - Radians(outer_lon)) / 2
    chord = Sin(half_dlat) * Sin(half_dlat) + Cos(Radians(F("latitude"))) * Cos(Radians(outer_lat)) * Sin(
        half_dlon
    ) * Sin(half_dlon)
    nearby = (
        School.objects.filter(latitude__isnull=False, longitude__isnull=False)
        .filter(_current_label(year) | Q(mentor_offer__active=True))
        .filter(
            latitude__gte=outer_lat - lat_span,
            latitude__lte=outer_lat + lat_span,
            longitude__gte=outer_lon - lon_span,
            longitude__lte=outer_lon + lon_span,
        )
        .annotate(distance_km=2 * EARTH_KM * ASin(Sqrt(chord)))
        .filter(distance_km__lte=km)
    )
    return Exists(nearby)


def gaps(
    countries: QuerySet[Country], *, km: float, year: int, region: Region | None = None
) -> QuerySet[School]:
    """Schools farther than `km` from every anchor (the anchors themselves excluded)."""
    schools = School.objects.filter(country__in=countries, latitude__isnull=False, longitude__isnull=False)
    if region is not None:
        schools = schools.filter(region=region)
    return (
        schools.exclude(pk__in=anchors(countries, year).values("pk"))
        .exclude(_anchor_within(km, year))
        .select_related("region")
        .order_by("region__name", "search_text", "pk")
    )


@dataclass
class RegionRow:
    region: Region
    etwinning_schools: int
    reached: int
    gaps: int


def region_table(countries: QuerySet[Country], *, km: float, year: int) -> list[RegionRow]:
    """Per region: current eTwinning Schools, reached schools, gap schools (three queries)."""
    reached_ids = reached_schools(countries).values("pk")
    regions = regions_of(countries).annotate(
        etwinning=Count("schools", filter=_current_label(year, "schools__"), distinct=True),
        reached=Count("schools", filter=Q(schools__in=reached_ids), distinct=True),
    )
    gap_counts = dict(
        gaps(countries, km=km, year=year).order_by().values_list("region_id").annotate(n=Count("pk"))
    )
    return [
        RegionRow(
            region=region,
            etwinning_schools=region.etwinning,
            reached=region.reached,
            gaps=gap_counts.get(region.pk, 0),
        )
        for region in regions
    ]


# The NSO's map ---------------------------------------------------------------------

# Grid cells in degrees: a country's map groups schools by half a degree (about 55 km
# north-south), a region's by a tenth, so a country of 40,000 schools draws a few hundred
# circles instead of 40,000.
COUNTRY_CELL, REGION_CELL = 0.5, 0.1


@dataclass(frozen=True)
class Cell:
    kind: str  # "anchor", "reached" or "gap"
    latitude: float
    longitude: float
    schools: int


def _cells(schools: QuerySet[School], kind: str, size: float) -> list[Cell]:
    per_degree = 1 / size
    rows = (
        schools.order_by()
        .annotate(cell_lat=Round(F("latitude") * per_degree), cell_lon=Round(F("longitude") * per_degree))
        .values("cell_lat", "cell_lon")
        .annotate(n=Count("pk"))
    )
    return [Cell(kind, row["cell_lat"] * size, row["cell_lon"] * size, row["n"]) for row in rows]


def map_cells(
    countries: QuerySet[Country], *, km: float, year: int, region: Region | None = None
) -> list[Cell]:
    """The anchors, the schools reached and the schools in a gap, grouped into grid cells (3 queries)."""
    size = REGION_CELL if region is not None else COUNTRY_CELL
    placed = {"latitude__isnull": False, "longitude__isnull": False}
    anchor_schools = anchors(countries, year)
    reached = reached_schools(countries).filter(**placed)
    if region is not None:
        anchor_schools, reached = anchor_schools.filter(region=region), reached.filter(region=region)
    return [
        *_cells(anchor_schools, "anchor", size),
        *_cells(reached.exclude(pk__in=anchor_schools.values("pk")), "reached", size),
        *_cells(gaps(countries, km=km, year=year, region=region), "gap", size),
    ]
