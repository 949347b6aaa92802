"""Where generated rows go: COPY on PostgreSQL, bulk_create on any other database.

Both sinks take the same batches of plain tuples. On PostgreSQL, `bulk_load`
also drops the loaded tables' secondary indexes, unique and foreign-key
constraints for the load and rebuilds them afterwards, inside the caller's
transaction: building an index once is far cheaper than updating it 5 million
times, and re-adding a foreign key checks it with one join instead of one
trigger per row. A failure anywhere rolls the schema back with the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol

from django.core.management.color import no_style
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper

from twinschools.network.generation.builder import Row
from twinschools.network.generation.tables import Table


class Sink(Protocol):
    counts: Counter[str]

    def write(self, table: Table, rows: list[Row]) -> None: ...


def _columns(table: Table) -> list[str]:
    return [table.model._meta.get_field(attname).column for attname in table.columns]


class CopySink:
    """Streams rows into PostgreSQL with COPY ... FROM STDIN (psycopg 3)."""

    def __init__(self, *, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.counts: Counter[str] = Counter()

    def write(self, table: Table, rows: list[Row]) -> None:
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(column) for column in _columns(table))
        statement = f"COPY {quote(table.db_table)} ({columns}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        self.counts[table.key] += len(rows)


class BulkCreateSink:
    """Builds model instances from rows and saves them with bulk_create."""

    def __init__(self, *, connection: BaseDatabaseWrapper, batch_size: int = 2000) -> None:
        self.connection = connection
        self.batch_size = batch_size
        self.counts: Counter[str] = Counter()

    def write(self, table: Table, rows: list[Row]) -> None:
        model = table.model
        objects = [model(**dict(zip(table.columns, row, strict=True))) for row in rows]
        model._default_manager.using(self.connection.alias).bulk_create(objects, batch_size=self.batch_size)
        self.counts[table.key] += len(rows)


def sink_for(connection: BaseDatabaseWrapper) -> Sink:
    if connection.vendor == "postgresql":
        return CopySink(connection=connection)
    return BulkCreateSink(connection=connection)


@contextmanager
def bulk_load(connection: BaseDatabaseWrapper, tables: Iterable[Table]) -> Iterator[None]:
    """Loads faster by rebuilding indexes and constraints after the rows are in.

    Must run inside a transaction. On databases other than PostgreSQL it only
    resets the id sequences afterwards.
    """
    models = [table.model for table in tables]
    if connection.vendor != "postgresql":
        yield
        return
    names = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        restore = _drop_indexes_and_constraints(cursor, connection, names)
    yield
    with connection.cursor() as cursor:
        # More memory for sorting makes each index build one pass (default is 64 MB).
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for statement in restore:
            cursor.execute(statement)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _drop_indexes_and_constraints(
    cursor: CursorWrapper, connection: BaseDatabaseWrapper, tables: list[str]
) -> list[str]:
    """Drops secondary indexes, unique and foreign-key constraints; returns how to rebuild them."""
    quote = connection.ops.quote_name
    indexes: list[str] = []
    uniques: list[str] = []
    foreign_keys: list[str] = []
    for table in tables:
        cursor.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY conname",
            [table],
        )
        for name, kind, definition in cursor.fetchall():
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
            rebuild = f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
            (uniques if kind == "u" else foreign_keys).append(rebuild)
        cursor.execute(
            "SELECT idx.relname, pg_get_indexdef(idx.oid) FROM pg_index x "
            "JOIN pg_class idx ON idx.oid = x.indexrelid "
            "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary ORDER BY idx.relname",
            [table],
        )
        for name, definition in cursor.fetchall():
            cursor.execute(f"DROP INDEX {quote(name)}")
            indexes.append(definition)
    # Unique constraints first: foreign keys of later tables may need nothing else.
    return uniques + indexes + foreign_keys
