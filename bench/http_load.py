"""Many people browsing the public pages at once, against gunicorn on the bench database.

gunicorn runs with the committed deploy/gunicorn.conf.py and 4 workers under the production
settings (DEBUG off, manifest static files, the cache and throttles in Redis), as
docs/operations.md runs it. Simulated
visitors then browse the public pages over HTTP in a closed loop with no think time: each
sends its next request as soon as the previous answer is read, so the figures are the
server's capacity, not a visit rate. Each visitor is a thread with one `http.client`
connection, kept open when the server allows it (gunicorn's sync workers close it after
each answer, so the next request connects again); threads with the standard library keep
the client light, and what it costs is reported (`client_cpu_seconds`).

The first seconds warm the workers up and are not counted. Any answer other than 2xx or
3xx, and any connection error, is an error; the benchmark fails if there is one.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.environment import ROOT

USERS = 50
SECONDS = 60
WARM_UP_SECONDS = 10
WORKERS = 4
HOST = "127.0.0.1"
# A Redis database of its own, so the bench's cache neither reads nor clears anyone else's.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
GUNICORN_LOG = ROOT / "var" / "bench-gunicorn.log"
ACCEPT_LANGUAGES = ("en", "ro-RO,ro;q=0.9,en;q=0.5", "ca-ES,ca;q=0.9,es;q=0.7", "fr-FR,fr;q=0.8,en;q=0.5")

# How often each kind of public page is asked for: searches and school pages most.
PAGE_WEIGHTS = {
    "home": 8,
    "directory": 4,
    "directory_search": 18,
    "school_profile": 18,
    "event_calendar": 10,
    "event_detail": 5,
    "school_suggestions": 5,
    "region_feed": 2,
    "practice_library": 10,
    "practice_detail": 5,
    "label_map": 6,
    "label_rounds": 4,
    "credential_verify": 2,
}
POOL = 200  # addresses drawn per kind of page


def public_pages(*, seed: int = 21) -> dict[str, list[str]]:
    """The addresses each kind of page is asked for, drawn from the bench data (needs Django)."""
    from django.urls import reverse

    from bench.outreach import calendar_requests
    from bench.samples import COUNTRIES, SEARCHES, directory_samples, school_samples
    from bench.workspace_pages import practice_search_samples

    rng = random.Random(seed)
    library = reverse("practices:library")
    pages = {
        "home": [reverse("core:home")],
        "directory": [reverse("network:directory")],
        "directory_search": [s.url for s in directory_samples(POOL, seed=seed) if s.params],
        "school_profile": [reverse("network:school", args=[pk]) for pk in school_samples(POOL, seed=seed)],
        "event_calendar": [r.url for r in calendar_requests(POOL, seed=seed)["event_calendar"]],
        "event_detail": [reverse("events:event_detail", args=[pk]) for pk in _ids(_PUBLISHED_EVENTS)],
        "school_suggestions": [
            reverse("events:school_suggestions") + "?" + urlencode({"school_name": rng.choice(SEARCHES)})
            for _ in range(POOL)
        ],
        "region_feed": [reverse("events:region_ics", args=pair) for pair in _region_pairs()],
        "practice_library": [
            library + (f"?{urlencode(params)}" if params else "")
            for params, signed_in in practice_search_samples(POOL, seed=seed)
            if not signed_in
        ],
        "practice_detail": [reverse("practices:detail", args=[pk]) for pk in _ids(_PUBLIC_PRACTICES)],
        "label_map": [reverse("evaluation:map")]
        + [reverse("evaluation:map") + f"?country={code}" for code in COUNTRIES],
        "label_rounds": [reverse("labels:public_rounds")]
        + [reverse("labels:public_round", args=[pk]) for pk in _ids(_PUBLISHED_ROUNDS)]
        + [reverse("evaluation:rubric", args=[pk]) for pk in _ids(_PUBLISHED_ROUNDS)],
        "credential_verify": [reverse("credentials:verify")],
    }
    empty = [kind for kind, addresses in pages.items() if not addresses]
    assert not empty, f"the bench data has nothing to ask for on: {empty}"
    return pages


# Drawn by a hash of the key, so two runs on the same data ask for the same pages.
_PUBLISHED_EVENTS = "SELECT id FROM events_event WHERE status = 'published' ORDER BY md5(id::text) LIMIT %s"
_PUBLIC_PRACTICES = (
    "SELECT id FROM practices_practice WHERE visibility = 'public' ORDER BY md5(id::text) LIMIT %s"
)
_PUBLISHED_ROUNDS = "SELECT id FROM labels_round WHERE status = 'published' ORDER BY id LIMIT %s"


def _ids(statement: str) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, [POOL])
        return [row[0] for row in cursor.fetchall()]


def _region_pairs() -> list[tuple[str, str]]:
    """Regions with upcoming events, whose codes can be written in a feed's address."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT c.code, r.code FROM events_event e JOIN network_school s ON s.id = e.school_id "
            "JOIN network_region r ON r.id = s.region_id JOIN network_country c ON c.id = r.country_id "
            "WHERE e.status = 'published' ORDER BY c.code, r.code LIMIT %s",
            [POOL],
        )
        return [(country, code) for country, code in cursor.fetchall() if re.fullmatch(r"[-\w]+", code)]


