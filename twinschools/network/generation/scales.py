"""How big a generated network is, and where its schools are.

demo     ~600 schools: Romania and Catalonia in depth, a few partner countries.
         3,000 people, 400 projects, 12,500 activities, 100 quality labels.
country  One country at national scale (Romania by default): 10,000 of its
         schools plus 2,500 partner schools across the other 45 countries;
         50,000 people, 6,000 projects, 210,000 activities, 1,500 quality labels.
         Big enough for query plans to look like production, small enough to
         load in about a minute.
europe   The whole eTwinning network: 300,000 schools in 46 countries,
         1,200,000 teachers, 160,000 projects, 5,000,000 activities and
         40,000 quality labels.

`resized` keeps a scale's proportions with another number of schools; tests
use it to build a network of a few dozen schools in seconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from twinschools.network.generation.places import countries


@dataclass(frozen=True)
class Scale:
    name: str
    schools: int
    teachers: int
    projects: int
    activities: int
    quality_labels: int
    # Share of schools per country; empty means the eTwinning-wide shares.
    country_shares: dict[str, float] = field(default_factory=dict)
    # Multipliers of some regions' weight within their country, by code prefix.
    region_boost: dict[str, float] = field(default_factory=dict)
    # Regions that always get at least this many schools (the demo accounts live there).
    anchor_regions: tuple[str, ...] = ()
    demo_accounts: bool = False

    def shares(self) -> dict[str, float]:
        if self.country_shares:
            return dict(self.country_shares)
        return {code: place.share for code, place in countries().items()}

    def resized(self, schools: int) -> Scale:
        factor = schools / self.schools

        def scaled(value: int) -> int:
            return max(1, math.ceil(value * factor))

        return replace(
            self,
            schools=schools,
            teachers=max(schools, scaled(self.teachers)),
            projects=scaled(self.projects),
            activities=scaled(self.activities),
            quality_labels=scaled(self.quality_labels),
        )


ANCHORS = ("RO113", "ES513")  # Cluj and Lleida: the demo head, teacher and profesora
ANCHOR_SCHOOLS = 3

DEMO = Scale(
    name="demo",
    schools=600,
    teachers=3000,
    projects=400,
    activities=12_500,
    quality_labels=100,
    country_shares={"RO": 42, "ES": 33, "FR": 8, "IT": 6, "PL": 4, "DE": 3, "PT": 2, "GR": 2},
    region_boost={"ES51": 15.0},  # Catalonia in depth: most Spanish demo schools are Catalan
    anchor_regions=ANCHORS,
    demo_accounts=True,
)

EUROPE = Scale(
    name="europe",
    schools=300_000,
    teachers=1_200_000,
    projects=160_000,
    activities=5_000_000,
    quality_labels=40_000,
    anchor_regions=ANCHORS,
)

COUNTRY_SHARE = 0.8  # of the country scale's schools, in the country studied


def country_scale(country: str) -> Scale:
    others = {code: place.share for code, place in countries().items() if code != country}
    total = sum(others.values())
    shares = {code: (1 - COUNTRY_SHARE) * share / total for code, share in others.items()}
    shares[country] = COUNTRY_SHARE
    return Scale(
        name="country",
        schools=12_500,
        teachers=50_000,
        projects=6_000,
        activities=210_000,
        quality_labels=1_500,
        country_shares=shares,
        anchor_regions=ANCHORS,
    )


SCALES = ("demo", "country", "europe")


def scale_named(name: str, *, country: str = "RO") -> Scale:
    if name == "demo":
        return DEMO
    if name == "country":
        return country_scale(country)
    if name == "europe":
        return EUROPE
    raise ValueError(f"Unknown scale {name!r}; choose one of {', '.join(SCALES)}.")
