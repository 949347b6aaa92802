"""Registering for an outreach event: double opt-in, seats, waiting list and offers."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.clients import signed_in
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.core.models import AuditEvent
from twinschools.events import services
from twinschools.events.models import EventStatus, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db

Status = RegistrationStatus


def _register(event, n: int = 0, *, language: str = "en"):
    return services.register(
        event=event,
        name=f"Guest {n}",
        email=f"guest{n}@example.org",
        role="teacher",
        school=None,
        school_name="Școala nr. 3",
        language=language,
        client=f"10.0.0.{n}",
    )


def test_registering_sends_a_confirmation_email_in_the_registrants_language(
    django_capture_on_commit_callbacks,
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, language="ro")
    assert registration.status == Status.AWAITING_EMAIL
    assert len(mail.outbox) == 1
    assert "Confirmă" in mail.outbox[0].subject or event.title in mail.outbox[0].subject
    assert reverse("events:confirm", args=[registration.token]) in mail.outbox[0].body


def test_a_draft_event_takes_no_registrations():
    with pytest.raises(ValidationError):
        _register(EventFactory(status=EventStatus.DRAFT))


def test_confirming_takes_a_seat_and_a_full_event_puts_people_on_the_waiting_list():
    event = EventFactory(capacity=1)
    first, second = _register(event, 1), _register(event, 2)
    assert services.confirm(registration=first).status == Status.CONFIRMED
    assert services.confirm(registration=second).status == Status.WAITING_LIST


def test_confirming_twice_changes_nothing():
    event = EventFactory(capacity=1)
    registration = _register(event)
    services.confirm(registration=registration)
    assert services.confirm(registration=registration).status == Status.CONFIRMED


def test_an_event_with_approval_waits_for_the_organisers(world):
    event = EventFactory(capacity=2, approval_required=True)
    registration = services.confirm(registration=_register(event))
    assert registration.status == Status.AWAITING_APPROVAL
    decided = services.decide(registration=registration, approve=False, by=world.people["head_a"])
    assert decided.status == Status.DECLINED


def test_cancelling_offers_the_seat_to_the_first_on_the_waiting_list(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    seated = services.confirm(registration=_register(event, 1))
    waiting = services.confirm(registration=_register(event, 2))
    services.confirm(registration=_register(event, 3))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=seated)
    waiting.refresh_from_db()
    assert waiting.status == Status.SEAT_OFFERED
    assert waiting.offer_expires_at is not None
    assert mail.outbox[-1].to == [waiting.email]
    assert services.accept_offer(registration=waiting).status == Status.CONFIRMED


def test_an_expired_offer_goes_to_the_next_person_and_running_again_changes_nothing():
    event = EventFactory(capacity=1)
    offered = RegistrationFactory(
        event=event, status=Status.SEAT_OFFERED, offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    nxt = RegistrationFactory(event=event, status=Status.WAITING_LIST)
    assert services.expire_offers() == 1
    assert services.expire_offers() == 0
    expired = AuditEvent.objects.get(action="events.registration.offer_expired")
    assert (expired.target_type, expired.target_id) == ("events.registration", str(offered.pk))
    offered.refresh_from_db()
    nxt.refresh_from_db()
    assert (offered.status, nxt.status) == (Status.CANCELLED, Status.SEAT_OFFERED)


def test_too_many_registrations_from_one_connection_are_refused():
    event = EventFactory(capacity=50)
    for n in range(services.REGISTRATIONS_PER_HOUR):
        services.register(
            event=event,
            name="Bot",
            email=f"b{n}@example.org",
            role="other",
            school=None,
            school_name="",
            language="en",
            client="1.2.3.4",
        )
    with pytest.raises(ValidationError):
        services.register(
            event=event,
            name="Bot",
            email="last@example.org",
            role="other",
            school=None,
            school_name="",
            language="en",
            client="1.2.3.4",
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_people_confirming_at_once_take_exactly_the_ten_seats():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks to race against")
    event = EventFactory(capacity=10)
    registrations = [RegistrationFactory(event=event, status=Status.AWAITING_EMAIL) for _ in range(30)]

    def confirm(registration: Registration) -> None:
        try:
            services.confirm(registration=registration)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=[r]) for r in registrations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Status.CONFIRMED) == 10
    assert statuses.count(Status.WAITING_LIST) == 20


def test_the_public_page_shows_counts_but_never_registrants(client):
    event = SessionFactory().event
    RegistrationFactory(event=event, name="Ileana Secretă", email="ileana@example.org")
    page = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert "Ileana" not in page and "ileana@example.org" not in page
    assert "9" in page


def test_a_visitor_registers_from_the_public_page(client):
    event = SessionFactory().event
    data = {"name": "Ana", "email": "ana@example.org", "role": "parent", "school_name": "", "website": ""}
    response = client.post(reverse("events:event_detail", args=[event.pk]), data)
    assert response.status_code == 302
    assert Registration.objects.get(event=event).status == Status.AWAITING_EMAIL


def test_the_honeypot_drops_a_bot_registration(client):
    event = SessionFactory().event
    data = {"name": "Bot", "email": "bot@example.org", "role": "other", "school_name": "", "website": "x"}
    client.post(reverse("events:event_detail", args=[event.pk]), data)
    assert not Registration.objects.exists()


def test_a_bad_registration_comes_back_filled_with_errors(client):
    event = SessionFactory().event
    data = {"name": "Ana", "email": "not-an-address", "role": "parent", "school_name": "Școala nr. 3"}
    response = client.post(reverse("events:event_detail", args=[event.pk]), data)
    assert response.status_code == 400
    assert "Școala nr. 3" in response.content.decode()


def test_a_wrong_token_is_not_found(client):
    assert client.get(reverse("events:confirm", args=["nope"])).status_code == 404


def test_confirming_and_cancelling_by_the_email_links(client):
    registration = RegistrationFactory(status=Status.AWAITING_EMAIL)
    client.post(reverse("events:confirm", args=[registration.token]))
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    client.post(reverse("events:registration", args=[registration.token]), {"action": "cancel"})
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_only_the_organising_school_decides_on_a_registration_not_the_registrants_school(world):
    event = EventFactory(school=world.school_a, approval_required=True)
    waiting = RegistrationFactory(
        event=event, school=world.school_b, status=RegistrationStatus.AWAITING_APPROVAL
    )
    url = reverse("events:registration_decide", args=[waiting.pk])

    refused = signed_in(world.people["teacher_b"]).post(url, {"decision": "approve"})
    waiting.refresh_from_db()
    assert refused.status_code == 404
    assert waiting.status == RegistrationStatus.AWAITING_APPROVAL

    decided = signed_in(world.people["head_a"]).post(url, {"decision": "approve"})
    waiting.refresh_from_db()
    assert decided.status_code == 302
    assert waiting.status != RegistrationStatus.AWAITING_APPROVAL
