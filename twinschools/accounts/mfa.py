"""Multi-factor sign-in: who must enrol, who is offered it, and allauth.mfa's adapter.

django-allauth's `allauth.mfa` does the work (TOTP, WebAuthn/passkeys, recovery codes, the
second step at sign-in). This module decides the policy:

- required for platform admins (and anyone with the Django admin), NSO staff and evaluators:
  `MfaEnrolmentMiddleware` sends such a person to the two-step page before anything else
  until they have an authenticator app or a passkey;
- offered to school staff (heads, who sign declarations, and teachers): a card on the home page;
- pupils are exempt: they have no e-mail and sign in with a class code and a PIN
  (`accounts:student_login`), which never meets a second step; the MFA pages refuse them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import segno
from allauth.mfa import signals
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.webauthn.forms import AddWebAuthnForm, EditWebAuthnForm
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinschools.accounts.models import STAFF_ROLES
from twinschools.core import audit
from twinschools.core.authz import roles_of

ENROL_FIRST = _(
    "Your roles ask for a second step at sign-in. Add an authenticator app or a passkey "
    "before you continue; then keep your recovery codes somewhere safe."
)
# The role names of `settings.MFA_REQUIRED_ROLES`.
ADMIN, NSO, EVALUATOR = "admin", "nso", "evaluator"
# What counts as enrolled: a second factor of one's own (recovery codes only back one up).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def is_pupil(user: Any) -> bool:
    """Pupils are the people without an e-mail address (accounts.models.User)."""
    return bool(user.is_authenticated) and not user.email


def national_roles(user: Any) -> set[str]:
    """The roles of `user` that weigh on multi-factor sign-in: admin, nso, evaluator."""
    if not user.is_authenticated or not user.is_active:
        return set()
    roles = roles_of(user)
    held = set()
    if user.is_superuser or user.is_staff:
        held.add(ADMIN)
    if roles.nso_countries:
        held.add(NSO)
    if roles.evaluator_countries:
        held.add(EVALUATOR)
    return held


def is_required(user: Any) -> bool:
    """Must `user` sign in with a second factor? (admins, NSO staff, evaluators)"""
    required = set(settings.MFA_REQUIRED_ROLES)
    if not required or not user.is_authenticated or is_pupil(user):
        return False
    if ADMIN in required and (user.is_superuser or user.is_staff):
        return True  # without a query
    return bool(national_roles(user) & required)


def is_offered(user: Any) -> bool:
    """Is `user` invited to add a second factor, without having to? (heads and teachers)"""
    if not user.is_authenticated or is_pupil(user) or is_required(user):
        return False
    roles = roles_of(user)
    return any(held & set(STAFF_ROLES) for held in roles.school_roles.values())


def is_enrolled(user: Any) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()


def must_enrol(user: Any) -> bool:
    return is_required(user) and not is_enrolled(user)


# Pages a person who must enrol may still open: allauth's own (enrolment, sign-out, e-mail
# verification, password), the language switch, the health check and, in development, the outbox.
_OPEN_PREFIXES = ("mfa_", "account_", "dev:")
_OPEN_NAMES = {"set_language", "core:health"}


def _open_while_enrolling(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return True
    name = match.view_name or ""
    return name.startswith(_OPEN_PREFIXES) or name in _OPEN_NAMES


class MfaEnrolmentMiddleware:
    """Sends a person who must use multi-factor sign-in and has no second factor yet to the
    two-step page, whatever they asked for (every sign-in path: allauth's, an accepted
    invitation's, the admin's); refuses the MFA pages to pupils."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:
            return None
        name = request.resolver_match.view_name if request.resolver_match else ""
        if name.startswith("mfa_") and is_pupil(user):
            raise PermissionDenied
        if _open_while_enrolling(request) or not must_enrol(user):
            return None
        if getattr(request, "htmx", False):
            # A fragment (the unread badge) must not load the enrolment page into itself.
            return HttpResponse(status=204)
        messages.warning(request, ENROL_FIRST, fail_silently=True)
        return HttpResponseRedirect(reverse("mfa_index"))


def _audited(verb: str) -> Callable[..., None]:
    def receive(sender: Any, *, user: Any, authenticator: Any = None, **kwargs: Any) -> None:
        kind = str(authenticator.type) if authenticator is not None else ""
        audit.record(actor=user, action=f"accounts.second_factor.{verb}", target=user, data={"kind": kind})

    return receive


# allauth.mfa changes a person's second step in its own views: each change joins the audit trail
# (connected in AccountsConfig.ready()).
record_added = _audited("added")
record_removed = _audited("removed")
record_reset = _audited("reset")


def connect_audit() -> None:
    signals.authenticator_added.connect(record_added, dispatch_uid="accounts.mfa.added")
    signals.authenticator_removed.connect(record_removed, dispatch_uid="accounts.mfa.removed")
    signals.authenticator_reset.connect(record_reset, dispatch_uid="accounts.mfa.reset")


class MFAAdapter(DefaultMFAAdapter):
    """allauth.mfa in TwinSchools: the QR code drawn by segno (already used for passes and
    certificates), and WebAuthn bound to the site's own address."""

    def build_totp_svg(self, url: str) -> str:
        return str(segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff"))

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        from allauth.core import context

        entity = super().get_public_key_credential_rp_entity()
        host = urlsplit(str(settings.SITE_URL)).hostname or entity["id"]
        # In development the demo is served on 127.0.0.1 and localhost alike; a passkey needs
        # a domain name, so the page's own host is used there.
        if settings.DEBUG and context.request is not None:
            host = context.request.get_host().partition(":")[0]
        return {"id": host, "name": "TwinSchools"}

    def _get_site_name(self) -> str:
        return "TwinSchools"


class AddKeyForm(AddWebAuthnForm):
    """allauth's form to add a security key or a passkey, its fields labelled in our words: the
    name field has no label of its own, and "Passwordless" says little to a teacher."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name")
        if "passwordless" in self.fields:
            # Ticked, the browser is asked for a discoverable credential that verifies its user
            # (residentKey and userVerification "required", allauth's webauthn.js): a passkey.
            self.fields["passwordless"].label = _("Use it as a passkey")
            self.fields["passwordless"].help_text = _(
                "With a passkey you can sign in with this key alone, without your password: the "
                "key asks for your fingerprint, face or PIN each time. Leave it unticked for a key "
                "that only adds a second step after your password."
            )


class EditKeyForm(EditWebAuthnForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name")
