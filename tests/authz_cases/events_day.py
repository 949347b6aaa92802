"""The organiser's day and certificates: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events import certificates

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}


def _session(w: World) -> int:
    return SessionFactory(event=EventFactory(school=w.school_a)).pk


def _attended(w: World):
    session = SessionFactory(event=EventFactory(school=w.school_a))
    registration = RegistrationFactory(event=session.event)
    registration.attended.add(session)
    return registration


CASES = [
    Case(
        "events:checkin",
        lambda w: reverse("events:checkin", args=[_session(w)]),
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    Case(
        "events:attendance",
        lambda w: reverse("events:attendance", args=[_session(w)]),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "events:arrival",
        lambda w: reverse(
            "events:arrival", args=[RegistrationFactory(event=EventFactory(school=w.school_a)).token]
        ),
        only(STAFF_A, others=404),
    ),
    Case(
        "events:pass",
        lambda w: reverse(
            "events:pass", args=[RegistrationFactory(event=EventFactory(school=w.school_a)).token]
        ),
        ANYONE,
    ),
    Case("events:certificate", lambda w: reverse("events:certificate", args=[_attended(w).token]), ANYONE),
    Case(
        "events:certificate_verify",
        lambda w: reverse("events:certificate_verify", args=[certificates.token_for(_attended(w))]),
        ANYONE,
    ),
]
