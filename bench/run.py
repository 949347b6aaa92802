"""The benchmark, end to end: database, generation, VACUUM ANALYZE, pages, report."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

from bench.environment import (
    DEFAULT_DATABASE_URL,
    ROOT,
    configure,
    machine,
    manage,
    recreate_database,
    run_measured,
)

TARGETS_MS = {
    "directory_search": 100.0,
    "school_profile": 50.0,
    "dashboard": 100.0,  # the teacher's home page since issue 10 (target for every home page)
    "mission_overview": 100.0,
    "action_plan": 100.0,
    "decision_log": 100.0,
    "practice_search": 100.0,
    "event_calendar": 100.0,
    # an analytical page of the NSO over a whole country (haversine per school): seconds are fine
    "coverage_gaps": 1000.0,
}
GENERATION_TARGET_SECONDS = 600
GENERATION_TARGET_PEAK_MB = 2048


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--scale", default="europe", choices=("demo", "country", "europe"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument(
        "--skip-generate",
        action="store_true",
        help="Measure the pages of the network already in the database.",
    )
    parser.add_argument(
        "--only",
        choices=("eligibility", "homes", "web_import", "http_load"),
        help="Run only this operation (its figures replace its own in docs/benchmarks.json and .md).",
    )
    parser.add_argument("--users", type=int, default=50, help="http_load: simulated visitors at once.")
    parser.add_argument(
        "--seconds", type=int, default=60, help="http_load: seconds counted, after 10 of warm-up."
    )
    return parser.parse_args()


def _generate(options: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    print(f"Recreating the database {options.database_url} ...", flush=True)
    recreate_database(options.database_url)
    manage("migrate", "--verbosity", "0", env=env)
    print(f"Generating the {options.scale} network ...", flush=True)
    arguments = ("generate_network", "--scale", options.scale, "--seed", str(options.seed), "--replace")
    run = run_measured(*arguments, "--verbosity", "2", env=env)
    return {
        "seconds": round(run.seconds, 1),
        "peak_mb": round(run.peak_mb, 1),
        "target_seconds": GENERATION_TARGET_SECONDS,
        "target_peak_mb": GENERATION_TARGET_PEAK_MB,
        "command": "manage.py " + " ".join(arguments),
        "measured_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
    }


def _record_only(options: argparse.Namespace, figures: dict[str, dict[str, Any]]) -> int:
    """One operation's figures replace its own in docs/benchmarks.json; every other figure stays.

    docs/benchmarks.md is rendered again from the merged figures, keeping the machine and the
    slowest requests of the last full run.
    """
    from bench.report import merge_results, table, write_markdown

    print(table(figures))
    if options.scale == "europe":  # smaller scales are trial runs: the documented figures stay Europe's
        write_markdown(merge_results(figures))
        print("Merged into docs/benchmarks.json and docs/benchmarks.md.")
    return 0


def _stamped(figures: dict[str, Any], options: argparse.Namespace) -> dict[str, Any]:
    """When and on what, and how busy the machine was (other work shares its cores)."""
    return {
        **figures,
        "scale": options.scale,
        "measured_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        "load_average_at_end": [round(load, 2) for load in os.getloadavg()],
    }


def _only_eligibility(options: argparse.Namespace) -> int:
    """The label eligibility check alone."""
    from bench.labels import eligibility
    from bench.pages import vacuum_analyze

    vacuum_analyze()
    return _record_only(options, {"label_eligibility": _stamped(eligibility(), options)})


def _only_homes(options: argparse.Namespace) -> int:
    """Each role's home page alone (run the eligibility check first for a full NSO funnel)."""
    from bench.homes import measure_homes
    from bench.pages import vacuum_analyze

    vacuum_analyze()
    homes = measure_homes(samples=options.samples)
    return _record_only(options, {name: _stamped(figures, options) for name, figures in homes.items()})


def _only_web_import(options: argparse.Namespace) -> int:
    """A 40,000-school registry through the web page and a worker (`make bench` runs it near the end)."""
    from bench.web_import import web_import

    figures = _stamped(web_import(), options)
    print(figures)
    return _record_only(options, {"web_import": figures})


