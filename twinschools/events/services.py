"""Writes about outreach events and their registrations.

Every function is keyword-only, owns its transaction and leaves an audit event.
Seats are counted under a lock on the event's row, so two people confirming at
once can never both take the last seat.
"""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min, OuterRef, Q, QuerySet, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.accounts.models import User
from twinschools.core import audit, mail, throttle, zones
from twinschools.core.site import site_url
from twinschools.events.models import (
    HOLDS_SEAT,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Session,
)
from twinschools.network.models import School
from twinschools.network.reference import TIME_ZONES

OFFER_HOURS = 48
REGISTRATIONS_PER_HOUR = 10  # per client address, against bots filling the list
REGISTRATIONS = throttle.Limit("event-registration", REGISTRATIONS_PER_HOUR, 3600)
CONFIRMATION = "confirmation"
SEAT_OFFER = "seat_offer"
STATUS_CHANGE = "status_change"


# Events ---------------------------------------------------------------------


AUDIENCE_FIELDS = ("for_teachers", "for_heads", "for_parents")


def _check_event(fields: dict[str, object]) -> None:
    """The rules an event's own fields must keep, each refusal on the field it concerns."""
    errors: dict[str, list[str]] = {}
    if not fields.get("online") and not str(fields.get("address") or "").strip():
        errors["address"] = [_("Give the address of an event held on site.")]
    if int(fields.get("capacity") or 0) < 1:  # type: ignore[call-overload]
        errors["capacity"] = [_("An event needs at least one seat.")]
    if not any(fields.get(name) for name in AUDIENCE_FIELDS):
        errors["for_teachers"] = [_("Choose who the event is for: teachers, heads of school or parents.")]
    latitude, longitude = fields.get("latitude"), fields.get("longitude")
    if latitude is not None and not -90 <= float(latitude) <= 90:  # type: ignore[arg-type]
        errors["latitude"] = [_("A latitude lies between -90 and 90 degrees.")]
    if longitude is not None and not -180 <= float(longitude) <= 180:  # type: ignore[arg-type]
        errors["longitude"] = [_("A longitude lies between -180 and 180 degrees.")]
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        errors.setdefault(missing, []).append(_("Give both the latitude and the longitude, or neither."))
    opens, closes = fields.get("registration_opens"), fields.get("registration_closes")
    if isinstance(opens, datetime) and isinstance(closes, datetime) and closes <= opens:
        errors["registration_closes"] = [_("Registration must close after it opens.")]
    if errors:
        raise ValidationError(errors)


def _check_session(*, starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    if starts_at < now:
        raise ValidationError(
            {"starts_at": [_("A session cannot start in the past: give a date and time still to come.")]}
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("A session must end after it starts.")]})


@transaction.atomic
def save_event(
    *,
    school: School,
    event: Event | None,
    by: User,
    first_session: tuple[datetime, datetime] | None = None,
    **fields: object,
) -> Event:
    """Create the event (as a draft) or change it; `fields` are the Event's editable fields.
    A new event may come with its first session (start, end), refused in the past."""
    _check_event(fields)
    if event is None:
        event = Event(school=school)
    for name, value in fields.items():
        setattr(event, name, value)
    event.save()
    audit.record(actor=by, action="events.event.saved", school=school, target=event)
    if first_session is not None:
        add_session(event=event, starts_at=first_session[0], ends_at=first_session[1], by=by)
    return event


@transaction.atomic
def add_session(*, event: Event, starts_at: datetime, ends_at: datetime, by: User) -> Session:
    _check_session(starts_at=starts_at, ends_at=ends_at, now=timezone.now())
    session = Session.objects.create(event=event, starts_at=starts_at, ends_at=ends_at)
    refresh_span(event_ids=[event.pk])
    audit.record(actor=by, action="events.session.added", school=event.school, target=session)
    return session


# The people told when a session moves or is cancelled: everyone holding or waiting for a seat.
TOLD_OF_CHANGES = (*HOLDS_SEAT, RegistrationStatus.WAITING_LIST)
SESSION_CHANGED = "session_changed"
SESSION_CANCELLED = "session_cancelled"


def _locked_session(session: Session, now: datetime) -> Session:
    session = Session.objects.select_for_update().select_related("event__school").get(pk=session.pk)
    if session.starts_at <= now:
        raise ValidationError(
            _("This session has already begun: it can no longer be changed or cancelled."), code="begun"
        )
    return session


