"""Certificates of attendance.

Who earns one: a registrant who attended at least one session of a single
meeting (open day, information session, workshop) or, for a course, at least
COURSE_SHARE of its sessions (rounded up: 4 of 5, 3 of 3). The certificate's
verification token is a signature of the registration's id, so it can be
checked without storing anything and cannot be guessed. After the retention
period the registration is purged and the verification page answers 404.
"""

from __future__ import annotations

import math
from typing import Any

from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.accounts.models import Membership, Role
from twinschools.core import certificates as printing
from twinschools.core.site import absolute
from twinschools.events import queries_day
from twinschools.events.models import Kind, Registration, RegistrationStatus, Session
from twinschools.network import nso

COURSE_SHARE = 0.8
SALT = "twinschools.events.certificate"


def sessions_needed(registration: Registration) -> int:
    total = len(registration.event.sessions.all())
    if registration.event.kind != Kind.COURSE:
        return min(total, 1)
    return math.ceil(total * COURSE_SHARE)


def earned(registration: Registration) -> bool:
    attended = len(registration.attended.all())
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and attended > 0
        and attended >= sessions_needed(registration)
    )


def attended_sessions(registration: Registration) -> list[Session]:
    """The sessions its holder was checked in at, in order: all a certificate may list."""
    return sorted(registration.attended.all(), key=lambda session: (session.starts_at, session.pk))


def token_for(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=SALT)


def verified(token: str) -> Registration:
    """The registration a certificate token names, if it earned a certificate; else 404."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    registration = queries_day.registration_by_pk(int(pk))
    if not earned(registration):
        raise Http404
    return registration


def _head_of(school_id: int) -> str:
    """The organising school's current head, who signs for it (empty when none is known)."""
    head = (
        Membership.objects.filter(school_id=school_id, role=Role.HEAD, ended_on__isnull=True)
        .select_related("user")
        .order_by("started_on", "pk")
        .first()
    )
    return (head.user.full_name or "") if head else ""


def context_for(registration: Registration, *, base_url: str) -> dict[str, Any]:
    """What the certificate prints; call with the document's language active. The organising
    school issues it and its head signs; the footnote names the country's NSO."""
    event = registration.event
    school = event.school
    sessions = attended_sessions(registration)
    verify_url = absolute(reverse("events:certificate_verify", args=[token_for(registration)]))
    return {
        "registration": registration,
        "event": event,
        "school": school,
        "sessions": sessions,
        "issuer_name": school.name,
        "issuer_place": f"{school.town}, {school.country.name}" if school.town else school.country.name,
        "monogram_svg": printing.monogram_svg(printing.initials(school.name), label=school.name),
        "signatory_name": _head_of(school.pk),
        "signatory_title": _("Head of school"),
        "signatory_org": school.name,
        "nso_name": nso.identity_of(school.country).name,
        "issued_on": timezone.localdate(sessions[-1].ends_at) if sessions else timezone.localdate(),
        "verify_url": verify_url,
        "qr": printing.qr_svg(verify_url, title=_("QR code to check this certificate")),
    }


def pdf(registration: Registration, *, base_url: str) -> bytes:
    """The certificate in the registrant's language, with its verification link and QR code."""
    with translation.override(registration.language):
        context = context_for(registration, base_url=base_url)
    return printing.render_pdf(
        "events/day/certificate_pdf.html", context, language=registration.language, base_url=base_url
    )
