"""The e-mail outbox (core/mail.py): no e-mail is lost when the broker, the mail server or a
worker goes down, and none goes out twice."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail as django_mail
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory, SessionFactory
from twinschools.celery import app as celery_app
from twinschools.core import mail
from twinschools.core.models import OutgoingEmail
from twinschools.events.models import Registration

UNREACHABLE_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _fresh_producers() -> None:
    """Make Celery build its connection and producer pools again, for the broker it now names."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker_down() -> Iterator[None]:
    """Celery sends to a broker that refuses connections, as when Redis is down."""
    conf = celery_app.conf
    was = conf.task_always_eager, conf.broker_url
    conf.task_always_eager, conf.broker_url = False, UNREACHABLE_BROKER
    _fresh_producers()
    try:
        yield
    finally:
        conf.task_always_eager, conf.broker_url = was
        _fresh_producers()


def _queue(count: int) -> list[int]:
    with transaction.atomic():
        return [
            mail.queue(to=f"person{n}@example.org", subject=f"Message {n}", body="Hello.").pk
            for n in range(count)
        ]


def _delivered_to() -> Counter[str]:
    return Counter(address for message in django_mail.outbox for address in message.to)


@pytest.mark.django_db
def test_an_email_is_queued_with_the_change_and_lost_with_its_rollback() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.queue(to="ana@example.org", subject="Never", body="Rolled back.")
        raise RuntimeError
    assert not OutgoingEmail.objects.exists()
    mail.queue(to="ana@example.org", subject="Kept", body="Committed.")
    assert list(OutgoingEmail.objects.values_list("subject", flat=True)) == ["Kept"]


@pytest.mark.django_db
def test_queueing_twice_with_the_same_key_keeps_one_email() -> None:
    first = mail.queue(to="ana@example.org", subject="Once", body=".", key="invitation:1")
    again = mail.queue(to="ana@example.org", subject="Once", body=".", key="invitation:1")
    assert first.pk == again.pk and OutgoingEmail.objects.count() == 1


@pytest.mark.django_db
def test_with_the_broker_down_a_public_registration_succeeds_and_its_email_goes_out_later(
    client: Client, broker_down: None, django_capture_on_commit_callbacks
) -> None:
    cache.clear()
    event = SessionFactory(event=EventFactory(title="Ziua porților")).event
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("events:event_detail", args=[event.pk]),
            {"name": "Maria Ionescu", "email": "maria@example.org", "role": "teacher", "school_name": ""},
        )
    assert response.status_code == 302
    assert callbacks  # the kick ran, and the broker refused it
    registration = Registration.objects.get(email="maria@example.org")
    queued = OutgoingEmail.objects.get()
    assert queued.to == ["maria@example.org"] and queued.sent_at is None
    assert django_mail.outbox == []
    assert "An e-mail is on its way to you" in client.get(response["Location"]).content.decode()

    # The broker is back (or beat's periodic drain runs): the e-mail goes out, once.
    assert mail.drain().sent == 1
    assert mail.drain().sent == 0
    [sent] = django_mail.outbox
    assert sent.to == ["maria@example.org"]
    assert reverse("events:confirm", args=[registration.token]) in sent.body
    assert sent.extra_headers["Message-ID"] == mail.message_id(queued)


@pytest.mark.django_db
def test_without_a_broker_the_email_goes_out_at_commit(django_capture_on_commit_callbacks) -> None:
    """The embedded default (no CELERY_BROKER_URL): tasks run eagerly, the demo's mail is immediate."""
    with django_capture_on_commit_callbacks(execute=True):
        _queue(3)
    assert len(django_mail.outbox) == 3
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_a_worker_killed_with_40_emails_due_leaves_none_lost_and_none_twice() -> None:
    _queue(40)
    # A worker claims a batch and is killed (kill -9) before sending any of it.
    _token, claimed = mail.claim(batch=25)
    assert len(claimed) == 25
    # The other rows go out at once; the dead worker's stay leased until their lease expires.
    assert mail.drain().sent == 15
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 25
    # The worker is restarted after the lease: the rest go out.
    later = timezone.now() + mail.LEASE + timedelta(seconds=1)
    assert mail.drain(now=later).sent == 25
    assert mail.drain(now=later).sent == 0
    delivered = _delivered_to()
    assert len(delivered) == 40 and set(delivered.values()) == {1}
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_an_email_sent_again_after_a_crash_before_its_mark_keeps_its_message_id() -> None:
    [pk] = _queue(1)
    mail.drain()
    # The worker died after the mail server accepted it, before the row was marked.
    OutgoingEmail.objects.filter(pk=pk).update(sent_at=None)
    mail.drain()
    first, again = django_mail.outbox
    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"]
    assert first.extra_headers["Message-ID"].startswith(f"<outbox.{pk}.")


@pytest.mark.django_db
def test_with_the_mail_server_down_an_email_is_retried_with_backoff_until_it_goes_out(settings) -> None:
    [pk] = _queue(1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert mail.drain().failed == 1
    row = OutgoingEmail.objects.get(pk=pk)
    assert row.sent_at is None and row.attempts == 1 and "Connection" in row.last_error
    assert row.send_after > timezone.now() + timedelta(seconds=50)
    assert mail.drain().failed == 0  # not due again before its backoff
    assert mail.drain(now=row.send_after + timedelta(seconds=1)).failed == 1
    row.refresh_from_db()
    assert row.attempts == 2 and row.send_after > timezone.now() + timedelta(seconds=110)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    assert mail.drain(now=row.send_after + timedelta(seconds=1)).sent == 1
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 3 and row.last_error == ""
    assert len(django_mail.outbox) == 1


def test_the_backoff_doubles_up_to_six_hours() -> None:
    assert [mail.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert mail.backoff(30) == timedelta(hours=6)


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Concurrent workers need PostgreSQL (FOR UPDATE SKIP LOCKED).",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_drains_deliver_each_email_exactly_once() -> None:
    _queue(40)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker() -> None:
        try:
            start.wait()
            mail.drain(batch=3)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    delivered = _delivered_to()
    assert len(delivered) == 40 and set(delivered.values()) == {1}
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == 40


@pytest.mark.django_db
def test_allauths_own_e_mails_go_through_the_queue(
    client: Client, world, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "teacher_a@example.org"})
    assert response.status_code == 302
    queued = OutgoingEmail.objects.get()
    assert queued.to == ["teacher_a@example.org"] and queued.sent_at is not None
    [sent] = django_mail.outbox
    assert sent.subject == queued.subject and "/accounts/password/reset/key/" in sent.body


@pytest.mark.django_db
def test_sent_emails_are_forgotten_after_thirty_days_and_waiting_ones_never() -> None:
    _first, waiting = _queue(2)
    mail.drain(batch=1, limit=1)
    assert mail.purge_sent() == 0
    assert mail.purge_sent(now=timezone.now() + timedelta(days=31)) == 1
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [waiting]
