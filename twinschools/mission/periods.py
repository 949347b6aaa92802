"""The periods the overview and its companion pages look at.

By default the last twelve months; or one school year (1 September to
31 August), written "2024-2025" in the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

LAST_12_MONTHS = "last-12-months"
ALL_YEARS = "all"
UPCOMING = "upcoming"
SCHOOL_YEARS_OFFERED = 5
SCHOOL_YEAR_STARTS = 9  # September


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    since: date
    until: date | None  # None: up to today, with what is planned after it

    def contains(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


def school_year_of(day: date) -> int:
    """The calendar year in which the school year holding `day` began."""
    return day.year if day.month >= SCHOOL_YEAR_STARTS else day.year - 1


def school_year_key(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def school_year_label(start_year: int) -> str:
    return f"{start_year}\N{EN DASH}{start_year + 1}"


def school_year(start_year: int) -> Period:
    return Period(
        key=school_year_key(start_year),
        label=str(_("School year %(years)s") % {"years": school_year_label(start_year)}),
        since=date(start_year, SCHOOL_YEAR_STARTS, 1),
        until=date(start_year + 1, SCHOOL_YEAR_STARTS, 1) - timedelta(days=1),
    )


def last_12_months(today: date) -> Period:
    return Period(
        key=LAST_12_MONTHS, label=str(_("The last 12 months")), since=today - timedelta(days=365), until=None
    )


def periods_offered(today: date) -> list[Period]:
    current = school_year_of(today)
    return [last_12_months(today)] + [school_year(current - back) for back in range(SCHOOL_YEARS_OFFERED)]


def all_years() -> Period:
    return Period(key=ALL_YEARS, label=str(_("All years")), since=date.min, until=None)


def upcoming(today: date) -> Period:
    return Period(
        key=UPCOMING, label=str(_("Planned, not started yet")), since=today + timedelta(days=1), until=None
    )


def key_for(since: date, until: date | None) -> str:
    """The `?period=` value of a provider's period, for the links it returns."""
    if until is None:
        return LAST_12_MONTHS
    return school_year_key(school_year_of(since))
