"""The organiser's day: check-in lists, attendance, QR arrivals; the registrant's pass and certificate."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.core import zones
from twinschools.core.permissions import public, requires
from twinschools.core.site import absolute
from twinschools.events import certificates, queries_day, services
from twinschools.events.models import Registration, RegistrationStatus, Session

SECTION = "events"


@requires("events.see_registrants", load=queries_day.session_day, superusers=False)
def checkin(request: HttpRequest, obj: Session) -> HttpResponse:
    search = request.GET.get("q", "")
    context = {
        "school": obj.event.school,
        "section": SECTION,
        "event": obj.event,
        "session": obj,
        "search": search,
        "people": queries_day.checkin_list(obj, search),
        "can_organise": request.user.has_perm("events.organise", obj),
    }
    if request.htmx:
        return render(request, "events/day/_checkin_table.html", context)
    return render(request, "events/day/checkin.html", context)


@require_POST
@requires("events.organise", load=queries_day.session_day)
def attendance(request: HttpRequest, obj: Session) -> HttpResponse:
    """Check a person in or out; HTMX swaps their row and announces the change."""
    person = queries_day.registrant(obj.event, request.POST.get("registration", ""))
    present = request.POST.get("present") == "1"
    try:
        if person is None:
            raise ValidationError(_("This person did not register for this event."))
        services.mark_attendance(registration=person, session=obj, present=present, by=request.user)
    except ValidationError as error:
        problem = " ".join(error.messages)
        if request.htmx:
            # 200, not 4xx: htmx swaps only successful answers, and the message must show
            return _row(request, obj, person, problem=problem)
        messages.error(request, problem)
    else:
        done = _("%(name)s is checked in.") if present else _("%(name)s is marked absent.")
        if request.htmx:
            return _row(request, obj, person, done=done % {"name": person.name})
        messages.success(request, done % {"name": person.name})
    return redirect(reverse("events:checkin", args=[obj.pk]) + _search_suffix(request))


def _row(
    request: HttpRequest,
    session: Session,
    person: Registration | None,
    *,
    done: str = "",
    problem: str = "",
) -> HttpResponse:
    """The person's refreshed row, plus the live region's message swapped out of band."""
    row = queries_day.checkin_row(session, person.pk) if person is not None else None
    context = {
        "session": session,
        "person": row,
        "search": request.POST.get("q", ""),
        "can_organise": True,
        "done": done,
        "problem": problem,
    }
    return render(request, "events/day/_checkin_row_swap.html", context)


def _search_suffix(request: HttpRequest) -> str:
    search = request.POST.get("q", "")
    return f"?{urlencode({'q': search})}" if search else ""


@requires("events.see_registrants", load=queries_day.arrival, superusers=False)
def arrival(request: HttpRequest, obj: Registration) -> HttpResponse:
    """Opened from the registrant's QR code; the POST checks them in for the session under way."""
    if request.method == "POST":
        try:
            session = services.check_in(registration=obj, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": obj.name})
            return redirect("events:checkin", session.pk)
    context = {
        "school": obj.event.school,
        "section": SECTION,
        "event": obj.event,
        "person": obj,
        "confirmed": obj.status == RegistrationStatus.CONFIRMED,
    }
    return render(request, "events/day/arrival.html", context)


def _qr_svg(url: str) -> str:
    # Inline SVG with presentation attributes only: the CSP forbids inline styles.
    return mark_safe(
        segno.make(url, error="m").svg_inline(
            scale=5, dark="#000", light="#fff", title=_("QR code for the check-in")
        )
    )


@public
def registration_pass(request: HttpRequest, token: str) -> HttpResponse:
    found = queries_day.registration_with_sessions(token)
    if found.status != RegistrationStatus.CONFIRMED:
        raise Http404
    arrival_url = absolute(reverse("events:arrival", args=[token]))
    event = found.event
    context = {
        "registration": found,
        "event": event,
        "sessions": sorted(event.sessions.all(), key=lambda session: session.starts_at),
        # times as the people who will be there read them: the organising school's zone
        "time_zone": event.school.time_zone,
        "arrival_url": arrival_url,
        "qr": _qr_svg(arrival_url),
        "certificate": certificates.earned(found),
    }
    return render(request, "events/day/pass.html", context)


@public
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    found = queries_day.registration_with_sessions(token)
    if not certificates.earned(found):
        raise Http404
    with zones.local_to(found):  # its dates are the organiser school's days
        content = certificates.pdf(found, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response


@public
def certificate_verify(request: HttpRequest, token: str) -> HttpResponse:
    found = certificates.verified(token)
    context = {
        "registration": found,
        "event": found.event,
        "sessions": certificates.attended_sessions(found),
    }
    with zones.local_to(found):
        return render(request, "events/day/verify.html", context)
