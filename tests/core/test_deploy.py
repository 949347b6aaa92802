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


def test_check_deploy_gives_no_warning_with_the_production_settings() -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "TWINSCHOOLS_", "CELERY_", "REDIS_"))
    }
    environment.update(PRODUCTION_ENVIRONMENT, DJANGO_SETTINGS_MODULE="twinschools.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


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
