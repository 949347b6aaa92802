"""Issue 11 §5: an event is typed, shown, mailed and exported in its organiser school's zone.

Two schools, one in Bucharest (EET, UTC+2 in March) and one in Lleida (Europe/Madrid, CET,
UTC+1), each organise a session typed as 10:00 on 15 March 2027. Whatever the site's zone
(Brussels), the session is 10:00 where it takes place: on the organisers' pages, the public
page and calendar, the registrant's e-mail and the .ics file (TZID with its VTIMEZONE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests import factories
from tests.clients import signed_in
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.accounts.models import Role, User
from twinschools.events import services
from twinschools.events.models import Event
from twinschools.network.models import School

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Place:
    country: str
    town: str
    zone: str
    short: str  # the zone's abbreviation on 15 March 2027
    name: str  # what the page calls the zone


PLACES = [
    Place("RO", "Cluj-Napoca", "Europe/Bucharest", "EET", "Bucharest time"),
    Place("ES", "Lleida", "Europe/Madrid", "CET", "Madrid time"),
]


def _organiser(place: Place) -> tuple[School, User]:
    school = factories.SchoolFactory(country=factories.country(place.country), town=place.town)
    head = factories.MembershipFactory(school=school, role=Role.HEAD).user
    return school, head


def _event_typed_at_ten(place: Place) -> tuple[School, User, Event]:
    school, head = _organiser(place)
    response = signed_in(head).post(
        reverse("events:event_create", args=[school.pk]),
        {
            "kind": "workshop",
            "title": f"eTwinning in {place.town}",
            "for_teachers": "on",
            "language": "en",
            "capacity": "20",
            "address": f"Main street 1, {place.town}",
            "session-starts_at": "2027-03-15T10:00",
            "session-ends_at": "2027-03-15T12:00",
        },
    )
    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(school=school)
    services.set_status(event=event, status="published", by=head)
    return school, head, event


def test_a_new_school_lives_in_its_countrys_time_zone() -> None:
    assert [_organiser(place)[0].time_zone for place in PLACES] == ["Europe/Bucharest", "Europe/Madrid"]


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.town)
def test_a_session_typed_at_ten_is_ten_oclock_in_the_schools_zone(place: Place) -> None:
    _school, head, event = _event_typed_at_ten(place)
    session = event.sessions.get()
    assert session.starts_at == datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo(place.zone))
    manage = signed_in(head).get(reverse("events:event_manage", args=[event.pk])).content.decode()
    assert f"10:00 – 12:00 ({place.short})" in manage
    assert f"Times are in {place.name} ({place.zone})." in manage


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.town)
def test_the_public_page_and_calendar_show_the_session_in_the_organisers_zone(place: Place) -> None:
    _school, _head, event = _event_typed_at_ten(place)
    page = Client().get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert f"10:00 – 12:00 ({place.short})" in page
    assert f"Times are in {place.name} ({place.zone})." in page
    calendar = Client().get(reverse("events:calendar")).content.decode()
    assert f"10:00 ({place.short})" in calendar


def test_the_calendar_shows_each_event_in_its_own_schools_zone() -> None:
    for place in PLACES:
        _event_typed_at_ten(place)
    calendar = Client().get(reverse("events:calendar")).content.decode()
    assert "10:00 (EET)" in calendar and "10:00 (CET)" in calendar
    assert "11:00" not in calendar and "09:00" not in calendar


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.town)
def test_the_registrants_email_gives_the_session_in_the_organisers_zone(
    place: Place, django_capture_on_commit_callbacks
) -> None:
    _school, _head, event = _event_typed_at_ten(place)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(
            event=event,
            name="Ana Pop",
            email="ana@example.org",
            role="teacher",
            school=None,
            school_name="",
            language="en",
            client="10.0.0.1",
        )
    body = mail.outbox[-1].body
    assert f"10:00 – 12:00 ({place.short})" in body
    assert f"Times are in {place.name} ({place.zone})." in body


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.town)
def test_the_ics_file_keeps_ten_oclock_with_its_tzid_and_vtimezone(place: Place) -> None:
    _school, _head, event = _event_typed_at_ten(place)
    body = Client().get(reverse("events:event_ics", args=[event.pk])).content.decode()
    assert f"DTSTART;TZID={place.zone}:20270315T100000\r\n" in body
    assert f"DTEND;TZID={place.zone}:20270315T120000\r\n" in body
    assert f"BEGIN:VTIMEZONE\r\nTZID:{place.zone}\r\n" in body
    parsed = Calendar.from_ical(body)
    (timezone_component,) = parsed.walk("VTIMEZONE")
    assert str(timezone_component["TZID"]) == place.zone
    (vevent,) = parsed.walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo(place.zone))


def test_a_head_who_moves_the_school_to_another_zone_sees_its_times_there() -> None:
    school, head, event = _event_typed_at_ten(PLACES[1])
    response = signed_in(head).post(
        reverse("network:school_time_zone", args=[school.pk]), {"time_zone": "Atlantic/Canary"}
    )
    assert response.status_code == 302
    page = Client().get(reverse("events:event_detail", args=[event.pk])).content.decode()
    # the same moment, now written where the school says it lives: an hour earlier in the Canaries
    assert "09:00 – 11:00 (WET)" in page and "Canary Islands time" in page


def test_the_day_before_reminder_goes_by_the_organisers_tomorrow(django_capture_on_commit_callbacks) -> None:
    bucharest, madrid = ZoneInfo("Europe/Bucharest"), ZoneInfo("Europe/Madrid")
    cluj = factories.SchoolFactory(country=factories.country("RO"))
    lleida = factories.SchoolFactory(country=factories.country("ES"), town="Lleida")
    # 22:30 UTC on 14 March: already the 15th in Bucharest, still the 14th in Lleida and Brussels
    now = datetime(2027, 3, 14, 22, 30, tzinfo=ZoneInfo("UTC"))
    sessions = {
        "Cluj, on the 16th": (cluj, datetime(2027, 3, 16, 10, 0, tzinfo=bucharest)),
        "Cluj, today": (cluj, datetime(2027, 3, 15, 10, 0, tzinfo=bucharest)),
        "Lleida, on the 15th": (lleida, datetime(2027, 3, 15, 10, 0, tzinfo=madrid)),
    }
    for title, (school, starts) in sessions.items():
        event = EventFactory(school=school, title=title)
        SessionFactory(event=event, starts_at=starts, ends_at=starts + timedelta(hours=2))
        RegistrationFactory(event=event, email=f"{school.pk}-{starts:%d}@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(now=now) == 2
    reminded = {message.subject for message in mail.outbox}
    assert reminded == {"Tomorrow: Cluj, on the 16th", "Tomorrow: Lleida, on the 15th"}
    bodies = "\n".join(message.body for message in mail.outbox)
    assert "10:00 – 12:00 (EET)" in bodies and "10:00 – 12:00 (CET)" in bodies
