"""Seal the NSOs' signing keys with TWINSCHOOLS_CREDENTIAL_KEY, so SECRET_KEY can change."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from twinschools.credentials import services


class Command(BaseCommand):
    help = (
        "Re-encrypt the credential signing keys stored before TWINSCHOOLS_CREDENTIAL_KEY was required "
        "(sealed with a key derived from SECRET_KEY) with TWINSCHOOLS_CREDENTIAL_KEY. Run it once after "
        "setting TWINSCHOOLS_CREDENTIAL_KEY and before changing DJANGO_SECRET_KEY; if SECRET_KEY has "
        "already changed, give the old value with --old-secret-key."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--old-secret-key",
            action="append",
            default=[],
            help="an earlier DJANGO_SECRET_KEY the keys may be sealed with (repeatable)",
        )

    def handle(self, *args: Any, old_secret_key: list[str], **options: Any) -> None:
        counts = services.reencrypt_issuer_keys(old_secret_keys=old_secret_key)
        self.stdout.write(
            f"{counts['reencrypted']} key(s) re-encrypted, {counts['current']} already current, "
            f"{counts['unreadable']} unreadable."
        )
        if counts["unreadable"]:
            raise CommandError(
                "Some keys did not decrypt: give the DJANGO_SECRET_KEY they were sealed with "
                "as --old-secret-key, or set TWINSCHOOLS_CREDENTIAL_KEY to the value they were sealed with."
            )