# --- gunicorn ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _gunicorn_arguments(port: int | str, workers: int) -> list[str]:
    """The committed configuration (deploy/gunicorn.conf.py) when there is one, else its timeout;
    the bench chooses only the address and, as the issue's measurement had, 4 workers."""
    config = (
        ["-c", str(GUNICORN_CONFIG.relative_to(ROOT))] if GUNICORN_CONFIG.exists() else ["--timeout", "30"]
    )
    return ["twinschools.wsgi:application", *config, "--workers", str(workers), "--bind", f"{HOST}:{port}"]


def _clear_bench_cache() -> None:
    """Each run starts from an empty cache (only the bench's own Redis database)."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def start_gunicorn(workers: int) -> tuple[subprocess.Popen[bytes], int]:
    _clear_bench_cache()
    port = _free_port()
    GUNICORN_LOG.parent.mkdir(parents=True, exist_ok=True)
    # Production settings come from bench/environment.py (already in os.environ).
    env = {**os.environ, "REDIS_URL": REDIS_URL}
    # Its access and error logs (standard output and error in production) go to a file.
    with GUNICORN_LOG.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *_gunicorn_arguments(port, workers)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start (see {GUNICORN_LOG})")
        try:
            if _get_status(port, "/health/") == 200 and len(_children(server.pid)) >= workers:
                return server, port
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer within 60 s (see {GUNICORN_LOG})")


def _get_status(port: int, path: str) -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _kilobytes(pid: int, field_name: str) -> int:
    try:
        match = re.search(rf"{field_name}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


class MemoryWatch(threading.Thread):
    """Samples the workers' resident memory every half second: each worker's peak, and the sum's."""

    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master = master
        self.peaks: dict[int, int] = {}  # a worker's high-water mark (VmHWM), kB
        self.total_peak = 0  # the largest sum of the workers' resident sets at one moment, kB
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            self.sample()

    def sample(self) -> None:
        workers = _children(self.master)
        for pid in workers:
            self.peaks[pid] = max(self.peaks.get(pid, 0), _kilobytes(pid, "VmHWM"))
        self.total_peak = max(self.total_peak, sum(_kilobytes(pid, "VmRSS") for pid in workers))


# --- the visitors -----------------------------------------------------------------------------


@dataclass
class Answer:
    kind: str
    started: float
    ms: float
    status: int  # 0: no answer (a connection error)
    error: str | None  # None when the answer was 2xx or 3xx


