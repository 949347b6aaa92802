"""Issue existing label credentials again under the NSOs' did:web identifiers."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from twinschools.credentials import services
from twinschools.credentials.models import IssuedCredential


class Command(BaseCommand):
    help = (
        "Re-issue every current label credential that names an older issuer identifier (the NSO's https "
        "profile) under the NSO's did:web identifier. The old credential is marked replaced and keeps "
        "verifying until it expires; revoking the new one revokes it too. Safe to run again: "
        "credentials already re-issued, revoked or expired are left alone."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--country", help="only this country's NSO, e.g. RO")

    def handle(self, *args: Any, country: str | None = None, **options: Any) -> None:
        found = IssuedCredential.objects.filter(replaced_by__isnull=True, revoked_at__isnull=True)
        if country:
            found = found.filter(country__code=country.upper())
            if (
                not found.exists()
                and not IssuedCredential.objects.filter(country__code=country.upper()).exists()
            ):
                raise CommandError(f"No credentials issued for the country {country!r}.")
        reissued = 0
        for credential in found.select_related("country").order_by("pk"):
            new = services.reissue_credential(credential=credential, reissued_by=None)
            if new is not None:
                reissued += 1
                self.stdout.write(f"{credential.uuid} -> {new.uuid}")
        self.stdout.write(f"{reissued} credential(s) re-issued.")
