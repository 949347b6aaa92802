"""Reads for the organiser's day: check-in lists, arrivals by QR code, certificates.

Sessions and registrations name their organising school (`owning_school`), which
the permission predicates read: a registration's own `school` is the registrant's.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from twinschools.events.models import Event, Registration, RegistrationStatus, Session


def session_day(pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("event__school__country"), pk=pk)


def arrival(token: str) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event__school__country"), token=token)


def registration_at_event(pk: int) -> Registration:
    """A registration for the organiser to decide on: checked against the organising school."""
    return get_object_or_404(Registration.objects.select_related("event__school__country"), pk=pk)


def _checkin_rows(session: Session) -> QuerySet[Registration]:
    """The session's event's registrants (not cancelled), with `present` for this session."""
    present = Registration.attended.through.objects.filter(
        registration_id=OuterRef("pk"), session_id=session.pk
    )
    return (
        Registration.objects.filter(event_id=session.event_id)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("school")
        .annotate(present=Exists(present))
    )


def checkin_list(session: Session, search: str = "") -> list[Any]:
    """Everyone registered for the session's event, by name, optionally matching a search."""
    rows = _checkin_rows(session)
    if search.strip():
        rows = rows.filter(name__icontains=search.strip())
    return list(rows.order_by("name", "pk"))


def checkin_row(session: Session, pk: int) -> Registration | None:
    """One person's row of the check-in list, after their attendance changed."""
    return _checkin_rows(session).filter(pk=pk).first()


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
