"""Local time: a school's time zone, activated for its pages and e-mails, and times that say it.

Times are stored in UTC. Each school has a time zone (`School.time_zone`, an IANA name such
as "Europe/Bucharest"); `local_to(obj)` activates the zone of the school an object belongs to
(a school, an object with `owning_school`, or one with a `school`), so forms read the times
people type and templates print times in that zone. `core.permissions.requires` does it for
every view that loads an object, and services do it around the e-mails they render.
`with_zone(moment)` writes a deadline with its zone named: "15 March 2027, 17:00 (Bucharest
time, EET)". This module knows zone names only, never the apps' models.
"""

from __future__ import annotations

import contextlib
import functools
import zoneinfo
from collections.abc import Iterator
from datetime import datetime, tzinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy

# What people call the zones of the eTwinning countries (network.reference.TIME_ZONES), in
# whole phrases, so that each language can write its own ("ora din București", "hora d'Atenes").
NAMES: dict[str, Promise] = {
    "Africa/Cairo": pgettext_lazy("time zone", "Cairo time"),
    "Africa/Casablanca": pgettext_lazy("time zone", "Casablanca time"),
    "Africa/Tunis": pgettext_lazy("time zone", "Tunis time"),
    "Asia/Amman": pgettext_lazy("time zone", "Amman time"),
    "Asia/Baku": pgettext_lazy("time zone", "Baku time"),
    "Asia/Beirut": pgettext_lazy("time zone", "Beirut time"),
    "Asia/Nicosia": pgettext_lazy("time zone", "Nicosia time"),
    "Asia/Tbilisi": pgettext_lazy("time zone", "Tbilisi time"),
    "Asia/Yerevan": pgettext_lazy("time zone", "Yerevan time"),
    "Atlantic/Canary": pgettext_lazy("time zone", "Canary Islands time"),
    "Atlantic/Reykjavik": pgettext_lazy("time zone", "Reykjavík time"),
    "Europe/Amsterdam": pgettext_lazy("time zone", "Amsterdam time"),
    "Europe/Athens": pgettext_lazy("time zone", "Athens time"),
    "Europe/Belgrade": pgettext_lazy("time zone", "Belgrade time"),
    "Europe/Berlin": pgettext_lazy("time zone", "Berlin time"),
    "Europe/Bratislava": pgettext_lazy("time zone", "Bratislava time"),
    "Europe/Brussels": pgettext_lazy("time zone", "Brussels time"),
    "Europe/Bucharest": pgettext_lazy("time zone", "Bucharest time"),
    "Europe/Budapest": pgettext_lazy("time zone", "Budapest time"),
    "Europe/Chisinau": pgettext_lazy("time zone", "Chișinău time"),
    "Europe/Copenhagen": pgettext_lazy("time zone", "Copenhagen time"),
    "Europe/Dublin": pgettext_lazy("time zone", "Dublin time"),
    "Europe/Helsinki": pgettext_lazy("time zone", "Helsinki time"),
    "Europe/Istanbul": pgettext_lazy("time zone", "Istanbul time"),
    "Europe/Kyiv": pgettext_lazy("time zone", "Kyiv time"),
    "Europe/Lisbon": pgettext_lazy("time zone", "Lisbon time"),
    "Europe/Ljubljana": pgettext_lazy("time zone", "Ljubljana time"),
    "Europe/Luxembourg": pgettext_lazy("time zone", "Luxembourg time"),
    "Europe/Madrid": pgettext_lazy("time zone", "Madrid time"),
    "Europe/Malta": pgettext_lazy("time zone", "Malta time"),
    "Europe/Oslo": pgettext_lazy("time zone", "Oslo time"),
    "Europe/Paris": pgettext_lazy("time zone", "Paris time"),
    "Europe/Podgorica": pgettext_lazy("time zone", "Podgorica time"),
    "Europe/Prague": pgettext_lazy("time zone", "Prague time"),
    "Europe/Riga": pgettext_lazy("time zone", "Riga time"),
    "Europe/Rome": pgettext_lazy("time zone", "Rome time"),
    "Europe/Sarajevo": pgettext_lazy("time zone", "Sarajevo time"),
    "Europe/Skopje": pgettext_lazy("time zone", "Skopje time"),
    "Europe/Sofia": pgettext_lazy("time zone", "Sofia time"),
    "Europe/Stockholm": pgettext_lazy("time zone", "Stockholm time"),
    "Europe/Tallinn": pgettext_lazy("time zone", "Tallinn time"),
    "Europe/Tirane": pgettext_lazy("time zone", "Tirana time"),
    "Europe/Vaduz": pgettext_lazy("time zone", "Vaduz time"),
    "Europe/Vienna": pgettext_lazy("time zone", "Vienna time"),
    "Europe/Vilnius": pgettext_lazy("time zone", "Vilnius time"),
    "Europe/Warsaw": pgettext_lazy("time zone", "Warsaw time"),
    "Europe/Zagreb": pgettext_lazy("time zone", "Zagreb time"),
}


@functools.cache
def available() -> frozenset[str]:
    """The IANA zone names this machine knows (the tzdata package ships them everywhere)."""
    return frozenset(name for name in zoneinfo.available_timezones() if "/" in name and "Etc/" not in name)


def is_valid(name: str) -> bool:
    return name in available()


