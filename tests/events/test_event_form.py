"""The event form groups its fields under headings and takes the first session; check-in reflows."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events.models import Event

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


def test_the_event_form_groups_its_fields_under_headings(world) -> None:
    body = signed_in(world.people["team_a"]).get(reverse("events:event_create", args=[world.school_a.pk]))
    html = body.content.decode()
    for heading in ("What the event is", "When and where", "Who can come", "Registration"):
        assert f" {heading}</legend>" in html
    assert 'name="session-starts_at"' in html


def test_a_new_event_is_saved_with_its_first_session(world) -> None:
    # typed in the school's zone (Romania), whatever the site's zone
    starts = (timezone.localtime(timezone=ZoneInfo("Europe/Bucharest")) + timedelta(days=7)).replace(
        second=0, microsecond=0
    )
    response = signed_in(world.people["team_a"]).post(
        reverse("events:event_create", args=[world.school_a.pk]),
        _posted(**{
            "session-starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "session-ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        }),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(title="Atelier eTwinning")
    assert [s.starts_at for s in event.sessions.all()] == [starts]


def test_a_new_event_may_come_without_a_session(world) -> None:
    response = signed_in(world.people["team_a"]).post(
        reverse("events:event_create", args=[world.school_a.pk]), _posted()
    )
    assert response.status_code == 302
    assert not Event.objects.get(title="Atelier eTwinning").sessions.exists()


def test_a_first_session_with_a_start_and_no_end_is_refused_with_a_sentence(world) -> None:
    response = signed_in(world.people["team_a"]).post(
        reverse("events:event_create", args=[world.school_a.pk]),
        _posted(**{"session-starts_at": "2030-05-01T10:00"}),
    )
    assert response.status_code == 400
    assert "Give both the start and the end of the first session, or neither." in response.content.decode()
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


def test_a_first_session_that_ends_before_it_starts_is_refused(world) -> None:
    response = signed_in(world.people["team_a"]).post(
        reverse("events:event_create", args=[world.school_a.pk]),
        _posted(**{"session-starts_at": "2030-05-01T10:00", "session-ends_at": "2030-05-01T09:00"}),
    )
    assert response.status_code == 400
    assert "A session must end after it starts." in response.content.decode()
    assert not Event.objects.filter(title="Atelier eTwinning").exists()


def test_the_event_page_adds_a_session_in_place(world) -> None:
    event = EventFactory(school=world.school_a)
    html = signed_in(world.people["team_a"]).get(reverse("events:event_manage", args=[event.pk])).content
    assert f'action="{reverse("events:session_add", args=[event.pk])}"' in html.decode()


def test_the_check_in_table_reflows_on_a_phone_with_a_label_per_cell(world) -> None:
    now = timezone.now()
    session = SessionFactory(
        event=EventFactory(school=world.school_a), starts_at=now, ends_at=now + timedelta(hours=1)
    )
    RegistrationFactory(event=session.event, name="Ioana Pop")
    html = (
        signed_in(world.people["team_a"]).get(reverse("events:checkin", args=[session.pk])).content.decode()
    )
    assert 'class="table table-reflow' in html
    for label in ("Name", "Status", "Present", "Attendance"):
        assert f'data-label="{label}"' in html
