"""The issue-4 benchmarks: the public event calendar, mentoring matching, concurrent registrations.

Events are generated with set-based SQL (three upcoming events per workspace school, each
with two sessions). Matching reuses the bench_matching generator (5,000 mentees and 500
mentors in one country). The registration race sends 200 people through the real services
(register, then confirm) from 60 threads at once, each with its own database connection, for an
event of 50 seats: the seat lock must leave exactly 50 confirmed and 150 on the waiting list.
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connection, connections, transaction
from django.urls import reverse

from bench.measure import Request

CALENDAR_TARGET_MS = 100.0
MATCHING_TARGET_SECONDS = 10.0
RACE_PEOPLE, RACE_SEATS = 200, 50
# PostgreSQL allows 100 connections by default, shared with the rest of the machine
RACE_THREADS = 60
EVENT_TITLES = (
    "Zi porți deschise eTwinning",
    "Atelier: primul proiect eTwinning",
    "Jornada eTwinning oberta",
)


def has_events() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM events_event)")
        return bool(cursor.fetchone()[0])


def generate_events() -> dict[str, float | int]:
    """Three published, upcoming events per workspace school, two sessions each."""
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO events_event (school_id, kind, title, description, for_teachers, for_heads, for_parents,
                online, address, latitude, longitude, language, capacity, approval_required, status, created_at)
            SELECT s.id, (ARRAY['open_day', 'information', 'workshop'])[g], (%s::text[])[g],
                   'Vă așteptăm să vedeți cum lucrăm în proiecte eTwinning.', true, g = 1, false,
                   g = 3, CASE WHEN g = 3 THEN '' ELSE s.town END, s.latitude, s.longitude,
                   CASE WHEN c.code = 'ES' THEN 'ca' ELSE lower(c.code) END, 30, false, 'published', now()
            FROM (SELECT DISTINCT school_id FROM leadership_teammember) w
            JOIN network_school s ON s.id = w.school_id JOIN network_country c ON c.id = s.country_id
            CROSS JOIN generate_series(1, 3) AS g
            """,
            [list(EVENT_TITLES)],
        )
        cursor.execute(
            """
            INSERT INTO events_session (event_id, starts_at, ends_at)
            SELECT e.id, date_trunc('hour', now()) + ((e.id %% 60) + 7 * k) * interval '1 day',
                   date_trunc('hour', now()) + ((e.id %% 60) + 7 * k) * interval '1 day' + interval '2 hours'
            FROM events_event e CROSS JOIN generate_series(0, 1) AS k
            """,
            [],
        )
        cursor.execute(
            """
            UPDATE events_event e SET first_starts_at = span.first, last_ends_at = span.last
            FROM (SELECT event_id, min(starts_at) AS first, max(ends_at) AS last
                  FROM events_session GROUP BY event_id) AS span
            WHERE span.event_id = e.id
            """
        )
        cursor.execute("SELECT count(*) FROM events_event")
        events = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM events_session")
        sessions = cursor.fetchone()[0]
        cursor.execute("ANALYZE events_event; ANALYZE events_session")
    return {"events": events, "sessions": sessions, "seconds": round(time.monotonic() - started, 1)}


