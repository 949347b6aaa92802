"""The keys an import has already met, kept in a temporary database table.

A duplicated row (the same school twice, the same person with two different
e-mail addresses) would make a re-import flip values back and forth, so it is
a problem. Finding duplicates across a 200 MB file without holding every id in
memory needs somewhere else to remember them: a temporary table lives on the
database connection, disappears with a rollback, and is dropped after a commit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

TABLE = "twinschools_import_seen"
# Each batch's keys are loaded here first, so that one INSERT ... ON CONFLICT
# both records them and tells whether any was met before, instead of sending
# thousands of parameters twice.
BATCH_TABLE = "twinschools_import_batch"
COLUMNS = "seen_key, file_name, row_number, fingerprint"


@dataclass(frozen=True)
class Seen:
    key: str
    file: str
    row: int
    fingerprint: str = ""


def fingerprint(*values: object) -> str:
    """A short digest of the values a repeated key must repeat identically."""
    return hashlib.blake2b(repr(values).encode(), digest_size=8).hexdigest()


class SeenKeys:
    def __enter__(self) -> SeenKeys:
        with connection.cursor() as cursor:
            for table, key in ((TABLE, "PRIMARY KEY"), (BATCH_TABLE, "")):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
                cursor.execute(
                    f"CREATE TEMPORARY TABLE {table} (seen_key TEXT NOT NULL {key}, file_name TEXT NOT NULL, "
                    "row_number INTEGER NOT NULL, fingerprint TEXT NOT NULL)"
                )
        return self

    def __exit__(self, *exc_info: object) -> None:
        # After an error the enclosing rollback removes the tables with everything else.
        if exc_info[0] is None:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
                cursor.execute(f"DROP TABLE IF EXISTS {BATCH_TABLE}")

    def remember(self, entries: Sequence[Seen]) -> list[tuple[Seen, Seen]]:
        """Record `entries`; return (entry, first occurrence) for every key met before.

        Earlier means in an earlier batch, or earlier in `entries` itself.
        """
        first_here: dict[str, Seen] = {}
        repeats: list[tuple[Seen, Seen]] = []
        for entry in entries:
            if entry.key in first_here:
                repeats.append((entry, first_here[entry.key]))
            else:
                first_here[entry.key] = entry
        if not first_here:
            return repeats
        with connection.cursor() as cursor:
            _load(cursor, first_here.values())
            # The primary key index answers each conflict: no scan of the growing table.
            # ("WHERE true" lets SQLite tell ON CONFLICT from a join's ON.)
            cursor.execute(
                f"INSERT INTO {TABLE} ({COLUMNS}) SELECT {COLUMNS} FROM {BATCH_TABLE} WHERE true "
                "ON CONFLICT (seen_key) DO NOTHING"
            )
            if cursor.rowcount == len(first_here):
                return repeats  # the usual case: every key is new
            cursor.execute(
                f"SELECT s.seen_key, s.file_name, s.row_number, s.fingerprint FROM {TABLE} s "
                f"JOIN {BATCH_TABLE} b ON b.seen_key = s.seen_key "
                "WHERE s.file_name <> b.file_name OR s.row_number <> b.row_number"
            )
            earlier = [Seen(*row) for row in cursor.fetchall()]
        return repeats + [(first_here[first.key], first) for first in earlier]


def _load(cursor: Any, entries: Iterable[Seen]) -> None:
    """Replace the batch table's rows with `entries`."""
    rows = ((entry.key, entry.file, entry.row, entry.fingerprint) for entry in entries)
    if connection.vendor == "postgresql":
        cursor.execute(f"TRUNCATE {BATCH_TABLE}")
        # COPY streams rows without quoting each value in Python, as parameters would be.
        with cursor.copy(f"COPY {BATCH_TABLE} ({COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.execute(f"DELETE FROM {BATCH_TABLE}")
        # sqlite3 runs executemany as a C loop over one prepared statement.
        cursor.executemany(f"INSERT INTO {BATCH_TABLE} ({COLUMNS}) VALUES (%s, %s, %s, %s)", list(rows))
