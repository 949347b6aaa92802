from typing import Any

from django.core.management.base import BaseCommand

from twinschools.events.retention import daily_care


class Command(BaseCommand):
    help = "Send the day-before reminders and purge registrations past the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        done = daily_care()
        self.stdout.write(f"reminded={done.reminded} purged={done.purged}")