def _tell_registrants(session: Session, kind: str, *, was: tuple[datetime, datetime]) -> int:
    """E-mail each registrant of the session's event, after the commit, in their language."""
    ids = list(
        Registration.objects.filter(event_id=session.event_id, status__in=TOLD_OF_CHANGES).values_list(
            "pk", flat=True
        )
    )
    times = {"was_starts_at": was[0].isoformat(), "was_ends_at": was[1].isoformat()}
    if kind == SESSION_CHANGED:
        times |= {"starts_at": session.starts_at.isoformat(), "ends_at": session.ends_at.isoformat()}
    for pk in ids:
        queue_session_email(registration_id=pk, kind=kind, **times)
    return len(ids)


@transaction.atomic
def change_session(*, session: Session, starts_at: datetime, ends_at: datetime, by: User) -> Session:
    """Correct a session still to come; its registrants are told the new time."""
    now = timezone.now()
    session = _locked_session(session, now)
    _check_session(starts_at=starts_at, ends_at=ends_at, now=now)
    was = (session.starts_at, session.ends_at)
    if was == (starts_at, ends_at):
        return session
    session.starts_at, session.ends_at = starts_at, ends_at
    session.save(update_fields=["starts_at", "ends_at"])
    refresh_span(event_ids=[session.event_id])
    told = _tell_registrants(session, SESSION_CHANGED, was=was)
    audit.record(
        actor=by,
        action="events.session.changed",
        school=session.event.school,
        target=session,
        data={
            "event": session.event_id,
            "was": was[0].isoformat(),
            "now": starts_at.isoformat(),
            "told": told,
        },
    )
    return session


@transaction.atomic
def cancel_session(*, session: Session, by: User) -> None:
    """Cancel a session still to come: it is removed from the event, its registrants are told.
    A published event keeps at least one session (cancel the event itself instead)."""
    session = _locked_session(session, timezone.now())
    event = session.event
    if event.status == EventStatus.PUBLISHED and not event.sessions.exclude(pk=session.pk).exists():
        raise ValidationError(
            _("This is the event's only session: cancel the event instead, or add another session first."),
            code="only_session",
        )
    was = (session.starts_at, session.ends_at)
    told = _tell_registrants(session, SESSION_CANCELLED, was=was)
    pk = session.pk
    session.delete()
    refresh_span(event_ids=[event.pk])
    audit.record(
        actor=by,
        action="events.session.cancelled",
        school=event.school,
        target=event,
        data={"session": pk, "was": was[0].isoformat(), "told": told},
    )


@transaction.atomic
def refresh_span(*, event_ids: list[int]) -> None:
    """Copy the first start and the last end of the events' sessions onto the events (one UPDATE)."""
    sessions = Session.objects.filter(event=OuterRef("pk")).order_by().values("event")
    Event.objects.filter(pk__in=event_ids).update(
        first_starts_at=Subquery(sessions.annotate(first=Min("starts_at")).values("first")),
        last_ends_at=Subquery(sessions.annotate(last=Max("ends_at")).values("last")),
    )


@transaction.atomic
def set_status(*, event: Event, status: str, by: User) -> None:
    if status == EventStatus.PUBLISHED and not event.sessions.exists():
        raise ValidationError(_("Add at least one session before publishing the event."))
    event.status = status
    event.save(update_fields=["status"])
    audit.record(actor=by, action=f"events.event.{status}", school=event.school, target=event)


# Registrations --------------------------------------------------------------


def _check_open(event: Event, now: datetime) -> None:
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError(_("This event does not take registrations."), code="closed")
    if event.registration_opens and now < event.registration_opens:
        raise ValidationError(_("Registration has not opened yet."), code="not_open")
    if event.registration_closes and now > event.registration_closes:
        raise ValidationError(_("Registration is closed."), code="closed")


def _throttle(client: str) -> None:
    """`client` is the real client address (core.clients.client_address); counted atomically."""
    if not throttle.take(REGISTRATIONS, throttle.address_key(client)):
        raise ValidationError(
            _("Too many registrations from your connection. Try again in an hour."), code="throttled"
        )


def _mail_on_commit(registration: Registration, kind: str) -> None:
    """Queue the e-mail in the outbox, in this transaction: it goes out once this commits."""
    queue_registration_email(registration_id=registration.pk, kind=kind)


@transaction.atomic
def register(
    *,
    event: Event,
    name: str,
    email: str,
    role: str,
    school: School | None,
    school_name: str,
    language: str,
    client: str,
) -> Registration:
    """Take a registration and ask the person to confirm their e-mail address (double opt-in)."""
    _check_open(event, timezone.now())
    _throttle(client)
    if not name.strip():
        raise ValidationError({"name": [_("Give your name.")]})
    registration = Registration.objects.create(
        event=event,
        name=name.strip(),
        email=email.strip().lower(),
        role=role,
        school=school,
        school_name="" if school else school_name.strip(),
        language=language,
        token=secrets.token_urlsafe(32),
    )
    audit.record(actor=None, action="events.registration.created", school=event.school, target=registration)
    _mail_on_commit(registration, CONFIRMATION)
    return registration


