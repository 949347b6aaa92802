"""./manage.py create_admin --email ADDRESS [--name NAME]: a platform admin, e.g. the first one.

Unlike `createsuperuser`, the address is verified (an operator may not have mail working yet)
and the creation is audited. The password is asked twice on a terminal, or read from the first
line of standard input otherwise (for provisioning scripts), and checked by the password rules.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from twinschools.accounts import services
from twinschools.accounts.models import User


class Command(BaseCommand):
    help = "Creates a platform admin with a verified address; a second factor is enrolled at first sign-in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="The admin's full name, as other people see it.")

    def handle(self, *args: Any, **options: Any) -> None:
        email = User.objects.normalize_email(options["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise CommandError(f"An account with the address {email} already exists.")
        password = self._password()
        try:
            validate_password(password, User(email=email, full_name=options["name"]))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        services.create_platform_admin(email=email, full_name=options["name"], password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the admin {email}. At the first sign-in they enrol an authenticator app "
                "or a security key, and keep their recovery codes."
            )
        )

    def _password(self) -> str:
        if not sys.stdin.isatty():
            return sys.stdin.readline().rstrip("\n")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
