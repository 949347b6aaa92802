"""core/zones.py and the VTIMEZONE of core/ical.py (issue 11 §5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from icalendar import Calendar, Event

from tests import factories
from tests.events.factories import EventFactory, RegistrationFactory
from twinschools.core import ical, zones
from twinschools.network.reference import TIME_ZONES

FIVE_PM_IN_BUCHAREST = datetime(2027, 3, 15, 15, 0, tzinfo=UTC)


def test_every_country_zone_has_a_name_and_exists() -> None:
    assert set(TIME_ZONES.values()) <= set(zones.NAMES)
    assert all(zones.is_valid(name) for name in zones.NAMES)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "15 March 2027, 17:00 (Bucharest time, EET)"),
        ("ro", "15 martie 2027, 17:00 (ora din București, EET)"),
        ("ca", "15 de març de 2027, 17:00 (hora de Bucarest, EET)"),
    ],
)
def test_a_deadline_is_written_with_its_zone_in_each_language(language: str, written: str) -> None:
    with translation.override(language):
        assert zones.with_zone(FIVE_PM_IN_BUCHAREST, "Europe/Bucharest") == written


def test_summer_time_and_zones_without_a_letter_abbreviation_are_named() -> None:
    summer = datetime(2027, 7, 1, 12, 0, tzinfo=UTC)
    assert zones.abbreviation(summer, "Europe/Bucharest") == "EEST"
    assert zones.abbreviation(summer, "Europe/Istanbul") == "UTC+03"
    assert zones.label("America/New_York") == "America/New_York"  # a zone we have no name for


def test_an_unknown_zone_name_falls_back_to_the_active_zone() -> None:
    with timezone.override(ZoneInfo("Europe/Madrid")):
        assert zones.short_with_zone(FIVE_PM_IN_BUCHAREST, "Mars/Olympus").endswith("16:00 (CET)")


@pytest.mark.django_db
def test_a_registration_runs_in_the_organisers_zone_not_the_registrants() -> None:
    organiser = factories.SchoolFactory(country=factories.country("ES"))
    registrant_school = factories.SchoolFactory(country=factories.country("RO"))
    registration = RegistrationFactory(event=EventFactory(school=organiser), school=registrant_school)
    with zones.local_to(registration):
        assert timezone.get_current_timezone_name() == "Europe/Madrid"
    with zones.local_to(object()):  # an object of no school changes nothing
        assert timezone.get_current_timezone_name() == timezone.get_default_timezone_name()


def _feed(*starts: datetime) -> Calendar:
    events = []
    for number, start in enumerate(starts):
        event = Event()
        event.add("uid", f"{number}@test")
        event.add("dtstamp", ical.stamp())
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(hours=1))
        events.append(event)
    return Calendar.from_ical(ical.publish(events, product="Test", name="Test"))


def test_the_vtimezone_gives_each_change_at_the_wall_clock_before_it() -> None:
    feed = _feed(datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest")))
    (component,) = feed.walk("VTIMEZONE")
    text = component.to_ical().decode()
    # RFC 5545 3.6.5: the onset in TZOFFSETFROM's wall clock (03:00 EET, 04:00 EEST: 01:00 UTC)
    assert "BEGIN:DAYLIGHT\r\nDTSTART:20260329T030000\r\nRDATE:20270328T030000\r\n" in text
    assert "BEGIN:STANDARD\r\nDTSTART:20261025T040000\r\nRDATE:20271031T040000\r\n" in text


def test_a_calendar_application_reading_the_vtimezone_gets_every_offset_of_the_tz_database() -> None:
    bucharest = ZoneInfo("Europe/Bucharest")
    feed = _feed(datetime(2027, 3, 15, 10, 0, tzinfo=bucharest))
    read = feed.walk("VTIMEZONE")[0].to_tz()
    moment = datetime(2026, 3, 20, tzinfo=UTC)
    while moment < datetime(2028, 3, 1, tzinfo=UTC):
        assert moment.astimezone(read).utcoffset() == moment.astimezone(bucharest).utcoffset(), moment
        moment += timedelta(minutes=30)


def test_a_feed_of_two_zones_has_one_vtimezone_each_before_its_events() -> None:
    feed = _feed(
        datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest")),
        datetime(2027, 3, 16, 10, 0, tzinfo=ZoneInfo("Europe/Madrid")),
        datetime(2027, 3, 17, 10, 0, tzinfo=ZoneInfo("Europe/Madrid")),
    )
    assert [str(component["TZID"]) for component in feed.walk("VTIMEZONE")] == [
        "Europe/Bucharest",
        "Europe/Madrid",
    ]
    names = [component.name for component in feed.subcomponents]
    assert names.index("VEVENT") > names.index("VTIMEZONE") + 1