def calendar_requests(samples: int, *, seed: int = 7) -> dict[str, list[Request]]:
    """Anonymous visitors: the whole calendar, a country, a region, a language, the next page."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.code, r.id FROM network_region r JOIN network_country c ON c.id = r.country_id"
        )
        regions = cursor.fetchall()
    rng = random.Random(seed)
    url = reverse("events:calendar")
    queries = ["", "?page=2"]
    while len(queries) < samples:
        code, region = rng.choice(regions)
        queries.append(
            rng.choice(
                [f"?country={code}", f"?country={code}&region={region}", "?language=ro", "?kind=workshop"]
            )
        )
    return {"event_calendar": [Request(url=url + query) for query in queries[:samples]]}


COVERAGE_COUNTRIES = ("RO", "ES", "IT", "TR", "PL", "FR", "GR", "PT")
COVERAGE_KM = (10, 20, 30, 50)


def _nso_users() -> dict[str, int]:
    """One NSO staff account per measured country (made once, kept in the bench database)."""
    from twinschools.accounts.models import CountryRole, User
    from twinschools.network.models import Country

    users: dict[str, int] = {}
    for country in Country.objects.filter(code__in=COVERAGE_COUNTRIES):
        user, _ = User.objects.get_or_create(
            email=f"nso.bench.{country.code.lower()}@example.org",
            defaults={"full_name": f"NSO {country.code}"},
        )
        CountryRole.objects.get_or_create(user=user, country=country, role="nso")
        users[country.code] = user.pk
    return users


def coverage_requests(samples: int, *, seed: int = 11) -> dict[str, list[Request]]:
    """NSO staff of large countries: the region table and the coverage gaps, by distance and region."""
    users = _nso_users()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.code, r.id FROM network_region r JOIN network_country c ON c.id = r.country_id "
            "WHERE c.code = ANY(%s)",
            [list(COVERAGE_COUNTRIES)],
        )
        regions = cursor.fetchall()
    rng = random.Random(seed)
    url = reverse("reach:country_reach")
    requests = []
    for _ in range(max(samples // 4, 20)):
        code, region = rng.choice(regions)
        query = f"?km={rng.choice(COVERAGE_KM)}" + (f"&region={region}" if rng.random() < 0.5 else "")
        requests.append(Request(url=url + query, user_id=users[code]))
    return {"coverage_gaps": requests}


def matching() -> dict[str, Any]:
    """The optimal matcher against the greedy baseline on one generated country."""
    from twinschools.mentoring.management.commands.bench_matching import generated
    from twinschools.mentoring.matching import greedy, optimal

    rng = random.Random(4)
    mentees = generated(5000, first_key=0, rng=rng, mentors=False)
    mentors = generated(500, first_key=10**6, rng=rng, mentors=True)
    started = time.perf_counter()
    best = optimal(mentees, mentors)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    baseline = greedy(mentees, mentors)
    greedy_seconds = time.perf_counter() - started
    return {
        "mentees": len(mentees),
        "mentors": len(mentors),
        "seconds": round(seconds, 2),
        "cost": round(best.cost, 1),
        "greedy_seconds": round(greedy_seconds, 2),
        "greedy_cost": round(baseline.cost, 1),
        "unmatched": sum(1 for j in best.mentor_of if j < 0),
        "target_seconds": MATCHING_TARGET_SECONDS,
    }


def _register_and_confirm(event_id: int, index: int) -> str:
    from twinschools.events import services
    from twinschools.events.models import Event

    try:
        event = Event.objects.get(pk=event_id)
        registration = services.register(
            event=event,
            name=f"Profesor {index}",
            email=f"race{index}@example.org",
            role="teacher",
            school=None,
            school_name="Școala din cursă",
            language="ro",
            client=f"bench-race-{index}",  # one client each: the throttle is not what is measured
        )
        return services.confirm(registration=registration).status
    finally:
        connections.close_all()  # this thread's own connection


def registration_race() -> dict[str, Any]:
    """200 people confirm at once for 50 seats; the figures say where each one ended."""
    from twinschools.events.models import Event, EventStatus

    school_id = Event.objects.values_list("school_id", flat=True).first()
    event = Event.objects.create(
        school_id=school_id, kind="open_day", title="Cursa pentru locuri", capacity=RACE_SEATS,
        address="Strada Școlii 1", status=EventStatus.PUBLISHED,
    )  # fmt: skip
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=RACE_THREADS) as pool:
        statuses = list(pool.map(lambda i: _register_and_confirm(event.pk, i), range(RACE_PEOPLE)))
    seconds = time.perf_counter() - started
    confirmed, waiting = statuses.count("confirmed"), statuses.count("waiting_list")
    assert (confirmed, waiting) == (RACE_SEATS, RACE_PEOPLE - RACE_SEATS), (confirmed, waiting)
    return {"people": RACE_PEOPLE, "threads": RACE_THREADS, "seats": RACE_SEATS, "confirmed": confirmed, "waiting_list": waiting,
            "seconds": round(seconds, 2)}  # fmt: skip
