"""Outreach events: who may open each page (see tests/authz.py)."""

from __future__ import annotations

from django.urls import reverse

from tests.authz import ANYONE, Case, only
from tests.conftest import World
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory

STAFF_A = {"teacher_a": 200, "team_a": 200, "head_a": 200, "admin": 200}


def _event(w: World) -> int:
    """An event of school A with a session and a registrant (whose details only organisers see)."""
    event_id = SessionFactory(event=EventFactory(school=w.school_a)).event_id
    RegistrationFactory(event_id=event_id)
    return event_id


def _registration(w: World) -> str:
    return RegistrationFactory(event=EventFactory(school=w.school_a)).token


CASES = [
    Case(
        "events:school_events",
        lambda w: reverse("events:school_events", args=[w.school_a.pk]),
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    Case(
        "events:event_create",
        lambda w: reverse("events:event_create", args=[w.school_a.pk]),
        only(STAFF_A, others=404),
    ),
    Case(
        "events:event_manage",
        lambda w: reverse("events:event_manage", args=[_event(w)]),
        only({**STAFF_A, "nso_x": 200}, others=404),
    ),
    Case(
        "events:event_edit",
        lambda w: reverse("events:event_edit", args=[_event(w)]),
        only(STAFF_A, others=404),
    ),
    Case(
        "events:session_add",
        lambda w: reverse("events:session_add", args=[_event(w)]),
        only(STAFF_A, others=404),
    ),
    Case(
        "events:session_edit",
        lambda w: reverse(
            "events:session_edit", args=[SessionFactory(event=EventFactory(school=w.school_a)).pk]
        ),
        only(STAFF_A, others=404),
    ),
    Case(
        "events:session_cancel",
        lambda w: reverse(
            "events:session_cancel", args=[SessionFactory(event=EventFactory(school=w.school_a)).pk]
        ),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "events:event_status",
        lambda w: reverse("events:event_status", args=[_event(w)]),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "events:registration_decide",
        lambda w: reverse(
            "events:registration_decide", args=[RegistrationFactory(event=EventFactory(school=w.school_a)).pk]
        ),
        only(dict.fromkeys(STAFF_A, 302), others=404),
        method="post",
    ),
    Case(
        "events:registration_erase",
        lambda w: reverse(
            "events:registration_erase", args=[RegistrationFactory(event=EventFactory(school=w.school_a)).pk]
        ),
        only({"teacher_a": 302, "team_a": 302, "head_a": 302}, others=404),
        method="post",
    ),
    Case("events:event_detail", lambda w: reverse("events:event_detail", args=[_event(w)]), ANYONE),
    Case("events:confirm", lambda w: reverse("events:confirm", args=[_registration(w)]), ANYONE),
    Case("events:registration", lambda w: reverse("events:registration", args=[_registration(w)]), ANYONE),
]
