"""Writes about people: invitations, classes and pupils, data export and erasure.

Every function is keyword-only, owns its transaction and leaves an audit event.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from twinschools.accounts import personal_data
from twinschools.accounts.models import (
    ClassGroup,
    CountryRole,
    HomeVisit,
    Invitation,
    Membership,
    Role,
    StudentProfile,
    User,
)
from twinschools.core import audit, mail, throttle
from twinschools.core.authz import forget_roles
from twinschools.core.site import absolute
from twinschools.core.text import fold
from twinschools.network.models import Country, School

INVITABLE_ROLES = (Role.TEACHER, Role.HEAD)
# Unambiguous characters only: pupils copy class codes from a board.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PIN_DIGITS = 6
STUDENT_LOGIN_ATTEMPTS = 10
STUDENT_LOGIN_WINDOW_SECONDS = 15 * 60
# A pupil's sign-in counts per address (a guesser at one computer) and per pupil (guessers
# spread over many addresses): a class code, a name and a PIN, guessed at most this often.
PUPIL_SIGN_IN_PER_ADDRESS = throttle.Limit(
    "pupil-sign-in-address", STUDENT_LOGIN_ATTEMPTS, STUDENT_LOGIN_WINDOW_SECONDS
)
PUPIL_SIGN_IN_PER_PUPIL = throttle.Limit(
    "pupil-sign-in-pupil", STUDENT_LOGIN_ATTEMPTS, STUDENT_LOGIN_WINDOW_SECONDS
)
# A new visit to the home page starts after this long away from it.
VISIT_GAP = timedelta(minutes=30)


def _pending_invitations(email: str, **place: Any) -> Any:
    return Invitation.objects.filter(
        email=email, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now(), **place
    )


def _invite(*, email: str, role: str, invited_by: User, **place: Any) -> Invitation:
    """Create an invitation to a school or a country (place: school= or country=), audit it
    and e-mail its acceptance link once the transaction commits. Callers hold the transaction."""
    if _pending_invitations(email, **place).exists():
        raise ValidationError(
            _("An invitation to this address is already pending. Revoke it first to send a new one."),
            code="pending",
        )
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        **place,
    )
    audit.record(
        actor=invited_by,
        action="accounts.invitation.sent",
        school=place.get("school"),
        target=invitation,
        data={"role": role, **({"country": place["country"].code} if "country" in place else {})},
    )
    accept_url = absolute(reverse("accounts:accept_invitation", args=[invitation.token]))
    queue_invitation_email(invitation=invitation, accept_url=accept_url)
    return invitation


@transaction.atomic
def invite_staff(*, school: School, email: str, role: str, invited_by: User) -> Invitation:
    email = email.strip().lower()
    if role not in INVITABLE_ROLES:
        raise ValidationError(_("Only teachers and heads can be invited."), code="role")
    already_staff = Membership.objects.filter(
        school=school, user__email=email, role=role, ended_on__isnull=True
    ).exists()
    if already_staff:
        raise ValidationError(_("This person already has this role at the school."), code="member")
    return _invite(email=email, role=role, invited_by=invited_by, school=school)


@transaction.atomic
def invite_to_country(*, country: Country, email: str, role: str, invited_by: User) -> Invitation:
    """Invite an address that has no account yet to a country role (an NSO appointing an
    evaluator); accepting it creates the account and the role. Joins the caller's transaction when there is one."""
    return _invite(email=email.strip().lower(), role=role, invited_by=invited_by, country=country)


@transaction.atomic
def grant_country_role(*, user: User, country: Country, role: str, by: User | None) -> CountryRole:
    """Give (or give back, when it was deactivated) a country role. Joins the caller's transaction when there is one."""
    held, created = CountryRole.objects.select_for_update().get_or_create(
        user=user, country=country, role=role, defaults={"appointed_at": timezone.now(), "appointed_by": by}
    )
    if not created and held.deactivated_at is None:
        raise ValidationError(_("This person already has this role in this country."), code="held")
    if not created:
        held.deactivated_at, held.deactivated_by = None, None
        held.appointed_at, held.appointed_by = timezone.now(), by
        held.save(update_fields=["deactivated_at", "deactivated_by", "appointed_at", "appointed_by"])
    audit.record(
        actor=by,
        action="accounts.country_role.granted",
        target=held,
        data={"country": country.code, "role": role},
    )
    forget_roles(user)
    return held


