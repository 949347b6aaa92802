"""Floors: each page's data fetched by one hand-written SQL statement.

A floor is what the database alone needs for the same answer in one round
trip, with no ORM, middleware or template. p95 / floor says how much the
application adds on top of the unavoidable work.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from twinschools.core.text import search_patterns
from twinschools.network.queries import DIRECTORY_COUNT_CAP

Statement = tuple[str, list[Any] | dict[str, Any]]


def directory_floor(params: dict[str, str]) -> Statement:
    """The page of schools and the total count, as the directory shows them."""
    year = timezone.localdate().year
    where: list[str] = []
    args: list[Any] = []
    for pattern in search_patterns(params.get("q", "")):
        where.append("s.search_text LIKE %s")
        args.append(f"%{pattern}%")
    if params.get("country"):
        where.append("c.code = %s")
        args.append(params["country"])
    if params.get("level"):
        where.append(
            "EXISTS (SELECT 1 FROM network_school_levels sl JOIN network_level l ON l.id = sl.level_id "
            "WHERE sl.school_id = s.id AND l.code = %s)"
        )
        args.append(params["level"])
    if params.get("language"):
        where.append(
            "EXISTS (SELECT 1 FROM network_school_languages sl JOIN network_language l ON l.id = sl.language_id "
            "WHERE sl.school_id = s.id AND l.code = %s)"
        )
        args.append(params["language"])
    current = "EXISTS (SELECT 1 FROM network_schoollabel b WHERE b.school_id = s.id AND b.first_year <= %s AND b.last_year >= %s)"
    ever = "EXISTS (SELECT 1 FROM network_schoollabel b WHERE b.school_id = s.id)"
    label = params.get("label")
    if label == "current":
        where.append(current)
        args += [year, year]
    elif label == "former":
        where.append(f"{ever} AND NOT {current}")
        args += [year, year]
    elif label == "never":
        where.append(f"NOT {ever}")
    page_size = settings.DIRECTORY_PAGE_SIZE
    offset = (int(params.get("page", "1")) - 1) * page_size
    matches = (
        "FROM network_school s JOIN network_country c ON c.id = s.country_id "
        f"WHERE {' AND '.join(where) or 'TRUE'}"
    )
    # The page and the count as two parts of one statement, so each can use its best plan.
    statement = (
        f"WITH page AS (SELECT s.id, s.name, s.town, s.region_id, c.code {matches} "
        "ORDER BY s.search_text, s.id LIMIT %s OFFSET %s) "
        f"SELECT page.*, r.name, {current.replace('s.id', 'page.id')} AS labelled, "
        # The directory counts up to its cap (queries.DIRECTORY_COUNT_CAP); so does the floor.
        f"(SELECT count(*) FROM (SELECT 1 {matches} LIMIT {DIRECTORY_COUNT_CAP + 1}) capped) AS total "
        "FROM page LEFT JOIN network_region r ON r.id = page.region_id"
    )
    return statement, [*args, page_size, offset, year, year, *args]


def profile_floor(school_id: int) -> Statement:
    """The school, its levels, languages, labels, project count, latest 30 projects with partners."""
    year = timezone.localdate().year
    statement = """
    SELECT s.id, s.name, s.town, s.address, s.website, s.registered_on, c.code, r.name,
      (SELECT json_agg(l.code) FROM network_school_levels x JOIN network_level l ON l.id = x.level_id
        WHERE x.school_id = s.id),
      (SELECT json_agg(l.code) FROM network_school_languages x JOIN network_language l ON l.id = x.language_id
        WHERE x.school_id = s.id),
      (SELECT json_agg(json_build_array(b.first_year, b.last_year)) FROM network_schoollabel b WHERE b.school_id = s.id),
      EXISTS (SELECT 1 FROM network_schoollabel b WHERE b.school_id = s.id AND b.first_year <= %s AND b.last_year >= %s),
      (SELECT count(*) FROM network_projectschool ps WHERE ps.school_id = s.id),
      (SELECT json_object_agg(kind, total) FROM (SELECT q.kind, count(*) AS total FROM network_qualitylabel q
        WHERE q.school_id = s.id GROUP BY q.kind) counts),
      (SELECT json_agg(json_build_array(p.title, p.status, p.started_on, p.ended_on, p.subjects, ps.is_founder,
          (SELECT json_agg(json_build_array(o.school_id, os.name, oc.code) ORDER BY o.is_founder DESC, os.name)
             FROM network_projectschool o JOIN network_school os ON os.id = o.school_id
             JOIN network_country oc ON oc.id = os.country_id WHERE o.project_id = p.id))
         ORDER BY p.started_on DESC, p.id)
       FROM (SELECT ps.project_id, ps.is_founder FROM network_projectschool ps
             JOIN network_project pp ON pp.id = ps.project_id WHERE ps.school_id = s.id
             ORDER BY pp.started_on DESC, ps.project_id LIMIT 30) ps
       JOIN network_project p ON p.id = ps.project_id)
    FROM network_school s JOIN network_country c ON c.id = s.country_id
    LEFT JOIN network_region r ON r.id = s.region_id
    WHERE s.id = %s
    """
    return statement, [year, year, school_id]


def dashboard_floor(user_id: int) -> Statement:
    """A person's current schools, latest projects, labels, activities, counts and roles."""
    today = timezone.localdate()
    statement = """
    SELECT
      (SELECT json_agg(json_build_array(m.role, s.id, s.name, c.code) ORDER BY s.name, m.role)
         FROM accounts_membership m JOIN network_school s ON s.id = m.school_id
         JOIN network_country c ON c.id = s.country_id
         WHERE m.user_id = %(user)s AND m.started_on <= %(today)s AND (m.ended_on IS NULL OR m.ended_on >= %(today)s)),
      (SELECT json_agg(row) FROM (SELECT p.title, p.status, s.name FROM network_projectteacher pt
         JOIN network_project p ON p.id = pt.project_id JOIN network_school s ON s.id = pt.school_id
         WHERE pt.teacher_id = %(user)s ORDER BY p.started_on DESC, pt.id LIMIT 20) row),
      (SELECT count(*) FROM network_projectteacher pt WHERE pt.teacher_id = %(user)s),
      (SELECT json_agg(row) FROM (SELECT q.kind, q.granted_on, p.title, s.name FROM network_qualitylabel q
         JOIN network_project p ON p.id = q.project_id JOIN network_school s ON s.id = q.school_id
         WHERE q.teacher_id = %(user)s ORDER BY q.granted_on DESC, q.id LIMIT 20) row),
      (SELECT json_agg(row) FROM (SELECT a.occurred_on, a.title, a.kind, s.name FROM network_activity a
         JOIN network_school s ON s.id = a.school_id
         WHERE a.teacher_id = %(user)s ORDER BY a.occurred_on DESC, a.id DESC LIMIT 20) row),
      (SELECT count(*) FROM network_activity a WHERE a.teacher_id = %(user)s),
      (SELECT json_agg(json_build_array(r.role, c.code)) FROM accounts_countryrole r
         JOIN network_country c ON c.id = r.country_id WHERE r.user_id = %(user)s),
      (SELECT json_agg(u.display_name) FROM accounts_studentprofile_guardians g
         JOIN accounts_studentprofile sp ON sp.id = g.studentprofile_id JOIN accounts_user u ON u.id = sp.user_id
         WHERE g.user_id = %(user)s)
    """
    return statement, {"user": user_id, "today": today}


