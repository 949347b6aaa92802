"""The demo school's outreach: a past open day and course with attendance and certificates,
a workshop under way today (for the check-in list and the QR pass), and an information
session to come.

Registrants come from real schools of the demo registry near the demo school, so the
school's reach map and the NSO's coverage tables show them, plus one parent and one
teacher whose school is typed by hand (not yet registered).
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from twinschools.events.models import (
    Event,
    EventStatus,
    Kind,
    Registration,
    RegistrationStatus,
    Role,
    Session,
)
from twinschools.events.services import refresh_span
from twinschools.network.models import School

GUESTS = [
    ("Maria Popescu", Role.TEACHER),
    ("Andrei Ionescu", Role.HEAD),
    ("Ioana Stan", Role.TEACHER),
    ("Radu Marin", Role.TEACHER),
    ("Cristina Moldovan", Role.TEACHER),
    ("Vlad Sabău", Role.HEAD),
    ("Ana-Maria Rus", Role.TEACHER),
    ("Gabriel Pop", Role.TEACHER),
]
TYPED_GUESTS = [
    ("Elena Dumitru", Role.PARENT, ""),
    ("Montserrat Puig", Role.TEACHER, "Escola Pompeu Fabra"),
]


@dataclass(frozen=True)
class Spec:
    kind: str
    title: str
    description: str
    day_offsets: tuple[int, ...]
    approval: bool = False
    # how many of the confirmed registrants came to each session (the rest stayed away)
    came: int = 0
    # a session under way now: starts an hour ago (the check-in list of the demo)
    now: bool = False


SPECS = (
    Spec(
        Kind.OPEN_DAY,
        "Ziua porților deschise eTwinning",
        "Vizitați orele noastre de proiect și discutați cu elevii ambasadori.",
        (-20,),
        came=5,
    ),
    Spec(
        Kind.COURSE,
        "Curs: învățarea prin proiecte cu parteneri europeni",
        "Trei întâlniri practice, cu exemple din proiectele școlii.",
        (-40, -33, -26),
        approval=True,
        came=4,
    ),
    Spec(
        Kind.WORKSHOP,
        "Atelier: siguranța online în proiectele eTwinning",
        "Un atelier practic pentru profesori: politica de siguranță online a școlii și TwinSpace.",
        (0,),
        now=True,
        came=2,
    ),
    Spec(
        Kind.INFORMATION,
        "Sesiune de informare: cum începi un proiect eTwinning",
        "Pentru profesorii din județ care vor să înceapă primul proiect.",
        (10,),
    ),
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _sessions(event: Event, spec: Spec, today: date) -> list[Session]:
    if spec.now:
        start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
        return [Session(event=event, starts_at=start, ends_at=start + timedelta(hours=3))]
    return [
        Session(
            event=event,
            starts_at=_at(today + timedelta(days=offset), 15),
            ends_at=_at(today + timedelta(days=offset), 17),
        )
        for offset in spec.day_offsets
    ]


def _neighbours(school: School, count: int) -> list[School]:
    """Registry schools of the demo school's region first, then of its country."""
    others = School.objects.filter(country_id=school.country_id).exclude(pk=school.pk)
    near = list(others.filter(region_id=school.region_id).order_by("pk")[:count])
    if len(near) < count:
        near += list(others.exclude(region_id=school.region_id).order_by("pk")[: count - len(near)])
    return near


def _registrations(event: Event, guests: list[tuple[str, str, School | None, str]]) -> list[Registration]:
    return [
        Registration(
            event=event,
            name=name,
            email=f"{name.split()[0].lower()}.{event.pk}@example.org",
            role=role,
            school=school,
            school_name=school.name if school else typed,
            language="ca" if typed.startswith("Escola") else "ro",
            status=RegistrationStatus.CONFIRMED,
            token=secrets.token_urlsafe(32),
        )
        for name, role, school, typed in guests
    ]


def seed_demo_events(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    neighbours = _neighbours(school, len(GUESTS))
    guests = [
        (name, role, neighbour, "") for (name, role), neighbour in zip(GUESTS, neighbours, strict=False)
    ]
    guests += [(name, role, None, typed) for name, role, typed in TYPED_GUESTS]
    for spec in SPECS:
        event = Event.objects.create(
            school=school,
            kind=spec.kind,
            title=spec.title,
            description=spec.description,
            for_teachers=True,
            for_heads=spec.kind != Kind.OPEN_DAY,
            for_parents=spec.kind == Kind.OPEN_DAY,
            address=school.address or school.town,
            latitude=school.latitude,
            longitude=school.longitude,
            language="ro",
            capacity=20,
            approval_required=spec.approval,
            status=EventStatus.PUBLISHED,
        )
        sessions = Session.objects.bulk_create(_sessions(event, spec, today))
        refresh_span(event_ids=[event.pk])
        chosen = rng.sample(guests, k=7)
        registrations = Registration.objects.bulk_create(_registrations(event, chosen))
        # one person waits for a seat that may free up
        waiting = registrations[-1]
        waiting.status = RegistrationStatus.WAITING_LIST
        waiting.save(update_fields=["status"])
        _record_attendance(registrations[: spec.came], sessions)


def _record_attendance(came: list[Registration], sessions: list[Session]) -> None:
    """Those who came attended every session, except the last of them on a course, who came
    to its first meeting only: a course certificate needs 80% of the meetings, so the demo
    shows certificates earned and one not earned."""
    through = Registration.attended.through
    rows = [
        through(registration_id=person.pk, session_id=session.pk)
        for index, person in enumerate(came)
        for position, session in enumerate(sessions)
        # on a course the last person missed two of three meetings: no certificate for them
        if not (len(sessions) > 1 and index == len(came) - 1 and position > 0)
    ]
    through.objects.bulk_create(rows)
