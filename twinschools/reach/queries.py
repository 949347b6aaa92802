"""Reads for regional reach: a school's reached schools, and a country's coverage and gaps.

The gaps are one set-based query over the whole country: schools and anchors (current
eTwinning Schools and active mentor schools) are put in grid cells as wide as the
distance, joined cell to neighbouring cell, and only those pairs get the haversine
distance. The math functions are SQL on PostgreSQL and registered by Django's SQLite
backend, so the same raw statement serves both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Round

from twinschools.core.authz import roles_of
from twinschools.events.models import Registration
from twinschools.mentoring.models import MentorOffer, Pairing, PairingStatus
from twinschools.network.models import Country, Region, School
from twinschools.network.queries import holds_label

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
    pk: int | None = None  # the registry school, for a link


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


# Reached means came: checked in at a session at least. A registration alone reaches nobody.
CAME = Q(attended__isnull=False)


def _reached_registrations(school: School) -> QuerySet[Registration]:
    """People of other schools who came (checked in at a session of one of its events)."""
    return Registration.objects.filter(CAME, event__school=school).exclude(school=school).distinct()


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
                pk=row["school_id"],
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
                pk=row["mentee_id"],
            ),
        )
        item.through_mentoring = True
    return Reach(schools=sorted(found.values(), key=lambda item: item.name.casefold()))


def reached_count(school: School, *, start: datetime, end: datetime) -> int:
    """Registry schools reached between two moments (for the mission overview), in one query:
    people of another school checked in at a session that began then, and mentee schools
    whose pairing was accepted then. A registration alone reaches nobody."""
    by_events = (
        Registration.objects.filter(
            event__school=school,
            attended__starts_at__gte=start,
            attended__starts_at__lt=end,
            school__isnull=False,
        )
        .exclude(school=school)
        .values("school_id")
    )
    by_mentoring = Pairing.objects.filter(
        mentor=school, status__in=REACHED_PAIRS, decided_at__gte=start, decided_at__lt=end
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


def anchors(countries: QuerySet[Country], year: int) -> QuerySet[School]:
    """Schools that anchor the network: current eTwinning Schools and active mentor schools."""
    mentors = MentorOffer.objects.filter(active=True).values("school_id")
    return School.objects.filter(
        country__in=countries, latitude__isnull=False, longitude__isnull=False
    ).filter(holds_label(year) | Q(pk__in=mentors))


def reached_schools(countries: QuerySet[Country]) -> QuerySet[School]:
    """Schools of these countries that some other school's events or mentoring reached."""
    by_events = Registration.objects.filter(CAME, school__isnull=False).exclude(school=F("event__school"))
    by_mentoring = Pairing.objects.filter(status__in=REACHED_PAIRS).values("mentee_id")
    return School.objects.filter(country__in=countries).filter(
        Q(pk__in=by_events.values("school_id")) | Q(pk__in=by_mentoring)
    )


# The nine grid cells around a school's own: an anchor within `km` lies in one of them.
NEIGHBOUR_CELLS = " UNION ALL ".join(
    f"SELECT {dx} AS dx, {dy} AS dy" for dx in (-1, 0, 1) for dy in (-1, 0, 1)
)
# at 72°N (the north of Europe) a degree of longitude is a third of one at the equator
NORTHMOST = math.cos(math.radians(72))