def _seats_taken(event: Event) -> int:
    return event.registrations.filter(status__in=HOLDS_SEAT).count()


def _locked(registration: Registration) -> tuple[Event, Registration]:
    """Lock the event's row first: every seat change goes through it, one at a time."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    return event, Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def confirm(*, registration: Registration) -> Registration:
    """The person clicked the link in the e-mail: give a seat if one is free, else the waiting list."""
    event, registration = _locked(registration)
    if registration.status != RegistrationStatus.AWAITING_EMAIL:
        return registration  # a second click changes nothing
    if _seats_taken(event) < event.capacity:
        registration.status = (
            RegistrationStatus.AWAITING_APPROVAL if event.approval_required else RegistrationStatus.CONFIRMED
        )
    else:
        registration.status = RegistrationStatus.WAITING_LIST
    registration.save(update_fields=["status"])
    audit.record(
        actor=None,
        action=f"events.registration.{registration.status}",
        school=event.school,
        target=registration,
    )
    return registration


@transaction.atomic
def cancel(*, registration: Registration) -> Registration:
    """The person gives up their registration; a freed seat is offered to the next on the waiting list."""
    event, registration = _locked(registration)
    if registration.status in (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED):
        return registration
    freed = registration.status in HOLDS_SEAT
    registration.status = RegistrationStatus.CANCELLED
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at"])
    audit.record(actor=None, action="events.registration.cancelled", school=event.school, target=registration)
    if freed:
        _offer_free_seats(event)
    return registration


@transaction.atomic
def accept_offer(*, registration: Registration) -> Registration:
    event, registration = _locked(registration)
    if registration.status != RegistrationStatus.SEAT_OFFERED:
        return registration
    registration.status = (
        RegistrationStatus.AWAITING_APPROVAL if event.approval_required else RegistrationStatus.CONFIRMED
    )
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at"])
    audit.record(
        actor=None, action="events.registration.offer_accepted", school=event.school, target=registration
    )
    return registration


def _offer_free_seats(event: Event) -> int:
    """Offer each free seat to the next person on the waiting list (the event row is locked)."""
    free = event.capacity - _seats_taken(event)
    if free <= 0:
        return 0
    waiting = list(
        event.registrations.filter(status=RegistrationStatus.WAITING_LIST).order_by("created_at", "pk")[:free]
    )
    expires = timezone.now() + timedelta(hours=OFFER_HOURS)
    for registration in waiting:
        registration.status = RegistrationStatus.SEAT_OFFERED
        registration.offer_expires_at = expires
        registration.save(update_fields=["status", "offer_expires_at"])
        _mail_on_commit(registration, SEAT_OFFER)
    return len(waiting)


def expire_offers(*, now: datetime | None = None) -> int:
    """Pass expired seat offers to the next person waiting; safe to run again and again (periodic task)."""
    now = now or timezone.now()
    expired = Registration.objects.filter(status=RegistrationStatus.SEAT_OFFERED, offer_expires_at__lte=now)
    event_ids = sorted(set(expired.values_list("event_id", flat=True)))
    offered = 0
    for event_id in event_ids:
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            lapsed = list(
                event.registrations.filter(status=RegistrationStatus.SEAT_OFFERED, offer_expires_at__lte=now)
            )
            Registration.objects.filter(pk__in=[r.pk for r in lapsed]).update(
                status=RegistrationStatus.CANCELLED, offer_expires_at=None
            )
            for registration in lapsed:
                audit.record(
                    actor=None,
                    action="events.registration.offer_expired",
                    school=event.school,
                    target=registration,
                )
            offered += _offer_free_seats(event)
    return offered


@transaction.atomic
def decide(*, registration: Registration, approve: bool, by: User) -> Registration:
    """The organisers approve or decline a registration that awaits their approval."""
    event, registration = _locked(registration)
    if registration.status != RegistrationStatus.AWAITING_APPROVAL:
        raise ValidationError(_("This registration does not await approval."), code="not_waiting")
    registration.status = RegistrationStatus.CONFIRMED if approve else RegistrationStatus.DECLINED
    registration.save(update_fields=["status"])
    audit.record(
        actor=by,
        action=f"events.registration.{registration.status}",
        school=event.school,
        target=registration,
    )
    if not approve:
        _offer_free_seats(event)
    _mail_on_commit(registration, STATUS_CHANGE)
    return registration


# E-mail ---------------------------------------------------------------------


def queue_registration_email(*, registration_id: int, kind: str) -> None:
    """Write to the registrant in the language they registered in (queued in the outbox)."""
    registration = Registration.objects.select_related("event__school").get(pk=registration_id)
    base = site_url()
    context = {
        "registration": registration,
        "event": registration.event,
        "sessions": list(registration.event.sessions.order_by("starts_at", "pk")),
        "confirm_url": base + reverse("events:confirm", args=[registration.token]),
        "manage_url": base + reverse("events:registration", args=[registration.token]),
        "kind": kind,
    }
    # In the registrant's language and the organiser school's time zone (core/zones.py).
    with translation.override(registration.language), zones.local_to(registration):
        subjects = {
            CONFIRMATION: _("Confirm your registration for %(title)s"),
            SEAT_OFFER: _("A seat is free for you at %(title)s"),
            STATUS_CHANGE: _("Your registration for %(title)s"),
        }
        subject = subjects[kind] % {"title": registration.event.title}
        body = render_to_string("events/email/registration.txt", context)
    mail.queue(to=registration.email, subject=subject, body=body, language=registration.language)


def queue_session_email(
    *,
    registration_id: int,
    kind: str,
    was_starts_at: str,
    was_ends_at: str,
    starts_at: str = "",
    ends_at: str = "",
) -> None:
    """Tell a registrant that a session moved or was cancelled, in the language they registered
    in, with the times as the organising school's country reads them (queued in the outbox)."""
    registration = Registration.objects.select_related("event__school__country").get(pk=registration_id)
    event = registration.event
    zone = TIME_ZONES.get(event.school.country.code, settings.TIME_ZONE)
    context = {
        "registration": registration,
        "event": event,
        "kind": kind,
        "was_starts_at": datetime.fromisoformat(was_starts_at),
        "was_ends_at": datetime.fromisoformat(was_ends_at),
        "starts_at": datetime.fromisoformat(starts_at) if starts_at else None,
        "ends_at": datetime.fromisoformat(ends_at) if ends_at else None,
        "manage_url": site_url() + reverse("events:registration", args=[registration.token]),
        "event_url": site_url() + reverse("events:event_detail", args=[event.pk]),
    }
    with translation.override(registration.language), timezone.override(zone):
        subject = (
            _("A session of %(title)s was cancelled")
            if kind == SESSION_CANCELLED
            else _("A session of %(title)s has a new date")
        ) % {"title": event.title}
        body = render_to_string("events/email/session.txt", context)
    mail.queue(to=registration.email, subject=subject, body=body, language=registration.language)


