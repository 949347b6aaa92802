"""Importing the network from CSV files: the one entry point for the command and the web page."""

from __future__ import annotations

from typing import BinaryIO

from django.db import transaction

from twinschools.accounts.models import User
from twinschools.core import audit
from twinschools.network.importing.base import ImportContext
from twinschools.network.importing.formats import KINDS
from twinschools.network.importing.importers import IMPORTERS
from twinschools.network.importing.reader import CsvFile, UnreadableFile, open_csv
from twinschools.network.importing.report import (
    FileReport,
    ImportReport,
    Problem,
    Problems,
    TooManyProblems,
)
from twinschools.network.importing.seen import SeenKeys

__all__ = ["FileReport", "ImportReport", "Problem", "import_network_files"]


def import_network_files(
    *,
    files: list[tuple[str, BinaryIO]],
    by: User | None,
    country_scope: set[int] | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import `files` (name, binary stream) all together, or nothing at all.

    Files are processed schools → people → projects → quality labels →
    activities whatever their order, so each finds the rows it refers to.
    `country_scope` limits the schools a person may touch (NSO staff); None
    allows every country. With problems, or with `dry_run`, everything is
    rolled back and the report says why.
    """
    report = ImportReport(dry_run=dry_run)
    problems = Problems(report.problems)
    try:
        opened = _open_all(files, problems)
        if not problems:
            _import_all(opened, by, country_scope, report, problems)
    except TooManyProblems:
        pass  # raised inside atomic(), it rolled everything back; the report says so
    _sort_by_place(report.problems, [name for name, _binary in files])
    return report


def _import_all(
    opened: list[CsvFile],
    by: User | None,
    country_scope: set[int] | None,
    report: ImportReport,
    problems: Problems,
) -> None:
    with transaction.atomic():
        with SeenKeys() as seen:
            context = ImportContext.load(problems=problems, seen=seen, scope=country_scope)
            for csv_file in _in_dependency_order(opened):
                report.files.append(_import_file(csv_file, context))
        if problems or report.dry_run:
            # Only now: Django refuses queries once a rollback is requested.
            transaction.set_rollback(True)
        else:
            _record(by, report)


def _open_all(files: list[tuple[str, BinaryIO]], problems: Problems) -> list[CsvFile]:
    """Read every header first, so a wrong file is reported before anything is written."""
    opened = []
    for name, binary in files:
        try:
            opened.append(open_csv(name, binary))
        except UnreadableFile as unreadable:
            for problem in unreadable.problems:
                problems.add(name, problem.row, problem.column, problem.message)
    return opened


def _sort_by_place(problems: list[Problem], file_names: list[str]) -> None:
    """Problems come out in the order of the files given, then of rows; general ones last."""
    position = {name: index for index, name in reversed(list(enumerate(file_names)))}
    problems.sort(
        key=lambda problem: (
            position.get(problem.file, len(file_names)),
            problem.row if problem.row is not None else float("inf"),
        )
    )


def _in_dependency_order(opened: list[CsvFile]) -> list[CsvFile]:
    return sorted(
        opened, key=lambda csv_file: KINDS.index(csv_file.kind)
    )  # stable: same kinds keep their order


def _import_file(csv_file: CsvFile, context: ImportContext) -> FileReport:
    report = FileReport(csv_file.name, csv_file.kind.name, str(csv_file.kind.label))
    try:
        IMPORTERS[csv_file.kind.name](context, csv_file, report).run()
    except UnreadableFile as unreadable:
        for problem in unreadable.problems:
            context.problems.add(csv_file.name, problem.row, problem.column, problem.message)
    return report


def _record(by: User | None, report: ImportReport) -> None:
    audit.record(
        actor=by,
        action="network.registry.imported",
        data={
            "files": [
                {
                    "file": file.file,
                    "kind": file.kind,
                    "created": file.created,
                    "updated": file.updated,
                    "unchanged": file.unchanged,
                }
                for file in report.files
            ]
        },
    )
