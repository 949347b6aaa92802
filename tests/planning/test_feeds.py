"""iCalendar feeds (RFC 5545): valid, folded, parsable, scoped by their secret token, without pupils."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests import factories
from tests.clients import signed_in
from tests.conftest import World
from tests.planning.factories import ActivityFactory
from twinschools.accounts.models import Membership
from twinschools.planning import services

pytestmark = pytest.mark.django_db

LONG_TEXT = "Elevii clasei lucrează în echipe mixte cu partenerii din Lleida și prezintă rezultatele. " * 4


def _feed(token: str) -> bytes:
    response = Client().get(reverse("planning:feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def _school_feed(world: World, person: str = "team_a") -> bytes:
    return _feed(services.feed_token(user=world.people[person], school=world.school_a).token)


@pytest.fixture
def activities(world: World) -> dict[str, object]:
    planners = [world.people["team_a"], world.people["head_a"]]
    timed = ActivityFactory(
        school=world.school_a,
        title="Videoconferință cu partenerii din Lleida",
        description=LONG_TEXT,
        place="Laboratorul de informatică",
        co_planners=planners,
        classes=[world.class_a],
    )
    cancelled = ActivityFactory(
        school=world.school_a, title="Ieșire anulată", status="cancelled", co_planners=planners
    )
    all_day = ActivityFactory(
        school=world.school_a,
        title="Ziua eTwinning",
        all_day=True,
        starts_at=datetime.datetime(2026, 5, 8, 22, tzinfo=datetime.UTC),  # 9 May, local midnight
        ends_at=datetime.datetime(2026, 5, 8, 22, tzinfo=datetime.UTC),
        co_planners=[world.people["head_a"]],
    )
    return {"timed": timed, "cancelled": cancelled, "all_day": all_day}


def test_the_feed_has_crlf_line_endings_and_lines_folded_at_75_octets(world: World, activities: dict) -> None:
    body = _school_feed(world)
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded


def test_the_feed_carries_the_required_calendar_and_event_properties(world: World, activities: dict) -> None:
    text = _school_feed(world).decode()
    for line in ("BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "END:VCALENDAR"):
        assert f"{line}\r\n" in text
    assert "PRODID:-//TwinSchools//" in text
    timed = activities["timed"]
    event = next(
        component
        for component in Calendar.from_ical(text).walk("VEVENT")
        if component["UID"] == f"activity-{timed.pk}@twinschools"
    )
    for name in (
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "STATUS",
        "SEQUENCE",
        "URL",
    ):
        assert name in event, name
    assert event.decoded("DTSTART") == timed.starts_at
    # in the school's zone, named by TZID and described by a VTIMEZONE (RFC 5545 3.2.19, 3.6.5)
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Bucharest"
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Bucharest\r\n" in text
    assert str(event["SUMMARY"]) == "Videoconferință cu partenerii din Lleida"
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 1
    assert str(event["URL"]).endswith(reverse("planning:activity", args=[timed.pk]))


def test_cancelled_activities_say_so_and_all_day_ones_are_dates(world: World, activities: dict) -> None:
    calendar = Calendar.from_ical(_school_feed(world))
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert str(events["Ieșire anulată"]["STATUS"]) == "CANCELLED"
    all_day = events["Ziua eTwinning"]
    assert all_day.decoded("DTSTART") == datetime.date(2026, 5, 9)
    assert all_day.decoded("DTEND") == datetime.date(2026, 5, 10)
    assert "DTSTART;VALUE=DATE:20260509" in _school_feed(world).decode()


def test_no_pupil_and_no_class_appears_in_any_feed(world: World, activities: dict) -> None:
    for body in (_school_feed(world), _feed(services.feed_token(user=world.people["team_a"]).token)):
        text = body.decode()
        assert "Zorella" not in text and "SEVENB" not in text and "7B" not in text


def test_a_wrong_token_answers_not_found() -> None:
    assert Client().get(reverse("planning:feed", args=["not-a-token"])).status_code == 404


def test_a_school_feed_stops_when_its_owner_leaves_the_staff(world: World, activities: dict) -> None:
    token = services.feed_token(user=world.people["teacher_a"], school=world.school_a).token
    assert Client().get(reverse("planning:feed", args=[token])).status_code == 200
    Membership.objects.filter(user=world.people["teacher_a"]).update(ended_on=datetime.date(2021, 1, 1))
    assert Client().get(reverse("planning:feed", args=[token])).status_code == 404


def test_a_school_feed_made_for_another_school_shows_nothing_of_it(world: World, activities: dict) -> None:
    token = services.feed_token(user=world.people["teacher_b"], school=world.school_a).token
    assert Client().get(reverse("planning:feed", args=[token])).status_code == 404


def test_the_personal_feed_shows_the_activities_the_person_co_plans_in_all_their_schools(
    world: World, activities: dict
) -> None:
    factories.MembershipFactory(user=world.people["head_a"], school=world.school_b)
    ActivityFactory(school=world.school_b, title="La școala B", co_planners=[world.people["head_a"]])
    ActivityFactory(school=world.school_b, title="Fără mine", co_planners=[world.people["teacher_b"]])
    calendar = Calendar.from_ical(_feed(services.feed_token(user=world.people["head_a"]).token))
    titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert titles == {
        "Videoconferință cu partenerii din Lleida",
        "Ieșire anulată",
        "Ziua eTwinning",
        "La școala B",
    }


def test_resetting_the_address_stops_the_old_one(world: World) -> None:
    client = signed_in(world.people["team_a"])
    old = services.feed_token(user=world.people["team_a"], school=world.school_a).token
    response = client.post(reverse("planning:reset_feed", args=[world.school_a.pk]), {"feed": "school"})
    assert response.status_code == 302
    assert Client().get(reverse("planning:feed", args=[old])).status_code == 404
    page = client.get(reverse("planning:feeds", args=[world.school_a.pk])).content.decode()
    assert old not in page
