"""Send the outbox's due e-mails: what the periodic Celery task does, for cron or by hand."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from twinschools.core import mail


class Command(BaseCommand):
    help = "Send the due e-mails of the outbox (retries with backoff; safe to run alongside workers)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = mail.drain()
        self.stdout.write(f"sent {done.sent}, failed {done.failed}, waiting {mail.pending_count()}")
