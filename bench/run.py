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
        choices=("eligibility", "homes", "web_import"),
        help="Run only this operation (the figures are merged into docs/benchmarks.json).",
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


def _only_eligibility(options: argparse.Namespace, results: dict[str, dict[str, Any]]) -> int:
    """The label eligibility check alone: its figures join docs/benchmarks.json, the table is printed."""
    from bench.labels import eligibility
    from bench.pages import vacuum_analyze
    from bench.report import merge_results, table

    vacuum_analyze()
    stamp = datetime.now(tz=UTC).isoformat(timespec="seconds")
    results["label_eligibility"] = {**eligibility(), "scale": options.scale, "measured_at": stamp}
    print(table(results))
    if options.scale == "europe":  # smaller scales are trial runs: the documented figures stay Europe's
        merge_results(results)
        print("Merged into docs/benchmarks.json (docs/benchmarks.md is rewritten by a full run).")
    return 0


def _only_homes(options: argparse.Namespace, results: dict[str, dict[str, Any]]) -> int:
    """Each role's home page alone (run the eligibility check first for a full NSO funnel)."""
    from bench.homes import measure_homes
    from bench.pages import vacuum_analyze
    from bench.report import merge_results, table

    vacuum_analyze()
    stamp = datetime.now(tz=UTC).isoformat(timespec="seconds")
    for name, figures in measure_homes(samples=options.samples).items():
        results[name] = {**figures, "scale": options.scale, "measured_at": stamp}
    print(table(results))
    if options.scale == "europe":  # smaller scales are trial runs: the documented figures stay Europe's
        merge_results(results)
    return 0


def _only_web_import(options: argparse.Namespace, results: dict[str, dict[str, Any]]) -> int:
    """A 40,000-school registry through the web page and a worker (`make bench` runs it last)."""
    from bench.report import merge_results, table
    from bench.web_import import web_import

    stamp = datetime.now(tz=UTC).isoformat(timespec="seconds")
    results["web_import"] = {**web_import(), "scale": options.scale, "measured_at": stamp}
    print(results["web_import"])
    print(table(results))
    if options.scale == "europe":
        merge_results(results)
    return 0


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
    from bench.pages import measure_pages, postgres_version, vacuum_analyze
    from bench.workspace import generate_workspaces, has_workspaces

    if options.only == "eligibility":
        return _only_eligibility(options, results)
    if options.only == "homes":
        return _only_homes(options, results)
    if options.only == "web_import":
        return _only_web_import(options, results)

    if not has_workspaces():
        print("Generating the workspaces (set-based SQL) ...", flush=True)
        results["generate_workspaces"] = {
            **generate_workspaces(),
            "scale": options.scale,
            "measured_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        }

    from bench.outreach import generate_events, has_events, matching, registration_race

    if not has_events():
        print("Generating the events (set-based SQL) ...", flush=True)
        results["generate_events"] = {**generate_events(), "scale": options.scale}

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
    _import_arguments = ["--database-url", options.database_url, "--skip-generate", "--only", "web_import"]
    subprocess.run(
        [sys.executable, "-m", "bench", *_import_arguments, "--scale", options.scale], cwd=ROOT, check=True
    )

    from bench.report import merge_results, table, write_markdown

    merged = merge_results(results)
    print()
    print(table(results))
    write_markdown(merged, machine=machine(postgres_version()), details=details)
    print("Wrote docs/benchmarks.md and docs/benchmarks.json.")
    return 0
