"""The organiser's day: attendance, QR check-in, certificates, reminders and the purge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.core.models import AuditEvent
from twinschools.events import certificates, services
from twinschools.events.models import Event, Kind, Registration, RegistrationStatus
from twinschools.events.retention import daily_care

pytestmark = pytest.mark.django_db

# Session, user, roles, the check-in list, the messages and the workspace navigation.
QUERIES = 6


def _now_session(world):
    now = timezone.now()
    event = EventFactory(school=world.school_a)
    return SessionFactory(
        event=event, starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(hours=1)
    )


def test_marking_attendance_records_the_session_and_can_be_undone(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event)
    services.mark_attendance(registration=person, session=session, present=True, by=world.people["team_a"])
    assert list(person.attended.all()) == [session]
    services.mark_attendance(registration=person, session=session, present=False, by=world.people["team_a"])
    assert person.attended.count() == 0


def test_only_confirmed_registrants_of_the_same_event_can_be_checked_in(world):
    session = _now_session(world)
    waiting = RegistrationFactory(event=session.event, status=RegistrationStatus.WAITING_LIST)
    stranger = RegistrationFactory()
    for person in (waiting, stranger):
        with pytest.raises(ValidationError):
            services.mark_attendance(
                registration=person, session=session, present=True, by=world.people["team_a"]
            )


def test_the_qr_check_in_picks_the_session_under_way_and_refuses_on_a_day_without_one(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event)
    assert services.check_in(registration=person, by=world.people["head_a"]) == session
    with pytest.raises(ValidationError):
        services.check_in(
            registration=person, by=world.people["head_a"], now=timezone.now() + timedelta(days=3)
        )


def test_a_certificate_is_earned_only_by_attending(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event)
    assert not certificates.earned(person)
    person.attended.add(session)
    assert certificates.earned(Registration.objects.get(pk=person.pk))


def test_a_course_certificate_needs_four_sessions_out_of_five(world):
    event = EventFactory(school=world.school_a, kind=Kind.COURSE)
    sessions = [SessionFactory(event=event) for _ in range(5)]
    person = RegistrationFactory(event=event)
    person.attended.add(*sessions[:3])
    assert not certificates.earned(Registration.objects.get(pk=person.pk))
    person.attended.add(sessions[3])
    assert certificates.earned(Registration.objects.get(pk=person.pk))


def test_the_certificate_is_a_pdf_and_its_verification_page_shows_only_the_facts(client, world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event, language="ro", email="secret@example.org")
    person.attended.add(session)
    response = client.get(reverse("events:certificate", args=[person.token]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    page = client.get(reverse("events:certificate_verify", args=[certificates.token_for(person)]))
    assert person.name in page.content.decode()
    assert "secret@example.org" not in page.content.decode()


def test_a_wrong_certificate_token_or_an_absent_registrant_gets_404(client, world):
    person = RegistrationFactory(event=_now_session(world).event)
    assert client.get(reverse("events:certificate_verify", args=["forged"])).status_code == 404
    assert (
        client.get(reverse("events:certificate_verify", args=[certificates.token_for(person)])).status_code
        == 404
    )
    assert client.get(reverse("events:certificate", args=[person.token])).status_code == 404


def test_the_pass_shows_an_inline_svg_qr_code_leading_to_the_arrival_page(client, world):
    person = RegistrationFactory(event=_now_session(world).event)
    page = client.get(reverse("events:pass", args=[person.token])).content.decode()
    assert "<svg" in page and "style=" not in page.split("<svg", 1)[1].split("</svg>")[0]


def test_reminders_go_once_to_confirmed_registrants_of_tomorrows_events(
    world, django_capture_on_commit_callbacks
):
    event = EventFactory(school=world.school_a)
    SessionFactory(event=event, starts_at=timezone.now() + timedelta(days=1))
    RegistrationFactory(event=event, language="ro")
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 1
        assert services.send_reminders() == 0
    assert len(mail.outbox) == 1
    reminded = AuditEvent.objects.get(action="events.event.reminders_sent")
    assert (reminded.target_id, reminded.data) == (str(event.pk), {"count": 1})
    assert "/pass/" in mail.outbox[0].body


def test_the_purge_deletes_old_registrations_and_keeps_the_counts(world, settings):
    settings.TWINSCHOOLS_EVENT_RETENTION_DAYS = 30
    old = SessionFactory(
        event=EventFactory(school=world.school_a), starts_at=timezone.now() - timedelta(days=40)
    )
    recent = SessionFactory(event=EventFactory(school=world.school_a))
    came = RegistrationFactory(event=old.event)
    came.attended.add(old)
    RegistrationFactory(event=old.event)
    RegistrationFactory(event=recent.event)
    assert daily_care().purged == 1
    assert daily_care().purged == 0
    event = Event.objects.get(pk=old.event_id)
    assert (event.registered_count, event.attended_count) == (2, 1)
    assert not Registration.objects.filter(event=event).exists()
    assert Registration.objects.filter(event=recent.event).count() == 1


def test_the_organiser_checks_someone_in_from_the_list(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event)
    url = reverse("events:attendance", args=[session.pk])
    response = signed_in(world.people["team_a"]).post(url, {"registration": person.pk, "present": "1"})
    assert response.status_code == 302
    assert person.attended.filter(pk=session.pk).exists()


def test_the_nso_neither_reads_the_check_in_list_nor_marks_attendance(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event, name="Ioana Pop")
    nso = signed_in(world.people["nso_x"])
    assert nso.get(reverse("events:checkin", args=[session.pk])).status_code == 404
    event_page = nso.get(reverse("events:event_manage", args=[session.event_id])).content.decode()
    assert "Ioana Pop" not in event_page and person.email not in event_page
    assert (
        nso.post(
            reverse("events:attendance", args=[session.pk]), {"registration": person.pk, "present": "1"}
        ).status_code
        == 404
    )
    assert not person.attended.exists()


def test_the_check_in_list_searches_by_name(world):
    session = _now_session(world)
    RegistrationFactory(event=session.event, name="Ioana Pop")
    RegistrationFactory(event=session.event, name="Mihai Ene")
    page = (
        signed_in(world.people["team_a"])
        .get(reverse("events:checkin", args=[session.pk]), {"q": "ioana"})
        .content.decode()
    )
    assert "Ioana Pop" in page and "Mihai Ene" not in page


@pytest.mark.parametrize("many", [1, 15])
def test_the_check_in_list_takes_the_same_queries_for_one_or_many(world, many, django_assert_num_queries):
    session = _now_session(world)
    for person in RegistrationFactory.create_batch(many, event=session.event):
        person.attended.add(session)
    browser = signed_in(world.people["team_a"])
    url = reverse("events:checkin", args=[session.pk])
    browser.get(url)
    with django_assert_num_queries(QUERIES):
        browser.get(url)


def test_an_htmx_check_in_answers_the_persons_new_row_and_announces_it(world):
    session = _now_session(world)
    person = RegistrationFactory(event=session.event, name="Ioana Pop")
    url = reverse("events:attendance", args=[session.pk])
    response = signed_in(world.people["team_a"]).post(
        url, {"registration": person.pk, "present": "1"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<tr id="checkin-{person.pk}">' in html and "Mark Ioana Pop absent" in html
    assert 'id="checkin-status"' in html and 'hx-swap-oob="true"' in html
    assert "Ioana Pop is checked in." in html
    assert "<html" not in html
    assert person.attended.filter(pk=session.pk).exists()


def test_an_htmx_check_in_of_someone_unconfirmed_keeps_the_row_and_says_why(world):
    session = _now_session(world)
    person = RegistrationFactory(
        event=session.event, name="Mihai Ene", status=RegistrationStatus.WAITING_LIST
    )
    response = signed_in(world.people["team_a"]).post(
        reverse("events:attendance", args=[session.pk]),
        {"registration": person.pk, "present": "1"},
        headers={"HX-Request": "true", "Accept-Language": "ro"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<tr id="checkin-{person.pk}">' in html
    assert "Only confirmed registrants" not in html and 'class="alert alert-danger"' in html
    assert not person.attended.exists()


def test_an_htmx_search_of_the_check_in_list_answers_only_the_table(world):
    session = _now_session(world)
    RegistrationFactory(event=session.event, name="Ioana Pop")
    RegistrationFactory(event=session.event, name="Mihai Ene")
    response = signed_in(world.people["team_a"]).get(
        reverse("events:checkin", args=[session.pk]), {"q": "ioana"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="checkin-table">')
    assert "Ioana Pop" in html and "Mihai Ene" not in html


def test_a_registration_is_checked_against_the_organising_school_not_the_registrants(world):
    # The registrant comes from school B: school B's teacher still may not decide on it.
    person = RegistrationFactory(
        event=EventFactory(school=world.school_a, approval_required=True),
        school=world.school_b,
        status=RegistrationStatus.AWAITING_APPROVAL,
    )
    url = reverse("events:registration_decide", args=[person.pk])
    assert signed_in(world.people["teacher_b"]).post(url, {"decision": "approve"}).status_code == 404
    assert signed_in(world.people["team_a"]).post(url, {"decision": "approve"}).status_code == 302
