"""deploy/backup.sh and deploy/restore.sh, run as an operator would: a backup of a database and
its private files, restored into a new database and folder, holds the same rows and files."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

from tests.factories import SchoolFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL")


def _url(database: str) -> str:
    given = connection.settings_dict
    credentials = quote(given["USER"] or "", safe="")
    if given["PASSWORD"]:
        credentials += ":" + quote(given["PASSWORD"], safe="")
    return f"postgres://{credentials}@{given['HOST'] or '127.0.0.1'}:{given['PORT'] or 5432}/{database}"


@pytest.fixture
def client_tools() -> None:
    if shutil.which("pg_dump") and shutil.which("pg_restore"):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("pg_dump and pg_restore are missing: `make system-deps` installs postgresql-client.")
    pytest.skip("pg_dump and pg_restore are not installed (postgresql-client)")


@pytest.fixture
def scratch_database() -> Iterator[str]:
    """A new, empty database beside the test database, dropped afterwards."""
    name = f"twinschools_restore_test_{secrets.token_hex(4)}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(script: str, argument: Path, *, database_url: str, media: Path) -> str:
    environment = {**os.environ, "DATABASE_URL": database_url, "TWINSCHOOLS_PRIVATE_MEDIA_ROOT": str(media)}
    done = subprocess.run(
        ["sh", str(ROOT / "deploy" / script), str(argument)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("client_tools")
def test_a_backup_restored_into_a_new_database_holds_the_same_rows_and_private_files(
    tmp_path: Path, scratch_database: str
) -> None:
    school = SchoolFactory(name="Școala Gimnazială „Backup”")
    media = tmp_path / "private"
    (media / "jobs" / "imports").mkdir(parents=True)
    (media / "jobs" / "imports" / "schools.csv").write_text("external_id,name\nSCH-1,Școala\n")

    made = Path(
        _run(
            "backup.sh",
            tmp_path / "backups",
            database_url=_url(connection.settings_dict["NAME"]),
            media=media,
        )
    )
    assert sorted(path.name for path in made.iterdir()) == ["database.dump", "private-media.tar.gz"]
    assert oct(made.stat().st_mode & 0o777) == "0o700"

    restored_media = tmp_path / "restored"
    _run("restore.sh", made, database_url=_url(scratch_database), media=restored_media)
    with psycopg.connect(_url(scratch_database)) as restored:
        row = restored.execute(
            "SELECT name FROM network_school WHERE external_id = %s", [school.external_id]
        ).fetchone()
    assert row == ("Școala Gimnazială „Backup”",)
    assert (
        restored_media / "jobs" / "imports" / "schools.csv"
    ).read_text() == "external_id,name\nSCH-1,Școala\n"