def _near_an_anchor(countries: QuerySet[Country], *, km: float, year: int) -> RawSQL:
    """The ids of the countries' schools within `km` of an anchor (of any country), in two steps.

    1. Small cells whose diagonal is at most `km` anywhere in Europe: a school in the same
       small cell as an anchor is near it, with no distance computed. In towns, where
       hundreds of schools and anchors crowd together, that settles almost every school.
    2. The other schools: cells at least `km` high and wide, so an anchor within `km` lies
       in the school's cell or one of its eight neighbours; one hash join on the cell
       numbers, and the haversine distance only for those pairs.
    A correlated search per school took minutes for a country of 40,000 schools.
    """
    small = km / math.sqrt(2) / KM_PER_DEGREE  # degrees; a degree of longitude is at most this long
    big_lat, big_lon = km / KM_PER_DEGREE, km / (KM_PER_DEGREE * NORTHMOST)
    country_sql, country_params = countries.values("pk").query.sql_with_params()
    sql = f"""
        WITH anchor AS (
            -- from the few labels and offers to their schools, not through all the schools;
            -- the labels held this year, as network.queries.held_labels says
            SELECT a.latitude AS lat, a.longitude AS lon
            FROM network_schoollabel l JOIN network_school a ON a.id = l.school_id
            WHERE l.first_year <= %s AND l.last_year >= %s AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
            UNION
            SELECT a.latitude, a.longitude
            FROM mentoring_mentoroffer m JOIN network_school a ON a.id = m.school_id
            WHERE m.active AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
        ),
        place AS (
            SELECT s.id, s.latitude AS lat, s.longitude AS lon
            FROM network_school s
            WHERE s.country_id IN ({country_sql}) AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL
        ),
        beside AS (
            SELECT place.id FROM place
            WHERE EXISTS (SELECT 1 FROM anchor
                          WHERE FLOOR(anchor.lat / %s) = FLOOR(place.lat / %s)
                            AND FLOOR(anchor.lon / %s) = FLOOR(place.lon / %s))
        )
        SELECT id FROM beside
        UNION
        SELECT place.id
        FROM place
        CROSS JOIN ({NEIGHBOUR_CELLS}) AS o
        JOIN (SELECT lat, lon, FLOOR(lat / %s) AS cx, FLOOR(lon / %s) AS cy FROM anchor) AS near
          ON near.cx = FLOOR(place.lat / %s) + o.dx AND near.cy = FLOOR(place.lon / %s) + o.dy
        WHERE place.id NOT IN (SELECT id FROM beside)
          AND 2 * {EARTH_KM} * ASIN(SQRT(
                SIN(RADIANS(near.lat - place.lat) / 2) * SIN(RADIANS(near.lat - place.lat) / 2)
                + COS(RADIANS(place.lat)) * COS(RADIANS(near.lat))
                  * SIN(RADIANS(near.lon - place.lon) / 2) * SIN(RADIANS(near.lon - place.lon) / 2)
              )) <= %s
    """
    params = (
        year, year, *country_params,
        small, small, small, small,
        big_lat, big_lon, big_lat, big_lon, km,
    )  # fmt: skip
    return RawSQL(sql, params)


def gaps(
    countries: QuerySet[Country], *, km: float, year: int, region: Region | None = None
) -> QuerySet[School]:
    """Schools farther than `km` from every anchor (an anchor is 0 km from itself)."""
    schools = School.objects.filter(country__in=countries, latitude__isnull=False, longitude__isnull=False)
    if region is not None:
        schools = schools.filter(region=region)
    return (
        schools.exclude(pk__in=_near_an_anchor(countries, km=km, year=year))
        .select_related("region")
        .order_by("region__name", "search_text", "pk")
    )


@dataclass
class RegionRow:
    region: Region
    etwinning_schools: int
    reached: int
    gaps: int
    schools: int = 0  # every school of the region with a registry entry, for the share in a gap

    @property
    def gap_percent(self) -> int:
        """The share of the region's schools in a gap, in whole percent."""
        return round(100 * self.gaps / self.schools) if self.schools else 0


