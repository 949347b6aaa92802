"""The periods the overview and its companion pages look at.

By default the last twelve months; or one school year (1 September to
31 August), written "2024-2025" in the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
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

    def last_day_done(self, today: date | None = None) -> date:
        """The last day whose records count as done: the period's end, never after today."""
        today = today or timezone.localdate()
        return min(self.until, today) if self.until is not None else today

    def window(self, now: datetime | None = None) -> tuple[datetime, datetime]:
        """The moments whose records count as done: from the first day's midnight up to the
        end of the last day, never after now (`start <= moment < end`)."""
        now = now or timezone.now()
        start = _midnight(max(self.since, EARLIEST))
        if self.until is None:
            return start, now
        return start, min(_midnight(self.until + timedelta(days=1)), now)


EARLIEST = date(1900, 1, 1)  # "all years" starts here: an aware date.min would overflow


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def between(since: date, until: date | None = None) -> Period:
    """A period from `since` to `until` (None: up to today, with what is planned after it)."""
    return Period(key=key_for(since, until), label="", since=since, until=until)


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
