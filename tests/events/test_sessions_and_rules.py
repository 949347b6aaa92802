"""Issue 11 §4 and §7: an event's rules cannot be set to nonsense, sessions are never entered in
the past, and a session can be corrected or cancelled with its registrants told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.core.models import AuditEvent
from twinschools.events.models import Event, EventStatus, RegistrationStatus, Session

pytestmark = pytest.mark.django_db


def _posted(**extra: str) -> dict[str, str]:
    return {
        "kind": "workshop",
        "title": "Atelier eTwinning",
        "description": "Un atelier.",
        "for_teachers": "on",
        "language": "ro",
        "capacity": "20",
        "address": "Strada Memorandumului 1, Cluj-Napoca",
        **extra,
    }


def _local(moment) -> str:
    """As the organiser types it: in the time zone of school A (Bucharest), which the form reads."""
    from zoneinfo import ZoneInfo

    return timezone.localtime(moment, ZoneInfo("Europe/Bucharest")).strftime("%Y-%m-%dT%H:%M")


def _create(world, **extra: str):
    return signed_in(world.people["team_a"]).post(
        reverse("events:event_create", args=[world.school_a.pk]), _posted(**extra)
    )


# The event form (§7) -------------------------------------------------------------


def test_a_registration_window_that_closes_before_it_opens_is_refused_on_its_field(world) -> None:
    response = _create(world, registration_opens="2030-05-10T10:00", registration_closes="2030-05-01T10:00")
    assert response.status_code == 400
    assert response.context["form"].errors["registration_closes"] == [
        "Registration must close after it opens."
    ]
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "message"),
    [
        ("500", "23.6", "latitude", "A latitude lies between -90 and 90 degrees."),
        ("-90.5", "23.6", "latitude", "A latitude lies between -90 and 90 degrees."),
        ("46.77", "181", "longitude", "A longitude lies between -180 and 180 degrees."),
        ("46.77", "", "longitude", "Give both the latitude and the longitude, or neither."),
    ],
)
def test_a_place_off_the_globe_is_refused_on_its_field(world, latitude, longitude, field, message) -> None:
    response = _create(world, latitude=latitude, longitude=longitude)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


def test_an_event_for_nobody_is_refused_with_a_field_error_in_the_organisers_language(world) -> None:
    data = _posted()
    del data["for_teachers"]
    client = signed_in(world.people["team_a"])
    response = client.post(
        reverse("events:event_create", args=[world.school_a.pk]), data, HTTP_ACCEPT_LANGUAGE="ro"
    )
    assert response.status_code == 400
    (error,) = response.context["form"].errors["for_teachers"]
    assert error.startswith("Alegeți")
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


def test_a_place_on_the_globe_and_a_sound_window_are_saved(world) -> None:
    response = _create(
        world,
        latitude="46.77",
        longitude="23.59",
        for_parents="on",
        registration_opens="2030-05-01T10:00",
        registration_closes="2030-05-10T10:00",
    )
    assert response.status_code == 302
    event = Event.objects.get(title="Atelier eTwinning")
    assert (event.latitude, event.longitude, event.for_parents) == (46.77, 23.59, True)


# Sessions in the past (§4) --------------------------------------------------------


def test_a_new_event_whose_first_session_lies_in_the_past_is_refused_and_nothing_is_saved(world) -> None:
    started = timezone.now() - timedelta(days=640)
    response = _create(
        world,
        **{"session-starts_at": _local(started), "session-ends_at": _local(started + timedelta(hours=2))},
    )
    assert response.status_code == 400
    assert response.context["first_session"].errors["starts_at"] == [
        "A session cannot start in the past: give a date and time still to come."
    ]
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


def test_a_session_added_in_the_past_is_refused_on_its_field(world) -> None:
    event = EventFactory(school=world.school_a)
    started = timezone.now() - timedelta(days=2)
    response = signed_in(world.people["team_a"]).post(
        reverse("events:session_add", args=[event.pk]),
        {"starts_at": _local(started), "ends_at": _local(started + timedelta(hours=2))},
    )
    assert response.status_code == 400
    assert "starts_at" in response.context["form"].errors
    assert not event.sessions.exists()


# Correcting and cancelling a session ------------------------------------------------


def _registered_event(world):
    """A published event with two sessions to come, a Romanian and a Catalan registrant with a
    seat, one waiting, and one who cancelled (who is not told)."""
    event = EventFactory(school=world.school_a, title="Ziua porților deschise")
    first = SessionFactory(event=event, starts_at=timezone.now() + timedelta(days=7))
    SessionFactory(event=event, starts_at=timezone.now() + timedelta(days=14))
    RegistrationFactory(event=event, language="ro", email="ana@example.org")
    RegistrationFactory(event=event, language="ca", email="marc@example.org")
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST, email="wait@example.org")
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED, email="gone@example.org")
    return event, first


def test_an_organiser_moves_a_session_and_each_registrant_is_told_in_their_language(
    world, django_capture_on_commit_callbacks
) -> None:
    event, session = _registered_event(world)
    later = (session.starts_at + timedelta(days=1)).replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(world.people["team_a"]).post(
            reverse("events:session_edit", args=[session.pk]),
            {"starts_at": _local(later), "ends_at": _local(later + timedelta(hours=3))},
        )
    assert response.status_code == 302
    session.refresh_from_db()
    event.refresh_from_db()
    assert session.starts_at == later and event.first_starts_at == later
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ana@example.org", "marc@example.org", "wait@example.org"}
    assert (
        by_address["ana@example.org"].subject
        == "O sesiune a evenimentului Ziua porților deschise are o dată nouă"
    )
    assert "Ziua porților deschise" in by_address["marc@example.org"].subject
    assert by_address["marc@example.org"].subject.startswith("Una sessió")
    assert reverse("events:event_detail", args=[event.pk]) in by_address["ana@example.org"].body
    assert AuditEvent.objects.filter(action="events.session.changed").exists()


def test_an_organiser_cancels_a_session_and_the_registrants_are_told(
    world, django_capture_on_commit_callbacks
) -> None:
    event, session = _registered_event(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(world.people["team_a"]).post(reverse("events:session_cancel", args=[session.pk]))
    assert response.status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()
    assert event.sessions.count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "marc@example.org",
        "wait@example.org",
    ]
    assert all("cancel" in message.subject.lower() or "anul" in message.subject for message in mail.outbox)


def test_the_only_session_of_a_published_event_is_not_cancelled_alone(world) -> None:
    event = EventFactory(school=world.school_a, status=EventStatus.PUBLISHED)
    session = SessionFactory(event=event)
    response = signed_in(world.people["team_a"]).post(
        reverse("events:session_cancel", args=[session.pk]), follow=True
    )
    assert Session.objects.filter(pk=session.pk).exists()
    assert "This is the event&#x27;s only session" in response.content.decode()
    assert len(mail.outbox) == 0


def test_a_session_that_has_begun_can_be_neither_moved_nor_cancelled(world) -> None:
    event = EventFactory(school=world.school_a)
    begun = SessionFactory(event=event, starts_at=timezone.now() - timedelta(hours=1))
    SessionFactory(event=event)
    client = signed_in(world.people["team_a"])
    later = timezone.now() + timedelta(days=3)
    response = client.post(
        reverse("events:session_edit", args=[begun.pk]),
        {"starts_at": _local(later), "ends_at": _local(later + timedelta(hours=1))},
    )
    assert response.status_code == 400
    assert "already begun" in response.content.decode()
    client.post(reverse("events:session_cancel", args=[begun.pk]))
    assert Session.objects.filter(pk=begun.pk).exists()


def test_a_session_cannot_be_moved_into_the_past(world) -> None:
    _event, session = _registered_event(world)
    before = timezone.now() - timedelta(days=1)
    response = signed_in(world.people["team_a"]).post(
        reverse("events:session_edit", args=[session.pk]),
        {"starts_at": _local(before), "ends_at": _local(before + timedelta(hours=1))},
    )
    assert response.status_code == 400
    assert "starts_at" in response.context["form"].errors
    assert len(mail.outbox) == 0


def test_the_event_page_offers_to_change_or_cancel_only_sessions_still_to_come(world) -> None:
    event = EventFactory(school=world.school_a)
    past = SessionFactory(event=event, starts_at=timezone.now() - timedelta(days=1))
    coming = SessionFactory(event=event)
    html = (
        signed_in(world.people["team_a"])
        .get(reverse("events:event_manage", args=[event.pk]))
        .content.decode()
    )
    assert reverse("events:session_edit", args=[coming.pk]) in html
    assert reverse("events:session_edit", args=[past.pk]) not in html
    nso = (
        signed_in(world.people["nso_x"]).get(reverse("events:event_manage", args=[event.pk])).content.decode()
    )
    assert reverse("events:session_edit", args=[coming.pk]) not in nso
