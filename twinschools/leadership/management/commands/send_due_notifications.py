from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from twinschools.leadership import services


class Command(BaseCommand):
    help = "Close due proposals and send reminders and review notices (idempotent; run hourly)."

    def handle(self, *args: Any, **options: Any) -> None:
        done = services.send_due_notifications()
        self.stdout.write(f"closed={done.closed} reminded={done.reminded} reviews={done.reviews}")
