from __future__ import annotations

from collections import Counter

import rules
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinschools.accounts import queries as accounts_queries
from twinschools.core import maps, zones
from twinschools.core.clients import client_address
from twinschools.core.forms import show_service_errors
from twinschools.core.permissions import public, requires
from twinschools.core.site import site_url
from twinschools.events import charts, ical, queries, queries_day, queries_public, services
from twinschools.events.forms import EVENT_FIELDS, EventForm, FirstSessionForm, RegistrationForm, SessionForm
from twinschools.events.forms_public import CalendarForm
from twinschools.events.models import Event, EventStatus, Kind, Registration, RegistrationStatus, Session
from twinschools.network.models import School

SECTION = "events"


def _status(form: forms.Form) -> int:
    return 400 if form.errors else 200


# Organisers -------------------------------------------------------------------


@requires("workspace.view", load=accounts_queries.school)
def school_events(request: HttpRequest, obj: School) -> HttpResponse:
    context = {
        "school": obj,
        "section": SECTION,
        "events": queries.school_events(obj),
        "can_organise": request.user.has_perm("events.organise", obj),
        "attendance_chart": charts.attendance(queries.attendance(obj, now=timezone.now())),
    }
    return render(request, "events/school_events.html", context)


def _event_form_page(request: HttpRequest, school: School, event: Event | None) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    # A new event may come with its first session; later ones are added on the event's page.
    first = FirstSessionForm(request.POST or None) if event is None else None
    if request.method == "POST" and form.is_valid() and (first is None or first.is_valid()):
        fields = {name: form.cleaned_data[name] for name in EVENT_FIELDS}
        session = first.cleaned_data if first is not None else {}
        try:
            saved = services.save_event(
                school=school,
                event=event,
                by=request.user,
                first_session=(session["starts_at"], session["ends_at"])
                if session.get("starts_at")
                else None,
                **fields,
            )
        except ValidationError as error:
            # The first session's refusals go to its own fields, the event's to the event form.
            on_session = first is not None and set(getattr(error, "error_dict", {})) <= set(first.fields)
            show_service_errors(first if on_session and first is not None else form, error)
        else:
            messages.success(request, _("The event %(title)s was saved.") % {"title": saved.title})
            return redirect("events:event_manage", saved.pk)
    context = {
        "school": school,
        "section": SECTION,
        "form": form,
        "first_session": first,
        "event": event,
        "sessions": list(event.sessions.order_by("starts_at")) if event is not None else [],
    }
    failed = form.errors or (first is not None and first.errors)
    return render(request, "events/event_form.html", context, status=400 if failed else 200)


@requires("events.organise", load=accounts_queries.school)
def event_create(request: HttpRequest, obj: School) -> HttpResponse:
    return _event_form_page(request, obj, None)


@requires("events.organise", load=queries.event)
def event_edit(request: HttpRequest, obj: Event) -> HttpResponse:
    return _event_form_page(request, obj.school, obj)


@requires("workspace.view", load=queries.event)
def event_manage(request: HttpRequest, obj: Event) -> HttpResponse:
    sees_registrants = rules.has_perm("events.see_registrants", request.user, obj)
    context = {
        "sees_registrants": sees_registrants,
        "registration_counts": queries.registration_counts(obj),
        "school": obj.school,
        "section": SECTION,
        "event": obj,
        "registrants": queries.registrants(obj) if sees_registrants else [],
        "can_organise": request.user.has_perm("events.organise", obj.school),
        "session_form": SessionForm(),
        "now": timezone.now(),  # sessions still to come can be changed or cancelled
    }
    return render(request, "events/event_manage.html", context)


