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

from django.core import signing
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from twinschools.core.site import absolute
from twinschools.events import queries_day
from twinschools.events.models import Kind, Registration, RegistrationStatus

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


def pdf(registration: Registration, *, base_url: str) -> bytes:
    """The certificate in the registrant's language, with its verification link."""
    from weasyprint import HTML  # heavy import: only when a certificate is asked for

    context = {
        "registration": registration,
        "event": registration.event,
        "sessions": registration.event.sessions.all(),
        "verify_url": absolute(reverse("events:certificate_verify", args=[token_for(registration)])),
    }
    with translation.override(registration.language):
        html = render_to_string("events/day/certificate_pdf.html", context)
    return bytes(HTML(string=html, base_url=base_url).write_pdf())
