"""The benchmark's environment: its own PostgreSQL database, production settings.

Everything here runs before Django is set up, so settings read these values.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/twinschools_bench"
STATIC_ROOT = Path("/tmp/twinschools-bench-static")


def configure(database_url: str) -> dict[str, str]:
    """Production settings (DEBUG off, manifest static files), pointed at the bench database."""
    values = {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "twinschools.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        # The test client talks plain HTTP to "testserver".
        "TWINSCHOOLS_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "TWINSCHOOLS_SITE_URL": "http://testserver",
        "TWINSCHOOLS_CREDENTIAL_KEY": os.environ.get(
            "TWINSCHOOLS_CREDENTIAL_KEY", "bench-only-credential-key"
        ),
        "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
        "DJANGO_LOG_LEVEL": "ERROR",
        # The registration race sends confirmation e-mails; they stay in memory.
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    os.environ.update(values)
    return dict(os.environ)


def recreate_database(database_url: str) -> None:
    """Drops and creates the bench database, so generation starts from empty tables."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(*arguments: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *arguments], env=env, cwd=ROOT, check=True)


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mb: float
    output: str


def run_measured(*arguments: str, env: dict[str, str]) -> ChildRun:
    """Runs a manage.py command and returns its wall time and peak memory (its own ru_maxrss)."""
    started = datetime.now(tz=UTC)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    # wait4 gives this child's own resource usage, not the sum of all children.
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, arguments, "".join(lines))
    seconds = (datetime.now(tz=UTC) - started).total_seconds()
    return ChildRun(seconds=seconds, peak_mb=usage.ru_maxrss / 1024, output="".join(lines))


def machine(postgres_version: str) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "cpu_model": _cpu_model(),
        "memory": _memory(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": postgres_version,
        "date": datetime.now(tz=UTC).strftime("%Y-%m-%d %H:%M UTC"),
        # Other work on the machine slows every figure: say how busy it was.
        "load_average_at_end": " / ".join(f"{load:.1f}" for load in os.getloadavg()) + " (1, 5, 15 min)",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"