@dataclass
class Visitor:
    """One person: a connection kept while the server allows it, cookies, a language."""

    number: int
    port: int
    pages: dict[str, list[str]]
    rng: random.Random
    cookies: SimpleCookie = field(default_factory=SimpleCookie)
    answers: list[Answer] = field(default_factory=list)
    connections: int = 0
    connection: http.client.HTTPConnection | None = None

    def browse(self, until: float) -> None:
        kinds, weights = list(PAGE_WEIGHTS), list(PAGE_WEIGHTS.values())
        language = ACCEPT_LANGUAGES[self.number % len(ACCEPT_LANGUAGES)]
        while time.perf_counter() < until:  # no think time: a closed loop
            kind = self.rng.choices(kinds, weights)[0]
            self.answers.append(self.ask(kind, self.rng.choice(self.pages[kind]), language))
        if self.connection is not None:
            self.connection.close()

    def ask(self, kind: str, path: str, language: str) -> Answer:
        headers = {
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": language,
            "User-Agent": "TwinSchools-bench/1 (http_load)",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        started = time.perf_counter()
        error, status = None, 0
        try:
            connection = self._connection()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                self.cookies.load(cookie)
            status = response.status
            if not 200 <= status < 400:
                error = f"HTTP {status}"
        except (OSError, http.client.HTTPException) as problem:
            error = type(problem).__name__
            self._drop_connection()
        ms = (time.perf_counter() - started) * 1000
        return Answer(kind=kind, started=started, ms=ms, status=status, error=error)

    def _connection(self) -> http.client.HTTPConnection:
        if self.connection is None or self.connection.sock is None:
            self._drop_connection()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
            self.connection.connect()
            self.connections += 1
        return self.connection

    def _drop_connection(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


# --- figures ----------------------------------------------------------------------------------


def _figures(answers: list[Answer], seconds: float) -> dict[str, Any]:
    from bench.measure import percentile

    times = [answer.ms for answer in answers]
    return {
        "requests": len(answers),
        "requests_per_second": round(len(answers) / seconds, 1),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
        "errors": sum(1 for answer in answers if answer.error),
    }


def _load() -> list[float]:
    return [round(load, 2) for load in os.getloadavg()]


def http_load(
    *, users: int = USERS, seconds: int = SECONDS, warm_up: int = WARM_UP_SECONDS
) -> dict[str, Any]:
    pages = public_pages()
    load_before = _load()
    server, port = start_gunicorn(WORKERS)
    memory = MemoryWatch(server.pid)
    memory.start()
    try:
        visitors = [
            Visitor(number=n, port=port, pages=pages, rng=random.Random(1000 + n)) for n in range(users)
        ]
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        counted_from = time.perf_counter() + warm_up
        until = counted_from + seconds
        threads = [threading.Thread(target=visitor.browse, args=(until,)) for visitor in visitors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
        memory.sample()
    finally:
        memory.stopped.set()
        server.terminate()
        server.wait(timeout=60)
    load_after = _load()
    # Counted: the requests started after the warm-up (the last ones end a little after `until`).
    answers = [answer for visitor in visitors for answer in visitor.answers if answer.started >= counted_from]
    errors = Counter(f"{answer.kind}: {answer.error}" for answer in answers if answer.error)
    return {
        "users": users,
        "run_seconds": seconds,
        "warm_up_seconds": warm_up,
        "think_time_ms": 0,
        **_figures(answers, seconds),
        "error_kinds": dict(errors.most_common()),
        # Redirects count as answers: these say whether there were any (a public page should not redirect).
        "statuses": {str(status): n for status, n in sorted(Counter(a.status for a in answers).items())},
        "pages": {
            kind: _figures([answer for answer in answers if answer.kind == kind], seconds)
            for kind in PAGE_WEIGHTS
        },
        "connections_opened": sum(visitor.connections for visitor in visitors),
        "gunicorn": "gunicorn " + " ".join(_gunicorn_arguments("<free port>", WORKERS)),
        "gunicorn_workers": WORKERS,
        "worker_peak_rss_mb": round(max(memory.peaks.values(), default=0) / 1024, 1),
        "workers_rss_total_peak_mb": round(memory.total_peak / 1024, 1),
        # The client shares the machine with the server: what it cost, in CPU seconds.
        "client_cpu_seconds": round(
            (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime), 1
        ),
        "load_before": load_before,
        "load_after": load_after,
    }
