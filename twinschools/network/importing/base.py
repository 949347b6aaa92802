"""What every importer shares. Each reads its file in batches of rows and, per batch:

1. finds rows repeated anywhere in the import (seen.SeenKeys, in the database);
2. looks up every external id the batch refers to, with one query per model;
3. validates each row against those lookups and the person's country scope;
4. writes the valid rows with bulk_create and bulk_update.

Valid rows are written even when other rows have problems, so that later files
of the same import find what they refer to and every problem gets reported;
the service then rolls the whole import back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, ClassVar, TypeVar

from django.db import connection
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from twinschools.accounts.models import STAFF_ROLES, Membership, User
from twinschools.network.importing import formats
from twinschools.network.importing.formats import FileKind, ValueProblem
from twinschools.network.importing.reader import CsvFile, delimiter_name
from twinschools.network.importing.report import FileReport, Problems
from twinschools.network.importing.seen import Seen, SeenKeys
from twinschools.network.models import Country, Language, Level, Project, ProjectSchool, School

# Big enough that per-batch queries cost little, small enough that a batch of
# model instances stays a few megabytes, and well under SQLite's 32,766 parameters.
BATCH_SIZE = 2000

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

MISSING = {
    "schools": gettext_lazy(
        "No school has the external id “%(id)s”, neither in TwinSchools nor in the files of schools of this import."
    ),
    "people": gettext_lazy(
        "No person has the external id “%(id)s”, neither in TwinSchools nor in the files of people of this import."
    ),
    "projects": gettext_lazy(
        "No project has the external id “%(id)s”, neither in TwinSchools nor in the files of projects of this import."
    ),
}
REJECTED = {
    "schools": gettext_lazy(
        "The school “%(id)s” has problems in its own row, so this row cannot be imported either."
    ),
    "people": gettext_lazy(
        "The person “%(id)s” has problems in their own row, so this row cannot be imported either."
    ),
    "projects": gettext_lazy(
        "The project “%(id)s” has problems in its own row, so this row cannot be imported either."
    ),
}


class Row(dict[str, Any]):
    """The values of one row by column name; a column the file lacks reads as None.

    A dict subclass rather than a wrapper: rows are read millions of times, and
    plain dict look-ups cost no Python call.
    """

    __slots__ = ("number", "ok", "status")

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number
        self.ok = True
        self.status = UNCHANGED

    def __missing__(self, column: str) -> None:
        return None

    def has(self, column: str) -> bool:
        """Whether the file has this column at all (a blank cell still counts)."""
        return column in self


@dataclass(frozen=True)
class RepeatKey:
    """A key that may appear once per import, or repeat only with the same fingerprint."""

    key: str
    column: str
    message: Promise  # formatted with `params`, plus the first occurrence's %(row)d and %(file)s
    params: dict[str, Any]
    fingerprint: str | None = None


@dataclass(frozen=True)
class SchoolRef:
    id: int
    country_id: int


@dataclass
class ImportContext:
    problems: Problems
    seen: SeenKeys
    scope: frozenset[int] | None  # country ids the person may import; None: all
    countries: dict[str, int]
    languages: dict[str, int]
    levels: dict[str, int]
    # External ids whose own rows had problems, per kind: bounded by MAX_PROBLEMS.
    rejected: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def load(cls, *, problems: Problems, seen: SeenKeys, scope: Iterable[int] | None) -> ImportContext:
        # Reference vocabularies are a few dozen rows: read them once per import.
        return cls(
            problems=problems,
            seen=seen,
            scope=None if scope is None else frozenset(scope),
            countries=dict(Country.objects.values_list("code", "id")),
            languages=dict(Language.objects.values_list("code", "id")),
            levels=dict(Level.objects.values_list("code", "id")),
        )

    def country_code(self, country_id: int) -> str:
        return next((code for code, pk in self.countries.items() if pk == country_id), "?")

    def allowed_countries(self) -> str:
        return ", ".join(sorted(self.country_code(pk) for pk in self.scope or ()))


# --- Batched look-ups: one query each. ------------------------------------------------------


def find_schools(external_ids: Iterable[str]) -> dict[str, SchoolRef]:
    rows = School.objects.filter(external_id__in=set(external_ids)).values_list(
        "external_id", "id", "country_id"
    )
    return {external_id: SchoolRef(pk, country_id) for external_id, pk, country_id in rows}


def find_people(external_ids: Iterable[str]) -> dict[str, int]:
    people = User.objects.filter(external_id__in=set(external_ids)).values_list("external_id", "id")
    return {external_id: pk for external_id, pk in people if external_id}


def find_projects(external_ids: Iterable[str]) -> dict[str, int]:
    return dict(Project.objects.filter(external_id__in=set(external_ids)).values_list("external_id", "id"))


ModelT = TypeVar("ModelT", bound=Model)


def stored_by_external_id(model: type[ModelT], rows: list[Row]) -> dict[str, ModelT]:
    """The rows of `model` that this batch's external ids already name, by external id."""
    found = model._default_manager.filter(external_id__in=[row["external_id"] for row in rows])
    return {obj.external_id: obj for obj in found}  # type: ignore[attr-defined]  # every imported model has one


