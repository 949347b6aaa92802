"""The organiser's day and certificates: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory
from twinschools.events import certificates

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}
# Registrants' names, addresses and check-in: the organising school's staff only (not NSO, not admins).
ORGANISERS_A = {"teacher_a": 200, "team_a": 200, "head_a": 200}


def _session(w: World) -> int:
    """A session of school A with a registrant (whose details only organisers see)."""
    session = SessionFactory(event=EventFactory(school=w.school_a))
    RegistrationFactory(event=session.event)
    return session.pk


def _attended(w: World):
    session = SessionFactory(event=EventFactory(school=w.school_a))
    registration = RegistrationFactory(event=session.event)
    registration.attended.add(session)
    return registration


CASES = [
    Case(
        "events:checkin",
        lambda w: reverse("events:checkin", args=[_session(w)]),
        only(ORGANISERS_A, others=404),
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
        only(ORGANISERS_A, others=404),
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