# On the day -------------------------------------------------------------------
# Check-in, reminders and the purge after the retention period (see retention.py).


@transaction.atomic
def mark_attendance(*, registration: Registration, session: Session, present: bool, by: User) -> None:
    """Record whether a confirmed registrant came to one session."""
    if session.event_id != registration.event_id:
        raise ValidationError(_("This person did not register for this event."), code="other_event")
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(_("Only confirmed registrants can be checked in."), code="not_confirmed")
    if present:
        registration.attended.add(session)
    else:
        registration.attended.remove(session)
    audit.record(
        actor=by,
        action="events.registration.attended" if present else "events.registration.absent",
        school=session.event.school,
        target=registration,
        data={"session": session.pk},
    )


def current_session(event: Event, now: datetime) -> Session | None:
    """The session under way, else the next one starting today (a QR code is scanned at the door)."""
    today = timezone.localdate(now)
    for session in event.sessions.all():
        if session.starts_at <= now < session.ends_at:
            return session
    upcoming = [
        s for s in event.sessions.all() if s.starts_at > now and timezone.localdate(s.starts_at) == today
    ]
    return upcoming[0] if upcoming else None


def check_in(*, registration: Registration, by: User, now: datetime | None = None) -> Session:
    """Check the person in for the session taking place now (from their QR code)."""
    session = current_session(registration.event, now or timezone.now())
    if session is None:
        raise ValidationError(_("No session of this event takes place today."), code="no_session")
    mark_attendance(registration=registration, session=session, present=True, by=by)
    return session


