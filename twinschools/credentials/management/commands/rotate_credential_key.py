"""Give a country's NSO a new signing key; credentials signed with the old one still verify."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from twinschools.credentials import services
from twinschools.network.models import Country


class Command(BaseCommand):
    help = (
        "Retire a country's credential signing key and create a new one (the old public key stays published)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("country", help="ISO code of the country, e.g. RO")

    def handle(self, *args: Any, country: str, **options: Any) -> None:
        found = Country.objects.filter(code=country.upper()).first()
        if found is None:
            raise CommandError(f"No country with the code {country!r}.")
        key = services.rotate_issuer_key(country=found, rotated_by=None)
        self.stdout.write(f"New signing key {key} for {found.code}.")