@transaction.atomic
def deactivate_country_role(*, held: CountryRole, by: User) -> CountryRole:
    """End a country role, keeping its row. Joins the caller's transaction when there is one."""
    locked = CountryRole.objects.select_for_update().select_related("country").get(pk=held.pk)
    if locked.deactivated_at is not None:
        raise ValidationError(_("This role was already deactivated."), code="inactive")
    locked.deactivated_at, locked.deactivated_by = timezone.now(), by
    locked.save(update_fields=["deactivated_at", "deactivated_by"])
    audit.record(
        actor=by,
        action="accounts.country_role.deactivated",
        target=locked,
        data={"country": locked.country.code, "role": locked.role},
    )
    return locked


def queue_invitation_email(*, invitation: Invitation, accept_url: str) -> None:
    """Queue the invitation in the inviter's language, in the caller's transaction (the outbox)."""
    context = {"invitation": invitation, "accept_url": accept_url}
    language = invitation.invited_by.language or translation.get_language()
    with translation.override(language):
        if invitation.school is not None:
            subject = _("You are invited to join %(school)s on TwinSchools") % {
                "school": invitation.school.name
            }
        else:
            subject = _("You are invited to evaluate eTwinning School label applications for %(country)s") % {
                "country": invitation.place_name
            }
        body = render_to_string("accounts/email/invitation.txt", context)
    mail.queue(
        to=invitation.email, subject=subject, body=body, language=language, key=f"invitation:{invitation.pk}"
    )


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation was already accepted."), code="accepted")
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(
            actor=by, action="accounts.invitation.revoked", school=invitation.school, target=invitation
        )


def _check_acceptable(invitation: Invitation) -> None:
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation was revoked."), code="revoked")
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation was already accepted."), code="accepted")
    if invitation.expires_at <= timezone.now():
        if invitation.country_id is not None:
            raise ValidationError(
                _("This invitation has expired. Ask your national support organisation for a new one."),
                code="expired",
            )
        raise ValidationError(
            _("This invitation has expired. Ask the head of the school for a new one."), code="expired"
        )


def _take_role(invitation: Invitation, user: User) -> None:
    if invitation.country is not None:
        held = CountryRole.objects.filter(user=user, country=invitation.country, role=invitation.role).first()
        if held is None or held.deactivated_at is not None:
            grant_country_role(
                user=user, country=invitation.country, role=invitation.role, by=invitation.invited_by
            )
    else:
        Membership.objects.get_or_create(
            user=user, school=invitation.school, role=invitation.role, ended_on=None
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.record(
        actor=user, action="accounts.invitation.accepted", school=invitation.school, target=invitation
    )
    forget_roles(user)


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> None:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("school", "country")
        .get(pk=invitation.pk)
    )
    _check_acceptable(invitation)
    if (user.email or "").lower() != invitation.email:
        raise ValidationError(
            _("This invitation was sent to another e-mail address. Sign in with that address to accept it."),
            code="email",
        )
    _take_role(invitation, user)


@transaction.atomic
def accept_invitation_with_new_account(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Accept for an address that has no account: the link proves the address, so the account
    is created with it verified and the password the person chose."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("school", "country")
        .get(pk=invitation.pk)
    )
    _check_acceptable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with this address already exists. Sign in to accept the invitation."), code="exists"
        )
    user = User.objects.create_user(
        invitation.email, password, full_name=full_name.strip(), language=invitation.invited_by.language
    )
    EmailAddress.objects.create(user=user, email=invitation.email, verified=True, primary=True)
    audit.record(
        actor=user, action="accounts.user.created_by_invitation", school=invitation.school, target=user
    )
    _take_role(invitation, user)
    return user


def _new_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


@transaction.atomic
def create_class(*, school: School, name: str, by: User) -> ClassGroup:
    name = name.strip()
    if ClassGroup.objects.filter(school=school, name__iexact=name).exists():
        raise ValidationError(_("The school already has a class with this name."), code="duplicate")
    code = _new_code()
    while ClassGroup.objects.filter(code=code).exists():
        code = _new_code()
    class_group = ClassGroup.objects.create(school=school, name=name, code=code)
    audit.record(actor=by, action="accounts.class_group.created", school=school, target=class_group)
    return class_group


