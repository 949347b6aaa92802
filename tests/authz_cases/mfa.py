"""Multi-factor sign-in (allauth.mfa, policy in twinschools/accounts/mfa.py).

Everyone with an e-mail address manages their own second step; pupils (no e-mail, class
code and PIN) are refused every page (403). The walk signs people in with force_login,
which records no password sign-in, so the pages that change a second step first ask the
person to confirm who they are (302 to allauth's reauthentication), and the stages of a
sign-in in progress send a signed-in person on (302). Nobody reaches another person's keys
(404 once they confirm their password: tests/accounts/test_mfa.py). A person who must enrol and has not is tested in tests/accounts/test_mfa.py.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.authz import Case
from tests.conftest import ROLES, World

PUPIL_REFUSED = {"student_a": 403}
# Signed in: 200; pupils refused; visitors sent to sign in.
MANAGE = {**dict.fromkeys(ROLES, 200), "anonymous": 302, **PUPIL_REFUSED}
# Pages that first confirm who the person is, or stages that send a signed-in person on.
REDIRECTED = {**dict.fromkeys(ROLES, 302), **PUPIL_REFUSED}
# What the person has not set up (no authenticator app, no recovery codes yet): 404.
NOT_SET_UP = {**dict.fromkeys(ROLES, 404), "anonymous": 302, **PUPIL_REFUSED}


def _key_of_teacher_a(w: World) -> int:
    """A key of teacher A's: the pages that edit or remove it first confirm who asks."""
    return Authenticator.objects.create(
        user=w.people["teacher_a"], type=Authenticator.Type.WEBAUTHN, data={"name": "Teacher A's key"}
    ).pk


CASES = [
    Case("mfa_index", lambda w: reverse("mfa_index"), MANAGE),
    Case("mfa_authenticate", lambda w: reverse("mfa_authenticate"), REDIRECTED),
    Case("mfa_reauthenticate", lambda w: reverse("mfa_reauthenticate"), REDIRECTED),
    Case("mfa_activate_totp", lambda w: reverse("mfa_activate_totp"), REDIRECTED),
    Case("mfa_deactivate_totp", lambda w: reverse("mfa_deactivate_totp"), NOT_SET_UP),
    Case("mfa_view_recovery_codes", lambda w: reverse("mfa_view_recovery_codes"), NOT_SET_UP),
    Case("mfa_generate_recovery_codes", lambda w: reverse("mfa_generate_recovery_codes"), REDIRECTED),
    Case("mfa_download_recovery_codes", lambda w: reverse("mfa_download_recovery_codes"), NOT_SET_UP),
    Case("mfa_list_webauthn", lambda w: reverse("mfa_list_webauthn"), MANAGE),
    Case("mfa_add_webauthn", lambda w: reverse("mfa_add_webauthn"), REDIRECTED),
    Case("mfa_reauthenticate_webauthn", lambda w: reverse("mfa_reauthenticate_webauthn"), REDIRECTED),
    Case("mfa_login_webauthn", lambda w: reverse("mfa_login_webauthn"), REDIRECTED),
    # "Sign in with a passkey": the sign-in page's script asks for a WebAuthn challenge (JSON,
    # a random value kept in the asker's session, naming nobody), then posts the browser's
    # answer; a post without an answer goes back to the sign-in page.
    Case(
        "mfa_login_webauthn",
        lambda w: reverse("mfa_login_webauthn"),
        {**dict.fromkeys(ROLES, 200), **PUPIL_REFUSED},
        headers=(("Accept", "application/json"),),
    ),
    Case("mfa_login_webauthn", lambda w: reverse("mfa_login_webauthn"), REDIRECTED, method="post"),
    Case(
        "mfa_list_webauthn",
        lambda w: (_key_of_teacher_a(w), reverse("mfa_list_webauthn"))[1],
        MANAGE,
    ),
    Case(
        "mfa_edit_webauthn",
        lambda w: reverse("mfa_edit_webauthn", args=[_key_of_teacher_a(w)]),
        REDIRECTED,
    ),
    Case(
        "mfa_remove_webauthn",
        lambda w: reverse("mfa_remove_webauthn", args=[_key_of_teacher_a(w)]),
        REDIRECTED,
    ),
]
