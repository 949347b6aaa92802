"""The demo school's action plan 2025-2027 and its co-planned calendar.

Goals for four of the five commitments: commitment 4 is left without a goal so
the mission overview has something missing to show. Rows are bulk-created;
the plan's history starts with one "created" entry per goal and action.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.accounts.models import ClassGroup
from twinschools.network.models import Project
from twinschools.planning.models import (
    Action,
    ActionStatus,
    ActivityStatus,
    CalendarActivity,
    ChangeKind,
    ChangeOperation,
    Goal,
    Plan,
    PlanChange,
    ProgressNote,
)

GOALS = {
    1: (
        "Conducere distribuită a echipei eTwinning",
        "Fiecare responsabilitate a echipei are un titular și un adjunct; deciziile se iau împreună.",
        [
            ("Desemnarea coordonatorilor pe arii de responsabilitate", "done"),
            ("Ședință lunară a echipei eTwinning cu proces-verbal", "in-progress"),
        ],
    ),
    2: (
        "Planificăm și predăm împreună",
        "Cel puțin jumătate dintre profesori planifică o activitate eTwinning cu un coleg în fiecare semestru.",
        [
            ("Calendar comun al activităților eTwinning", "done"),
            ("Ateliere de co-planificare la începutul semestrului", "in-progress"),
            ("Schimb de bune practici în consiliul profesoral", "planned"),
            ("Proiect comun cu școala parteneră din Lleida", "planned"),
        ],
    ),
    3: (
        "Elevii, ambasadori ai schimbării",
        "Echipa de elevi ambasadori prezintă eTwinning profesorilor și părinților.",
        [
            ("Formarea echipei de elevi ambasadori", "done"),
            ("Demonstrație susținută de elevi pentru profesori", "planned"),
            ("Seară eTwinning pentru părinți", "postponed"),
        ],
    ),
    5: (
        "Școală incluzivă care învață",
        "Spații și timp flexibile pentru învățare; fiecare elev își găsește locul.",
        [
            ("Amenajarea unui spațiu flexibil de învățare", "in-progress"),
            ("Orar flexibil pentru proiectele interdisciplinare", "planned"),
            ("Formare privind instruirea diferențiată", "dropped"),
            ("Club de lectură pentru elevii nou-veniți", "planned"),
        ],
    ),
}

NOTES = (
    "Am discutat în ședința echipei; toți colegii sunt de acord.",
    "Prima etapă încheiată, urmează evaluarea cu elevii.",
    "Am amânat cu două săptămâni din cauza simulărilor.",
    "Directoarea a aprobat bugetul pentru materiale.",
)

ACTIVITIES = (
    ("Lecție comună de geografie: râurile Europei", "Sala 12"),
    ("Videoconferință cu partenerii din Lleida", "Laboratorul de informatică"),
    ("Atelier de robotică în echipe mixte", "Laboratorul de fizică"),
    ("Ziua eTwinning a școlii", "Sala de festivități"),
    ("Jurnal de proiect: scriere colaborativă", "Biblioteca"),
    ("Ieșire pe teren: ecosistemul pădurii", "Pădurea Hoia"),
    ("Clasa inversată: fracții", "Sala 7"),
    ("Prezentarea proiectelor pentru părinți", "Sala de festivități"),
    ("Quiz eTwinning între clase", "Sala 12"),
    ("Laborator STEAM: energia solară", "Laboratorul de chimie"),
)
CATALAN_ACTIVITIES = (
    "Videotrucada amb l'escola de Cluj: tradicions d'hivern",
    "Taller conjunt de lectura en veu alta",
)
APPROACH_SETS = (
    ["collaborative", "project-based"],
    ["flipped"],
    ["steam", "inquiry-based"],
    ["outdoor", "flexible-spaces"],
    ["peer-learning", "flexible-time"],
)


def seed(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    head, teacher = people["head"], people["teacher"]
    plan = Plan.objects.create(
        school=school,
        title="Planul de acțiune eTwinning 2025-2027",
        starts_on=date(2025, 9, 1),
        ends_on=date(2027, 8, 31),
        created_by=head,
    )
    actions = _seed_plan(plan, school=school, head=head, teacher=teacher, rng=rng, today=today)
    _seed_notes(actions, school=school, authors=[head, teacher], rng=rng, today=today)
    _seed_calendar(school=school, people=people, rng=rng, today=today)


def _seed_plan(
    plan: Plan, *, school: Any, head: Any, teacher: Any, rng: random.Random, today: date
) -> list[Action]:
    now = timezone.now()
    goals = Goal.objects.bulk_create(
        [
            Goal(
                plan=plan,
                school=school,
                commitment=number,
                title=title,
                description=text,
                updated_by=head,
                updated_at=now,
            )
            for number, (title, text, _actions) in GOALS.items()
        ]
    )
    actions: list[Action] = []
    for goal in goals:
        for index, (title, status) in enumerate(GOALS[goal.commitment][2]):
            starts, ends = _timeframe(status, rng, today)
            actions.append(
                Action(
                    goal=goal,
                    school=school,
                    title=title,
                    starts_on=starts,
                    ends_on=ends,
                    resources="Sala de festivități, proiector, 2 ore pe lună",
                    success_criteria="Cel puțin 80% dintre colegi participă; chestionar de satisfacție",
                    status=status,
                    done_on=ends if status == ActionStatus.DONE else None,
                    updated_by=head if index % 2 else teacher,
                    updated_at=now,
                )
            )
    actions = Action.objects.bulk_create(actions)
    through = Action.owners.through
    through.objects.bulk_create(
        [
            through(action_id=action.pk, user_id=person.pk)
            for action in actions
            for person in (head, teacher)[: 1 + action.pk % 2]
        ]
    )
    PlanChange.objects.bulk_create(
        [
            PlanChange(
                plan=plan,
                school=school,
                kind=ChangeKind.GOAL,
                operation=ChangeOperation.CREATED,
                goal_id_ref=goal.pk,
                title=goal.title,
                actor=head,
                at=now,
                fields=[{"field": "title", "before": None, "after": goal.title}],
            )
            for goal in goals
        ]
        + [
            PlanChange(
                plan=plan,
                school=school,
                kind=ChangeKind.ACTION,
                operation=ChangeOperation.CREATED,
                goal_id_ref=action.goal_id,
                action_id_ref=action.pk,
                title=action.title,
                actor=action.updated_by,
                at=now,
                fields=[
                    {"field": "title", "before": None, "after": action.title},
                    {"field": "status", "before": None, "after": action.status},
                ],
            )
            for action in actions
        ]
    )
    return actions


def _timeframe(status: str, rng: random.Random, today: date) -> tuple[date, date]:
    """Dates that fit the status: done in the past, in progress around today, planned ahead."""
    length = timedelta(days=rng.choice((30, 60, 90, 120)))
    if status == ActionStatus.DONE:
        ends = today - timedelta(days=rng.randrange(10, 200))
        return ends - length, ends
    if status in (ActionStatus.IN_PROGRESS, ActionStatus.DROPPED):
        starts = today - timedelta(days=rng.randrange(10, 60))
        return starts, starts + length
    starts = today + timedelta(days=rng.randrange(10, 200))
    return starts, starts + length


def _seed_notes(
    actions: list[Action], *, school: Any, authors: list[Any], rng: random.Random, today: date
) -> None:
    ProgressNote.objects.bulk_create(
        [
            ProgressNote(
                action=action,
                school=school,
                author=rng.choice(authors),
                written_on=action.starts_on + (min(today, action.ends_on) - action.starts_on) * rng.random(),
                text=rng.choice(NOTES),
            )
            for action in actions
            if action.starts_on < today
            for _ in range(rng.randrange(1, 3))
        ]
    )


def _seed_calendar(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    head, teacher = people["head"], people["teacher"]
    projects = list(Project.objects.filter(participations__school=school)[:3])
    class_7b = _pupils_class(school, people.get("pupil"))
    now = timezone.now()
    activities = []
    for index in range(20):
        day = today + timedelta(days=(index - 10) * 7 + rng.randrange(0, 5))
        title, place = ACTIVITIES[index % len(ACTIVITIES)]
        all_day = index % 7 == 3
        start = timezone.make_aware(datetime.combine(day, time.min if all_day else time(9 + index % 5, 0)))
        past = day < today
        activities.append(
            CalendarActivity(
                school=school,
                title=title,
                description="Activitate planificată împreună de echipa eTwinning.",
                starts_at=start,
                ends_at=start if all_day else start + timedelta(hours=2),
                all_day=all_day,
                place=place,
                project=projects[index % len(projects)] if projects and index % 3 else None,
                status=ActivityStatus.CANCELLED
                if index == 12
                else ActivityStatus.HELD
                if past
                else ActivityStatus.PLANNED,
                created_by=head if index % 2 else teacher,
                updated_by=head if index % 2 else teacher,
                updated_at=now,
            )
        )
    activities = CalendarActivity.objects.bulk_create(activities)
    _link_calendar(activities, head=head, teacher=teacher, class_7b=class_7b)
    _seed_catalan_calendar(people, today=today, now=now)


def _pupils_class(school: Any, pupil: Any) -> ClassGroup | None:
    """The demo pupil's class (7B): its activities show up for the class."""
    if pupil is None:
        return None
    return ClassGroup.objects.filter(school=school, students__user=pupil).first()


