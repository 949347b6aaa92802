"""./manage.py demo_code: the current sign-in code of the demo's admin, NSO staff and evaluators.

They sign in with a second step (accounts/mfa.py); their authenticator secret is published
(network/generation/demo.py, README.md), so a visitor without an authenticator app asks here.
"""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand

from twinschools.network.generation.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Prints the current six-digit code of the demo's authenticator secret."

    def handle(self, *args: Any, **options: Any) -> None:
        period = int(getattr(settings, "MFA_TOTP_PERIOD", 30))
        now = int(time.time())
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, now // period))
        self.stdout.write(f"{code}  (valid for {period - now % period} more seconds)")
