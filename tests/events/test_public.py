"""Finding events and registering: the public calendar, its map, the calendar files and the school picker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.factories import RegionFactory, SchoolFactory, country
from twinschools.events.models import EventStatus, Kind, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def _upcoming(**event_fields):
    return SessionFactory(event=EventFactory(**event_fields)).event


def _calendar(client, **params):
    return client.get(reverse("events:calendar"), params)


# The calendar -------------------------------------------------------------------


def test_the_calendar_lists_upcoming_published_events_only(client):
    shown = _upcoming(title="Ziua porților deschise")
    _upcoming(title="Ciornă secretă", status=EventStatus.DRAFT)
    past = EventFactory(title="Atelier trecut")
    SessionFactory(event=past, starts_at=timezone.now() - timedelta(days=3))
    page = _calendar(client).content.decode()
    assert shown.title in page
    assert "Ciornă secretă" not in page
    assert "Atelier trecut" not in page


def test_the_calendar_filters_by_country_region_language_and_kind(client):
    cluj = RegionFactory(name="Cluj")
    in_cluj = _upcoming(school=SchoolFactory(region=cluj), title="La Cluj", language="ro")
    _upcoming(title="Altundeva", language="ro")
    catalan = _upcoming(school=SchoolFactory(country=country("ES")), title="A Girona", language="ca")
    workshop = _upcoming(title="Atelier practic", kind=Kind.WORKSHOP)
    by_region = _calendar(client, country="RO", region=cluj.pk).content.decode()
    assert in_cluj.title in by_region and "Altundeva" not in by_region
    by_country = _calendar(client, country="ES").content.decode()
    assert catalan.title in by_country and "La Cluj" not in by_country
    assert "A Girona" in _calendar(client, language="ca").content.decode()
    by_kind = _calendar(client, kind=Kind.WORKSHOP).content.decode()
    assert workshop.title in by_kind and "La Cluj" not in by_kind


def test_the_region_choices_follow_the_chosen_country(client):
    RegionFactory(name="Bihor")
    RegionFactory(country=country("ES"), name="Girona")
    page = _calendar(client, country="ES").content.decode()
    assert "Girona" in page and "Bihor" not in page


def test_the_map_links_each_placed_event_and_skips_online_ones(client):
    placed = _upcoming(title="Pe hartă", latitude=46.77, longitude=23.6)
    _upcoming(title="Doar online", online=True, latitude=46.0, longitude=23.0)
    response = _calendar(client)
    markers = response.context["map"]["markers"]
    assert [(m["name"], m["url"]) for m in markers] == [
        (placed.title, reverse("events:event_detail", args=[placed.pk]))
    ]
    assert response.context["map_kinds"] == [(placed.kind, placed.get_kind_display(), 1)]
    page = response.content.decode()
    data = page[
        page.index('id="events-map-data"') : page.index("</script>", page.index('id="events-map-data"'))
    ]
    assert "Pe hart" in data and "Doar online" not in data


def test_the_calendar_offers_the_regions_feed_when_a_region_is_chosen(client):
    cluj = RegionFactory(name="Cluj", code="CJ")
    page = _calendar(client, country="RO", region=cluj.pk).content.decode()
    assert reverse("events:region_ics", args=["RO", "CJ"]) in page


@pytest.mark.parametrize("events", [1, 6])
@pytest.mark.parametrize(
    ("params", "queries"),
    [({}, 3), ({"country": "RO", "kind": Kind.INFORMATION}, 4)],
    ids=["all", "filtered"],
)
def test_the_calendar_takes_the_same_queries_for_one_event_or_many(
    client, django_assert_num_queries, events, params, queries
):
    for _ in range(events):
        _upcoming()
    with django_assert_num_queries(queries):
        response = _calendar(client, **params)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == events


# Calendar files -----------------------------------------------------------------


def _parsed(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_an_events_calendar_file_has_one_entry_per_session_with_uid_and_stamp(client):
    event = EventFactory(title="Curs de eTwinning", description="Lung " * 40)
    first = SessionFactory(event=event)
    SessionFactory(event=event, starts_at=first.starts_at + timedelta(days=7))
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    body = response.content
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    entries = _parsed(response).walk("VEVENT")
    assert len(entries) == 2
    assert {str(entry["UID"]) for entry in entries} == {
        f"event-{event.pk}-session-{session.pk}@twinschools" for session in event.sessions.all()
    }
    assert all("DTSTAMP" in entry for entry in entries)
    assert str(entries[0]["SUMMARY"]) == "Curs de eTwinning"


def test_a_draft_has_no_calendar_file(client):
    event = SessionFactory(event=EventFactory(status=EventStatus.DRAFT)).event
    assert client.get(reverse("events:event_ics", args=[event.pk])).status_code == 404


def test_a_regions_feed_holds_its_events_and_marks_cancelled_ones(client):
    cluj = RegionFactory(code="CJ")
    school = SchoolFactory(region=cluj)
    kept = SessionFactory(event=EventFactory(school=school, title="Rămâne")).event
    SessionFactory(event=EventFactory(school=school, title="Anulat", status=EventStatus.CANCELLED))
    SessionFactory(event=EventFactory(title="Din altă regiune"))
    feed = _parsed(client.get(reverse("events:region_ics", args=["RO", "CJ"])))
    statuses = {str(entry["SUMMARY"]): str(entry["STATUS"]) for entry in feed.walk("VEVENT")}
    assert statuses == {"Rămâne": "CONFIRMED", "Anulat": "CANCELLED"}
    assert kept.title in statuses


def test_an_unknown_region_has_no_feed(client):
    assert client.get(reverse("events:region_ics", args=["RO", "NOPE"])).status_code == 404


# Registering --------------------------------------------------------------------


def _register(client, event, **fields):
    data = {"name": "Ana Pop", "email": "ana@example.org", "role": "teacher", "school_name": "", **fields}
    return client.post(reverse("events:event_detail", args=[event.pk]), data)


def test_the_school_suggestions_come_from_the_registry(client):
    school = SchoolFactory(name="Colegiul Național „Mihai Eminescu”", town="Suceava")
    SchoolFactory(name="Liceul Teoretic", town="Arad")
    page = client.get(reverse("events:school_suggestions"), {"school_name": "eminescu"}).content.decode()
    assert f'value="{school.pk}"' in page
    assert "Liceul Teoretic" not in page


def test_a_registration_keeps_the_school_picked_from_the_suggestions(client):
    school = SchoolFactory()
    event = _upcoming()
    _register(client, event, school=str(school.pk), school_name="Colegiul")
    registration = Registration.objects.get()
    assert registration.school == school
    assert registration.school_name == ""


def test_without_javascript_a_typed_name_of_a_registry_school_links_it(client):
    school = SchoolFactory(name="Școala Gimnazială „Ion Creangă”")
    _register(client, _upcoming(), school_name="școala gimnazială „ion creangă”")
    assert Registration.objects.get().school == school


def test_a_school_not_in_the_registry_is_kept_as_typed(client):
    _register(client, _upcoming(), school_name="Grădinița Fluturașii")
    registration = Registration.objects.get()
    assert registration.school is None
    assert registration.school_name == "Grădinița Fluturașii"


def test_registering_again_with_a_known_email_gets_the_same_answer(client):
    event = _upcoming()
    RegistrationFactory(event=event, email="ana@example.org")
    known = _register(client, event, email="ana@example.org")
    new = _register(client, event, email="nou@example.org")
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    known_page = client.get(known["Location"]).content.decode()
    assert "An e-mail is on its way to you" in known_page


def test_the_honeypot_drops_bots_quietly(client):
    response = _register(client, _upcoming(), website="http://spam.example")
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_bad_input_comes_back_with_the_form_filled(client):
    response = _register(client, _upcoming(), email="not-an-email", school_name="Școala nr. 5")
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Ana Pop"' in page and 'value="Școala nr. 5"' in page


def test_the_per_connection_limit_still_holds(client):
    event = _upcoming()
    for n in range(10):
        _register(client, event, email=f"p{n}@example.org")
    response = _register(client, event, email="last@example.org")
    assert response.status_code == 400
    assert Registration.objects.count() == 10


def test_a_course_under_way_stays_in_the_calendar_with_its_next_session(client):
    course = EventFactory(title="Curs în desfășurare", kind=Kind.COURSE)
    now = timezone.now()
    SessionFactory(event=course, starts_at=now - timedelta(days=7))
    next_session = SessionFactory(event=course, starts_at=now + timedelta(days=7))
    response = _calendar(client)
    (listed,) = response.context["page"].object_list
    assert listed.title == "Curs în desfășurare" and listed.next_start == next_session.starts_at


def test_past_a_thousand_upcoming_events_the_calendar_says_more_than_a_thousand(client):
    from twinschools.events.models import Event, Session
    from twinschools.events.services import refresh_span

    school = SchoolFactory()
    start = timezone.now() + timedelta(days=3)
    events = Event.objects.bulk_create(
        Event(
            school=school, kind=Kind.WORKSHOP, title=f"Atelier {n}", capacity=20, status=EventStatus.PUBLISHED
        )
        for n in range(1_001)
    )
    Session.objects.bulk_create(
        Session(event=e, starts_at=start, ends_at=start + timedelta(hours=2)) for e in events
    )
    refresh_span(event_ids=[e.pk for e in events])
    page = _calendar(client).content.decode()
    assert "More than 1,000 upcoming events found" in page
    assert "Page 1 of" not in page and "Page 1" in page
