"""docs/benchmarks.json (merged, one object per operation) and docs/benchmarks.md (rendered from it)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bench.environment import ROOT

JSON_PATH = ROOT / "docs" / "benchmarks.json"
MARKDOWN_PATH = ROOT / "docs" / "benchmarks.md"
COMMAND = ".venv/bin/python -m bench"


def merge_results(results: dict[str, dict[str, Any]], *, path: Path = JSON_PATH) -> dict[str, dict[str, Any]]:
    """Adds or replaces these operations, keeping every other operation already recorded."""
    merged: dict[str, dict[str, Any]] = json.loads(path.read_text()) if path.exists() else {}
    merged.update(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(sorted(merged.items())), indent=2, ensure_ascii=False) + "\n")
    return merged


def _cell(figures: dict[str, Any], key: str, suffix: str = "") -> str:
    value = figures.get(key)
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.1f}{suffix}"
    return f"{value:,}{suffix}" if isinstance(value, int) else f"{value}{suffix}"


def _note(figures: dict[str, Any]) -> str:
    """What a figure table cannot say: the matcher's cost against greedy, where the racers ended."""
    if "greedy_cost" in figures:
        return f" cost {figures['cost']:,.1f} (greedy {figures['greedy_cost']:,.1f} in {figures['greedy_seconds']} s)"
    if "target_ratio" in figures:
        return (
            f" {figures['schools']:,} schools, {figures['eligible']:,} eligible; p50 {figures['p50_seconds']} s,"
            f" re-run {figures['rerun_seconds']} s; target ≤ {figures['target_ratio']}x the floor"
        )
    if "waiting_list" in figures:
        return f" {figures['confirmed']} confirmed, {figures['waiting_list']} waiting of {figures['people']}"
    if "rows_checked" in figures:
        return (
            f" {figures['schools']:,} schools ({figures['file_mb']} MB), check only: {figures['status']},"
            f" {figures['rows_checked']:,} rows checked; the upload request {figures['request_seconds']} s"
            + _load_note(figures)
        )
    if "requests_per_second" in figures:
        return (
            f" {figures['users']} visitors, {figures['requests_per_second']:,.1f} requests/s,"
            f" p99 {figures['p99_ms']:,.1f} ms, {figures['errors']} errors (see Under load)"
        )
    return ""


def _load_note(figures: dict[str, Any]) -> str:
    load = figures.get("load_average_at_end")
    return f"; load {' / '.join(str(x) for x in load)} at the end" if load else ""


def _verdict(figures: dict[str, Any]) -> str:
    if "requests_per_second" in figures:  # under load, the target is no error at all
        return "✅" if figures["errors"] == 0 else "❌"
    if "target_ms" in figures and "p95_ms" in figures:
        return "✅" if figures["p95_ms"] <= figures["target_ms"] else "❌"
    if "target_seconds" in figures and "seconds" in figures:
        within = figures["seconds"] <= figures["target_seconds"] and figures.get("peak_mb", 0) <= figures.get(
            "target_peak_mb", float("inf")
        )
        within = within and (figures.get("ratio") or 0) <= figures.get("target_ratio", float("inf"))
        return "✅" if within else "❌"
    return ""


