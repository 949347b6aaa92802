"""Every e-mail the site sends goes through here: a transactional outbox.

`queue(...)` writes an `OutgoingEmail` row in the caller's transaction, so the e-mail exists
if and only if the change that causes it was committed. After the commit it kicks the
`core.tasks.send_queued_email` task; if the broker is unreachable the kick is logged and the
request still succeeds: the periodic drain (Celery beat, or `manage.py send_queued_email`)
sends the row later.

`drain()` sends the due rows. A batch is claimed in a short transaction (`SELECT ... FOR
UPDATE SKIP LOCKED` on PostgreSQL; SQLite takes its write lock at BEGIN, so the same code is
safe there) by giving each row a lease (`claimed_until`) and a claim token. Each row is
then re-checked, sent, and marked sent in its own transaction right after the mail server
accepts it. A failure counts an attempt, keeps the error and backs off exponentially; a
worker killed mid-batch leaves leases that expire, and the next drain takes those rows
again. Every row carries a Message-ID made from its id, so a send repeated after a crash
between the server's acceptance and the mark is the same message to the receiving side.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone, translation

from twinschools.core.models import OutgoingEmail
from twinschools.core.site import site_url

logger = logging.getLogger(__name__)

BATCH = 50
LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 12
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
KEEP_SENT = timedelta(days=30)


def queue(
    *,
    to: str | Sequence[str],
    subject: str,
    body: str,
    html: str = "",
    headers: dict[str, str] | None = None,
    from_email: str = "",
    language: str = "",
    key: str | None = None,
    send_after: datetime | None = None,
) -> OutgoingEmail:
    """Put one e-mail in the outbox, in the caller's transaction; it is sent after the commit.

    `key` makes queueing idempotent: a second call with the same key returns the first row.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    subject = " ".join(str(subject).split())
    fields: dict[str, Any] = {
        "to": recipients,
        "subject": subject if len(subject) <= 300 else subject[:299] + "…",
        "body": str(body),
        "html": str(html),
        "headers": dict(headers or {}),
        "from_email": from_email,
        "language": language or translation.get_language() or "",
        "send_after": send_after or timezone.now(),
    }
    if key is None:
        row = OutgoingEmail.objects.create(**fields)
    else:
        row, _created = OutgoingEmail.objects.get_or_create(key=key, defaults=fields)
    kick_after_commit()
    return row


def queue_message(message: EmailMessage, *, key: str | None = None) -> OutgoingEmail:
    """Queue an `EmailMessage` built elsewhere (allauth's mails)."""
    html = ""
    body = str(message.body)
    if isinstance(message, EmailMultiAlternatives):
        for content, mimetype in message.alternatives:
            if mimetype == "text/html":
                html = str(content)
    if message.content_subtype == "html":
        html, body = body, ""
    return queue(
        to=[str(address) for address in message.to],
        subject=str(message.subject),
        body=body,
        html=html,
        headers={str(name): str(value) for name, value in (message.extra_headers or {}).items()},
        from_email=str(message.from_email or ""),
        key=key,
    )


def kick_after_commit() -> None:
    """Ask a worker to drain the outbox once the transaction commits (once per transaction)."""
    # A kick registered under the savepoints still open is enough (one drain per commit).
    open_savepoints = set(connection.savepoint_ids)
    if any(entry[1] is kick and set(entry[0]) <= open_savepoints for entry in connection.run_on_commit):
        return
    transaction.on_commit(kick)


def kick() -> None:
    """Start the drain task; an unreachable broker is no error (the periodic drain catches up)."""
    from twinschools.core import tasks

    try:
        tasks.send_queued_email.delay()
    except Exception:  # kombu's OperationalError, a refused connection, a DNS failure...
        logger.warning(
            "Could not reach the task broker; the periodic drain will send the e-mail.", exc_info=True
        )


# The drain -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drained:
    sent: int
    failed: int