def default_name() -> str:
    """The site's zone (settings.TIME_ZONE): a new school's until its country's is set."""
    return str(settings.TIME_ZONE)


def validate(name: str) -> None:
    if not is_valid(name):
        raise ValidationError(
            gettext("“%(name)s” is not a time zone; choose one such as Europe/Bucharest.") % {"name": name},
            code="time_zone",
        )


def choices() -> list[tuple[str, str]]:
    """Every zone, labelled: the network's own first by their translated names, then the rest."""
    known = sorted(((name, f"{label(name)} ({name})") for name in NAMES), key=lambda pair: pair[1])
    others = [(name, name) for name in sorted(available() - NAMES.keys())]
    return known + others


@functools.cache
def get(name: str | None) -> tzinfo:
    """The zone of that name; the site's default for a name this machine does not know."""
    if name and is_valid(name):
        return zoneinfo.ZoneInfo(name)
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def label(name: str) -> str:
    """What people call the zone: "Bucharest time"; the IANA name for a zone we have no name for."""
    return str(NAMES[name]) if name in NAMES else name


def abbreviation(moment: datetime | None, name: str) -> str:
    """The zone's short name at that moment: EET or EEST, CET or CEST; UTC+03 where it has none."""
    zone = get(name)
    local = (moment or timezone.now()).astimezone(zone)
    short = local.tzname() or ""
    return f"UTC{short}" if short[:1] in "+-" else short


def name_of(obj: Any) -> str | None:
    """The zone name of the school an object belongs to, or None for objects of no school.

    The school is found as accounts.rules finds it: a school (it has `time_zone`) is its own,
    then `owning_school` (an event's session or registration belongs to the organiser), then
    `school`. Loaders already join the school, so this costs no query in the views.
    """
    if obj is None:
        return None
    own = getattr(obj, "time_zone", None)
    if isinstance(own, str):
        return own or None
    holder = obj.owning_school if hasattr(obj, "owning_school") else getattr(obj, "school", None)
    own = getattr(holder, "time_zone", None)
    return own if isinstance(own, str) and own else None


@contextlib.contextmanager
def local_to(obj: Any) -> Iterator[None]:
    """Activate the zone of the object's school (nothing changes for an object of no school)."""
    name = obj if isinstance(obj, str) else name_of(obj)
    if not name:
        yield
        return
    with timezone.override(get(name)):
        yield


def current_name() -> str:
    return timezone.get_current_timezone_name()


def _zone_name(zone: Any) -> str:
    if not zone:
        return current_name()
    if isinstance(zone, str):
        return zone if is_valid(zone) else current_name()
    return name_of(zone) or current_name()


def _local(moment: datetime, zone: Any) -> tuple[str, datetime]:
    """The zone's name, and the moment as a clock in that zone shows it."""
    name = _zone_name(zone)
    return name, timezone.localtime(moment, get(name))


def with_zone(moment: datetime | None, zone: Any = None) -> str:
    """A deadline written out with its zone: "15 March 2027, 17:00 (Bucharest time, EET)".

    `zone` is a zone name or an object of a school; by default the active zone.
    """
    if moment is None:
        return ""
    from twinschools.core.certificates import long_date

    name, local = _local(moment, zone)
    return gettext("%(date)s, %(time)s (%(zone)s, %(short)s)") % {
        "date": long_date(local.date()),
        "time": local.strftime("%H:%M"),
        "zone": label(name),
        "short": abbreviation(moment, name),
    }


def short_with_zone(moment: datetime | None, zone: Any = None) -> str:
    """A date and time in a list, with the zone's short name: "03/12/2026 10:00 (EET)"."""
    if moment is None:
        return ""
    name, local = _local(moment, zone)
    return gettext("%(moment)s (%(short)s)") % {
        "moment": _short(local),
        "short": abbreviation(moment, name),
    }


def _short(local: datetime) -> str:
    """The date as the language writes it short, and the time on a 24-hour clock, as Europe reads it."""
    return f"{date_format(local, 'SHORT_DATE_FORMAT')} {local:%H:%M}"


def span_with_zone(starts: datetime, ends: datetime, zone: Any = None) -> str:
    """A session: "03/12/2026 10:00 to 12:00 (EET)", with an en dash; the end's date is given when it differs."""
    name, start = _local(starts, zone)
    end = timezone.localtime(ends, get(name))
    sentence = gettext("%(start)s – %(end)s (%(short)s)")  # noqa: RUF001 (an en dash between times)
    return sentence % {
        "start": _short(start),
        "end": f"{end:%H:%M}" if start.date() == end.date() else _short(end),
        "short": abbreviation(starts, name),
    }


def time_with_zone(moment: datetime | None, zone: Any = None) -> str:
    """A time alone with the zone's short name: "10:00 (EET)"."""
    if moment is None:
        return ""
    name, local = _local(moment, zone)
    return gettext("%(moment)s (%(short)s)") % {
        "moment": local.strftime("%H:%M"),
        "short": abbreviation(moment, name),
    }


def note(zone: Any = None) -> str:
    """The sentence under a form's times: "Times are in Bucharest time (Europe/Bucharest)."."""
    name = _zone_name(zone)
    return gettext("Times are in %(zone)s (%(name)s).") % {"zone": label(name), "name": name}
