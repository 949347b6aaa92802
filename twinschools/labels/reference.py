"""The real label rounds and the 2023 form, as plain data (loaded by migration 0002).

Sources: research/domain.md §1.3 (rules by round) and §1.4 (the 2023 form: an
eSafety-policy question with evidence; for each commitment, statements of current
practice with evidence and a plan for the next two years). Texts are our own
wording of that structure, in English, Romanian and Catalan.

Dates the sources do not give are marked "chosen:" below.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

CET = ZoneInfo("Europe/Brussels")

ALL_KINDS = ["project", "pd", "group", "event"]

FORM_2023 = {
    "code": "2023",
    "name": {
        "en": "eTwinning School label form (2023 onward)",
        "ro": "Formularul pentru eticheta Școală eTwinning (din 2023)",
        "ca": "Formulari del segell Escola eTwinning (des del 2023)",
    },
}

# (kind, required, asks_two_year_plan, title, guidance, statements)
SECTIONS_2023 = [
    (
        "esafety",
        True,
        False,
        {
            "en": "eSafety policy",
            "ro": "Politica de siguranță online",
            "ca": "Política de seguretat a internet",
        },
        {
            "en": "Tell us whether your school has an eSafety policy and how it is applied. Add evidence.",
            "ro": "Spuneți-ne dacă școala are o politică de siguranță online și cum este aplicată. Adăugați dovezi.",
            "ca": "Expliqueu si l'escola té una política de seguretat a internet i com s'aplica. Afegiu-ne evidències.",
        },
        [
            {
                "en": "Our school has an eSafety policy that teachers, pupils and parents know and apply.",
                "ro": "Școala noastră are o politică de siguranță online pe care profesorii, elevii și "
                "părinții o cunosc și o aplică.",
                "ca": "La nostra escola té una política de seguretat a internet que el professorat, "
                "l'alumnat i les famílies coneixen i apliquen.",
            },
        ],
    ),
    (
        "commitment-1",
        True,
        True,
        {"en": "Shared leadership", "ro": "Conducere partajată", "ca": "Lideratge compartit"},
        {
            "en": "Explain each statement with examples of current practice and evidence, then your plan "
            "for the next two years.",
            "ro": "Explicați fiecare afirmație cu exemple din practica actuală și dovezi, apoi planul "
            "vostru pentru următorii doi ani.",
            "ca": "Expliqueu cada afirmació amb exemples de la pràctica actual i evidències, i després el "
            "vostre pla per als dos anys vinents.",
        },
        [
            {
                "en": "The head and teacher leaders share responsibility for eTwinning and for school decisions.",
                "ro": "Directorul și profesorii lideri împart responsabilitatea pentru eTwinning și pentru "
                "deciziile școlii.",
                "ca": "La direcció i el professorat líder comparteixen la responsabilitat de l'eTwinning i "
                "de les decisions de l'escola.",
            },
            {
                "en": "All staff are encouraged and supported to take part in eTwinning.",
                "ro": "Tot personalul este încurajat și sprijinit să participe la eTwinning.",
                "ca": "Tot el personal rep encoratjament i suport per participar en l'eTwinning.",
            },
            {
                "en": "eTwinning is part of the school's development plan.",
                "ro": "eTwinning face parte din planul de dezvoltare al școlii.",
                "ca": "L'eTwinning forma part del pla de desenvolupament de l'escola.",
            },
        ],
    ),
    (
        "commitment-2",
        True,
        True,
        {
            "en": "Collaboration, sharing and teamwork",
            "ro": "Colaborare, împărtășire și lucru în echipă",
            "ca": "Col·laboració, intercanvi i treball en equip",
        },
        {
            "en": "Explain each statement with examples of current practice and evidence, then your plan "
            "for the next two years.",
            "ro": "Explicați fiecare afirmație cu exemple din practica actuală și dovezi, apoi planul "
            "vostru pentru următorii doi ani.",
            "ca": "Expliqueu cada afirmació amb exemples de la pràctica actual i evidències, i després el "
            "vostre pla per als dos anys vinents.",
        },
        [
            {
                "en": "Teachers plan eTwinning and other teaching activities together, across subjects.",
                "ro": "Profesorii planifică împreună activitățile eTwinning și alte activități didactice, "
                "între discipline.",
                "ca": "El professorat planifica conjuntament l'eTwinning i altres activitats docents, entre "
                "matèries.",
            },
            {
                "en": "Teachers share their practice inside and outside the school.",
                "ro": "Profesorii își împărtășesc practica în școală și în afara ei.",
                "ca": "El professorat comparteix la seva pràctica dins i fora de l'escola.",
            },
            {
                "en": "The school has a joint eTwinning action plan that drives innovation and change.",
                "ro": "Școala are un plan comun de acțiune eTwinning care aduce inovare și schimbare.",
                "ca": "L'escola té un pla d'acció eTwinning conjunt que impulsa la innovació i el canvi.",
            },
        ],
    ),
    (
        "commitment-3",
        True,
        True,
        {
            "en": "Students as agents of change",
            "ro": "Elevii, agenți ai schimbării",
            "ca": "L'alumnat com a agent de canvi",
        },
        {
            "en": "Explain each statement with examples of current practice and evidence, then your plan "
            "for the next two years.",
            "ro": "Explicați fiecare afirmație cu exemple din practica actuală și dovezi, apoi planul "
            "vostru pentru următorii doi ani.",
            "ca": "Expliqueu cada afirmació amb exemples de la pràctica actual i evidències, i després el "
            "vostre pla per als dos anys vinents.",
        },
        [
            {
                "en": "Students promote eTwinning to teachers and to parents.",
                "ro": "Elevii promovează eTwinning în rândul profesorilor și al părinților.",
                "ca": "L'alumnat dona a conèixer l'eTwinning al professorat i a les famílies.",
            },
            {
                "en": "Students take part in decisions about their learning and about projects.",
                "ro": "Elevii participă la deciziile despre învățarea lor și despre proiecte.",
                "ca": "L'alumnat participa en les decisions sobre el seu aprenentatge i sobre els projectes.",
            },
        ],
    ),
    (
        "commitment-4",
        True,
        True,
        {
            "en": "Models for other schools",
            "ro": "Model pentru alte școli",
            "ca": "Model per a altres escoles",
        },
        {
            "en": "Explain each statement with examples of current practice and evidence, then your plan "
            "for the next two years.",
            "ro": "Explicați fiecare afirmație cu exemple din practica actuală și dovezi, apoi planul "
            "vostru pentru următorii doi ani.",
            "ca": "Expliqueu cada afirmació amb exemples de la pràctica actual i evidències, i després el "
            "vostre pla per als dos anys vinents.",
        },
        [
            {
                "en": "The school holds open days or information sessions about eTwinning for other schools.",
                "ro": "Școala organizează zile porților deschise sau sesiuni de informare despre eTwinning "
                "pentru alte școli.",
                "ca": "L'escola organitza jornades de portes obertes o sessions informatives sobre "
                "l'eTwinning per a altres escoles.",
            },
            {
                "en": "The school mentors other schools or offers them professional development.",
                "ro": "Școala oferă mentorat altor școli sau le oferă dezvoltare profesională.",
                "ca": "L'escola fa de mentora d'altres escoles o els ofereix formació professional.",
            },
        ],
    ),
    (
        "commitment-5",
        True,
        True,
        {
            "en": "Inclusive and innovative learning organisations",
            "ro": "Organizații care învață, incluzive și inovatoare",
            "ca": "Organitzacions d'aprenentatge inclusives i innovadores",
        },
        {
            "en": "Explain each statement with examples of current practice and evidence, then your plan "
            "for the next two years.",
            "ro": "Explicați fiecare afirmație cu exemple din practica actuală și dovezi, apoi planul "
            "vostru pentru următorii doi ani.",
            "ca": "Expliqueu cada afirmació amb exemples de la pràctica actual i evidències, i després el "
            "vostre pla per als dos anys vinents.",
        },
        [
            {
                "en": "Pupils of all abilities and cultures, their families and the community are included.",
                "ro": "Sunt incluși elevii de toate abilitățile și culturile, familiile lor și comunitatea.",
                "ca": "S'hi inclouen alumnes de totes les capacitats i cultures, les seves famílies i la "
                "comunitat.",
            },
            {
                "en": "Teaching is student-centred and collaborative, with flexible learning time and spaces.",
                "ro": "Predarea este centrată pe elev și colaborativă, cu timp și spații de învățare flexibile.",
                "ca": "L'ensenyament és col·laboratiu i centrat en l'alumnat, amb temps i espais "
                "d'aprenentatge flexibles.",
            },
            {
                "en": "The whole school learns as an organisation and reviews its practice.",
                "ro": "Întreaga școală învață ca organizație și își analizează practica.",
                "ca": "Tota l'escola aprèn com a organització i revisa la seva pràctica.",
            },
        ],
    ),
]

ROUNDS = [
    {
        "name": "2024-2025",
        "opens_at": datetime(2024, 2, 6, 10, 0, tzinfo=CET),
        # chosen: the sources give no closing date; five weeks, like the 2026-27 window.
        "closes_at": datetime(2024, 3, 12, 23, 59, tzinfo=CET),
        "registered_by": date(2021, 12, 31),  # "registered before 01/01/2022"
        "active_since": date(2022, 1, 1),
        "min_active_teachers": 3,
        "activity_kinds": ALL_KINDS,
        "nql_from": date(2021, 11, 1),
        # chosen: "NQL since 01/11/2021" has no end; the day before the round opened.
        "nql_to": date(2024, 2, 5),
        "nql_at_this_school": False,
        "nql_european_project": True,
        "label_first_year": 2024,
        "label_last_year": 2025,
    },
    {
        "name": "2025-2026",
        "opens_at": datetime(2025, 1, 20, 10, 0, tzinfo=CET),
        # chosen: the sources give no closing date; six weeks after opening.
        "closes_at": datetime(2025, 3, 3, 23, 59, tzinfo=CET),
        "registered_by": date(2023, 1, 9),
        "active_since": date(2023, 1, 9),
        "min_active_teachers": 3,
        "activity_kinds": ALL_KINDS,
        "nql_from": date(2022, 11, 9),
        "nql_to": date(2025, 1, 16),
        "nql_at_this_school": False,
        "nql_european_project": True,
        "label_first_year": 2025,
        "label_last_year": 2026,
    },
    {
        "name": "2026-2027",
        # chosen: the opening hour is not given (the closing one is 23:59 CET).
        "opens_at": datetime(2026, 2, 12, 10, 0, tzinfo=CET),
        "closes_at": datetime(2026, 3, 10, 23, 59, tzinfo=CET),
        "registered_by": date(2024, 2, 12),  # registered for at least two years at opening
        "active_since": date(2024, 2, 12),  # active in the last two years
        "min_active_teachers": 3,
        "activity_kinds": ["project", "group", "pd"],  # projects, groups, training
        # chosen: "the last 2 school years" read as 2023-24 and 2024-25, up to the opening.
        "nql_from": date(2023, 9, 1),
        "nql_to": date(2026, 2, 11),
        "nql_at_this_school": True,
        "nql_european_project": True,
        "label_first_year": 2026,
        "label_last_year": 2027,
    },
]