def _only_http_load(options: argparse.Namespace) -> int:
    """Simulated visitors on the public pages against gunicorn (`make bench` runs it last)."""
    from bench.http_load import http_load

    figures = _stamped(http_load(users=options.users, seconds=options.seconds), options)
    print({key: value for key, value in figures.items() if key != "pages"})
    _record_only(options, {"http_load": figures})
    if figures["errors"]:
        print(f"FAILED: {figures['errors']} errors under load: {figures['error_kinds']}", file=sys.stderr)
        return 1
    return 0


def _ensure_workspaces_and_events(options: argparse.Namespace, results: dict[str, dict[str, Any]]) -> None:
    """The workspaces (practices, teams) and the events the pages show, made once per bench database."""
    from bench.outreach import generate_events, has_events
    from bench.workspace import generate_workspaces, has_workspaces

    if not has_workspaces():
        print("Generating the workspaces (set-based SQL) ...", flush=True)
        results["generate_workspaces"] = _stamped(generate_workspaces(), options)
    if not has_events():
        print("Generating the events (set-based SQL) ...", flush=True)
        results["generate_events"] = {**generate_events(), "scale": options.scale}


def _in_own_process(options: argparse.Namespace, operation: str, *extra: str) -> None:
    """Runs `--only operation` in a child process, which merges its own figures."""
    arguments = ["--database-url", options.database_url, "--skip-generate", "--only", operation]
    subprocess.run(
        [sys.executable, "-m", "bench", *arguments, "--scale", options.scale, *extra], cwd=ROOT, check=True
    )


def main() -> int:
    options = _arguments()
    env = configure(options.database_url)
    results: dict[str, dict[str, Any]] = {}
    if not options.skip_generate:
        results[f"generate_{options.scale}"] = _generate(options, env)
    else:
        # a bench database kept from an earlier commit gets the tables of newer apps
        manage("migrate", "--verbosity", "0", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)

    if options.only == "web_import":
        # The upload goes to a worker, as in production: Celery on the filesystem broker.
        os.environ["CELERY_BROKER_URL"] = "filesystem://"
        env["CELERY_BROKER_URL"] = "filesystem://"

    import django

    django.setup()
    # As twinschools/wsgi.py does in production once the application is loaded.
    from twinschools.core.collector import tune_garbage_collector

    tune_garbage_collector()
    from bench.outreach import matching, registration_race
    from bench.pages import measure_pages, postgres_version, vacuum_analyze

    if options.only == "eligibility":
        return _only_eligibility(options)
    if options.only == "homes":
        return _only_homes(options)
    if options.only == "web_import":
        return _only_web_import(options)
    _ensure_workspaces_and_events(options, results)
    if options.only == "http_load":
        return _only_http_load(options)

    print("VACUUM ANALYZE ...", flush=True)
    vacuum_seconds = vacuum_analyze()
    measurements, details = measure_pages(samples=options.samples, targets=TARGETS_MS)
    stamp = datetime.now(tz=UTC).isoformat(timespec="seconds")
    for name, figures in measurements.items():
        results[name] = {**figures, "scale": options.scale, "measured_at": stamp}
    print("Mentoring matching and the registration race ...", flush=True)
    results["mentoring_matching"] = {**matching(), "measured_at": stamp}
    results["registration_race"] = {**registration_race(), "scale": options.scale, "measured_at": stamp}
    print("Label eligibility over the whole network ...", flush=True)
    from bench.labels import eligibility

    results["label_eligibility"] = {**eligibility(), "scale": options.scale, "measured_at": stamp}
    print("The home pages of each role ...", flush=True)
    from bench.homes import measure_homes

    for name, figures in measure_homes(samples=options.samples).items():
        results[name] = {**figures, "scale": options.scale, "measured_at": stamp}
    if f"generate_{options.scale}" in results:
        results[f"generate_{options.scale}"]["vacuum_analyze_seconds"] = round(vacuum_seconds, 1)

    print("A national registry through the web import and a worker ...", flush=True)
    # Its own process: the worker needs a broker (filesystem://), which this one has not.
    _in_own_process(options, "web_import")
    print(f"{options.users} visitors on the public pages against gunicorn ...", flush=True)
    # Last, and on its own: nothing else of the bench runs beside the server.
    _in_own_process(options, "http_load", "--users", str(options.users), "--seconds", str(options.seconds))

    from bench.report import merge_results, table, write_markdown

    merged = merge_results(results)
    print()
    print(table(results))
    write_markdown(merged, machine=machine(postgres_version()), details=details)
    print("Wrote docs/benchmarks.md and docs/benchmarks.json.")
    return 0