@transaction.atomic
def add_student(
    *, class_group: ClassGroup, display_name: str, parental_consent: bool, by: User
) -> tuple[User, str]:
    """Create a pupil account; returns the pupil and their PIN, shown only once."""
    display_name = display_name.strip()
    taken = {
        fold(name)
        for name in StudentProfile.objects.filter(class_group=class_group).values_list(
            "user__display_name", flat=True
        )
    }
    if fold(display_name) in taken:
        raise ValidationError(
            _("Another pupil of this class already uses this display name. Choose another one."),
            code="duplicate",
        )
    pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
    user = User.objects.create(display_name=display_name, password=make_password(pin))
    StudentProfile.objects.create(
        user=user,
        class_group=class_group,
        parental_consent=parental_consent,
        consent_recorded_on=timezone.localdate() if parental_consent else None,
    )
    Membership.objects.create(user=user, school=class_group.school, role=Role.STUDENT)
    audit.record(actor=by, action="accounts.student.added", school=class_group.school, target=user)
    return user, pin


@transaction.atomic
def reset_pin(*, student: StudentProfile, by: User) -> str:
    """Give the pupil a new PIN, shown once; the old one stops working at once.

    Changing the password also ends the pupil's open sessions (Django checks the
    password's hash on every request)."""
    student = (
        StudentProfile.objects.select_for_update().select_related("user", "class_group").get(pk=student.pk)
    )
    pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
    student.user.password = make_password(pin)
    student.user.save(update_fields=["password"])
    audit.record(
        actor=by, action="accounts.student.pin_reset", school=student.class_group.school, target=student.user
    )
    return pin


@transaction.atomic
def set_parental_consent(*, student: StudentProfile, given: bool, by: User) -> None:
    """Record (or withdraw) a parent's consent; a pupil without it cannot sign in."""
    student = (
        StudentProfile.objects.select_for_update().select_related("class_group__school").get(pk=student.pk)
    )
    if student.parental_consent == given:
        return
    student.parental_consent = given
    student.consent_recorded_on = timezone.localdate() if given else None
    student.save(update_fields=["parental_consent", "consent_recorded_on"])
    audit.record(
        actor=by,
        action="accounts.student.consent_given" if given else "accounts.student.consent_withdrawn",
        school=student.class_group.school,
        target=student.user,
    )


def authenticate_student(*, code: str, display_name: str, pin: str, client: str) -> User | None:
    """The pupil with this class code, display name and PIN, or None.

    Each attempt is counted before the PIN is checked, per class and client address
    (core.clients.client_address) and per class and pupil, with atomic counters
    (core/throttle.py), so a PIN cannot be guessed, even by simultaneous requests.
    A right PIN gives its count back.
    """
    per_address = (PUPIL_SIGN_IN_PER_ADDRESS, (fold(code), throttle.address_key(client)))
    per_pupil = (PUPIL_SIGN_IN_PER_PUPIL, (fold(code), fold(display_name)))
    if not throttle.take_all(per_address, per_pupil):
        raise ValidationError(
            _("Too many attempts. Wait a quarter of an hour, or ask your teacher for help."),
            code="throttled",
        )
    candidates = StudentProfile.objects.filter(
        class_group__code=code.strip().upper(), user__is_active=True
    ).select_related("user")
    wanted = fold(display_name)
    for student in candidates:
        if fold(student.user.display_name) == wanted and check_password(pin, student.user.password):
            for limit, parts in (per_address, per_pupil):
                throttle.give_back(limit, *parts)
            if not student.parental_consent:
                raise ValidationError(
                    _(
                        "You cannot sign in yet: a parent has not given their consent. "
                        "Your parent can give it in their TwinSchools account, or your teacher can ask the head of school."
                    ),
                    code="no_consent",
                )
            return student.user
    return None


