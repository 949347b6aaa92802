"""The workspace benchmarks: mission overview, action plan, decision log and practice search.

Each school page is requested by a member of that school's team; a quarter of
the samples are the busiest workspaces (ten times the records). Practice search
mixes anonymous and signed-in people, words in several languages and approach
names in Catalan, Romanian and English, with and without filters.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from bench.floors import Statement
from bench.measure import Request
from twinschools.core.text import search_patterns
from twinschools.practices.search import facet_word

PRACTICE_SEARCHES = (
    "aula invertida", "clasa inversată", "flipped classroom", "matematică", "matemàtiques", "mathematics",
    "robotica", "robotics", "poezie", "escape room", "eSafety", "aprenentatge servei", "învățare prin proiecte",
    "outdoor", "podcast", "jurnal", "steam", "ciències", "tutorat", "rúbriques", "xyzzy", "apa",
)  # fmt: skip
APPROACH_FILTERS = ("collaborative", "flipped", "project-based", "outdoor", "flexible-time")
LANGUAGE_FILTERS = ("ro", "ca", "en")
SUBJECT_FILTERS = ("maths", "science", "languages", "ict")


def workspace_samples(count: int, *, seed: int = 4) -> list[tuple[int, int]]:
    """(school, team member) pairs: a quarter from the busiest workspaces, the rest at random."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.school_id, min(t.user_id) FROM leadership_teammember t "
            "JOIN (SELECT school_id FROM leadership_proposal GROUP BY school_id "
            "      ORDER BY count(*) DESC, school_id LIMIT %s) busy ON busy.school_id = t.school_id "
            "GROUP BY t.school_id ORDER BY t.school_id",
            [max(1, count // 4)],
        )
        busiest = [tuple(row) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT school_id, min(user_id) FROM leadership_teammember GROUP BY school_id ORDER BY 1"
        )
        every = [tuple(row) for row in cursor.fetchall()]
    rng = random.Random(seed)
    chosen = list(busiest)
    while len(chosen) < count:
        chosen.append(rng.choice(every))
    return chosen[:count]  # type: ignore[return-value]


def practice_search_samples(count: int, *, seed: int = 5) -> list[tuple[dict[str, str], bool]]:
    """(query parameters, signed in?) pairs."""
    rng = random.Random(seed)
    samples: list[tuple[dict[str, str], bool]] = [({}, False), ({}, True), ({"q": "aula invertida"}, True)]
    while len(samples) < count:
        params: dict[str, str] = {}
        if rng.random() < 0.8:
            params["q"] = rng.choice(PRACTICE_SEARCHES)
        if rng.random() < 0.25:
            params["approach"] = rng.choice(APPROACH_FILTERS)
        if rng.random() < 0.2:
            params["language"] = rng.choice(LANGUAGE_FILTERS)
        if rng.random() < 0.15:
            params["subject"] = rng.choice(SUBJECT_FILTERS)
        if rng.random() < 0.1:
            params["page"] = "2"
        samples.append((params, rng.random() < 0.6))
    return samples[:count]


def workspace_requests(samples: int) -> dict[str, list[Request]]:
    pairs = workspace_samples(samples)
    searches = practice_search_samples(samples)
    searcher = pairs[-1][1]  # a teacher who searches the network's practices
    searcher_schools = _staff_schools(searcher)
    return {
        "mission_overview": [
            Request(
                url=reverse("mission:overview", args=[school]), user_id=user, floor=overview_floor(school)
            )
            for school, user in pairs
        ],
        "action_plan": [
            Request(url=reverse("planning:plan", args=[school]), user_id=user, floor=plan_floor(school))
            for school, user in pairs
        ],
        "decision_log": [
            Request(
                url=reverse("leadership:decisions", args=[school]),
                user_id=user,
                floor=decisions_floor(school),
            )
            for school, user in pairs
        ],
        "practice_search": [
            Request(
                url=reverse("practices:library") + (f"?{urlencode(params)}" if params else ""),
                user_id=searcher if signed_in else None,
                floor=practice_search_floor(params, schools=searcher_schools if signed_in else None),
            )
            for params, signed_in in searches
        ],
    }


def _staff_schools(user_id: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT school_id FROM accounts_membership WHERE user_id = %s AND role IN ('head', 'teacher')",
            [user_id],
        )
        return [row[0] for row in cursor.fetchall()]


def overview_floor(school_id: int) -> Statement:
    """Every count and latest item the overview shows for the last twelve months, in one statement."""
    since = timezone.now() - timedelta(days=365)
    statement = """
    SELECT
      (SELECT count(*) FROM leadership_proposal p WHERE p.school_id = %(s)s AND p.status = 'closed'
         AND p.closed_at >= %(since)s),
      (SELECT json_agg(row) FROM (SELECT p.id, p.title, p.closed_at FROM leadership_proposal p
         WHERE p.school_id = %(s)s AND p.status = 'closed' ORDER BY p.closed_at DESC LIMIT 3) row),
      (SELECT count(*) FROM leadership_proposal p WHERE p.school_id = %(s)s AND p.status = 'open'),
      (SELECT count(*) FROM leadership_responsibility r WHERE r.school_id = %(s)s),
      (SELECT count(*) FROM leadership_teammember t WHERE t.school_id = %(s)s),
      (SELECT count(*) FROM planning_calendaractivity a WHERE a.school_id = %(s)s AND a.status = 'held'
         AND a.starts_at >= %(since)s
         AND (SELECT count(*) FROM planning_calendaractivity_co_planners c WHERE c.calendaractivity_id = a.id) >= 2),
      (SELECT json_agg(row) FROM (SELECT g.commitment, a.status, count(*) FROM planning_action a
         JOIN planning_goal g ON g.id = a.goal_id WHERE a.school_id = %(s)s GROUP BY g.commitment, a.status) row),
      (SELECT count(*) FROM practices_practice p WHERE p.school_id = %(s)s AND p.created_at >= %(since)s),
      (SELECT count(*) FROM practices_tried t JOIN practices_practice p ON p.id = t.practice_id
         WHERE p.school_id = %(s)s AND t.created_at >= %(since)s),
      (SELECT json_agg(row) FROM (SELECT count(*), sum(i.teachers_reached + i.parents_reached + i.others_reached)
         FROM agency_initiative i WHERE i.school_id = %(s)s AND i.status = 'held' AND i.held_on >= %(since)s) row),
      (SELECT count(*) FROM agency_suggestion g WHERE g.school_id = %(s)s AND g.responded_at >= %(since)s),
      (SELECT json_agg(row) FROM (SELECT count(*), sum(m.pupils_reached), sum(m.families_reached)
         FROM mission_inclusionmeasure m WHERE m.school_id = %(s)s AND m.ended_on >= %(since)s) row)
    """
    return statement, {"s": school_id, "since": since}


def plan_floor(school_id: int) -> Statement:
    """The current plan with its goals, actions and their owners."""
    statement = """
    SELECT g.commitment, g.title, a.id, a.title, a.status, a.starts_on, a.ends_on, a.version,
      (SELECT json_agg(u.full_name) FROM planning_action_owners o JOIN accounts_user u ON u.id = o.user_id
         WHERE o.action_id = a.id)
    FROM planning_goal g LEFT JOIN planning_action a ON a.goal_id = g.id
    WHERE g.plan_id = (SELECT id FROM planning_plan WHERE school_id = %s ORDER BY starts_on DESC, id DESC LIMIT 1)
    ORDER BY g.commitment, g.id, a.ends_on, a.id
    """
    return statement, [school_id]


def decisions_floor(school_id: int) -> Statement:
    """Open proposals, and the first page of the decision log with outcomes and the total."""
    statement = """
    SELECT
      (SELECT json_agg(row) FROM (SELECT p.id, p.title, p.closes_at, p.process FROM leadership_proposal p
         WHERE p.school_id = %(s)s AND p.status = 'open' ORDER BY p.closes_at) row),
      (SELECT json_agg(row) FROM (SELECT p.id, p.title, p.result, p.closed_at, o.statement, o.review_on,
           (SELECT json_agg(u.full_name) FROM leadership_outcome_responsible r JOIN accounts_user u ON u.id = r.user_id
              WHERE r.outcome_id = o.id)
         FROM leadership_proposal p LEFT JOIN leadership_outcome o ON o.proposal_id = p.id
         WHERE p.school_id = %(s)s AND p.status = 'closed' ORDER BY p.closed_at DESC, p.id DESC LIMIT 20) row),
      (SELECT count(*) FROM leadership_proposal p WHERE p.school_id = %(s)s AND p.status = 'closed')
    """
    return statement, {"s": school_id}


def practice_search_floor(params: dict[str, str], *, schools: list[int] | None) -> Statement:
    """The page of matching practices the person may read, newest first, and the capped total."""
    where = ["(p.visibility = 'public')"]
    args: list[Any] = []
    if schools is not None:
        where = ["(p.visibility IN ('network', 'public') OR p.school_id = ANY(%s))"]
        args.append(schools)
    for pattern in search_patterns(params.get("q", "")):
        # The searchable text holds the approach names in every language too.
        where.append("p.search_text LIKE %s")
        args.append(f"%{pattern}%")
    for kind in ("approach", "subject", "language"):
        if params.get(kind):
            # Filters are facet words of the same text (practices/search.py).
            where.append("p.search_text LIKE %s")
            args.append(f"% {facet_word(kind, params[kind])} %")
    offset = (int(params.get("page", "1")) - 1) * 20
    matches = f"FROM practices_practice p WHERE {' AND '.join(where)}"
    statement = (
        f"WITH page AS (SELECT p.id, p.title, p.summary, p.school_id, p.author_id {matches} "
        "ORDER BY p.created_at DESC, p.id DESC LIMIT 20 OFFSET %s) "
        "SELECT page.*, s.name, u.full_name, "
        "(SELECT json_agg(x.approach_id) FROM practices_practice_approaches x WHERE x.practice_id = page.id), "
        # The library counts up to its cap (PRACTICE_LIBRARY_COUNT_CAP); so does the floor.
        f"(SELECT count(*) FROM (SELECT 1 {matches} LIMIT {settings.PRACTICE_LIBRARY_COUNT_CAP + 1}) capped) "
        "FROM page JOIN network_school s ON s.id = page.school_id LEFT JOIN accounts_user u ON u.id = page.author_id"
    )
    return statement, [*args, offset, *args]