# Each role's home page (bench/homes.py) ------------------------------------------------


def home_head_floor(user_id: int) -> Statement:
    """The teacher's home data plus the head's counts: positions awaited, invitations pending."""
    statement, params = dashboard_floor(user_id)
    head_counts = """,
      (SELECT count(*) FROM leadership_proposal p
         JOIN leadership_proposal_voters v ON v.proposal_id = p.id AND v.user_id = %(user)s
         WHERE p.status = 'open' AND NOT EXISTS (SELECT 1 FROM leadership_position x
           WHERE x.proposal_id = p.id AND x.voter_id = %(user)s)),
      (SELECT count(*) FROM accounts_invitation i JOIN accounts_membership m
         ON m.school_id = i.school_id AND m.user_id = %(user)s AND m.role = 'head'
         WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now())
    """
    return statement + head_counts, params


def home_nso_floor(user_id: int) -> Statement:
    """The funnel of the round open now in the person's NSO countries: eligibility and applications."""
    statement = """
    WITH countries AS (SELECT country_id FROM accounts_countryrole
                         WHERE user_id = %(user)s AND role = 'nso'),
         current AS (SELECT id FROM labels_round WHERE status = 'published'
                       ORDER BY (opens_at <= now() AND now() < closes_at) DESC, (opens_at <= now()) DESC,
                                opens_at DESC LIMIT 1)
    SELECT s.country_id,
           count(*),
           count(*) FILTER (WHERE e.invited_at IS NOT NULL),
           (SELECT json_object_agg(a.status, a.n) FROM (SELECT a.status, count(*) AS n
              FROM applications_application a JOIN network_school s2 ON s2.id = a.school_id
              WHERE a.round_id = (SELECT id FROM current) AND s2.country_id = s.country_id
              GROUP BY a.status) a)
      FROM labels_eligibility e JOIN network_school s ON s.id = e.school_id
     WHERE e.round_id = (SELECT id FROM current) AND e.eligible
       AND s.country_id IN (SELECT country_id FROM countries)
     GROUP BY s.country_id
    """
    return statement, {"user": user_id}


def home_evaluator_floor(user_id: int) -> Statement:
    """The evaluator's open assignments with their review's progress (criteria scored)."""
    statement = """
    SELECT a.id, a.due_on, s.name, (SELECT count(*) FROM evaluation_review r
             JOIN evaluation_score sc ON sc.review_id = r.id WHERE r.assignment_id = a.id)
      FROM evaluation_assignment a
      JOIN evaluation_evaluation ev ON ev.id = a.evaluation_id
      JOIN applications_application ap ON ap.id = ev.application_id AND ap.status = 'submitted'
      JOIN network_school s ON s.id = ap.school_id
     WHERE a.evaluator_id = %(user)s AND a.declined_at IS NULL
     ORDER BY a.due_on, a.id
    """
    return statement, {"user": user_id}


def home_admin_floor(_user_id: int) -> Statement:
    """Every round with what it waits for: its eligibility check and its applications by status."""
    statement = """
    SELECT r.id, r.name, r.status, r.opens_at, r.closes_at, r.eligibility_finished_at,
           (SELECT json_object_agg(a.status, a.n) FROM (SELECT status, count(*) AS n
              FROM applications_application WHERE round_id = r.id GROUP BY status) a)
      FROM labels_round r ORDER BY r.opens_at
    """
    return statement, {}