def export_person_data(*, person: User, by: User) -> dict[str, Any]:
    """Everything we hold about a person, as JSON-ready data (GDPR art. 15 and 20).

    The accounts app's own facts, then every section the other apps register in
    `accounts.personal_data` (a pupil's initiatives and teams, registrations, practices...)."""
    student = StudentProfile.objects.filter(user=person).select_related("class_group").first()
    data: dict[str, Any] = {
        "person": {
            "id": person.pk,
            "email": person.email,
            "full_name": person.full_name,
            "display_name": person.display_name,
            "external_id": person.external_id,
            "language": person.language,
            "joined": person.date_joined.isoformat(),
        },
        "memberships": [
            {
                "school": m.school.name,
                "school_external_id": m.school.external_id,
                "role": m.role,
                "since": m.started_on.isoformat(),
                "until": m.ended_on.isoformat() if m.ended_on else None,
            }
            for m in person.memberships.select_related("school")
        ],
        "projects": [
            {
                "project": pt.project.title,
                "project_external_id": pt.project.external_id,
                "school": pt.school.name,
            }
            for pt in person.project_roles.select_related("project", "school")
        ],
        "quality_labels": [
            {
                "kind": ql.kind,
                "project": ql.project.title,
                "school": ql.school.name,
                "granted_on": ql.granted_on.isoformat(),
            }
            for ql in person.quality_labels.select_related("project", "school")
        ],
        "activities": [
            {"kind": a.kind, "title": a.title, "date": a.occurred_on.isoformat(), "school": a.school.name}
            for a in person.activities.select_related("school").order_by("occurred_on", "pk")
        ],
        "student": (
            {
                "class": student.class_group.name,
                "parental_consent": student.parental_consent,
                "consent_recorded_on": student.consent_recorded_on.isoformat()
                if student.consent_recorded_on
                else None,
            }
            if student
            else None
        ),
    }
    exported = [section for section in personal_data.sections() if section.fields]
    for section in exported:
        data[section.key] = section.export(person)
    data["left_out"] = [str(section.note) for section in exported if section.note]
    audit.record(actor=by, action="accounts.person.exported", target=person)
    return data


@transaction.atomic
def erase_person(*, person: User, by: User) -> None:
    """Erase a person's personal data, everywhere: each app's registered `erase` runs first.

    Pupils are deleted outright. Staff accounts are anonymised instead: the dated
    facts they leave (activities, projects, quality labels) belong to the school's
    history and decide its label eligibility, but no longer name anybody.
    """
    if person.pk == by.pk:
        raise ValidationError(_("You cannot erase your own account here."), code="self")
    schools: list[School | None] = [m.school for m in person.memberships.select_related("school")]
    for school in schools or [None]:
        audit.record(actor=by, action="accounts.person.erased", school=school, target=person)
    # What the other apps hold about the person (registrations by their address, notices that
    # name them...), while the name and address are still known to find it.
    for section in personal_data.sections():
        if section.erase is not None:
            section.erase(person)
    if person.email:
        # Invitations sent to the address: the invitation stays (who invited whom, when), not the address.
        Invitation.objects.filter(email__iexact=person.email).update(email="")
    if hasattr(person, "student"):
        person.delete()
    else:
        person.email = None
        person.full_name = ""
        person.display_name = ""  # pages show a translated placeholder (User.public_name)
        person.erased_at = timezone.now()
        person.external_id = None
        person.is_active = False
        person.set_unusable_password()
        person.save()
        EmailAddress.objects.filter(user=person).delete()
        person.memberships.filter(ended_on__isnull=True).update(ended_on=timezone.localdate())
        person.children.clear()


@transaction.atomic
def note_home_visit(*, user: User, now: datetime) -> datetime | None:
    """Record that the person opened their home page; answer when their previous visit began.

    Not audited: it is the page's bookkeeping, not a change anyone is accountable for,
    and an audit event per page view would drown the trail.
    """
    visit = HomeVisit.objects.select_for_update().filter(user=user).first()
    if visit is None:
        HomeVisit.objects.create(user=user, seen_at=now)
        return None
    if now - visit.seen_at > VISIT_GAP:
        visit.previous_at = visit.seen_at
    visit.seen_at = now
    visit.save(update_fields=["seen_at", "previous_at"])
    return visit.previous_at


@transaction.atomic
def create_platform_admin(*, email: str, full_name: str, password: str) -> User:
    """A platform admin, as `manage.py create_admin` makes the first one: the address is the
    operator's own, so it is verified; a second factor is enrolled at the first sign-in."""
    user = User.objects.create_superuser(email, password, full_name=full_name.strip())
    assert user.email is not None  # create_user normalises the address given
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    audit.record(actor=user, action="accounts.admin.created", target=user)
    return user