def _due(now: datetime) -> Q:
    return Q(sent_at__isnull=True, failed_at__isnull=True, send_after__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def claim(*, batch: int = BATCH, now: datetime | None = None) -> tuple[str, list[int]]:
    """Take a lease on up to `batch` due rows: (the claim's token, their ids)."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        due = OutgoingEmail.objects.filter(_due(now)).order_by("send_after", "pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:batch])
        OutgoingEmail.objects.filter(pk__in=ids).update(claimed_until=now + LEASE, claim=token)
    return token, ids


def message_id(row: OutgoingEmail) -> str:
    """A Message-ID made from the row, the same however often the row is sent."""
    domain = urlsplit(site_url()).hostname or "localhost"
    return f"<outbox.{row.pk}.{row.created_at:%Y%m%d%H%M%S}@{domain}>"


def _message(row: OutgoingEmail, mail_connection: Any) -> EmailMessage:
    headers = {**row.headers, "Message-ID": message_id(row)}
    if row.language:
        headers.setdefault("Content-Language", row.language)
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email or None,
        to=row.to,
        headers=headers,
        connection=mail_connection,
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    return message


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8... minutes after each failure, at most 6 hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def _send_one(pk: int, token: str, mail_connection: Any) -> bool | None:
    """Send one claimed row: True sent, False failed, None no longer ours (or already sent)."""
    now = timezone.now()
    # Still ours? Renew the lease for this one send (a slow batch must not lose it meanwhile).
    renewed = OutgoingEmail.objects.filter(pk=pk, claim=token, sent_at__isnull=True).update(
        claimed_until=now + LEASE
    )
    row = OutgoingEmail.objects.filter(pk=pk).first() if renewed else None
    if row is None:  # taken by another worker, or erased meanwhile
        return None
    try:
        _message(row, mail_connection).send()
    except Exception as error:
        attempts = row.attempts + 1
        OutgoingEmail.objects.filter(pk=pk, claim=token).update(
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            send_after=now + backoff(attempts),
            claimed_until=None,
            claim="",
            failed_at=now if attempts >= MAX_ATTEMPTS else None,
        )
        logger.warning("E-mail %s could not be sent (attempt %s).", pk, attempts, exc_info=True)
        return False
    # Accepted by the mail server: mark it at once (its own short transaction).
    OutgoingEmail.objects.filter(pk=pk, claim=token).update(
        sent_at=timezone.now(), attempts=row.attempts + 1, claimed_until=None, last_error=""
    )
    return True


def drain(*, batch: int = BATCH, now: datetime | None = None, limit: int | None = None) -> Drained:
    """Send every due row, a batch at a time; safe to run in several workers at once."""
    sent = failed = 0
    mail_connection = get_connection()
    try:
        while limit is None or sent + failed < limit:
            token, ids = claim(batch=batch, now=now)
            for pk in ids:
                done = _send_one(pk, token, mail_connection)
                sent += done is True
                failed += done is False
            if len(ids) < batch:
                break
    finally:
        mail_connection.close()
    return Drained(sent=sent, failed=failed)


def purge_sent(*, older_than: timedelta = KEEP_SENT, now: datetime | None = None) -> int:
    """Delete the e-mails sent (or given up) longer ago than `older_than`: the queue is not an
    archive of what people were told. Answers how many."""
    cutoff = (now or timezone.now()) - older_than
    done = Q(sent_at__lt=cutoff) | Q(failed_at__lt=cutoff)
    return int(OutgoingEmail.objects.filter(done).delete()[0])


def pending_count() -> int:
    return OutgoingEmail.objects.filter(sent_at__isnull=True, failed_at__isnull=True).count()


def forget(*, texts: set[str]) -> int:
    """Delete every e-mail, sent or waiting, addressed to or naming any of `texts` (an erased
    person's address and names): the outbox keeps no trace of them. Answers how many."""
    mentions = Q()
    for text in {text for text in texts if text}:
        mentions |= (
            Q(recipients__icontains=text)
            | Q(subject__icontains=text)
            | Q(body__icontains=text)
            | Q(html__icontains=text)
        )
    if not mentions:
        return 0
    found = OutgoingEmail.objects.annotate(recipients=Cast("to", TextField())).filter(mentions)
    return int(OutgoingEmail.objects.filter(pk__in=list(found.values_list("pk", flat=True))).delete()[0])