def send_reminders(*, now: datetime | None = None) -> int:
    """E-mail confirmed registrants of events starting tomorrow; each person once, ever.

    "Tomorrow" is the organiser school's: one window per zone of the schools with sessions soon.
    """
    now = now or timezone.now()
    soon = Event.objects.filter(sessions__starts_at__gte=now, sessions__starts_at__lt=now + timedelta(days=3))
    tomorrow = Q(pk__in=[])
    for name in set(soon.values_list("school__time_zone", flat=True)):
        day = timezone.localdate(now, zones.get(name)) + timedelta(days=1)
        start = timezone.make_aware(datetime.combine(day, time.min), zones.get(name))
        end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min), zones.get(name))
        tomorrow |= Q(
            event__school__time_zone=name,
            event__sessions__starts_at__gte=start,
            event__sessions__starts_at__lt=end,
        )
    with transaction.atomic():
        due = Registration.objects.filter(
            tomorrow, status=RegistrationStatus.CONFIRMED, event__status=EventStatus.PUBLISHED
        ).values("pk")
        # Lock the rows (a second run waits, then finds them marked): no DISTINCT with FOR UPDATE.
        locked = Registration.objects.select_for_update().filter(pk__in=due, reminded_at__isnull=True)
        ids = list(locked.values_list("pk", flat=True))
        Registration.objects.filter(pk__in=ids).update(reminded_at=now)
        for pk in ids:
            queue_reminder_email(registration_id=pk)
        _record_reminders(ids)
    return len(ids)


def purge_registrations(*, retention_days: int, now: datetime | None = None) -> int:
    """Delete the registrations of events that ended `retention_days` ago, keeping the counts."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    due = (
        Event.objects.filter(registrations_purged_at__isnull=True, sessions__isnull=False)
        .exclude(sessions__ends_at__gt=cutoff)
        .distinct()
    )
    purged = 0
    for event in due.select_related("school"):
        with transaction.atomic():
            _purge_one(event, now or timezone.now())
        purged += 1
    return purged


def _purge_one(event: Event, now: datetime) -> None:
    registrations = Registration.objects.filter(event=event)
    event.registered_count = registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    event.attended_count = registrations.filter(attended__isnull=False).distinct().count()
    event.registrations_purged_at = now
    event.save(update_fields=["registered_count", "attended_count", "registrations_purged_at"])
    registrations.delete()
    audit.record(
        actor=None,
        action="events.event.registrations_purged",
        school=event.school,
        target=event,
        data={"registered": event.registered_count, "attended": event.attended_count},
    )


def _record_reminders(registration_ids: list[int]) -> None:
    """One audit event per event reminded, with how many people: not one per person."""
    per_event = Counter(
        Registration.objects.filter(pk__in=registration_ids).values_list("event_id", flat=True)
    )
    for event in Event.objects.filter(pk__in=per_event).select_related("school").order_by("pk"):
        audit.record(
            actor=None,
            action="events.event.reminders_sent",
            school=event.school,
            target=event,
            data={"count": per_event[event.pk]},
        )


def queue_reminder_email(*, registration_id: int) -> None:
    """The day-before reminder, with the link to the personal pass (QR code) for the door."""
    registration = Registration.objects.select_related("event__school").get(pk=registration_id)
    context = {
        "registration": registration,
        "event": registration.event,
        "sessions": list(registration.event.sessions.order_by("starts_at", "pk")),
        "pass_url": site_url() + reverse("events:pass", args=[registration.token]),
    }
    with translation.override(registration.language), zones.local_to(registration):
        subject = _("Tomorrow: %(title)s") % {"title": registration.event.title}
        body = render_to_string("events/day/email/reminder.txt", context)
    mail.queue(
        to=registration.email,
        subject=subject,
        body=body,
        language=registration.language,
        key=f"event-reminder:{registration.pk}",
    )


@transaction.atomic
def erase_registrant(*, registration: Registration, by: User) -> int:
    """Erase a registrant (who needs no account) at the organising school: every registration of
    the same address at its events is deleted, with the name, address and check-ins. The audit
    trail names the event, never the person. Answers how many registrations were erased."""
    event = registration.event
    registrations = Registration.objects.filter(
        event__school_id=event.school_id, email__iexact=registration.email
    )
    count = registrations.count()
    audit.record(
        actor=by,
        action="events.registrant.erased",
        school=event.school,
        target=event,
        data={"registrations": count},
    )
    forget_registrations(registrations)
    return count


@transaction.atomic
def forget_registrations(registrations: QuerySet[Registration]) -> None:
    """Delete registrations (an erasure) and offer the seats they held; in the caller's transaction."""
    event_ids = list(registrations.values_list("event_id", flat=True).distinct())
    people = registrations.values_list("email", "name")
    mail.forget(texts={text for person in people for text in person})  # their e-mails in the outbox
    registrations.delete()
    for event in Event.objects.select_for_update().filter(pk__in=event_ids):
        _offer_free_seats(event)