def region_table(
    countries: QuerySet[Country], *, km: float, year: int, gap_counts: dict[int | None, int] | None = None
) -> list[RegionRow]:
    """Per region: current eTwinning Schools, reached schools, gap schools (two or three queries).

    `gap_counts` (region id -> schools in a gap) comes from `gap_summary` when the caller
    already has it, so the gaps are not computed twice.
    """
    reached_ids = reached_schools(countries).values("pk")
    regions = regions_of(countries).annotate(
        etwinning=Count("schools", filter=holds_label(year, "schools__"), distinct=True),
        reached=Count("schools", filter=Q(schools__in=reached_ids), distinct=True),
        all_schools=Count("schools", distinct=True),
    )
    if gap_counts is None:
        gap_counts = dict(
            gaps(countries, km=km, year=year).order_by().values_list("region_id").annotate(n=Count("pk"))
        )
    return [
        RegionRow(
            region=region,
            etwinning_schools=region.etwinning,
            reached=region.reached,
            gaps=gap_counts.get(region.pk, 0),
            schools=region.all_schools,
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
    regions: tuple[int, ...] = ()  # the regions its schools are in, for the map's popup


def _merged(kind: str, size: float, rows: Iterable[Mapping[str, Any]]) -> list[Cell]:
    """Rows counted per cell and region, summed per cell (a cell may straddle regions)."""
    counts: dict[tuple[float, float], int] = {}
    regions: dict[tuple[float, float], set[int]] = {}
    for row in rows:
        key = (row["cell_lat"], row["cell_lon"])
        counts[key] = counts.get(key, 0) + row["n"]
        if row["region_id"] is not None:
            regions.setdefault(key, set()).add(row["region_id"])
    return [
        Cell(kind, lat * size, lon * size, n, tuple(sorted(regions.get((lat, lon), ()))))
        for (lat, lon), n in counts.items()
    ]


def _cells(schools: QuerySet[School], kind: str, size: float) -> list[Cell]:
    per_degree = 1 / size
    rows = (
        schools.order_by()
        .annotate(cell_lat=Round(F("latitude") * per_degree), cell_lon=Round(F("longitude") * per_degree))
        .values("cell_lat", "cell_lon", "region_id")
        .annotate(n=Count("pk"))
    )
    return _merged(kind, size, rows)


@dataclass(frozen=True)
class GapSummary:
    """The schools in a gap counted per region and per map cell, from one statement."""

    by_region: dict[int | None, int]
    cells: list[Cell]  # of the chosen region, or of the whole country
    total: int  # in the chosen region, or in the whole country


def cell_size(region: Region | None) -> float:
    return REGION_CELL if region is not None else COUNTRY_CELL


def gap_summary(
    countries: QuerySet[Country], *, km: float, year: int, region: Region | None = None
) -> GapSummary:
    """One pass of the gap computation serves the region table, the total and the map."""
    size = cell_size(region)
    per_degree = 1 / size
    rows = list(
        gaps(countries, km=km, year=year)
        .order_by()
        .annotate(cell_lat=Round(F("latitude") * per_degree), cell_lon=Round(F("longitude") * per_degree))
        .values("region_id", "cell_lat", "cell_lon")
        .annotate(n=Count("pk"))
    )
    by_region: dict[int | None, int] = {}
    for row in rows:
        by_region[row["region_id"]] = by_region.get(row["region_id"], 0) + row["n"]
    shown = [row for row in rows if region is None or row["region_id"] == region.pk]
    return GapSummary(
        by_region=by_region, cells=_merged("gap", size, shown), total=sum(r["n"] for r in shown)
    )


def map_cells(
    countries: QuerySet[Country], *, year: int, region: Region | None, gap_cells: list[Cell]
) -> list[Cell]:
    """The anchors and the schools reached in grid cells (2 queries), with the gap cells given."""
    size = cell_size(region)
    placed = {"latitude__isnull": False, "longitude__isnull": False}
    anchor_schools = anchors(countries, year)
    reached = reached_schools(countries).filter(**placed)
    if region is not None:
        anchor_schools, reached = anchor_schools.filter(region=region), reached.filter(region=region)
    return [
        *_cells(anchor_schools, "anchor", size),
        *_cells(reached.exclude(pk__in=anchor_schools.values("pk")), "reached", size),
        *gap_cells,
    ]
