"""Reads for the organiser's day: check-in lists, arrivals by QR code, certificates.

Loaders return small wrappers that carry the ORGANISING school's id, because
the permission predicates read `school_id` and a registration's own `school`
is the registrant's school, not the organiser's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from twinschools.events.models import Event, Registration, RegistrationStatus, Session
from twinschools.network.models import School


@dataclass(frozen=True)
class SessionDay:
    session: Session
    event: Event
    school: School

    @property
    def school_id(self) -> int:
        return self.school.pk


@dataclass(frozen=True)
class Arrival:
    registration: Registration
    event: Event
    school: School

    @property
    def school_id(self) -> int:
        return self.school.pk


def session_day(pk: int) -> SessionDay:
    session = get_object_or_404(Session.objects.select_related("event__school__country"), pk=pk)
    return SessionDay(session=session, event=session.event, school=session.event.school)


def arrival(token: str) -> Arrival:
    registration = get_object_or_404(
        Registration.objects.select_related("event__school__country"), token=token
    )
    return Arrival(registration=registration, event=registration.event, school=registration.event.school)


def registration_at_event(pk: int) -> Arrival:
    """A registration for the organiser to decide on: checked against the organising school."""
    registration = get_object_or_404(Registration.objects.select_related("event__school__country"), pk=pk)
    return Arrival(registration=registration, event=registration.event, school=registration.event.school)


def checkin_list(session: Session, search: str = "") -> list[Any]:
    """Everyone registered for the session's event, with `present` for this session."""
    present = Registration.attended.through.objects.filter(
        registration_id=OuterRef("pk"), session_id=session.pk
    )
    rows: QuerySet[Registration] = Registration.objects.filter(event_id=session.event_id).exclude(
        status=RegistrationStatus.CANCELLED
    )
    if search.strip():
        rows = rows.filter(name__icontains=search.strip())
    return list(rows.select_related("school").annotate(present=Exists(present)).order_by("name", "pk"))


def registration_with_sessions(token: str) -> Registration:
    """A registration with its event, the event's sessions and the ones attended (for certificates)."""
    return get_object_or_404(
        Registration.objects.select_related("event__school__country").prefetch_related(
            "event__sessions", "attended"
        ),
        token=token,
    )


def registration_by_pk(pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event__school__country").prefetch_related(
            "event__sessions", "attended"
        ),
        pk=pk,
    )


def registrant(event: Event, pk: str) -> Registration | None:
    if not pk.isdigit():
        return None
    return Registration.objects.filter(event=event, pk=int(pk)).select_related("event__school").first()