def _link_calendar(activities: list[CalendarActivity], *, head: Any, teacher: Any, class_7b: Any) -> None:
    planners = CalendarActivity.co_planners.through
    planners.objects.bulk_create(
        [
            planners(calendaractivity_id=activity.pk, user_id=person.pk)
            for index, activity in enumerate(activities)
            for person in ((head, teacher) if index % 4 else (teacher,))
        ]
    )
    approaches = CalendarActivity.approaches.through
    approaches.objects.bulk_create(
        [
            approaches(calendaractivity_id=activity.pk, approach_id=code)
            for index, activity in enumerate(activities)
            for code in APPROACH_SETS[index % len(APPROACH_SETS)]
        ]
    )
    if class_7b is not None:
        classes = CalendarActivity.classes.through
        classes.objects.bulk_create(
            [
                classes(calendaractivity_id=activity.pk, classgroup_id=class_7b.pk)
                for activity in activities[::2]
            ]
        )


def _seed_catalan_calendar(people: dict[str, Any], *, today: date, now: datetime) -> None:
    profesora, catalan_school = people.get("profesora"), people.get("catalan_school")
    if profesora is None or catalan_school is None:
        return
    created = CalendarActivity.objects.bulk_create(
        [
            CalendarActivity(
                school=catalan_school,
                title=title,
                description="Activitat planificada conjuntament amb l'escola sòcia de Cluj.",
                starts_at=timezone.make_aware(
                    datetime.combine(today + timedelta(days=10 + 14 * index), time(11, 0))
                ),
                ends_at=timezone.make_aware(
                    datetime.combine(today + timedelta(days=10 + 14 * index), time(12, 30))
                ),
                place="Aula d'informàtica",
                created_by=profesora,
                updated_by=profesora,
                updated_at=now,
            )
            for index, title in enumerate(CATALAN_ACTIVITIES)
        ]
    )
    planners = CalendarActivity.co_planners.through
    planners.objects.bulk_create(
        [planners(calendaractivity_id=activity.pk, user_id=profesora.pk) for activity in created]
    )
