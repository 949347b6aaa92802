"""The benchmark's report: a run of one operation replaces its own figures and keeps the rest."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import merge_results, write_markdown

FIGURES = {
    "requests": 6000,
    "requests_per_second": 100.0,
    "p50_ms": 400.0,
    "p95_ms": 900.0,
    "p99_ms": 1200.0,
    "max_ms": 2000.0,
    "errors": 0,
}
LOAD = {
    "users": 50,
    "run_seconds": 60,
    "warm_up_seconds": 10,
    **FIGURES,
    "error_kinds": {},
    "pages": {"home": FIGURES},
    "connections_opened": 7000,
    "gunicorn": "gunicorn twinschools.wsgi:application --workers 4",
    "gunicorn_workers": 4,
    "worker_peak_rss_mb": 150.0,
    "workers_rss_total_peak_mb": 600.0,
    "client_cpu_seconds": 5.0,
    "load_before": [1.0, 1.0, 1.0],
    "load_after": [5.0, 2.0, 1.0],
    "measured_at": "2026-12-02T10:00:00+00:00",
}


def test_merging_one_operation_keeps_the_figures_of_the_others(tmp_path: Path) -> None:
    path = tmp_path / "benchmarks.json"
    path.write_text(json.dumps({"school_profile": {"p95_ms": 30.0}, "http_load": {"errors": 3}}))

    merged = merge_results({"http_load": LOAD}, path=path)

    assert merged["school_profile"] == {"p95_ms": 30.0}
    assert json.loads(path.read_text())["http_load"]["errors"] == 0


def test_a_page_rendered_after_one_operation_keeps_the_machine_and_the_slowest_requests(
    tmp_path: Path,
) -> None:
    path = tmp_path / "benchmarks.md"
    results = {"school_profile": {"p50_ms": 10.0, "p95_ms": 30.0, "target_ms": 50.0}}
    write_markdown(
        results, machine={"cpus": "2"}, details="## Slowest requests\n\n- 31 ms `/schools/1/`\n", path=path
    )

    write_markdown({**results, "http_load": LOAD}, path=path)

    page = path.read_text()
    assert "- cpus: 2" in page
    assert "- 31 ms `/schools/1/`" in page
    assert "## Under load" in page
    assert "| home | 6,000 | 100.0 |" in page
    assert page.count("## Slowest requests") == 1
