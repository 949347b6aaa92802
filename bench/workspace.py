"""Europe-scale workspaces for the benchmark, written with set-based SQL on PostgreSQL.

The network generator gives 300,000 schools and their staff. Here one school in
twelve, every school that holds or held the eTwinning School label, and the 25
schools with most projects get a lived-in workspace: a team with
responsibilities, proposals with positions and outcomes, a two-year action plan
with its history, a calendar, practices in several languages, student
initiatives and suggestions, and inclusion measures. The 25 busiest schools
get ten times the volume, because p95 is decided by the heavy ones.

Every table is filled by one INSERT ... SELECT over the whole set of schools,
never by a Python loop over schools; only the few dozen practice texts are
prepared in Python, so their folded search text is exactly what the app writes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection, transaction

from twinschools.practices.search import search_text_for

WORKSPACE_EVERY = 12
HEAVY_SCHOOLS = 25
HEAVY_WEIGHT = 10


@dataclass(frozen=True)
class PracticeText:
    title: str
    summary: str
    language: str
    subjects: tuple[str, ...]
    levels: tuple[str, ...]
    approaches: tuple[str, ...]


PRACTICE_TEXTS = (
    PracticeText(
        "Clasa inversată la matematică",
        "Elevii urmăresc acasă lecția filmată și rezolvă probleme în clasă, în echipe.",
        "ro",
        ("maths",),
        ("lower-secondary",),
        ("flipped", "collaborative"),
    ),
    PracticeText(
        "Aula invertida de ciències",
        "L'alumnat prepara el tema a casa i a l'aula fa experiments en grups.",
        "ca",
        ("science",),
        ("lower-secondary",),
        ("flipped", "inquiry-based"),
    ),
    PracticeText(
        "Jurnalul de călătorie eTwinning",
        "Două clase scriu împreună un jurnal digital despre orașele lor.",
        "ro",
        ("mother-tongue", "languages"),
        ("primary",),
        ("project-based", "collaborative", "digital-creation"),
    ),
    PracticeText(
        "Aprenentatge servei al barri",
        "Els alumnes ensenyen eines digitals a la gent gran del barri.",
        "ca",
        ("ict",),
        ("upper-secondary",),
        ("service-learning", "student-centred"),
    ),
    PracticeText(
        "Robotics club across borders",
        "Pupils from three countries build and program robots together online.",
        "en",
        ("ict", "science"),
        ("lower-secondary",),
        ("steam", "project-based", "collaborative"),
    ),
    PracticeText(
        "Ora de poezie în aer liber",
        "Citim și scriem poezie în parcul școlii, pe grupe de vârstă amestecate.",
        "ro",
        ("mother-tongue",),
        ("primary",),
        ("outdoor", "flexible-spaces"),
    ),
    PracticeText(
        "Escape room d'història",
        "Un joc d'escapada per repassar la història medieval en equips.",
        "ca",
        ("history",),
        ("lower-secondary",),
        ("game-based", "collaborative"),
    ),
    PracticeText(
        "Tutorat între colegi la limbi străine",
        "Elevii mai mari îi ajută pe cei mai mici să vorbească engleză.",
        "ro",
        ("languages",),
        ("primary", "lower-secondary"),
        ("peer-learning", "differentiated"),
    ),
    PracticeText(
        "Flexible Fridays",
        "One afternoon a week pupils choose their workshop and their room.",
        "en",
        ("languages", "maths"),
        ("lower-secondary",),
        ("flexible-time", "flexible-spaces", "student-centred"),
    ),
    PracticeText(
        "Proiect interdisciplinar despre apă",
        "Știință, geografie și artă în jurul râului din orașul nostru.",
        "ro",
        ("science", "history"),
        ("lower-secondary",),
        ("cross-curricular", "inquiry-based", "project-based"),
    ),
    PracticeText(
        "Avaluació formativa amb rúbriques compartides",
        "Els alumnes coavaluen els projectes eTwinning amb rúbriques.",
        "ca",
        ("languages",),
        ("upper-secondary",),
        ("assessment-for-learning",),
    ),
    PracticeText(
        "Siguranța online explicată de elevi",
        "Ambasadorii eTwinning pregătesc ateliere eSafety pentru colegi și părinți.",
        "ro",
        ("ict",),
        ("lower-secondary", "upper-secondary"),
        ("peer-learning", "digital-creation"),
    ),
    PracticeText(
        "Matemàtiques amb jocs de taula",
        "Jocs de taula inventats per l'alumnat per practicar fraccions.",
        "ca",
        ("maths",),
        ("primary",),
        ("game-based", "student-centred"),
    ),
    PracticeText(
        "Podcast școlar în trei limbi",
        "Elevii din trei țări realizează împreună un podcast lunar.",
        "ro",
        ("languages", "ict"),
        ("upper-secondary",),
        ("digital-creation", "collaborative", "project-based"),
    ),
    PracticeText(
        "Outdoor maths trail",
        "A trail of maths problems around the school grounds.",
        "en",
        ("maths",),
        ("primary",),
        ("outdoor", "inquiry-based"),
    ),
    PracticeText(
        "Laborator STEAM cu materiale reciclate",
        "Construim instrumente muzicale din materiale reciclate.",
        "ro",
        ("science", "arts"),
        ("primary",),
        ("steam", "inquiry-based"),
    ),
)

PROPOSAL_TITLES = (
    "Participăm la Ziua eTwinning cu o zi a porților deschise",
    "Adoptăm o politică eSafety revizuită",
    "Organitzem una sessió informativa per a escoles de la comarca",
    "Introducem o oră flexibilă pe săptămână pentru proiecte",
    "Mentorat per a dues escoles noves a eTwinning",
    "Alegem tema proiectului comun pentru anul viitor",
    "Schimbăm orarul de vineri pentru ateliere mixte",
    "Invitam les famílies a la presentació dels projectes",
)
GOAL_TITLES = (
    "Conducere împărtășită: echipa eTwinning decide împreună",
    "Colaborare: un plan comun și proiecte între catedre",
    "Elevii promovează eTwinning colegilor și părinților",
    "Școală-model pentru școlile din regiune",
    "Organizație de învățare incluzivă și inovatoare",
)
ACTION_TITLES = (
    "Ședință lunară a echipei eTwinning",
    "Atelier de formare pentru profesorii noi",
    "Ziua porților deschise pentru școlile din județ",
    "Ambasadorii prezintă proiectele la ședința cu părinții",
    "Spațiu de învățare flexibil în biblioteca școlii",
    "Revizuirea politicii eSafety cu elevii",
    "Proiect comun cu o școală parteneră din Catalunya",
)
ACTIVITY_TITLES = (
    "Videoconferință cu partenerii din proiect",
    "Atelier de robotică pe echipe mixte",
    "Lecție comună de istorie locală",
    "Taller d'escriptura col·laborativa",
    "Prezentarea proiectului pentru părinți",
)
APPROACHES = (
    "collaborative", "student-centred", "flexible-time", "flexible-spaces", "project-based", "inquiry-based",
    "flipped", "game-based", "peer-learning", "digital-creation",
)  # fmt: skip


def has_workspaces() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM leadership_proposal)")
        return bool(cursor.fetchone()[0])


def generate_workspaces() -> dict[str, float | int]:
    """Fill every workspace table; returns the row counts and the seconds it took."""
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement, params in _statements():
            cursor.execute(statement, params)
        counts = _counts(cursor)
    return {**counts, "seconds": round(time.monotonic() - started, 1)}


def _statements() -> list[tuple[str, list[object]]]:
    return [
        *_schools_and_staff(),
        *_leadership(),
        *_planning(),
        *_calendar(),
        *_practices(),
        *_agency_and_inclusion(),
        ("ANALYZE", []),
    ]


def _schools_and_staff() -> list[tuple[str, list[object]]]:
    return [
        (
            """
            CREATE TEMP TABLE bench_ws ON COMMIT DROP AS
            WITH heavy AS (
                SELECT school_id FROM network_projectschool
                GROUP BY school_id ORDER BY count(*) DESC, school_id LIMIT %s
            )
            SELECT s.id AS school_id,
                   CASE WHEN h.school_id IS NULL THEN 1 ELSE %s END AS weight,
                   row_number() OVER (ORDER BY s.id) AS n
            FROM network_school s
            LEFT JOIN heavy h ON h.school_id = s.id
            WHERE s.id %% %s = 0 OR h.school_id IS NOT NULL
               OR EXISTS (SELECT 1 FROM network_schoollabel b WHERE b.school_id = s.id)
            """,
            [HEAVY_SCHOOLS, HEAVY_WEIGHT, WORKSPACE_EVERY],
        ),
        # Current staff, one row per person and school, the head first.
        (
            """
            CREATE TEMP TABLE bench_staff ON COMMIT DROP AS
            SELECT school_id, user_id,
                   row_number() OVER (PARTITION BY school_id ORDER BY is_head DESC, user_id) AS rn
            FROM (
                SELECT m.school_id, m.user_id, bool_or(m.role = 'head') AS is_head
                FROM accounts_membership m JOIN bench_ws w ON w.school_id = m.school_id
                WHERE m.role IN ('head', 'teacher') AND m.started_on <= CURRENT_DATE
                  AND (m.ended_on IS NULL OR m.ended_on >= CURRENT_DATE)
                GROUP BY m.school_id, m.user_id
            ) staff
            """,
            [],
        ),
        (
            """
            CREATE TEMP TABLE bench_team ON COMMIT DROP AS
            SELECT s.school_id, s.user_id, s.rn, least(c.size, 6) AS size
            FROM bench_staff s
            JOIN (SELECT school_id, count(*) AS size FROM bench_staff GROUP BY school_id) c
              ON c.school_id = s.school_id
            WHERE s.rn <= 6
            """,
            [],
        ),
        ("CREATE INDEX ON bench_team (school_id, rn)", []),
        ("ANALYZE bench_ws", []),
        ("ANALYZE bench_team", []),
    ]


def _leadership() -> list[tuple[str, list[object]]]:
    kinds = ["coordination", "esafety", "communication", "ambassadors", "mentoring", "development"]
    return [
        (
            """
            INSERT INTO leadership_teammember (school_id, user_id, leads_workspace, joined_on)
            SELECT school_id, user_id, rn = 2, CURRENT_DATE - 400 FROM bench_team
            """,
            [],
        ),
        (
            """
            INSERT INTO leadership_responsibility
                (school_id, kind, title, description, owner_id, created_at, updated_at)
            SELECT t.school_id, k.kind, '', '', t.user_id, now(), now()
            FROM bench_ws w
            CROSS JOIN unnest(%s::text[]) WITH ORDINALITY AS k(kind, i)
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = (k.i - 1) %% t.size + 1
            """,
            [kinds],
        ),
        # Twelve proposals per school over two years: the first is still open.
        (
            """
            INSERT INTO leadership_proposal (school_id, title, details, process, proposer_id, opened_at,
                closes_at, quorum_percent, anonymous, status, closed_at, result)
            SELECT w.school_id,
                   (%s::text[])[(w.school_id + g) %% %s + 1],
                   'Propunem ca echipa să hotărască împreună acest pas, cu termen și responsabili.',
                   (ARRAY['consent', 'advice', 'consensus', 'vote'])[g %% 4 + 1],
                   t.user_id,
                   CASE WHEN g = 1 THEN now() - interval '2 days' ELSE now() - g * interval '5 days' END,
                   CASE WHEN g = 1 THEN now() + interval '5 days' ELSE now() - g * interval '5 days' + interval '7 days' END,
                   CASE WHEN g %% 3 = 0 THEN 50 END,
                   g %% 5 = 0,
                   CASE WHEN g = 1 THEN 'open' ELSE 'closed' END,
                   CASE WHEN g > 1 THEN now() - g * interval '5 days' + interval '7 days' END,
                   CASE WHEN g = 1 THEN ''
                        WHEN g %% 4 = 1 THEN 'advised'
                        WHEN g %% 9 = 0 THEN 'rejected'
                        ELSE 'passed' END
            FROM bench_ws w
            CROSS JOIN LATERAL generate_series(1, 12 * w.weight) AS g
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = (g - 1) %% t.size + 1
            """,
            [list(PROPOSAL_TITLES), len(PROPOSAL_TITLES)],
        ),
        (
            """
            INSERT INTO leadership_proposal_voters (proposal_id, user_id)
            SELECT p.id, t.user_id FROM leadership_proposal p JOIN bench_team t ON t.school_id = p.school_id
            """,
            [],
        ),
        (
            """
            INSERT INTO leadership_position (proposal_id, voter_id, choice, reason, created_at, updated_at)
            SELECT p.id, t.user_id, c.choice,
                   CASE WHEN c.choice IN ('object', 'block', 'advice')
                        THEN 'Să stabilim întâi cine răspunde de fiecare pas.' ELSE '' END,
                   p.opened_at + interval '1 day', p.opened_at + interval '1 day'
            FROM leadership_proposal p
            JOIN bench_team t ON t.school_id = p.school_id
            CROSS JOIN LATERAL (SELECT CASE p.process
                WHEN 'consent' THEN CASE WHEN (p.id + t.rn) %% 11 = 0 THEN 'object' ELSE 'consent' END
                WHEN 'advice' THEN 'advice'
                WHEN 'consensus' THEN (ARRAY['agree', 'agree', 'abstain', 'disagree'])[(p.id + t.rn) %% 4 + 1]
                ELSE (ARRAY['yes', 'yes', 'no', 'abstain'])[(p.id + t.rn) %% 4 + 1] END AS choice) c
            WHERE (p.id + t.rn) %% 5 <> 0
            """,
            [],
        ),
        (
            """
            INSERT INTO leadership_outcome (proposal_id, school_id, statement, review_on, recorded_by_id, recorded_at)
            SELECT p.id, p.school_id,
                   'Echipa a hotărât să meargă mai departe; responsabilii raportează la ședința următoare.',
                   (p.closed_at + interval '120 days')::date, p.proposer_id, p.closed_at + interval '1 day'
            FROM leadership_proposal p WHERE p.result IN ('passed', 'advised')
            """,
            [],
        ),
        (
            """
            INSERT INTO leadership_outcome_responsible (outcome_id, user_id)
            SELECT o.id, p.proposer_id FROM leadership_outcome o JOIN leadership_proposal p ON p.id = o.proposal_id
            """,
            [],
        ),
    ]


def _planning() -> list[tuple[str, list[object]]]:
    return [
        (
            """
            INSERT INTO planning_plan (school_id, title, starts_on, ends_on, created_by_id, created_at)
            SELECT t.school_id, 'Planul eTwinning 2025-2027', DATE '2025-09-01', DATE '2027-08-31', t.user_id, now()
            FROM bench_team t WHERE t.rn = 1
            """,
            [],
        ),
        (
            """
            INSERT INTO planning_goal (plan_id, school_id, commitment, title, description, version, updated_by_id, updated_at)
            SELECT p.id, p.school_id, c, (%s::text[])[c], 'Ce vrem să schimbăm până la sfârșitul perioadei.', 1,
                   p.created_by_id, now()
            FROM planning_plan p CROSS JOIN generate_series(1, 5) AS c
            """,
            [list(GOAL_TITLES)],
        ),
        # Three actions per goal (thirty at the busiest schools), in every status.
        (
            """
            INSERT INTO planning_action (goal_id, school_id, title, description, starts_on, ends_on, resources,
                success_criteria, status, done_on, version, updated_by_id, updated_at)
            SELECT g.id, g.school_id, (%s::text[])[(g.id + a) %% %s + 1],
                   'Pașii, cine participă și cum aflăm că a reușit.',
                   DATE '2025-09-01' + a * 30, DATE '2025-09-01' + a * 30 + 60,
                   'Sala de festivități, laptopuri', 'Cel puțin 10 profesori participă',
                   (ARRAY['planned', 'in-progress', 'done', 'done', 'postponed'])[(g.id + a) %% 5 + 1],
                   CASE WHEN (g.id + a) %% 5 IN (2, 3) THEN DATE '2025-09-01' + a * 30 + 50 END,
                   1 + a %% 3, g.updated_by_id, now() - a * interval '3 days'
            FROM planning_goal g JOIN bench_ws w ON w.school_id = g.school_id
            CROSS JOIN LATERAL generate_series(1, 3 * w.weight) AS a
            """,
            [list(ACTION_TITLES), len(ACTION_TITLES)],
        ),
        (
            """
            INSERT INTO planning_action_owners (action_id, user_id)
            SELECT a.id, t.user_id FROM planning_action a
            JOIN bench_team t ON t.school_id = a.school_id AND t.rn IN (a.id %% t.size + 1, (a.id + 1) %% t.size + 1)
            """,
            [],
        ),
        (
            """
            INSERT INTO planning_progressnote (action_id, school_id, author_id, written_on, text, created_at)
            SELECT a.id, a.school_id, a.updated_by_id, a.starts_on + 20,
                   'Am ținut prima întâlnire; participarea a fost bună.', now()
            FROM planning_action a WHERE a.status <> 'planned'
            """,
            [],
        ),
        (
            """
            INSERT INTO planning_planchange (plan_id, school_id, kind, operation, goal_id_ref, action_id_ref, title,
                actor_id, at, fields)
            SELECT g.plan_id, a.school_id, 'action', op, a.goal_id, a.id, a.title, a.updated_by_id,
                   CASE op WHEN 'created' THEN now() - interval '300 days' ELSE a.updated_at END,
                   CASE op WHEN 'created' THEN '[]'::jsonb
                        ELSE jsonb_build_array(jsonb_build_object('field', 'status', 'before', 'planned', 'after', a.status)) END
            FROM planning_action a JOIN planning_goal g ON g.id = a.goal_id
            CROSS JOIN unnest(ARRAY['created', 'updated']) AS op
            WHERE op = 'created' OR a.status <> 'planned'
            """,
            [],
        ),
    ]


def _calendar() -> list[tuple[str, list[object]]]:
    return [
        (
            """
            INSERT INTO planning_calendaractivity (school_id, title, description, starts_at, ends_at, all_day, place,
                status, version, created_by_id, updated_by_id, updated_at)
            SELECT w.school_id, (%s::text[])[(w.school_id + g) %% %s + 1], 'Planificată de doi profesori.',
                   date_trunc('hour', now()) + (g * 9 - 180) * interval '1 day',
                   date_trunc('hour', now()) + (g * 9 - 180) * interval '1 day' + interval '2 hours',
                   false, 'Sala 12',
                   CASE WHEN g * 9 < 180 THEN 'held' ELSE 'planned' END, 1, t.user_id, t.user_id, now()
            FROM bench_ws w CROSS JOIN LATERAL generate_series(1, 20 * w.weight) AS g
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = 1
            """,
            [list(ACTIVITY_TITLES), len(ACTIVITY_TITLES)],
        ),
        (
            """
            INSERT INTO planning_calendaractivity_co_planners (calendaractivity_id, user_id)
            SELECT a.id, t.user_id FROM planning_calendaractivity a
            JOIN bench_team t ON t.school_id = a.school_id AND t.rn IN (1, a.id %% t.size + 1)
            """,
            [],
        ),
        (
            """
            INSERT INTO planning_calendaractivity_approaches (calendaractivity_id, approach_id)
            SELECT DISTINCT a.id, (%s::text[])[k]
            FROM planning_calendaractivity a
            CROSS JOIN LATERAL (VALUES (a.id %% %s + 1), ((a.id + 3) %% %s + 1)) AS pick(k)
            """,
            [list(APPROACHES), len(APPROACHES), len(APPROACHES)],
        ),
    ]


# Each text comes in variants that add one more approach and subject, so filters and
# words combine as in a real library instead of in sixteen fixed bundles.
EXTRA_APPROACHES = ("collaborative", "project-based", "student-centred", "outdoor", "flexible-time")
EXTRA_SUBJECTS = ("languages", "maths", "science", "ict", "history")


def _variants() -> list[PracticeText]:
    variants = []
    for text in PRACTICE_TEXTS:
        for approach, subject in zip(EXTRA_APPROACHES, EXTRA_SUBJECTS, strict=True):
            variants.append(
                PracticeText(
                    text.title,
                    text.summary,
                    text.language,
                    tuple(dict.fromkeys((*text.subjects, subject))),
                    text.levels,
                    tuple(dict.fromkeys((*text.approaches, approach))),
                )
            )
    return variants


def _practice_rows() -> list[list[object]]:
    rows = []
    for index, text in enumerate(_variants(), start=1):
        description = f"{text.summary} {text.title}."
        search_text = search_text_for(
            title=text.title,
            summary=text.summary,
            description=description,
            subjects=text.subjects,
            levels=text.levels,
            approaches=text.approaches,
            language=text.language,
        )
        rows.append(
            [index, text.title, text.summary, description, " ".join(text.subjects), text.language, search_text,
             list(text.approaches), list(text.levels)]
        )  # fmt: skip
    return rows


def _practices() -> list[tuple[str, list[object]]]:
    rows = _practice_rows()
    columns = list(zip(*rows, strict=True))
    unnest = (
        "SELECT * FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[])"
        " AS t(i, title, summary, description, subjects, language, search_text)"
    )
    tags = [(row[0], code) for row in rows for code in row[7]]
    levels = [(row[0], code) for row in rows for code in row[8]]
    return [
        (
            f"CREATE TEMP TABLE bench_texts ON COMMIT DROP AS {unnest}",
            [list(column) for column in columns[:7]],
        ),
        (
            "CREATE TEMP TABLE bench_text_tags ON COMMIT DROP AS SELECT * FROM unnest(%s::int[], %s::text[]) AS t(i, code)",
            [[i for i, _code in tags], [code for _i, code in tags]],
        ),
        (
            "CREATE TEMP TABLE bench_text_levels ON COMMIT DROP AS SELECT * FROM unnest(%s::int[], %s::text[]) AS t(i, code)",
            [[i for i, _code in levels], [code for _i, code in levels]],
        ),
        # Six practices per school, a third each shared with the school, the network and the public.
        # (ORDER BY 13 is created_at.)
        (
            f"""
            INSERT INTO practices_practice (school_id, author_id, title, summary, description, age_min, age_max,
                subjects, language, visibility, credit_title, search_text, created_at, updated_at)
            SELECT w.school_id, t.user_id, x.title, x.summary, x.description, 10, 14, x.subjects, x.language,
                   (ARRAY['school', 'network', 'public'])[g %% 3 + 1], '', x.search_text,
                   now() - (abs(hashtext(w.school_id || '-' || g)) %% 730) * interval '1 day',
                   now() - (abs(hashtext(w.school_id || '-' || g)) %% 730) * interval '1 day'
            FROM bench_ws w CROSS JOIN LATERAL generate_series(1, 6 * w.weight) AS g
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = (g - 1) %% t.size + 1
            JOIN bench_texts x ON x.i = (w.school_id * 7 + g * 13) %% {len(rows)} + 1
            -- Shared on dates unrelated to their text, and stored in that order, as a live library grows.
            ORDER BY 13
            """,
            [],
        ),
        (
            """
            INSERT INTO practices_practice_approaches (practice_id, approach_id)
            SELECT p.id, tag.code FROM practices_practice p
            JOIN bench_texts x ON x.search_text = p.search_text JOIN bench_text_tags tag ON tag.i = x.i
            """,
            [],
        ),
        (
            """
            INSERT INTO practices_practice_levels (practice_id, level_id)
            SELECT p.id, l.id FROM practices_practice p
            JOIN bench_texts x ON x.search_text = p.search_text JOIN bench_text_levels tl ON tl.i = x.i
            JOIN network_level l ON l.code = tl.code
            """,
            [],
        ),
        # Colleagues of the next workspace school try and comment on shared practices.
        (
            """
            INSERT INTO practices_tried (practice_id, user_id, school_id, tried_on, note, created_at)
            SELECT p.id, t.user_id, t.school_id, CURRENT_DATE - 10, 'Funcționează bine cu clasa a VII-a.', now()
            FROM practices_practice p
            JOIN bench_ws w ON w.school_id = p.school_id
            JOIN bench_ws nxt ON nxt.n = w.n %% (SELECT count(*) FROM bench_ws) + 1
            JOIN bench_team t ON t.school_id = nxt.school_id AND t.rn = 1
            WHERE p.visibility <> 'school' AND p.id %% 2 = 0
            """,
            [],
        ),
        (
            """
            INSERT INTO practices_comment (practice_id, author_id, school_id, body, created_at)
            SELECT p.id, t.user_id, t.school_id, 'Mulțumim! Am adaptat-o pentru clasa noastră.', now()
            FROM practices_practice p
            JOIN bench_ws w ON w.school_id = p.school_id
            JOIN bench_ws nxt ON nxt.n = w.n %% (SELECT count(*) FROM bench_ws) + 1
            JOIN bench_team t ON t.school_id = nxt.school_id AND t.rn = 1
            WHERE p.visibility <> 'school' AND p.id %% 3 = 0
            """,
            [],
        ),
    ]


def _agency_and_inclusion() -> list[tuple[str, list[object]]]:
    return [
        (
            """
            INSERT INTO agency_studentteam (school_id, name, description, created_at)
            SELECT school_id, 'Ambasadorii eTwinning', 'Elevii care prezintă eTwinning colegilor și părinților.', now()
            FROM bench_ws
            """,
            [],
        ),
        # Pupils of the generated network have no accounts: initiatives keep no proposer.
        (
            """
            INSERT INTO agency_initiative (school_id, team_id, title, plan, audiences, planned_on, status,
                moderation_note, moderated_by_id, moderated_at, held_on, teachers_reached, parents_reached,
                others_reached, report, created_at, updated_at)
            SELECT w.school_id, st.id, 'Demonstrație eTwinning pentru profesori', 'Prezentăm proiectele noastre.',
                   '["teachers", "parents"]'::jsonb, CURRENT_DATE - g * 40 + 30,
                   CASE WHEN g = 1 THEN 'proposed' WHEN g = 2 THEN 'approved' ELSE 'held' END,
                   '', t.user_id, now() - g * interval '40 days',
                   CASE WHEN g > 2 THEN CURRENT_DATE - g * 40 + 30 END,
                   CASE WHEN g > 2 THEN 8 + g ELSE 0 END, CASE WHEN g > 2 THEN 20 + g ELSE 0 END, 0, '',
                   now() - g * interval '41 days', now()
            FROM bench_ws w CROSS JOIN LATERAL generate_series(1, 4 * w.weight) AS g
            JOIN agency_studentteam st ON st.school_id = w.school_id
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = 1
            """,
            [],
        ),
        (
            """
            INSERT INTO agency_suggestion (school_id, text, status, hidden_reason, response, responded_at,
                moderated_by_id, created_at)
            SELECT w.school_id, 'Am vrea mai multe proiecte cu alte școli.',
                   CASE WHEN g %% 5 = 0 THEN 'submitted' ELSE 'published' END, '',
                   CASE WHEN g %% 5 IN (1, 2, 3) THEN 'Echipa a discutat propunerea și o includem în plan.' ELSE '' END,
                   CASE WHEN g %% 5 IN (1, 2, 3) THEN now() - g * interval '20 days' END,
                   t.user_id, now() - g * interval '21 days'
            FROM bench_ws w CROSS JOIN LATERAL generate_series(1, 5 * w.weight) AS g
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = 1
            """,
            [],
        ),
        (
            """
            INSERT INTO mission_inclusionmeasure (school_id, target_group, other_group, title, description,
                started_on, ended_on, pupils_reached, families_reached, staff_involved, recorded_by_id,
                recorded_at, updated_at, version)
            SELECT w.school_id, (ARRAY['special-needs', 'fewer-opportunities', 'newcomers', 'families'])[g %% 4 + 1],
                   '', 'Sprijin prin proiecte eTwinning', 'Activități în grupe mici, cu mentori.',
                   CURRENT_DATE - g * 60, CURRENT_DATE - g * 60 + 45, 10 + g, 4 + g, 2, t.user_id, now(), now(), 1
            FROM bench_ws w CROSS JOIN LATERAL generate_series(1, 3 * w.weight) AS g
            JOIN bench_team t ON t.school_id = w.school_id AND t.rn = 1
            """,
            [],
        ),
    ]


COUNTED = (
    "leadership_teammember", "leadership_proposal", "leadership_position", "leadership_outcome",
    "planning_action", "planning_planchange", "planning_calendaractivity", "practices_practice",
    "agency_initiative", "mission_inclusionmeasure",
)  # fmt: skip


def _counts(cursor: object) -> dict[str, int]:
    counts: dict[str, int] = {}
    cursor.execute("SELECT count(*) FROM bench_ws")  # type: ignore[attr-defined]
    counts["workspace_schools"] = cursor.fetchone()[0]  # type: ignore[attr-defined]
    for table in COUNTED:
        cursor.execute(f"SELECT count(*) FROM {table}")  # type: ignore[attr-defined]
        counts[table] = cursor.fetchone()[0]  # type: ignore[attr-defined]
    return counts
