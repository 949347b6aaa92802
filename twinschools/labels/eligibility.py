"""The automatic eligibility check: one set-based statement over the whole network.

`compute(round)` writes one Eligibility row per school with a single
`WITH ... INSERT ... SELECT ... ON CONFLICT DO UPDATE`: SQL aggregates find each
school's facts (active teachers, the latest qualifying National Quality Label, a
label still valid), the verdict and its structured reasons. No Python loop over
schools. The upsert keeps `invited_at`, and an NSO exception (a separate table)
keeps the school eligible however often the check runs again. A re-run rewrites
only the rows whose result changed (the reasons hold every fact the rules read),
so `checked_at` says when a school's result last changed; the round's
`eligibility_finished_at` says when the check last ran.

The SQL is portable between SQLite (3.35+) and PostgreSQL: standard SQL, window
functions and `INSERT ... ON CONFLICT`; the reasons are JSON text built by concatenation.

Rules, as the rounds state them:
- registered: the school registered on or before `registered_by`;
- active_teachers: at least `min_active_teachers` distinct teachers still at the
  school (a current head or teacher membership) with an activity of a counting
  kind at that school on or after `active_since`;
- nql: a National Quality Label granted within [nql_from, nql_to] (inclusive),
  for a European project (its schools are in two countries or more) when the
  round asks, earned at this school, or, when the round does not ask for that,
  also held by a current teacher of the school who earned it elsewhere;
- not_labelled: the school holds no label still valid in the round's first year
  (a school labelled 2025-2026 cannot apply for 2026-2027).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.db import connection

from twinschools.accounts.models import Role
from twinschools.labels.models import Round
from twinschools.network.models import QualityLabelKind

STAFF = (Role.HEAD.value, Role.TEACHER.value)

_SQL = """
WITH
active AS (
    SELECT a.school_id, COUNT(DISTINCT a.teacher_id) AS teachers
    FROM network_activity a
    WHERE a.occurred_on >= %(since)s AND a.occurred_on <= %(today)s AND a.kind IN ({kinds})
      AND EXISTS (
        SELECT 1 FROM accounts_membership m
        WHERE m.user_id = a.teacher_id AND m.school_id = a.school_id AND m.role IN (%(head)s, %(teacher)s)
          AND (m.ended_on IS NULL OR m.ended_on >= %(today)s)
      )
    GROUP BY a.school_id
),
labels_in_window AS (
    SELECT q.id, q.school_id, q.teacher_id, q.project_id, q.granted_on
    FROM network_qualitylabel q
    WHERE q.kind = %(national)s AND q.granted_on >= %(nql_from)s AND q.granted_on <= %(nql_to)s
      {european}
),
candidates AS (
    SELECT l.school_id, l.project_id, l.granted_on, l.id FROM labels_in_window l
    {elsewhere}
),
nql AS (
    SELECT ranked.school_id, ranked.project_id, ranked.granted_on FROM (
        SELECT c.school_id, c.project_id, c.granted_on,
               ROW_NUMBER() OVER (PARTITION BY c.school_id ORDER BY c.granted_on DESC, c.id DESC) AS position
        FROM candidates c
    ) ranked
    WHERE ranked.position = 1
),
excepted AS (
    SELECT x.school_id FROM labels_eligibilityexception x WHERE x.round_id = %(round)s
),
labelled AS (
    SELECT sl.school_id, MAX(sl.first_year) AS first_year, MAX(sl.last_year) AS last_year
    FROM network_schoollabel sl
    WHERE sl.first_year <= %(first_year)s AND sl.last_year >= %(first_year)s
    GROUP BY sl.school_id
),
facts AS (
    SELECT s.id AS school_id, s.registered_on,
           COALESCE(a.teachers, 0) AS teachers,
           n.project_id, p.title, n.granted_on,
           l.first_year, l.last_year,
           CASE WHEN s.registered_on <= %(registered_by)s THEN 1 ELSE 0 END AS ok_registered,
           CASE WHEN COALESCE(a.teachers, 0) >= %(required)s THEN 1 ELSE 0 END AS ok_teachers,
           CASE WHEN n.project_id IS NOT NULL THEN 1 ELSE 0 END AS ok_nql,
           CASE WHEN l.school_id IS NULL THEN 1 ELSE 0 END AS ok_unlabelled,
           CASE WHEN x.school_id IS NULL THEN 0 ELSE 1 END AS excepted
    FROM network_school s
    LEFT JOIN active a ON a.school_id = s.id
    LEFT JOIN nql n ON n.school_id = s.id
    LEFT JOIN network_project p ON p.id = n.project_id
    LEFT JOIN labelled l ON l.school_id = s.id
    LEFT JOIN excepted x ON x.school_id = s.id
)
INSERT INTO labels_eligibility (
    round_id, school_id, meets_rules, eligible, registered_on, active_teachers, required_teachers,
    nql_project_id, nql_project_title, nql_granted_on, labelled_first_year, labelled_last_year,
    reasons, checked_at
)
SELECT
    %(round)s, f.school_id,
    f.ok_registered * f.ok_teachers * f.ok_nql * f.ok_unlabelled = 1,
    f.ok_registered * f.ok_teachers * f.ok_nql * f.ok_unlabelled + f.excepted >= 1,
    f.registered_on, f.teachers, %(required)s,
    f.project_id, COALESCE(f.title, ''), f.granted_on, f.first_year, f.last_year,
    {reasons},
    %(now)s
