"""Timing pages in-process with Django's test client, and their floors with a raw cursor.

Server time is the time around `client.get`: URL resolution, middleware, the
view's queries and template rendering, without any network. Each operation is
timed in one pass and its queries counted in a second pass, so recording the
queries does not slow the timed requests.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.floors import Statement

WARM_UP = 10
BENCH_TOTP_SECRET = "BENCHONLYTOTPSECRETBENCHONLYTOTP"  # base32, for the bench database only


@dataclass
class Request:
    """One request of a sample: the URL, and who is signed in (None: anonymous)."""

    url: str
    user_id: int | None = None
    floor: Statement | None = None

    @property
    def label(self) -> str:
        return self.url if self.user_id is None else f"{self.url} as user {self.user_id}"


@dataclass
class Measurement:
    name: str
    target_ms: float
    times_ms: list[float] = field(default_factory=list)
    floor_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)
    slowest_sql: str = ""

    def figures(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "samples": len(self.times_ms),
            "p50_ms": round(percentile(self.times_ms, 50), 1),
            "p95_ms": round(percentile(self.times_ms, 95), 1),
            "max_ms": round(max(self.times_ms), 1),
            "target_ms": self.target_ms,
            "queries": int(statistics.median(self.queries)),
            "queries_max": max(self.queries),
        }
        if self.floor_ms:
            floor = percentile(self.floor_ms, 95)
            result["floor_ms"] = round(floor, 1)
            result["floor_p50_ms"] = round(percentile(self.floor_ms, 50), 1)
            result["ratio"] = round(percentile(self.times_ms, 95) / floor, 1) if floor else None
        result["slowest"] = [{"ms": round(ms, 1), "url": url} for ms, url in self.slowest[:3]]
        return result


def percentile(values: Sequence[float], rank: float) -> float:
    """Nearest-rank percentile: the value below which `rank` percent of the samples fall."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(rank / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(name: str, requests: list[Request], *, target_ms: float) -> Measurement:
    client = Client()
    result = Measurement(name=name, target_ms=target_ms)
    signed_in: int | None = None

    def sign_in(user_id: int | None) -> None:
        nonlocal signed_in
        if user_id != signed_in:
            if user_id is None:
                client.logout()
            else:
                from twinschools.accounts.models import User

                sign_in_as(client, User.objects.get(pk=user_id))
            signed_in = user_id

    for request in requests[:WARM_UP]:
        sign_in(request.user_id)
        _get(client, request.url)
    timed = []
    for request in requests:
        sign_in(request.user_id)
        started = time.perf_counter()
        _get(client, request.url)
        timed.append(((time.perf_counter() - started) * 1000, request.label))
    result.times_ms = [ms for ms, _url in timed]
    result.slowest = sorted(timed, reverse=True)
    for request in requests:
        sign_in(request.user_id)
        with CaptureQueriesContext(connection) as captured:
            _get(client, request.url)
        result.queries.append(len(captured.captured_queries))
        if request.label == result.slowest[0][1]:
            result.slowest_sql = max(captured.captured_queries, key=lambda query: float(query["time"]))["sql"]
    result.floor_ms = [time_statement(request.floor) for request in requests if request.floor]
    return result


def sign_in_as(client: Client, user: Any) -> None:
    """Signs `user` in; national roles must have a second factor (accounts/mfa.py), so the
    bench gives them one (a TOTP secret of its own), or every page would send them to enrol."""
    from allauth.mfa.totp.internal.auth import TOTP

    from twinschools.accounts import mfa

    if mfa.must_enrol(user):
        TOTP.activate(user, BENCH_TOTP_SECRET)
    client.force_login(user)


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    if response.status_code != 200:
        raise AssertionError(f"GET {url} answered {response.status_code}")


def time_statement(statement: Statement) -> float:
    sql, params = statement
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        return (time.perf_counter() - started) * 1000


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
