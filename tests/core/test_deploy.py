"""The production settings documented in the README pass Django's deploy checks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SECRET_KEY": "k9$Vq2!xR7pL#m4Zt8wB@e6Yh3Nc5Ju1Gs0Df&Qa*Wr^Tv%Xy-Ui+Oo=Pp~Ll",
    "DJANGO_ALLOWED_HOSTS": "twinschools.example.eu",
    "DATABASE_URL": "postgres://twinschools@db.example.eu:5432/twinschools",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "TWINSCHOOLS_HTTPS": "true",
    "TWINSCHOOLS_SITE_URL": "https://twinschools.example.eu",
    "TWINSCHOOLS_CREDENTIAL_KEY": "c5#Hr8!pW2qLz7@Vn4Tb",
}


def _production(*command: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Runs `command` with the README's production environment (plus `extra`) and nothing else."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "TWINSCHOOLS_", "CELERY_", "REDIS_"))
    }
    environment.update(PRODUCTION_ENVIRONMENT, DJANGO_SETTINGS_MODULE="twinschools.settings", **extra)
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


def test_check_deploy_gives_no_warning_with_the_production_settings() -> None:
    result = _production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# docs/operations.md ("Running on more than one machine"): several hosts, a private bucket and a read replica.
MORE_THAN_ONE_MACHINE = {
    "TWINSCHOOLS_S3_BUCKET": "twinschools-private",
    "TWINSCHOOLS_S3_ENDPOINT_URL": "https://s3.example.eu",
    "TWINSCHOOLS_S3_REGION": "eu-central-1",
    "TWINSCHOOLS_S3_ACCESS_KEY_ID": "twinschools",
    "TWINSCHOOLS_S3_SECRET_ACCESS_KEY": "-s3cr3t-with-hyphens-",
    "TWINSCHOOLS_S3_ADDRESSING_STYLE": "path",
    "DATABASE_REPLICA_URL": "postgres://twinschools@db-replica.example.eu:5432/twinschools",
}
SHOW_SETTINGS = """
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
files = storages["default"]
print(type(files).__name__, files.secret_key, files.file_overwrite, files.default_acl)
print(settings.SESSION_ENGINE, settings.DATABASES["replica"]["HOST"], settings.READ_REPLICA_ALIAS)
"""


def test_the_settings_for_more_than_one_machine_pass_the_deploy_checks_and_take_effect() -> None:
    result = _production("manage.py", "check", "--deploy", "--fail-level", "WARNING", **MORE_THAN_ONE_MACHINE)
    assert result.returncode == 0, result.stdout + result.stderr

    shown = _production("-c", SHOW_SETTINGS, **MORE_THAN_ONE_MACHINE)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    # Private files in the bucket, with the secret as given, never overwritten, no ACL sent.
    assert lines[0] == "S3Storage -s3cr3t-with-hyphens- False None"
    assert lines[1] == "django.contrib.sessions.backends.cached_db db-replica.example.eu replica"


def test_sessions_kept_in_the_cache_need_redis() -> None:
    result = _production("manage.py", "check", REDIS_URL="", TWINSCHOOLS_SESSION_STORE="cache")
    assert result.returncode != 0
    assert "TWINSCHOOLS_SESSION_STORE=cache needs REDIS_URL." in result.stderr


def test_the_example_environment_file_lists_every_setting_of_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    documented = {
        name
        for row in table.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`([A-Z_]+)`", row.split("|")[1])
    }
    example = (ROOT / "deploy" / "env.example").read_text()
    listed = set(re.findall(r"^#?([A-Z_]+)=", example, flags=re.MULTILINE))
    assert documented - listed == set()