FROM facts f
WHERE 1 = 1
ON CONFLICT (round_id, school_id) DO UPDATE SET
    meets_rules = excluded.meets_rules,
    eligible = excluded.eligible,
    registered_on = excluded.registered_on,
    active_teachers = excluded.active_teachers,
    required_teachers = excluded.required_teachers,
    nql_project_id = excluded.nql_project_id,
    nql_project_title = excluded.nql_project_title,
    nql_granted_on = excluded.nql_granted_on,
    labelled_first_year = excluded.labelled_first_year,
    labelled_last_year = excluded.labelled_last_year,
    reasons = excluded.reasons,
    checked_at = excluded.checked_at
WHERE labels_eligibility.reasons <> excluded.reasons OR labels_eligibility.eligible <> excluded.eligible
    OR labels_eligibility.nql_project_title <> excluded.nql_project_title
"""

# Only projects whose schools are in two countries or more are European.
_EUROPEAN = """
      AND q.project_id IN (
        SELECT ps.project_id FROM network_projectschool ps
        JOIN network_school ps_school ON ps_school.id = ps.school_id
        WHERE ps.project_id IN (
            SELECT q2.project_id FROM network_qualitylabel q2
            WHERE q2.kind = %(national)s AND q2.granted_on >= %(nql_from)s AND q2.granted_on <= %(nql_to)s
        )
        GROUP BY ps.project_id
        HAVING COUNT(DISTINCT ps_school.country_id) >= 2
      )"""

# Without the same-school rule, a current teacher's label earned elsewhere counts too.
_ELSEWHERE = """
    UNION ALL
    SELECT m.school_id, l.project_id, l.granted_on, l.id FROM labels_in_window l
    JOIN accounts_membership m ON m.user_id = l.teacher_id AND m.school_id <> l.school_id
    WHERE m.role IN (%(head)s, %(teacher)s) AND (m.ended_on IS NULL OR m.ended_on >= %(today)s)"""


def _flag(column: str) -> str:
    return f"CASE WHEN f.{column} = 1 THEN 'true' ELSE 'false' END"


def _text_or_null(expression: str) -> str:
    return f"COALESCE('\"' || CAST({expression} AS TEXT) || '\"', 'null')"


def _number_or_null(expression: str) -> str:
    return f"COALESCE(CAST({expression} AS TEXT), 'null')"


def _reasons_sql() -> str:
    """The reasons as JSON text, built by concatenation (portable); the constant parts come from the round."""
    parts = [
        '\'[{"rule": "registered", "ok": \'',
        _flag("ok_registered"),
        '\', "params": {"registered_on": "\' || CAST(f.registered_on AS TEXT) || \'", \' || %(p_registered)s',
        '\'}}, {"rule": "active_teachers", "ok": \'',
        _flag("ok_teachers"),
        "', \"params\": {\"count\": ' || CAST(f.teachers AS TEXT) || ', ' || %(p_teachers)s",
        '\'}}, {"rule": "nql", "ok": \'',
        _flag("ok_nql"),
        '\', "params": {"granted_on": \' || ' + _text_or_null("f.granted_on"),
        "', \"project_id\": ' || " + _number_or_null("f.project_id") + " || ', ' || %(p_nql)s",
        '\'}}, {"rule": "not_labelled", "ok": \'',
        _flag("ok_unlabelled"),
        '\', "params": {"first_year": \' || ' + _number_or_null("f.first_year"),
        "', \"last_year\": ' || " + _number_or_null("f.last_year") + " || ', ' || %(p_labelled)s",
        "'}}]'",
    ]
    return " || ".join(parts)


def _inner(params: dict[str, object]) -> str:
    """A JSON object's members (without braces), to splice after the facts found."""
    return json.dumps(params, sort_keys=True)[1:-1]


def statement(round: Round, *, today: date, now: datetime) -> tuple[str, dict[str, Any]]:
    kinds = list(round.activity_kinds) or ["-"]
    day = connection.ops.adapt_datefield_value
    params: dict[str, Any] = {
        "round": round.pk,
        "since": day(round.active_since),
        "today": day(today),
        "now": connection.ops.adapt_datetimefield_value(now),
        "required": round.min_active_teachers,
        "registered_by": day(round.registered_by),
        "nql_from": day(round.nql_from),
        "nql_to": day(round.nql_to),
        "first_year": round.label_first_year,
        "national": QualityLabelKind.NATIONAL.value,
        "head": STAFF[0],
        "teacher": STAFF[1],
        "p_registered": _inner({"cutoff": round.registered_by.isoformat()}),
        "p_teachers": _inner(
            {"required": round.min_active_teachers, "since": round.active_since.isoformat()}
        ),
        "p_nql": _inner(
            {
                "from": round.nql_from.isoformat(),
                "to": round.nql_to.isoformat(),
                "european": round.nql_european_project,
                "same_school": round.nql_at_this_school,
            }
        ),
        "p_labelled": _inner({"round_first_year": round.label_first_year}),
    }
    for index, kind in enumerate(kinds):
        params[f"kind{index}"] = kind
    sql = _SQL.format(
        kinds=", ".join(f"%(kind{index})s" for index in range(len(kinds))),
        european=_EUROPEAN if round.nql_european_project else "",
        elsewhere="" if round.nql_at_this_school else _ELSEWHERE,
        reasons=_reasons_sql(),
    )
    return sql, params


# The per-school aggregation sorts or hashes a few million activity rows at Europe scale;
# with PostgreSQL's default 4 MB it spills to disk. Raised for this transaction only.
WORK_MEM = "64MB"


def compute(round: Round, *, today: date, now: datetime) -> int:
    """Writes every school's result for the round; returns the number of rows written or changed.

    Call inside a transaction (the service does), so the work_mem setting stays local.
    """
    sql, params = statement(round, today=today, now=now)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.get_autocommit():
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        cursor.execute(sql, params)
        return cursor.rowcount
