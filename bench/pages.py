"""The page benchmarks: directory search, school profile, dashboard, and the workspace pages."""

from __future__ import annotations

import time
from typing import Any

from django.db import connection
from django.urls import reverse

from bench.floors import dashboard_floor, directory_floor, profile_floor
from bench.measure import Measurement, Request, explain, measure
from bench.outreach import calendar_requests, coverage_requests
from bench.samples import directory_samples, school_samples, teacher_samples
from bench.workspace_pages import workspace_requests


def vacuum_analyze() -> float:
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.monotonic() - started


def postgres_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def _requests(samples: int) -> dict[str, list[Request]]:
    return {
        "directory_search": [
            Request(url=sample.url, floor=directory_floor(sample.params))
            for sample in directory_samples(samples)
        ],
        "school_profile": [
            Request(url=reverse("network:school", args=[pk]), floor=profile_floor(pk))
            for pk in school_samples(samples)
        ],
        "dashboard": [
            Request(url=reverse("accounts:dashboard"), user_id=pk, floor=dashboard_floor(pk))
            for pk in teacher_samples(samples)
        ],
        **workspace_requests(samples),
        **calendar_requests(samples),
        **coverage_requests(samples),
    }


def measure_pages(*, samples: int, targets: dict[str, float]) -> tuple[dict[str, dict[str, Any]], str]:
    """Figures per page, and a Markdown section on the slowest requests."""
    figures: dict[str, dict[str, Any]] = {}
    details = ["## Slowest requests\n"]
    for name, requests in _requests(samples).items():
        print(f"Measuring {name} ({len(requests)} requests) ...", flush=True)
        result = measure(name, requests, target_ms=targets[name])
        figures[name] = result.figures()
        details.append(_slowest_section(result))
    return figures, "\n".join(details)


def _slowest_section(result: Measurement) -> str:
    lines = [f"### {result.name}\n"]
    lines += [f"- {ms:.1f} ms `{url}`" for ms, url in result.slowest[:5]]
    if result.figures()["p95_ms"] > result.target_ms and result.slowest_sql:
        # Over target: show where the slowest request's slowest query spends its time.
        lines += [
            "",
            "The slowest query of the slowest request, with EXPLAIN (ANALYZE, BUFFERS):",
            "",
            "```sql",
            result.slowest_sql,
            "```",
            "",
            "```",
            explain(result.slowest_sql),
            "```",
        ]
    return "\n".join(lines) + "\n"
