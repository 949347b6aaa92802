"""./manage.py import_network FILE [FILE ...] [--dry-run] [--language ro]

Imports schools, people, projects, quality labels and activities from CSV
files (see docs/import.md), all together or not at all. Prints the counts per
file, or every problem as file:row:column: message and exits with status 1.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinschools.network.importing.services import ImportReport, import_network_files


class Command(BaseCommand):
    help = "Import schools, people, projects, quality labels and activities from CSV files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="CSV files, in any order.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count everything, then write nothing."
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the report and of the problems.",
        )

    def handle(self, *args: Any, files: list[Path], dry_run: bool, language: str, **options: Any) -> None:
        with translation.override(language), ExitStack() as stack:
            missing = [str(path) for path in files if not path.is_file()]
            if missing:
                raise CommandError(_("No such file: %(files)s.") % {"files": ", ".join(missing)})
            # Problems name each file as it was given on the command line.
            opened: list[tuple[str, BinaryIO]] = [
                (str(path), stack.enter_context(path.open("rb"))) for path in files
            ]
            report = import_network_files(files=opened, by=None, country_scope=None, dry_run=dry_run)
            if report.problems:
                self._print_problems(report)
            self._print_counts(report)

    def _print_problems(self, report: ImportReport) -> None:
        for problem in report.problems:
            self.stderr.write(str(problem))
        raise CommandError(
            ngettext(
                "Nothing was imported: %(count)d problem was found.",
                "Nothing was imported: %(count)d problems were found.",
                len(report.problems),
            )
            % {"count": len(report.problems)}
        )

    def _print_counts(self, report: ImportReport) -> None:
        for file in report.files:
            self.stdout.write(
                _("%(file)s (%(kind)s): %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "file": file.file,
                    "kind": file.kind_label,
                    "created": file.created,
                    "updated": file.updated,
                    "unchanged": file.unchanged,
                }
            )
        if report.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import complete.")))
