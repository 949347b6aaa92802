"""The demo school's outreach: an open day, an information session and a three-session course."""

from __future__ import annotations

import random
import secrets
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

GUESTS = [
    ("Maria Popescu", Role.TEACHER, "Școala Gimnazială nr. 3 Cluj"),
    ("Andrei Ionescu", Role.HEAD, "Liceul Teoretic Avram Iancu"),
    ("Elena Dumitru", Role.PARENT, ""),
    ("Ioana Stan", Role.TEACHER, "Școala Gimnazială Mihai Eminescu"),
    ("Radu Marin", Role.TEACHER, "Colegiul Național Emil Racoviță"),
    ("Montserrat Puig", Role.TEACHER, "Escola Pompeu Fabra"),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def seed_demo_events(*, school: Any, people: dict[str, Any], rng: random.Random, today: date) -> None:
    specs = [
        (
            Kind.OPEN_DAY,
            "Ziua porților deschise eTwinning",
            "Vizitați orele noastre de proiect.",
            [-20],
            False,
        ),
        (
            Kind.INFORMATION,
            "Sesiune de informare: cum începi un proiect eTwinning",
            "Pentru profesorii din județ care vor să înceapă primul proiect.",
            [10],
            False,
        ),
        (
            Kind.COURSE,
            "Curs: învățarea prin proiecte cu parteneri europeni",
            "Trei întâlniri practice, cu exemple din proiectele școlii.",
            [-40, -33, -26],
            True,
        ),
    ]
    sessions: list[Session] = []
    registrations: list[Registration] = []
    for kind, title, description, offsets, approval in specs:
        event = Event.objects.create(
            school=school,
            kind=kind,
            title=title,
            description=description,
            for_teachers=True,
            for_heads=kind != Kind.OPEN_DAY,
            for_parents=kind == Kind.OPEN_DAY,
            address=school.address or school.town,
            language="ro",
            capacity=20,
            approval_required=approval,
            status=EventStatus.PUBLISHED,
        )
        sessions += [
            Session(
                event=event,
                starts_at=_at(today + timedelta(days=d), 15),
                ends_at=_at(today + timedelta(days=d), 17),
            )
            for d in offsets
        ]
        for name, role, school_name in rng.sample(GUESTS, k=4):
            registrations.append(
                Registration(
                    event=event,
                    name=name,
                    email=f"{name.split()[0].lower()}.{event.pk}@example.org",
                    role=role,
                    school_name=school_name,
                    language="ca" if school_name.startswith("Escola") else "ro",
                    status=rng.choice([RegistrationStatus.CONFIRMED] * 3 + [RegistrationStatus.WAITING_LIST]),
                    token=secrets.token_urlsafe(32),
                )
            )
    Session.objects.bulk_create(sessions)
    Registration.objects.bulk_create(registrations)