def staff_pairs(user_ids: Iterable[int], school_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(person, school) pairs where the person is or was head or teacher."""
    memberships = Membership.objects.filter(
        user_id__in=set(user_ids), school_id__in=set(school_ids), role__in=STAFF_ROLES
    )
    return set(memberships.values_list("user_id", "school_id").distinct())


def participation_pairs(project_ids: Iterable[int], school_ids: Iterable[int]) -> set[tuple[int, int]]:
    participations = ProjectSchool.objects.filter(
        project_id__in=set(project_ids), school_id__in=set(school_ids)
    )
    return set(participations.values_list("project_id", "school_id"))


def apply_changes(obj: Model, fields: dict[str, Any]) -> list[str]:
    """Set the fields that differ and return their names."""
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, fields[name])
    return changed


def batched(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    while batch := list(islice(rows, size)):
        yield batch


class KindImporter:
    kind: ClassVar[FileKind]
    # (person id, school id) pairs of heads and teachers, set by `resolve` where needed.
    staff: set[tuple[int, int]]

    def __init__(self, ctx: ImportContext, csv_file: CsvFile, report: FileReport) -> None:
        self.ctx = ctx
        self.file = csv_file
        self.report = report
        self.columns = [self.kind.column(name) if name else None for name in csv_file.columns]

    def run(self) -> None:
        for batch in batched(self._parsed_rows(), BATCH_SIZE):
            self._check_repeats(batch)
            # Rows with a wrong value are validated too, so their other problems are
            # reported in the same run; values that could not be read are None.
            self.resolve(batch)
            for row in batch:
                self.validate(row)
            valid = [row for row in batch if row.ok]
            if valid:
                self.save(valid)
            self._account(batch)

    # Hooks for each kind.

    def repeat_keys(self, row: Row) -> list[RepeatKey]:
        raise NotImplementedError

    def resolve(self, rows: list[Row]) -> None:
        """Look up, once per batch, everything the rows refer to (Django drops None from `__in`)."""
        raise NotImplementedError

    def validate(self, row: Row) -> None:
        """Check references and cross-column rules; skip values that could not be read (None)."""
        raise NotImplementedError

    def save(self, rows: list[Row]) -> None:
        """Write valid rows and set each row's status."""
        raise NotImplementedError

    # Shared steps.

    def problem(self, row: Row, column: str, message: str) -> None:
        row.ok = False
        self.ctx.problems.add(self.file.name, row.number, column, message)

    def _parsed_rows(self) -> Iterator[Row]:
        for number, values in self.file.rows():
            yield self._parse(number, values)

    def _parse(self, number: int, values: list[str]) -> Row:
        row = Row(number)
        beyond_header = values[len(self.columns) :]
        if len(values) < len(self.columns) or any(value.strip() for value in beyond_header):
            self.problem(row, "", self._width_message(len(values)))
            return row
        for column, raw in zip(self.columns, values, strict=False):
            if column is not None:
                self._parse_value(row, column, raw.strip())
        return row

    def _parse_value(self, row: Row, column: formats.Column, raw: str) -> None:
        if not raw:
            row[column.name] = None
            if column.required:
                self.problem(row, column.name, _("This column needs a value in every row."))
            return
        try:
            row[column.name] = column.parse(raw)
        except ValueProblem as problem:
            row[column.name] = None
            self.problem(row, column.name, problem.message)

    def _width_message(self, found: int) -> str:
        return _(
            "This row has %(found)d values but the header has %(expected)d columns. Check that values "
            "are separated by “%(delimiter)s” and that values containing it are in quotation marks."
        ) % {
            "found": found,
            "expected": len(self.file.columns),
            "delimiter": delimiter_name(self.file.delimiter),
        }

    def _check_repeats(self, batch: list[Row]) -> None:
        keyed: dict[int, tuple[Row, RepeatKey]] = {}
        entries = []
        for row in batch:
            for repeat_key in self.repeat_keys(row):
                entry = Seen(repeat_key.key, self.file.name, row.number, repeat_key.fingerprint or "")
                keyed[id(entry)] = (row, repeat_key)
                entries.append(entry)
        for entry, first in self.ctx.seen.remember(entries):
            row, repeat_key = keyed[id(entry)]
            if repeat_key.fingerprint is None or repeat_key.fingerprint != first.fingerprint:
                params = {**repeat_key.params, "row": first.row, "file": first.file}
                self.problem(row, repeat_key.column, str(repeat_key.message) % params)

    def _account(self, batch: list[Row]) -> None:
        for row in batch:
            if row.ok:
                setattr(self.report, row.status, getattr(self.report, row.status) + 1)
            elif row["external_id"]:
                self.ctx.rejected[self.kind.name].add(row["external_id"])

    # References to other rows.

    def school(
        self,
        row: Row,
        column: str,
        schools: dict[str, SchoolRef],
        external_id: str | None,
        *,
        check_scope: bool = True,
    ) -> SchoolRef | None:
        """The referenced school, if it exists and (unless told otherwise) the person may import it."""
        if external_id is None:
            return None  # already reported as unreadable or blank
        ref = schools.get(external_id)
        if ref is None:
            self.missing(row, column, "schools", external_id)
        elif check_scope and not self.in_scope(row, column, external_id, ref.country_id):
            return None
        return ref

    def check_worked_at(
        self, row: Row, column: str, teacher: tuple[int, str], school: tuple[int, str]
    ) -> None:
        """A quality label, activity or project role needs a teacher who worked at the school.

        `teacher` and `school` are (database id, external id) pairs; `self.staff`
        holds the (teacher id, school id) pairs of heads and teachers, past or present.
        """
        if (teacher[0], school[0]) not in self.staff:
            self.problem(
                row,
                column,
                _("The person “%(person)s” has never been a teacher or head at the school “%(school)s”.")
                % {"person": teacher[1], "school": school[1]},
            )

    def in_scope(self, row: Row, column: str, school_id: str, country_id: int) -> bool:
        if self.ctx.scope is None or country_id in self.ctx.scope:
            return True
        self.problem(
            row,
            column,
            _("The school “%(school)s” is in %(country)s; you may import schools of %(allowed)s only.")
            % {
                "school": school_id,
                "country": self.ctx.country_code(country_id),
                "allowed": self.ctx.allowed_countries(),
            },
        )
        return False

    def reference(
        self, row: Row, column: str, found: dict[str, int], kind: str, external_id: str | None
    ) -> int | None:
        if external_id is None:
            return None  # already reported as unreadable or blank
        pk = found.get(external_id)
        if pk is None:
            self.missing(row, column, kind, external_id)
        return pk

    def missing(self, row: Row, column: str, kind: str, external_id: str) -> None:
        message = REJECTED[kind] if external_id in self.ctx.rejected[kind] else MISSING[kind]
        self.problem(row, column, str(message) % {"id": external_id})

    def dates_in_order(self, row: Row, start: str, end: str) -> None:
        if row[start] and row[end] and row[end] < row[start]:
            self.problem(
                row,
                end,
                _("The date in %(end)s, %(end_date)s, is before the date in %(start)s, %(start_date)s.")
                % {"end": end, "end_date": row[end], "start": start, "start_date": row[start]},
            )

    def upsert(
        self,
        model: type[Model],
        rows: list[Row],
        existing: Mapping[Any, Any],
        fields_of: Callable[[Row], dict[str, Any]],
        *,
        keep_new: bool = True,
    ) -> dict[str, Any]:
        """Create or update one object per row, matched on external_id; return them by external id.

        With `keep_new=False` new rows are written without model instances (insert_rows) and
        are left out of the result: for kinds nothing else in the import refers to by id.
        """
        objects: dict[str, Any] = {}
        new, new_values, changed, changed_fields = [], [], [], set()
        for row in rows:
            fields = fields_of(row)
            obj = existing.get(row["external_id"])
            if obj is None:
                row.status = CREATED
                if not keep_new:
                    new_values.append({"external_id": row["external_id"], **fields})
                    continue
                obj = model(external_id=row["external_id"], **fields)
                new.append(obj)
            elif names := apply_changes(obj, fields):
                changed.append(obj)
                changed_fields.update(names)
                row.status = UPDATED
            objects[row["external_id"]] = obj
        # Both SQLite (3.35+) and PostgreSQL return the new primary keys.
        model._default_manager.bulk_create(new)
        insert_rows(model, new_values)
        if changed:
            model._default_manager.bulk_update(changed, sorted(changed_fields))
        return objects


def insert_rows(model: type[Model], rows: list[dict[str, Any]]) -> None:
    """INSERT plain rows (attribute name -> value), bypassing model instances and the ORM's compiler.

    Profiling a 44,000-row import showed bulk_create spending over half the import building
    instances and compiling each value into SQL (SQLite allows it only 142 rows a statement).
    Here one prepared statement is run over all rows (sqlite3's executemany loops in C), or
    the rows are streamed with COPY on PostgreSQL. Values must be what the database driver
    adapts itself (str, int, date, None): no field's conversion runs. No signals are sent, as
    with bulk_create.
    """
    if not rows:
        return
    names = list(rows[0])
    # Fields the rows leave out get their default, as a model instance would give them.
    defaults = {
        field.attname: field.get_default()
        for field in model._meta.concrete_fields
        if field.attname not in names and field.has_default()
    }
    names += defaults
    rows = [{**row, **defaults} for row in rows] if defaults else rows
    column_of = {field.attname: field.column for field in model._meta.concrete_fields}
    columns = [str(column_of[name]) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    values = [[row[name] for name in names] for row in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})", values)


def strict_key(kind: str, external_id: str | None, message: Promise) -> list[RepeatKey]:
    if not external_id:
        return []
    return [RepeatKey(f"{kind}|{external_id}", "external_id", message, {"id": external_id})]