@requires("events.organise", load=queries.event)
def session_add(request: HttpRequest, obj: Event) -> HttpResponse:
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_session(event=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The session was added."))
            return redirect("events:event_manage", obj.pk)
    context = {"school": obj.school, "section": SECTION, "event": obj, "form": form}
    return render(request, "events/session_form.html", context, status=_status(form))


@requires("events.organise", load=queries_day.session_day)
def session_edit(request: HttpRequest, obj: Session) -> HttpResponse:
    """Correct a session still to come; its registrants are told by e-mail."""
    initial = {"starts_at": timezone.localtime(obj.starts_at), "ends_at": timezone.localtime(obj.ends_at)}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_session(session=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("The session was changed. The people registered were told by e-mail.")
            )
            return redirect("events:event_manage", obj.event_id)
    context = {
        "school": obj.event.school,
        "section": SECTION,
        "event": obj.event,
        "session": obj,
        "form": form,
    }
    return render(request, "events/session_edit.html", context, status=_status(form))


@require_POST
@requires("events.organise", load=queries_day.session_day)
def session_cancel(request: HttpRequest, obj: Session) -> HttpResponse:
    try:
        services.cancel_session(session=obj, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The session was cancelled. The people registered were told by e-mail."))
    return redirect("events:event_manage", obj.event_id)


@require_POST
@requires("events.organise", load=queries.event)
def event_status(request: HttpRequest, obj: Event) -> HttpResponse:
    status = request.POST.get("status", "")
    if status in EventStatus.values:
        try:
            services.set_status(event=obj, status=status, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("events:event_manage", obj.pk)


@require_POST
@requires("events.organise", load=queries_day.registration_at_event)
def registration_decide(request: HttpRequest, obj: Registration) -> HttpResponse:
    # Checked against the organising school (Registration.owning_school), not the registrant's.
    registration = obj
    try:
        services.decide(
            registration=registration, approve=request.POST.get("decision") == "approve", by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("events:event_manage", registration.event_id)


@require_POST
@requires("events.see_registrants", load=queries_day.registration_at_event, superusers=False)
def registration_erase(request: HttpRequest, obj: Registration) -> HttpResponse:
    """The organisers erase a registrant who asked: every registration of that address at the school's events."""
    event_id = obj.event_id
    count = services.erase_registrant(registration=obj, by=request.user)
    done = ngettext(
        "The registrant's data was erased (%(count)s registration).",
        "The registrant's data was erased (%(count)s registrations).",
        count,
    )
    messages.success(request, done % {"count": count})
    return redirect("events:event_manage", event_id)


# The public -------------------------------------------------------------------


@public
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = queries.public_event(pk)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return redirect("events:event_detail", event.pk)
        try:
            services.register(
                event=event,
                language=get_language() or "en",
                client=client_address(request),
                **form.service_fields(),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. An e-mail is on its way to you (it may take a few minutes): "
                    "open the link in it to confirm your registration."
                ),
            )
            return redirect("events:event_detail", event.pk)
    context = {"event": event, "form": form, "seats_left": max(event.capacity - event.seats_taken, 0)}
    with zones.local_to(event):  # the organiser school's zone, named on the page
        return render(request, "events/event_detail.html", context, status=_status(form))


@public
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    registration = queries.by_token(token)
    if request.method == "POST":
        services.confirm(registration=registration)
        return redirect("events:registration", token)
    with zones.local_to(registration):
        return render(
            request, "events/confirm.html", {"registration": registration, "event": registration.event}
        )


@public
def registration(request: HttpRequest, token: str) -> HttpResponse:
    found = queries.by_token(token)
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            services.cancel(registration=found)
            messages.success(request, _("Your registration was cancelled."))
        elif request.POST.get("action") == "accept":
            services.accept_offer(registration=found)
            messages.success(request, _("The seat is yours."))
        return redirect("events:registration", token)
    context = {
        "registration": found,
        "event": found.event,
        "can_cancel": found.status not in (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED),
        "offered": found.status == RegistrationStatus.SEAT_OFFERED,
    }
    with zones.local_to(found):
        return render(request, "events/registration.html", context)


# Finding events ---------------------------------------------------------------


@public
def calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarForm(request.GET or None)
    filters = form.filters()
    page = queries_public.calendar_page(filters, request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    points = queries_public.map_points(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "query_string": query_string.urlencode(),
        "map": event_map(points),
        "map_kinds": map_legend(points),
        "feed_region": queries_public.region_by_pk(filters.region) if filters.region else None,
    }
    return render(request, "events/calendar.html", context)


def event_map(points: list[queries_public.MapPoint]) -> maps.MapContent:
    """One marker per event of the page that has a place (online events have none)."""
    return maps.content(
        markers=maps.markers_of(
            points,
            name=lambda point: point.event.title,
            kind=lambda point: point.event.kind,
            lines=lambda point: _event_lines(point.event),
            link=lambda point: (reverse("events:event_detail", args=[point.event.pk]), _("Open the event")),
        )
    )


def _event_lines(event: Event) -> list[str]:
    starts = getattr(event, "next_start", None)
    # In the organiser school's zone, with its short name: the calendar mixes schools' zones.
    when = zones.short_with_zone(starts, event.school) if starts else ""
    return [line for line in (event.get_kind_display(), when, event.address) if line]


def map_legend(points: list[queries_public.MapPoint]) -> list[tuple[str, str, int]]:
    """The kinds of event on the map, each with its marker shape and its count."""
    counts = Counter(point.event.kind for point in points)
    return [(kind, str(label), counts[kind]) for kind, label in Kind.choices if counts[kind]]


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@public
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = queries_public.calendar_event(pk)
    body = ical.calendar([event], name=event.title, base_url=site_url())
    return _ics(body, f"event-{event.pk}.ics")


@public
def region_ics(request: HttpRequest, country: str, code: str) -> HttpResponse:
    region = queries_public.region(country, code)
    events = queries_public.region_events(region)
    name = _("TwinSchools events in %(region)s") % {"region": region.name}
    return _ics(ical.calendar(events, name=name, base_url=site_url()), f"events-{country}-{code}.ics")


@public
def school_suggestions(request: HttpRequest) -> HttpResponse:
    text = (request.GET.get("school_name") or request.GET.get("q") or "")[:100]
    context = {"schools": queries_public.school_suggestions(text), "text": text}
    return render(request, "events/_school_suggestions.html", context)
