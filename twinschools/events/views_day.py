"""The organiser's day: check-in lists, attendance, QR arrivals; the registrant's pass and certificate."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.core.permissions import public, requires
from twinschools.events import certificates, queries_day, services
from twinschools.events.models import RegistrationStatus
from twinschools.events.queries_day import Arrival, SessionDay

SECTION = "events"


@requires("workspace.view", load=queries_day.session_day)
def checkin(request: HttpRequest, obj: SessionDay) -> HttpResponse:
    search = request.GET.get("q", "")
    context = {
        "school": obj.school,
        "section": SECTION,
        "event": obj.event,
        "session": obj.session,
        "search": search,
        "people": queries_day.checkin_list(obj.session, search),
        "can_organise": request.user.has_perm("events.organise", obj.school),
    }
    return render(request, "events/day/checkin.html", context)


@require_POST
@requires("events.organise", load=queries_day.session_day)
def attendance(request: HttpRequest, obj: SessionDay) -> HttpResponse:
    person = queries_day.registrant(obj.event, request.POST.get("registration", ""))
    present = request.POST.get("present") == "1"
    try:
        if person is None:
            raise ValidationError(_("This person did not register for this event."))
        services.mark_attendance(registration=person, session=obj.session, present=present, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = _("%(name)s is checked in.") if present else _("%(name)s is marked absent.")
        messages.success(request, done % {"name": person.name})
    return redirect(reverse("events:checkin", args=[obj.session.pk]) + _search_suffix(request))


def _search_suffix(request: HttpRequest) -> str:
    search = request.POST.get("q", "")
    return f"?q={search}" if search else ""


@requires("events.organise", load=queries_day.arrival)
def arrival(request: HttpRequest, obj: Arrival) -> HttpResponse:
    """Opened from the registrant's QR code; the POST checks them in for the session under way."""
    if request.method == "POST":
        try:
            session = services.check_in(registration=obj.registration, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": obj.registration.name})
            return redirect("events:checkin", session.pk)
    context = {
        "school": obj.school,
        "section": SECTION,
        "event": obj.event,
        "person": obj.registration,
        "confirmed": obj.registration.status == RegistrationStatus.CONFIRMED,
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
    arrival_url = request.build_absolute_uri(reverse("events:arrival", args=[token]))
    context = {
        "registration": found,
        "event": found.event,
        "qr": _qr_svg(arrival_url),
        "certificate": certificates.earned(found),
    }
    return render(request, "events/day/pass.html", context)


@public
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    found = queries_day.registration_with_sessions(token)
    if not certificates.earned(found):
        raise Http404
    content = certificates.pdf(found, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    return response


@public
def certificate_verify(request: HttpRequest, token: str) -> HttpResponse:
    found = certificates.verified(token)
    context = {"registration": found, "event": found.event, "sessions": found.event.sessions.all()}
    return render(request, "events/day/verify.html", context)
