"""Issue 11 §5: a calendar activity is typed, shown, mailed and exported in its school's zone.

A 10:00 activity entered at a Bucharest school was stored as Brussels time and shown at
11:00; in Lleida (Europe/Madrid) the zones agree, so only a second school tells a
school's zone from the site's. Both are checked through the calendar page, the
co-planner's e-mail and the .ics feed.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests import factories
from tests.clients import signed_in
from twinschools.accounts.models import Role
from twinschools.planning import services
from twinschools.planning.models import CalendarActivity

pytestmark = pytest.mark.django_db

PLACES = [
    # country, town, zone, abbreviation on 15 March 2027, the zone's name
    ("RO", "Cluj-Napoca", "Europe/Bucharest", "EET", "Bucharest time"),
    ("ES", "Lleida", "Europe/Madrid", "CET", "Madrid time"),
]


def _activity_at_ten(country: str, town: str, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    school = factories.SchoolFactory(country=factories.country(country), town=town)
    teacher = factories.MembershipFactory(school=school, role=Role.TEACHER).user
    colleague = factories.MembershipFactory(school=school, role=Role.TEACHER, user__language="en").user
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(teacher).post(
            reverse("planning:add_activity", args=[school.pk]),
            {
                "title": "Joint geography lesson",
                "start_date": "2027-03-15",
                "start_time": "10:00",
                "end_date": "2027-03-15",
                "end_time": "12:00",
                "co_planners": [colleague.pk],
                "status": "planned",
                "version": 1,
            },
        )
    assert response.status_code == 302, response.content.decode()
    return school, teacher, colleague, CalendarActivity.objects.get(school=school)


@pytest.mark.parametrize(("country", "town", "zone", "short", "name"), PLACES, ids=["Bucharest", "Lleida"])
def test_an_activity_typed_at_ten_is_ten_oclock_on_the_calendar_page(
    country: str, town: str, zone: str, short: str, name: str, django_capture_on_commit_callbacks
) -> None:
    school, teacher, _colleague, activity = _activity_at_ten(
        country, town, django_capture_on_commit_callbacks
    )
    assert activity.starts_at == datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo(zone))
    page = signed_in(teacher).get(reverse("planning:calendar", args=[school.pk]), {"month": "2027-03"})
    html = page.content.decode()
    assert f"10:00 – 12:00 ({short})" in html
    assert f"Times are in {name} ({zone})." in html
    edit = signed_in(teacher).get(reverse("planning:edit_activity", args=[activity.pk])).content.decode()
    assert 'value="10:00"' in edit  # the form gives back the time as it was typed


@pytest.mark.parametrize(("country", "town", "zone", "short", "name"), PLACES, ids=["Bucharest", "Lleida"])
def test_the_co_planners_email_gives_the_time_in_the_schools_zone(
    country: str, town: str, zone: str, short: str, name: str, django_capture_on_commit_callbacks
) -> None:
    _school, _teacher, colleague, _activity = _activity_at_ten(
        country, town, django_capture_on_commit_callbacks
    )
    (message,) = [message for message in mail.outbox if message.to == [colleague.email]]
    assert f"on 15 March 2027, 10:00 ({name}, {short})." in message.body


@pytest.mark.parametrize(("country", "town", "zone", "short", "name"), PLACES, ids=["Bucharest", "Lleida"])
def test_the_feed_keeps_ten_oclock_with_its_tzid_and_vtimezone(
    country: str, town: str, zone: str, short: str, name: str, django_capture_on_commit_callbacks
) -> None:
    school, teacher, _colleague, _activity = _activity_at_ten(
        country, town, django_capture_on_commit_callbacks
    )
    token = services.feed_token(user=teacher, school=school).token
    body = Client().get(reverse("planning:feed", args=[token])).content.decode()
    assert f"DTSTART;TZID={zone}:20270315T100000\r\n" in body
    assert f"DTEND;TZID={zone}:20270315T120000\r\n" in body
    assert f"BEGIN:VTIMEZONE\r\nTZID:{zone}\r\n" in body
    (vevent,) = Calendar.from_ical(body).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo(zone))


def test_a_personal_feed_writes_each_activity_in_its_own_schools_zone(
    django_capture_on_commit_callbacks,
) -> None:
    _bucharest, teacher, _, _ = _activity_at_ten("RO", "Cluj-Napoca", django_capture_on_commit_callbacks)
    lleida = factories.SchoolFactory(country=factories.country("ES"), town="Lleida")
    factories.MembershipFactory(school=lleida, user=teacher, role=Role.TEACHER)
    services.create_activity(
        school=lleida,
        by=teacher,
        title="Videoconference",
        starts_at=datetime(2027, 3, 16, 10, 0, tzinfo=ZoneInfo("Europe/Madrid")),
        ends_at=datetime(2027, 3, 16, 11, 0, tzinfo=ZoneInfo("Europe/Madrid")),
    )
    body = (
        Client()
        .get(reverse("planning:feed", args=[services.feed_token(user=teacher).token]))
        .content.decode()
    )
    assert "DTSTART;TZID=Europe/Bucharest:20270315T100000\r\n" in body
    assert "DTSTART;TZID=Europe/Madrid:20270316T100000\r\n" in body
    assert body.count("BEGIN:VTIMEZONE") == 2