def table(results: dict[str, dict[str, Any]]) -> str:
    header = (
        "| operation | p50 ms | p95 ms | target | floor ms | p95/floor | queries | seconds | peak MB | |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    )
    rows = []
    for name, figures in results.items():
        target = (
            f"{figures['target_ms']:g} ms"
            if "target_ms" in figures
            else (f"{figures['target_seconds']:g} s" if "target_seconds" in figures else "-")
        )
        rows.append(
            f"| {name} | {_cell(figures, 'p50_ms')} | {_cell(figures, 'p95_ms')} | {target} | "
            f"{_cell(figures, 'floor_ms')} | {_cell(figures, 'ratio', 'x')} | {_cell(figures, 'queries')} | "
            f"{_cell(figures, 'seconds')} | {_cell(figures, 'peak_mb')} | {_verdict(figures)}{_note(figures)} |"
        )
    return header + "\n".join(rows) + "\n"


MACHINE_HEADING = "## Machine\n"
DETAILS_HEADING = "## Slowest requests\n"


def _kept(path: Path, heading: str, *, until: str | None) -> str:
    """A section of the page as the last full run wrote it, from its heading to the next one."""
    text = path.read_text() if path.exists() else ""
    if heading not in text:
        return ""
    section = text[text.index(heading) + len(heading) :]
    if until is not None and until in section:
        section = section[: section.index(until)]
    return section.strip("\n")


def write_markdown(
    results: dict[str, dict[str, Any]],
    *,
    machine: dict[str, str] | None = None,
    details: str | None = None,
    path: Path = MARKDOWN_PATH,
) -> None:
    """Renders the page from every figure; a run of one operation (no machine, no details)
    keeps the machine and the slowest requests of the last full run."""
    machine_lines = (
        "\n".join(f"- {key}: {value}" for key, value in machine.items())
        if machine is not None
        else _kept(path, MACHINE_HEADING, until="\n## ")
    )
    if details is None:
        kept = _kept(path, DETAILS_HEADING, until=None)
        details = f"{DETAILS_HEADING}\n{kept}\n" if kept else ""
    path.write_text(
        f"""# Benchmarks

Measured with `{COMMAND}` (the Makefile's `make bench`). It recreates the PostgreSQL
database `twinschools_bench` on 127.0.0.1:5432, migrates it, runs
`generate_network --scale europe --seed 1 --replace` in a child process (its wall
time, and its own peak resident memory from `wait4`), runs `VACUUM ANALYZE`, then
times the pages in-process with Django's test client under the production settings
(DEBUG off, manifest static files), with the garbage collector tuned as
`twinschools/wsgi.py` tunes it in production (`twinschools/core/collector.py`).
`python -m bench --skip-generate` measures an existing bench database again.

- Server time is the time around `client.get`: URL resolution, middleware, queries
  and template rendering; no network. p50 and p95 are nearest-rank percentiles over
  the samples, after 10 warm-up requests.
- Queries is the median number of SQL queries per page (CaptureQueriesContext, in a
  second pass so recording them does not slow the timed pass).
- Floor is the p95 of the same page's data fetched by one hand-written SQL statement
  (bench/floors.py) with a raw cursor; p95/floor says what the application adds.
- The Europe network: 300,000 schools in the 46 eTwinning countries, 1.2 million
  teachers, 160,000 projects, 5 million activities, 40,000 quality labels.
- The workspaces (bench/workspace.py, set-based `INSERT ... SELECT` after the network):
  one school in twelve, every labelled school and the 25 busiest schools keep a
  team, proposals with positions and outcomes, a 2025-2027 action plan with notes
  and history, a calendar, practices in Romanian, Catalan and English, student
  initiatives and suggestions, and inclusion measures; the 25 busiest have ten
  times the records. `generate_workspaces` gives its row counts and seconds.
- Workspace pages are requested by a team member of the school, a quarter of them
  at the busiest schools; practice search mixes anonymous and signed-in people,
  words and approach names in several languages, and filters.
- Outreach (bench/outreach.py): three upcoming published events per workspace school
  (about 98,000, two sessions each) for the public calendar, asked for by anonymous
  visitors with country, region, language and kind filters; `coverage_gaps` is the
  NSO's region table, gap list and map for the eight largest countries at 10-50 km;
  `mentoring_matching` solves 5,000 mentee schools x 500 mentor schools of one country
  (the optimal assignment's cost and time next to a greedy baseline's); the
  `registration_race` sends 200 people through the real register-and-confirm
  services for 50 seats from 60 threads, each with its own connection (PostgreSQL
  allows 100 here), and fails unless exactly 50 are confirmed.
- `label_eligibility` (bench/labels.py) runs the real eligibility service for a
  2026-27-like round over all 300,000 schools and 5 million activities five times,
  next to its floor: the same verdicts written by one hand-written
  `INSERT ... SELECT`; `seconds` is the p95, the ratio is p95 over the floor's p95,
  and `peak MB` is the Python heap of the run (tracemalloc: the work is in SQL).
- Home pages (bench/homes.py): the head's, NSO staff's, the evaluator's and the admin's
  `accounts:dashboard` after the eligibility check, whose round is published as the round
  open now, so each NSO's funnel counts its whole country (up to 40,000 schools); each of
  the eight measured countries has 150 submitted applications in that round, 40 of them
  with its bench evaluator (some overdue, half with a draft review). The floors are one
  statement each: the head's counts, the NSO's funnel, the evaluator's assignments with
  their progress, the admin's rounds with their applications.
- `web_import` (bench/web_import.py, `--only web_import`): a national registry of 40,000
  schools (a CSV file) uploaded by an admin through the import page in "check only" mode,
  so the bench database stays as it was. A Celery worker runs beside the bench with the
  filesystem broker, as `make demo` runs it. The upload request only stores the file and
  starts the job; the bench then polls the job's progress fragment every half second until
  the job ends. `seconds` is the time from the upload to the job's result, `peak MB` the
  worker's peak resident memory (VmHWM).
- `http_load` (bench/http_load.py, `--only http_load`, options `--users` and `--seconds`):
  gunicorn with the committed `deploy/gunicorn.conf.py` (sync workers, 30 s timeout,
  max-requests 1000, access log, here to a file) and 4 workers serves the bench database
  under the production settings (DEBUG off, manifest static files, plain HTTP to
  127.0.0.1), with the cache and throttles in Redis (database 12 of 127.0.0.1:6379,
  emptied first). 50 simulated visitors then
  browse the public pages for 60 s after 10 s of warm-up. Each asks for the home page,
  the school directory with and without filters, school profiles, the event calendar
  with filters, events, the school picker and regional calendar files, the practice
  library and public practices, the public label map, the label rounds and rubrics, and
  the credential verification page. Addresses are drawn from the bench data, and the
  browser's language is one of en, ro, ca or fr. The loop is closed with no think
  time: each visitor asks again as soon as its answer is read, so requests/s is the
  server's capacity, not a visit rate. The client is one process with one thread per
  visitor and the standard library's `http.client`, one connection each, kept open
  while the server allows it, and cookies kept. Times are what the client measured,
  queueing included. Any answer other than 2xx or 3xx, and any connection error, is
  an error, and the bench fails if there is one. The load averages before and after
  and the workers' peak memory are recorded. The caveat: client, gunicorn, PostgreSQL
  and Redis share the machine's cores, and so does any other work running on it.

## Machine

{machine_lines}

## Results

{table(dict(sorted(results.items())))}
`docs/benchmarks.json` holds the same figures, one object per operation; later
benchmarks add their operations to it.
{under_load(results)}
{details}"""
    )


def under_load(results: dict[str, dict[str, Any]]) -> str:
    """The load test's figures per kind of page, and how busy the machine was."""
    figures = results.get("http_load")
    if not figures:
        return ""
    rows = [
        f"| {kind} | {page['requests']:,} | {page['requests_per_second']:,.1f} | {page['p50_ms']:,.1f} | "
        f"{page['p95_ms']:,.1f} | {page['p99_ms']:,.1f} | {page['max_ms']:,.1f} | {page['errors']} |"
        for kind, page in [*figures["pages"].items(), ("all", figures)]
    ]
    before = " / ".join(str(load) for load in figures["load_before"])
    after = " / ".join(str(load) for load in figures["load_after"])
    return f"""
## Under load

{figures["users"]} simulated visitors at once for {figures["run_seconds"]} s (after {figures["warm_up_seconds"]} s
of warm-up), no think time, against `{figures["gunicorn"]}`, measured
{figures["measured_at"]}. Times are as the client saw them, network and queueing included: in a
closed loop a visitor's time is about the visitors divided by the requests per second (here
{figures["users"]} / {figures["requests_per_second"]:,.1f} = {figures["users"] / figures["requests_per_second"]:,.2f} s),
mostly waiting for one of the {figures["gunicorn_workers"]} workers; the time each page takes in the server is in the
table above.

| page | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

- Errors: {figures["errors"]}{_error_kinds(figures)}. Answers by status: {_statuses(figures)}.
- Connections opened, warm-up included: {figures["connections_opened"]:,} (gunicorn's sync workers
  close the connection after each answer, so the visitors connect again).
- gunicorn workers' resident memory: {figures["worker_peak_rss_mb"]} MB at most for one worker,
  {figures["workers_rss_total_peak_mb"]} MB at most for the {figures["gunicorn_workers"]} together.
- The client's own CPU: {figures["client_cpu_seconds"]} s over the {figures["warm_up_seconds"] + figures["run_seconds"]} s.
- Measured while other work shared the machine: load {before} before and {after} after
  (1, 5, 15 min averages, {MACHINE_CORES} cores).
"""


def _error_kinds(figures: dict[str, Any]) -> str:
    kinds = figures["error_kinds"]
    return (" (" + ", ".join(f"{kind}: {count}" for kind, count in kinds.items()) + ")") if kinds else ""


def _statuses(figures: dict[str, Any]) -> str:
    statuses = figures.get("statuses", {})
    return ", ".join(f"{status}: {count:,}" for status, count in statuses.items()) or "not recorded"


MACHINE_CORES = os.cpu_count()
