"""What the events app holds about a person: their registrations, found by their e-mail address.

Registrants need no account, so a registration is linked to a person only by the address.
Erasing a person deletes their registrations (their name, address and school as typed).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from twinschools.accounts.personal_data import PersonalData, Row, register
from twinschools.events.models import Registration


def _registrations(person: Any) -> Any:
    if not person.email:
        return Registration.objects.none()
    return Registration.objects.filter(email__iexact=person.email)


def _export(person: Any) -> list[Row]:
    return [
        {
            "event": registration.event.title,
            "name": registration.name,
            "email": registration.email,
            "school": registration.school.name if registration.school else registration.school_name,
            "status": str(registration.get_status_display()),
            "registered_at": registration.created_at.date().isoformat(),
            "attended": [session.starts_at.date().isoformat() for session in registration.attended.all()],
        }
        for registration in _registrations(person)
        .select_related("event", "school")
        .prefetch_related("attended")
        .order_by("created_at", "pk")
    ]


def _erase(person: Any) -> None:
    from twinschools.events.services import forget_registrations

    forget_registrations(_registrations(person))


def register_personal_data() -> None:
    register(
        PersonalData(
            key="events.registrations",
            title=_("Registrations to events"),
            fields=(
                ("event", _("Event")),
                ("name", _("Name")),
                ("email", _("E-mail")),
                ("school", _("School")),
                ("status", _("Status")),
                ("registered_at", _("Registered on")),
                ("attended", _("Sessions attended")),
            ),
            export=_export,
            erase=_erase,
            order=40,
        )
    )
