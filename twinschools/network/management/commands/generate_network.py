"""./manage.py generate_network --scale demo|country|europe --seed N [--replace]"""

from __future__ import annotations

import argparse
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from twinschools.network.generation.demo import DEMO_PASSWORD
from twinschools.network.generation.runner import GenerationReport, NetworkNotEmpty, generate
from twinschools.network.generation.scales import SCALES, scale_named
from twinschools.network.reference import ETWINNING_COUNTRIES

# Back-ends that keep e-mail on this machine. Generation makes services send e-mails (requests
# to evaluate, decisions...) to made-up people; any other back-end would deliver them for real.
LOCAL_EMAIL_BACKENDS = frozenset(
    {
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
        "twinschools.core.outbox.OutboxBackend",
    }
)


def refuse_real_email() -> None:
    if settings.EMAIL_BACKEND not in LOCAL_EMAIL_BACKENDS:
        raise CommandError(
            f"The generated network's e-mails would be sent for real through {settings.EMAIL_BACKEND}. "
            "Run it with DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend "
            "(or DJANGO_DEBUG=true), or pass --allow-real-email if that is really wanted."
        )


class Command(BaseCommand):
    help = (
        "Builds a deterministic, realistic eTwinning network: demo (~600 schools), "
        "country (one country at national scale) or europe (300,000 schools)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=SCALES, default="demo")
        parser.add_argument("--seed", type=int, default=1, help="The same seed builds the same network.")
        parser.add_argument(
            "--replace", action="store_true", help="Delete the existing network (and generated people) first."
        )
        parser.add_argument(
            "--country",
            default="RO",
            choices=ETWINNING_COUNTRIES,
            metavar="CODE",
            help="The country the 'country' scale studies (default RO).",
        )
        parser.add_argument(
            "--schools",
            type=int,
            help="Another number of schools, the scale's other figures in proportion (tests use a few dozen).",
        )
        parser.add_argument(
            "--with-demo-accounts",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Create the demo sign-ins (default: only with --scale demo).",
        )
        parser.add_argument(
            "--allow-real-email",
            action="store_true",
            help="Run even when the e-mail back-end delivers (SMTP): the generated people get e-mail.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["allow_real_email"]:
            refuse_real_email()
        scale = scale_named(options["scale"], country=options["country"])
        if options["schools"]:
            if options["schools"] < 10:
                raise CommandError("--schools must be at least 10.")
            scale = scale.resized(options["schools"])
        demo_accounts = options["with_demo_accounts"]
        if demo_accounts is None:
            demo_accounts = scale.demo_accounts
        verbose = options["verbosity"] >= 1
        try:
            report = generate(
                scale=scale,
                seed=options["seed"],
                replace=options["replace"],
                demo_accounts=demo_accounts,
                progress=self._progress if options["verbosity"] >= 2 else lambda message: None,
            )
        except NetworkNotEmpty as error:
            raise CommandError(str(error)) from error
        if verbose:
            self._print_report(report)

    def _progress(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    def _print_report(self, report: GenerationReport) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated the {report.scale} network (seed {report.seed}) on {report.database} "
                f"in {report.seconds:.1f} s."
            )
        )
        for key, count in report.counts.items():
            self.stdout.write(f"  {key:<18} {count:>12,}")
        phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.phases.items())
        self.stdout.write(f"  phases: {phases}")
        if report.demo:
            demo = report.demo
            self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD!r}):")
            for user in (demo.head, demo.teacher, demo.profesora, demo.parent, demo.nso_ro, demo.nso_es,
                         demo.evaluator_ro, demo.admin):  # fmt: skip
                self.stdout.write(f"  {user.email}")
            self.stdout.write(f"  pupil Ana: class code DEMO7B, PIN 246810 ({demo.head_school.name})")
